import type { CaseRow } from '../../data/records';
import { inHallApprovalRefusal } from '../../domain/cases/decisionAuthority';
import { can } from '../../domain/clerks/permissions';
import type { ClerkRole } from '../../domain/clerks/roles';
import type { HqConfig } from '../../platform/desk';

/**
 * How the issuance screen treats decisions on this desk:
 * - 'inHall': not enrolled with HQ, and the signed-in chief may record approvals in the hall;
 * - 'fromHq': enrolled, so approvals come from the municipal system by sync and none is offered here;
 * - 'none': the enrolment is still being read, or the clerk may not decide: nothing is offered.
 */
export type DecisionMode = 'inHall' | 'fromHq' | 'none';

export function decisionMode(config: HqConfig | null, role: ClerkRole): DecisionMode {
  if (config === null) return 'none';
  if (inHallApprovalRefusal({ deskEnrolled: config.enrolment !== null }) !== null) return 'fromHq';
  return can(role, 'case.decide') ? 'inHall' : 'none';
}

/** Whether the chief may approve this case in the hall: in 'inHall' mode, and only a case HQ does not hold. */
export function mayApproveInHall(mode: DecisionMode, row: Pick<CaseRow, 'hqVersion' | 'hqCaseNumber'>): boolean {
  return mode === 'inHall' && inHallApprovalRefusal({ deskEnrolled: false, caseOnHq: row }) === null;
}
