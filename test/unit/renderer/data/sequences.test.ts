import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Transaction } from 'dexie';
import { nextDocumentSeq, readIntakeSequences, reserveOutboxSeqs, takeIntakeNumbers } from '../../../../renderer/src/data/sequences';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import { developmentDeskIdentity } from '../../../../renderer/src/data/desk';
import type { CaseRow } from '../../../../renderer/src/data/records';
import type { DeskIdentity } from '../../../../renderer/src/domain/desk';
import { closeDatabases, freshDatabase } from './dataFixtures';

afterEach(closeDatabases);

/** Numbers a case as intake does: sequences read with the other reads, written with the other writes. */
async function numberCase(tx: Transaction, day: string, opCount = 2, desk: DeskIdentity = developmentDeskIdentity) {
  const sequences = await readIntakeSequences(tx, day);
  const { caseNumber, firstSeq, stored } = await takeIntakeNumbers(tx, desk, sequences, opCount);
  await stored;
  return { caseNumber, firstSeq };
}

const caseNumber = async (db: DeskDatabase, day: string) =>
  (await db.transaction('rw', [db.counters, db.cases], (tx) => numberCase(tx, day))).caseNumber;

describe('sequences', () => {
  it('numbers cases per desk and day from 0001', async () => {
    const db = freshDatabase();
    expect(await caseNumber(db, '2026-11-28')).toBe('MY01-20261128-0001');
    expect(await caseNumber(db, '2026-11-28')).toBe('MY01-20261128-0002');
    expect(await caseNumber(db, '2026-11-29')).toBe('MY01-20261129-0001');
  });

  it('gives the number back when the write that took it fails', async () => {
    const db = freshDatabase();
    await expect(
      db.transaction('rw', [db.counters, db.cases], async (tx) => {
        await numberCase(tx, '2026-11-28');
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await caseNumber(db, '2026-11-28')).toBe('MY01-20261128-0001');
  });

  it('starts a day above the numbers the database already holds (a reinstalled desk that pulled its cases back)', async () => {
    const db = freshDatabase();
    await db.cases.add({ id: '0190a000-0000-7000-8000-000000000001', caseNumber: 'MY01-20261128-0007' } as unknown as CaseRow);
    expect(await caseNumber(db, '2026-11-28')).toBe('MY01-20261128-0008');
  });

  it('reserves outbox seqs for a new case and for any other write from the one sequence, without gaps', async () => {
    const db = freshDatabase();
    const first = await db.transaction('rw', [db.counters, db.cases], (tx) => numberCase(tx, '2026-11-28', 3));
    const next = await db.transaction('rw', db.counters, (tx) => reserveOutboxSeqs(tx, 2));
    const after = await db.transaction('rw', [db.counters, db.cases], (tx) => numberCase(tx, '2026-11-29', 2));
    expect([first.firstSeq, next, after.firstSeq]).toEqual([1, 4, 6]);
  });

  it('starts above the numbers the database holds under a new prefix when the desk\'s identity changes during the day', async () => {
    const db = freshDatabase();
    const asDesk = (desk: DeskIdentity) => db.transaction('rw', [db.counters, db.cases], async (tx) => (await numberCase(tx, '2026-11-28', 2, desk)).caseNumber);
    expect([await asDesk(developmentDeskIdentity), await asDesk(developmentDeskIdentity)]).toEqual(['MY01-20261128-0001', 'MY01-20261128-0002']);
    // Desk 02's cases of the day, pulled from HQ before this desk was given its identity.
    await db.cases.add({ id: '0190a000-0000-7000-8000-000000000002', caseNumber: 'MY02-20261128-0012' } as unknown as CaseRow);
    const desk02 = { hallCode: 'MY', deskCode: '02' };
    expect(await asDesk(desk02)).toBe('MY02-20261128-0013');
    expect(await asDesk(desk02)).toBe('MY02-20261128-0014');
    await db.cases.add({ id: '0190a000-0000-7000-8000-000000000003', caseNumber: 'MY01-20261128-0002' } as unknown as CaseRow);
    expect(await asDesk(developmentDeskIdentity)).toBe('MY01-20261128-0003');
  });

  it('carries on a day counted before its sequence was named by the day alone', async () => {
    const db = freshDatabase();
    await db.counters.put({ name: 'case:MY01-20261128-', value: 4 });
    await db.cases.add({ id: '0190a000-0000-7000-8000-000000000004', caseNumber: 'MY01-20261128-0004' } as unknown as CaseRow);
    expect(await caseNumber(db, '2026-11-28')).toBe('MY01-20261128-0005');
  });

  it('numbers documents per agency code and year', async () => {
    const db = freshDatabase();
    const next = (year: number, agency: string) => db.transaction('rw', db.counters, (tx) => nextDocumentSeq(tx, year, agency));
    expect([await next(2026, '绵市监企受'), await next(2026, '绵市监企受'), await next(2026, '绵市监企补'), await next(2027, '绵市监企受')]).toEqual([1, 2, 1, 1]);
  });

  it('refuses to number outside a read-write transaction', async () => {
    const db = freshDatabase();
    await expect(db.transaction('r', db.counters, (tx) => nextDocumentSeq(tx, 2026, '绵市监企受'))).rejects.toThrow('read-write');
  });
});
