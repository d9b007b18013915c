import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { nextCaseNumber, nextDocumentSeq } from '../../../../renderer/src/data/counters';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import { developmentDeskIdentity } from '../../../../renderer/src/data/desk';
import type { CaseRow } from '../../../../renderer/src/data/records';
import { closeDatabases, freshDatabase } from './dataFixtures';

afterEach(closeDatabases);

const caseNumber = (db: DeskDatabase, day: string) =>
  db.transaction('rw', [db.counters, db.cases], (tx) => nextCaseNumber(tx, developmentDeskIdentity, day));

describe('counters', () => {
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
        await nextCaseNumber(tx, developmentDeskIdentity, '2026-11-28');
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
