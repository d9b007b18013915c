import { addWorkingDaysOn, workingDaysBetween, type WorkingCalendar } from '../calendar';
import type { CaseId } from '../cases/caseId';
import type { CaseStatus, DeferredMaterial } from '../cases/caseStatus';
import { openCommitmentChecks, type CommittedMaterial } from '../cases/commitments';
import { overdueDeferredMaterials } from '../cases/deferredMaterials';
import { dueStatus } from '../cases/dueStatus';
import { ledgerItemIdOf, type LedgerItemId, type LedgerOwner, type LedgerSource } from './ledgerItem';
import { ledgerMessages as m } from './messages';

/**
 * Which ledger items a case should have on a given day. Pure: the data layer feeds it what it holds of the
 * case and stores what is missing (data/ledger/refreshDerivedItems.ts). Items are derived from the case,
 * never from the person looking, so two desks of the hall derive the same ids and the same due dates.
 */

/** The sources the desk derives from cases (escalations are a clerk's act, ratings come with ratings). */
export const derivedLedgerSources = ['overdue', 'deferred', 'commitment', 'greenCard'] as const satisfies readonly LedgerSource[];
export type DerivedLedgerSource = (typeof derivedLedgerSources)[number];

export function isDerivedSource(source: LedgerSource): source is DerivedLedgerSource {
  return (derivedLedgerSources as readonly LedgerSource[]).includes(source);
}

/** A green-card enterprise's liaison (专员), from the hall's green-card list. */
export interface GreenCardLiaison {
  liaisonName: string;
  liaisonPhone: string;
}

/** What derivation needs of one case. */
export interface LedgerCaseFacts {
  caseId: CaseId;
  status: CaseStatus;
  /** The case's enterprise holds a green card (the snapshot on the case). */
  greenCard: boolean;
  /** Its liaison when the green-card list still names one; null when unknown. */
  liaison: GreenCardLiaison | null;
  /** The 容缺 materials still owed (see `outstandingDeferred`). */
  outstandingDeferred: readonly DeferredMaterial[];
  /** The committed (告知承诺) items and the 核查 results recorded for them at any window. */
  committed: readonly CommittedMaterial[];
  checks: ReadonlyArray<{ materialKey: string; at: string }>;
}

/** An item the case should have: its identity, what it is about, and the day it is due. */
export interface DerivedLedgerItem {
  id: LedgerItemId;
  source: DerivedLedgerSource;
  caseId: CaseId;
  subject: string | null;
  dueDate: string;
  owner: LedgerOwner | null;
}

/** Statuses of a case still being served after acceptance: green-card items run from acceptance to handover. */
export const servedAfterAcceptance: ReadonlySet<CaseStatus['code']> = new Set(['accepted', 'acceptedWithDeferral', 'underReview', 'approved', 'awaitingIssuance']);

/**
 * The items `facts` calls for on `today` (`YYYY-MM-DD`):
 * - `overdue` while the promised clock runs and the case is past its 承诺时限 or at most one working day
 *   from it (the queue's 临期/超期, `dueStatus`), due on the promised date;
 * - `deferred`, one per 容缺 material past its deadline, due on that deadline;
 * - `commitment`, one per 核查 past its due date, due on that date;
 * - `greenCard` for a green-card enterprise's case from acceptance until it is handed over, due on the
 *   promised date, owned by the enterprise's 专员 when the list names one. Before acceptance no promise
 *   runs yet, so there is nothing to supervise by a date.
 * Throws `CalendarCoverageError` for a date the calendar does not cover, as every working-day count does.
 */
export function deriveLedgerItems(facts: LedgerCaseFacts, today: string, calendar: WorkingCalendar): DerivedLedgerItem[] {
  const addDays = (start: string, n: number) => addWorkingDaysOn(calendar, start, n);
  const { caseId, status } = facts;
  const items: DerivedLedgerItem[] = [];
  const item = (source: DerivedLedgerSource, dueDate: string, subject: string | null = null, owner: LedgerOwner | null = null) =>
    items.push({ id: ledgerItemIdOf(source, caseId, subject), source, caseId, subject, dueDate, owner });

  const due = dueStatus({ status }, today, addDays);
  if ((due === 'overdue' || due === 'nearDue') && 'acceptance' in status && status.acceptance !== null) item('overdue', status.acceptance.dueDate);

  const deferred = overdueDeferredMaterials([{ caseId, caseNumber: '', enterpriseName: '', outstanding: facts.outstandingDeferred }], today);
  for (const material of deferred) item('deferred', material.deadline, material.materialKey);

  const checks = openCommitmentChecks([{ caseId, caseNumber: '', enterpriseName: '', status, committed: facts.committed, checks: facts.checks }], today, addDays);
  for (const check of checks) if (check.state === 'overdue') item('commitment', check.dueDate, check.materialKey);

  if (facts.greenCard && servedAfterAcceptance.has(status.code) && 'acceptance' in status && status.acceptance !== null) {
    const owner = facts.liaison === null ? null : { department: m.greenCardDepartment, liaisonName: facts.liaison.liaisonName, liaisonPhone: facts.liaison.liaisonPhone };
    item('greenCard', status.acceptance.dueDate, null, owner);
  }
  return items;
}

/**
 * Working days from `today` to `dueDate` for the ledger's 剩余/超期 column: 0 when due today, 1 when due on
 * the next working day, negative when overdue. A date past due is never shown as 0 days late: when
 * `today` is a day off right after the due date (no working day between), it is -1, so "overdue" and the
 * count always agree.
 */
export function workingDaysLeft(dueDate: string, today: string, calendar: WorkingCalendar): number {
  const days = workingDaysBetween(calendar, today, dueDate);
  return dueDate < today ? Math.min(days, -1) : days;
}

/** Whether an item due on `dueDate` is overdue on `today` (due that day is not late). */
export function isLedgerItemOverdue(dueDate: string, today: string): boolean {
  return dueDate < today;
}
