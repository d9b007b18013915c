import { parseIsoDate } from '../civilDate';
import type { AddWorkingDays } from './caseStateMachine';
import type { CaseStatus } from './caseStatus';

/** 'none': the promised clock is not running (not yet accepted, or already decided, refused, withdrawn). */
export type DueStatus = 'overdue' | 'nearDue' | 'onTime' | 'none';

/** The promised due date while the hall still owes a decision, else null. */
export function runningDueDate(status: CaseStatus): string | null {
  switch (status.code) {
    case 'accepted':
    case 'acceptedWithDeferral':
    case 'underReview':
      return status.acceptance.dueDate;
    default:
      return null;
  }
}

/**
 * How a case in the queue should be highlighted on `today` (`YYYY-MM-DD`): overdue past its due date,
 * near due when at most one working day is left (due today or on the next working day).
 */
export function dueStatus(caseState: { status: CaseStatus }, today: string, addWorkingDays: AddWorkingDays): DueStatus {
  if (parseIsoDate(today) === null) throw new RangeError(`dueStatus: not a YYYY-MM-DD date: ${today}`);
  const due = runningDueDate(caseState.status);
  if (due === null) return 'none';
  if (today > due) return 'overdue';
  return due <= addWorkingDays(today, 1) ? 'nearDue' : 'onTime';
}
