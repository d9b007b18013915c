import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { nextDocumentNumber, takeDocumentNumber } from '../../../../../renderer/src/data/documentArchive/numbering';
import { closeDatabases, freshDatabase } from '../dataFixtures';
import { issuingDesk, unwrapResult } from '../issuanceFixtures';

afterEach(closeDatabases);

const printAt = '2026-11-02T09:30:00+08:00';

describe('nextDocumentNumber', () => {
  it('names the number the next archived document of a kind will carry, without taking it', async () => {
    const desk = await issuingDesk();
    const first = unwrapResult(await nextDocumentNumber(desk.db, 'acceptanceNotice', printAt));
    expect(first).toBe('绵市监企受字〔2026〕第MY01-0001号');
    expect(unwrapResult(await nextDocumentNumber(desk.db, 'acceptanceNotice', printAt))).toBe(first);
    expect(await desk.db.counters.where('name').startsWith('document:').count()).toBe(0);
    expect(unwrapResult(await nextDocumentNumber(desk.db, 'receipt', printAt))).toBe('绵市监企收字〔2026〕第MY01-0001号');
  });

  it('refuses to number documents until the admin has set the issuing agency', async () => {
    const db = freshDatabase();
    await db.meta.put({ key: 'deskIdentity', value: { hallCode: 'MY', deskCode: '01' } });
    expect(await nextDocumentNumber(db, 'receipt', printAt)).toEqual({ ok: false, message: expect.stringContaining('文书抬头') });
  });
});

describe('takeDocumentNumber', () => {
  it('takes the next number inside the caller’s write, and gives it back when that write fails', async () => {
    const desk = await issuingDesk();
    const { db } = desk;
    const take = () => db.transaction('rw', [db.meta, db.counters], () => takeDocumentNumber(db, 'receipt', printAt));
    expect(await take()).toBe('绵市监企收字〔2026〕第MY01-0001号');
    const failed = db.transaction('rw', [db.meta, db.counters], async () => {
      await takeDocumentNumber(db, 'receipt', printAt);
      throw new Error('later step failed');
    });
    await expect(failed).rejects.toThrow('later step failed');
    expect(await take()).toBe('绵市监企收字〔2026〕第MY01-0002号');
    expect(unwrapResult(await nextDocumentNumber(db, 'receipt', printAt))).toBe('绵市监企收字〔2026〕第MY01-0003号');
  });

  it('refuses to take a number outside a read-write transaction, where a failed write would leave a gap', async () => {
    const desk = await issuingDesk();
    await expect(takeDocumentNumber(desk.db, 'receipt', printAt)).rejects.toThrow('read-write');
    expect(unwrapResult(await nextDocumentNumber(desk.db, 'receipt', printAt))).toBe('绵市监企收字〔2026〕第MY01-0001号');
  });
});
