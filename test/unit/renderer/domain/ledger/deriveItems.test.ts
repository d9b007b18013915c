import { describe, expect, it } from 'vitest';
import { CalendarCoverageError, workingCalendarSchema } from '../../../../../renderer/src/domain/calendar';
import { newCaseId } from '../../../../../renderer/src/domain/cases/caseId';
import type { CaseStatus } from '../../../../../renderer/src/domain/cases/caseStatus';
import { deriveLedgerItems, isLedgerItemOverdue, workingDaysLeft, type LedgerCaseFacts } from '../../../../../renderer/src/domain/ledger/deriveItems';
import { ledgerItemIdOf } from '../../../../../renderer/src/domain/ledger/ledgerItem';

// December 2026 by hand: Mon 7, Tue 8, Wed 9 (a day off here), Thu 10, Fri 11, Sat 12 (a make-up working
// day), Sun 13, Mon 14. Only 2026 is covered.
const calendar = workingCalendarSchema.parse({ version: 'test', years: { '2026': { holidays: ['2026-12-09'], workdays: ['2026-12-12'] } } });

const caseId = newCaseId();
const acceptedAt = '2026-12-07T10:00:00+08:00';
const accepted = (dueDate: string): CaseStatus => ({ code: 'accepted', acceptance: { acceptedAt, dueDate, deferral: null } });

function facts(overrides: Partial<LedgerCaseFacts> = {}): LedgerCaseFacts {
  return { caseId, status: accepted('2026-12-18'), greenCard: false, liaison: null, outstandingDeferred: [], committed: [], checks: [], ...overrides };
}

describe('workingDaysLeft', () => {
  it('counts working days to the due date across a day off', () => {
    // (8, 10]: the 9th is off, so only the 10th counts.
    expect(workingDaysLeft('2026-12-10', '2026-12-08', calendar)).toBe(1);
    // (10, 14]: Fri 11, the make-up Saturday 12, Mon 14.
    expect(workingDaysLeft('2026-12-14', '2026-12-10', calendar)).toBe(3);
    expect(workingDaysLeft('2026-12-08', '2026-12-08', calendar)).toBe(0);
  });

  it('is negative once overdue, counting the working days since', () => {
    // (7, 10]: the 8th and the 10th.
    expect(workingDaysLeft('2026-12-07', '2026-12-10', calendar)).toBe(-2);
    // (11, 13]: the make-up Saturday.
    expect(workingDaysLeft('2026-12-11', '2026-12-13', calendar)).toBe(-1);
  });

  it('never says 0 for a past due date: the day off right after it is already one day late', () => {
    // Due Friday the 4th; Saturday the 5th is an ordinary weekend day, no working day in (4, 5].
    expect(workingDaysLeft('2026-12-04', '2026-12-05', calendar)).toBe(-1);
    expect(isLedgerItemOverdue('2026-12-04', '2026-12-05')).toBe(true);
    expect(isLedgerItemOverdue('2026-12-05', '2026-12-05')).toBe(false);
  });

  it('refuses to guess past the calendar', () => {
    expect(() => workingDaysLeft('2027-01-04', '2026-12-30', calendar)).toThrow(CalendarCoverageError);
  });
});

describe('deriveLedgerItems', () => {
  it('calls a case within one working day of its promised date overdue-pending, counting the day off', () => {
    // On the 8th the next working day is the 10th (the 9th is off), so a case due on the 10th is near due.
    expect(deriveLedgerItems(facts({ status: accepted('2026-12-10') }), '2026-12-08', calendar)).toEqual([
      { id: ledgerItemIdOf('overdue', caseId), source: 'overdue', caseId, subject: null, dueDate: '2026-12-10', owner: null },
    ]);
    // On the 7th the next working day is the 8th: two working days left, nothing to supervise yet.
    expect(deriveLedgerItems(facts({ status: accepted('2026-12-10') }), '2026-12-07', calendar)).toEqual([]);
    // Past due.
    expect(deriveLedgerItems(facts({ status: accepted('2026-12-07') }), '2026-12-08', calendar).map((item) => item.source)).toEqual(['overdue']);
  });

  it('derives nothing for a case whose clock has stopped', () => {
    const completed: CaseStatus = {
      code: 'completed',
      acceptance: { acceptedAt, dueDate: '2026-12-07', deferral: null },
      decidedAt: '2026-12-07T15:00:00+08:00',
      completedAt: '2026-12-08T09:00:00+08:00',
      collector: { name: '王五', idNumber: '11010519491231002X' },
    };
    expect(deriveLedgerItems(facts({ status: completed, greenCard: true }), '2026-12-14', calendar)).toEqual([]);
    expect(deriveLedgerItems(facts({ status: { code: 'drafting' }, greenCard: true }), '2026-12-14', calendar)).toEqual([]);
  });

  it('derives one item per 容缺 material past its deadline, due on that deadline', () => {
    const outstandingDeferred = [
      { materialKey: 'lease', name: '租赁合同', deadline: '2026-12-07' },
      { materialKey: 'title', name: '产权证明', deadline: '2026-12-08' },
    ];
    const items = deriveLedgerItems(facts({ outstandingDeferred }), '2026-12-08', calendar);
    // Due on the 8th is not late on the 8th.
    expect(items).toEqual([{ id: ledgerItemIdOf('deferred', caseId, 'lease'), source: 'deferred', caseId, subject: 'lease', dueDate: '2026-12-07', owner: null }]);
  });

  it('derives one item per open 核查 past its due date, counting working days from acceptance across the day off', () => {
    const committed = [{ materialKey: 'site', name: '住所使用承诺', checkDays: 2 }];
    // Accepted on the 7th: two working days on are the 8th and the 10th (the 9th is off).
    expect(deriveLedgerItems(facts({ committed }), '2026-12-10', calendar)).toEqual([]);
    expect(deriveLedgerItems(facts({ committed }), '2026-12-11', calendar)).toEqual([
      { id: ledgerItemIdOf('commitment', caseId, 'site'), source: 'commitment', caseId, subject: 'site', dueDate: '2026-12-10', owner: null },
    ]);
    // Checked: nothing left to supervise.
    expect(deriveLedgerItems(facts({ committed, checks: [{ materialKey: 'site', at: '2026-12-11T09:00:00+08:00' }] }), '2026-12-11', calendar)).toEqual([]);
  });

  it('derives a green-card item for every accepted, unfinished case of a green-card enterprise, owned by its 专员 when known', () => {
    const liaison = { liaisonName: '周专员', liaisonPhone: '13800138000' };
    expect(deriveLedgerItems(facts({ greenCard: true, liaison }), '2026-12-08', calendar)).toEqual([
      {
        id: ledgerItemIdOf('greenCard', caseId),
        source: 'greenCard',
        caseId,
        subject: null,
        dueDate: '2026-12-18',
        owner: { department: '服务绿卡专员', liaisonName: '周专员', liaisonPhone: '13800138000' },
      },
    ]);
    expect(deriveLedgerItems(facts({ greenCard: true }), '2026-12-08', calendar)[0]?.owner).toBeNull();
  });

  it('derives every applicable item of one case together', () => {
    const items = deriveLedgerItems(
      facts({ status: accepted('2026-12-07'), greenCard: true, outstandingDeferred: [{ materialKey: 'lease', name: '租赁合同', deadline: '2026-12-07' }] }),
      '2026-12-10',
      calendar,
    );
    expect(items.map((item) => item.id)).toEqual([ledgerItemIdOf('overdue', caseId), ledgerItemIdOf('deferred', caseId, 'lease'), ledgerItemIdOf('greenCard', caseId)]);
  });
});
