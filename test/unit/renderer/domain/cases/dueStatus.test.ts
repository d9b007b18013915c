import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../../../renderer/src/domain/calendar';
import { caseStatusCodes } from '../../../../../renderer/src/domain/cases/caseStatus';
import { dueStatus, runningDueDate } from '../../../../../renderer/src/domain/cases/dueStatus';
import { DUE, stateIn } from './caseFixtures';

// The fixtures' accepted cases are due Monday 2026-10-12; Saturday 10-10 is a make-up working day.
describe('dueStatus', () => {
  const accepted = stateIn('accepted');

  it('is onTime while more than one working day is left', () => {
    expect(dueStatus(accepted, '2026-09-30', addWorkingDays)).toBe('onTime');
    expect(dueStatus(accepted, '2026-10-09', addWorkingDays)).toBe('onTime'); // 10-10 and 10-12 still to come
  });

  it('is nearDue with one working day left or on the due date itself', () => {
    expect(dueStatus(accepted, '2026-10-10', addWorkingDays)).toBe('nearDue');
    expect(dueStatus(accepted, '2026-10-11', addWorkingDays)).toBe('nearDue'); // a Sunday: Monday is the next working day
    expect(dueStatus(accepted, DUE, addWorkingDays)).toBe('nearDue');
  });

  it('is overdue from the day after the due date', () => {
    expect(dueStatus(accepted, '2026-10-13', addWorkingDays)).toBe('overdue');
  });

  it('runs for accepted, deferred-accepted and under-review cases only', () => {
    const running = caseStatusCodes.filter((code) => runningDueDate(stateIn(code).status) !== null);
    expect(running).toEqual(['accepted', 'acceptedWithDeferral', 'underReview']);
    for (const code of ['drafting', 'approved', 'completed', 'withdrawn'] as const) {
      expect(dueStatus(stateIn(code), '2027-01-01', addWorkingDays)).toBe('none');
    }
  });

  it('refuses a today that is not a date', () => {
    expect(() => dueStatus(accepted, '2026-10-32', addWorkingDays)).toThrow(RangeError);
  });
});
