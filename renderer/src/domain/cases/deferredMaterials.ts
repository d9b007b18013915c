import type { ChecklistItemStatus } from './decisionChecklist';
import type { Acceptance, CaseStatus, CaseStatusCode, DeferredMaterial } from './caseStatus';

/**
 * 容缺 follow-up: when each deferred material is due, which are still owed, and which are overdue. Pure;
 * the overdue list is the one any later report (a ledger of deferred materials, say) starts from.
 */

/**
 * The statuses in which a 容缺 acceptance may still be owed materials: from acceptance until the licence
 * is handed over (HQ may approve straight to 待出证, and what is owed is taken in before the handover).
 */
export const deferralOpenStatusCodes = ['acceptedWithDeferral', 'underReview', 'approved', 'awaitingIssuance'] as const satisfies readonly CaseStatusCode[];

/** The acceptance a case in `status` carries, when it may still be owed deferred materials; else null. */
export function openAcceptance(status: CaseStatus): Acceptance | null {
  if (!(deferralOpenStatusCodes as readonly CaseStatusCode[]).includes(status.code)) return null;
  return 'acceptance' in status ? status.acceptance : null;
}

/** Working days from acceptance a deferred material has when the catalogue sets no period of its own. */
export const defaultDeferralWorkingDays = 5;

/**
 * The deadline a deferred material gets by default: its period (the catalogue's, else the default) in
 * working days from the acceptance date, never later than the case's promised due date, because the
 * case must be decided by then. `addWorkingDays` is the calendar in force (`calendar.ts`).
 */
export function deferralDeadline(
  acceptedOn: string,
  deferralDays: number | undefined,
  dueDate: string,
  addWorkingDays: (start: string, n: number) => string,
): string {
  const deadline = addWorkingDays(acceptedOn, deferralDays ?? defaultDeferralWorkingDays);
  return deadline < dueDate ? deadline : dueDate;
}

/**
 * The materials the acceptance deferred that are still owed: those the checklist still records as
 * deferred (a material brought in is recorded received). Empty for an acceptance without deferral.
 */
export function outstandingDeferred(
  acceptance: Acceptance | null,
  statusOf: (materialKey: string) => ChecklistItemStatus | undefined,
): DeferredMaterial[] {
  return (acceptance?.deferral?.materials ?? []).filter((material) => statusOf(material.materialKey) === 'deferred');
}

/** Whether a material due on `deadline` is overdue on `today` (both `YYYY-MM-DD`): due that day is not late. */
export function isOverdue(deadline: string, today: string): boolean {
  return deadline < today;
}

/** Calendar days past the deadline on `today` (0 when not overdue): what a clerk tells the applicant. */
export function daysOverdue(deadline: string, today: string): number {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, days);
}

/** A case with deferred materials still owed (see `outstandingDeferred`). */
export interface OpenDeferral {
  caseId: string;
  caseNumber: string;
  enterpriseName: string;
  outstanding: readonly DeferredMaterial[];
}

export interface OverdueDeferredMaterial extends DeferredMaterial {
  caseId: string;
  caseNumber: string;
  enterpriseName: string;
}

/** The deferred materials overdue on `today`, most overdue first, then by case number and material. */
export function overdueDeferredMaterials(cases: readonly OpenDeferral[], today: string): OverdueDeferredMaterial[] {
  return cases
    .flatMap(({ caseId, caseNumber, enterpriseName, outstanding }) =>
      outstanding.filter((material) => isOverdue(material.deadline, today)).map((material) => ({ ...material, caseId, caseNumber, enterpriseName })),
    )
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.caseNumber.localeCompare(b.caseNumber) || a.name.localeCompare(b.name));
}
