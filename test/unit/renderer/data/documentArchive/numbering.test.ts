import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { nextDocumentNumber } from '../../../../../renderer/src/data/documentArchive/numbering';
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
