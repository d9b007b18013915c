import { describe, expect, it } from 'vitest';
import type { CaseDocumentKind } from '../../../../../renderer/src/domain/cases/caseDocuments';
import type { CaseEvent } from '../../../../../renderer/src/domain/cases/caseEvents';
import { newClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';
import {
  closeBlockers,
  deferredDueOf,
  unprintedDocumentsOf,
  type ArchivedDocument,
} from '../../../../../renderer/src/domain/dayClose/pendingWork';

const day = '2026-11-28';
const clerkId = newClerkId();
const accepted = (seq: number, at: string): CaseEvent => ({
  seq,
  at,
  clerkId,
  type: 'accepted',
  visit: 1,
  dueDate: '2026-11-30',
  documents: [{ kind: 'acceptanceNotice' }, { kind: 'receipt' }],
});
const denied = (seq: number, at: string): CaseEvent => ({ seq, at, clerkId, type: 'denied', reason: '不符合条件', documents: [{ kind: 'denialDecision' }] });
const printedAtDesk = (kind: CaseDocumentKind) => kind !== 'denialDecision';
const archived = (caseId: string, eventSeq: number, kind: string, status: ArchivedDocument['status'] = 'printed'): ArchivedDocument => ({ caseId, eventSeq, kind, status });

describe('unprintedDocumentsOf', () => {
  it('lists documents the day’s decisions asked for that have no valid printed copy', () => {
    const cases = [
      { id: 'c1', caseNumber: 'MY01-20261128-1', timeline: [accepted(2, '2026-11-28T09:30:00+08:00')] },
      { id: 'c2', caseNumber: 'MY01-20261128-2', timeline: [accepted(2, '2026-11-28T10:00:00+08:00')] },
    ];
    const documents = [archived('c1', 2, 'acceptanceNotice'), archived('c1', 2, 'receipt'), archived('c2', 2, 'receipt', 'voided')];
    expect(unprintedDocumentsOf(day, cases, documents, printedAtDesk)).toEqual([
      { caseId: 'c2', caseNumber: 'MY01-20261128-2', eventSeq: 2, kind: 'acceptanceNotice' },
      { caseId: 'c2', caseNumber: 'MY01-20261128-2', eventSeq: 2, kind: 'receipt' },
    ]);
  });

  it('ignores decisions of other days (in China time) and kinds the desk does not print', () => {
    const cases = [
      // 15:30Z on the 27th is 23:30 in the hall: the 27th.
      { id: 'c1', caseNumber: 'MY01-20261127-1', timeline: [accepted(2, '2026-11-27T15:30:00Z')] },
      { id: 'c2', caseNumber: 'MY01-20261128-2', timeline: [denied(4, '2026-11-28T11:00:00+08:00')] },
    ];
    expect(unprintedDocumentsOf(day, cases, [], printedAtDesk)).toEqual([]);
  });

  it('matches a printed copy to its own decision, not an earlier one of the same kind', () => {
    const cases = [{ id: 'c1', caseNumber: 'MY01-20261128-1', timeline: [accepted(2, '2026-11-28T09:00:00+08:00'), accepted(5, '2026-11-28T15:00:00+08:00')] }];
    const documents = [archived('c1', 2, 'acceptanceNotice'), archived('c1', 2, 'receipt'), archived('c1', 5, 'receipt')];
    expect(unprintedDocumentsOf(day, cases, documents, printedAtDesk)).toEqual([{ caseId: 'c1', caseNumber: 'MY01-20261128-1', eventSeq: 5, kind: 'acceptanceNotice' }]);
  });
});

describe('deferredDueOf', () => {
  it('keeps materials due on or before the day, most overdue first', () => {
    const items = [
      { caseNumber: 'B', material: '公司章程', deadline: '2026-11-28' },
      { caseNumber: 'A', material: '住所证明', deadline: '2026-11-30' },
      { caseNumber: 'C', material: '任职文件', deadline: '2026-11-25' },
    ];
    expect(deferredDueOf(day, items).map((item) => item.caseNumber)).toEqual(['C', 'B']);
  });
});

describe('closeBlockers', () => {
  it('lets a fully synced, open day be closed', () => {
    expect(closeBlockers(day, { pending: 0, sending: 0 }, false)).toEqual([]);
  });

  it('refuses while ops are pending or being sent, saying how many in Chinese', () => {
    const [blocker] = closeBlockers(day, { pending: 3, sending: 2 }, false);
    expect(blocker).toMatchObject({ kind: 'unsynced', pending: 3, sending: 2 });
    expect(blocker!.message).toBe('尚有 5 条业务数据未同步到市级系统（待发送 3 条，发送中 2 条），同步完成后才能日结。');
  });

  it('refuses a day already closed, naming it as the hall writes dates', () => {
    expect(closeBlockers(day, { pending: 0, sending: 0 }, true)).toEqual([{ kind: 'closed', message: '2026年11月28日已日结，不能重复日结。' }]);
  });
});
