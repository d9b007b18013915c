import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAuditEntry } from '../../../../renderer/src/data/audit';
import { queryAuditLog } from '../../../../renderer/src/data/auditLogQuery';
import { addAccount, closeDatabases, readyDesk } from './dataFixtures';
import { draftCase } from '../sync/syncFixtures';

afterEach(closeDatabases);

async function deskWithLog() {
  const desk = await readyDesk();
  const other = await addAccount(desk.db, 'clerk', '李四');
  const first = await draftCase(desk, '2026-11-26T10:00:00+08:00');
  const second = await draftCase({ db: desk.db, clerk: other }, '2026-11-27T10:00:00+08:00');
  for (let i = 0; i < 5; i += 1) {
    await appendAuditEntry(desk.db, { at: `2026-11-27T11:0${i}:00.000+08:00`, clerkId: other.id, action: 'clerk.signIn', subject: `clerk:${other.id}`, details: {} });
  }
  return { ...desk, other, first, second };
}

describe('queryAuditLog', () => {
  it('lists newest first in pages, each starting below the last one', async () => {
    const { db } = await deskWithLog();
    const total = await db.auditLog.count();
    const seen: number[] = [];
    let page = await queryAuditLog(db, {}, null, 3);
    for (;;) {
      seen.push(...page.entries.map((entry) => entry.seq));
      if (page.next === null) break;
      page = await queryAuditLog(db, {}, page.next, 3);
    }
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => total - i));
  });

  it('finds the entries about a case by its number, and none for an unknown number', async () => {
    const { db, first } = await deskWithLog();
    const page = await queryAuditLog(db, { caseNumber: first.caseNumber }, null, 50);
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((entry) => entry.subject === `case:${first.id}`)).toBe(true);
    expect(await queryAuditLog(db, { caseNumber: 'MY01-20990101-0001' }, null, 50)).toEqual({ entries: [], next: null });
  });

  it('narrows by clerk, action and date range together', async () => {
    const { db, other } = await deskWithLog();
    const byClerk = await queryAuditLog(db, { clerkId: other.id, action: 'clerk.signIn' }, null, 50);
    expect(byClerk.entries).toHaveLength(5);
    const inRange = await queryAuditLog(db, { action: 'clerk.signIn', from: '2026-11-27T11:01:00.000+08:00', to: '2026-11-27T11:03:00.000+08:00' }, null, 2);
    expect(inRange.entries.map((entry) => entry.at)).toEqual(['2026-11-27T11:03:00.000+08:00', '2026-11-27T11:02:00.000+08:00']);
    const rest = await queryAuditLog(db, { action: 'clerk.signIn', from: '2026-11-27T11:01:00.000+08:00', to: '2026-11-27T11:03:00.000+08:00' }, inRange.next, 2);
    expect(rest).toEqual({ entries: [expect.objectContaining({ at: '2026-11-27T11:01:00.000+08:00' })], next: null });
  });
});

