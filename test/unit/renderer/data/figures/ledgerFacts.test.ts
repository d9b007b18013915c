import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readLedgerItemFacts } from '../../../../../renderer/src/data/figures/ledgerFacts';
import { newCaseId } from '../../../../../renderer/src/domain/cases/caseId';
import { ledgerFiguresOf } from '../../../../../renderer/src/domain/figures/ledgerFigures';
import { closeDatabases, readyDesk } from '../dataFixtures';
import { itemRow } from '../ledger/ledgerFixtures';

afterEach(closeDatabases);

describe('the ledger items the figures count', () => {
  it('reads every item the desk holds, sealed at rest, as its plain facts, and counts them', async () => {
    const { db } = await readyDesk();
    const closedAt = '2026-10-12T16:00:00.000+08:00';
    await db.ledgerItems.bulkAdd([
      itemRow(newCaseId(), 'overdue', { dueDate: '2026-10-09' }),
      itemRow(newCaseId(), 'greenCard', { status: 'supervising', dueDate: '2026-10-20' }),
      itemRow(newCaseId(), 'escalated', { status: 'closed', result: '已督促办结', dueDate: '2026-10-13', updatedAt: closedAt }),
      itemRow(newCaseId(), 'deferred', { status: 'closed', result: '材料已补交', dueDate: '2026-10-09', updatedAt: closedAt }),
    ]);
    const facts = await readLedgerItemFacts(db);
    expect(facts).toHaveLength(4);
    expect(facts.every((fact) => Object.keys(fact).sort().join() === 'dueDate,source,status,updatedAt')).toBe(true);
    expect(ledgerFiguresOf(facts, { from: '2026-10-12', to: '2026-10-16' }, '2026-10-14')).toEqual({
      open: 2,
      overdue: 1,
      closed: 2,
      closedOnTime: 1,
      closedOnTimeRate: 0.5,
      openBySource: { overdue: 1, deferred: 0, commitment: 0, escalated: 0, greenCard: 1, rating: 0 },
    });
  });

  it('reads none on a desk whose ledger is empty', async () => {
    const { db } = await readyDesk();
    expect(await readLedgerItemFacts(db)).toEqual([]);
  });
});
