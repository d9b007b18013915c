import { clerksMessages } from './messages';
import { clerkRoleLabel, type ClerkRole } from './roles';

/** What a signed-in person may do at the desk. Case commands map onto these in the case state machine. */
export const clerkActions = [
  'case.intake',
  'case.counterDecision',
  'case.advance',
  'case.decide',
  'commitment.check',
  'licence.print',
  'licence.handover',
  'licence.void',
  'licence.reprint',
  'licence.issueOffline',
  'printer.calibrate',
  'dayClose.prepare',
  'dayClose.sign',
  'settings.manage',
  'printers.manage',
  'desk.enrol',
  'clerks.manage',
  'audit.view',
  'ledger.escalate',
  'ledger.supervise',
] as const;
export type ClerkAction = (typeof clerkActions)[number];

const actionLabels: Readonly<Record<ClerkAction, string>> = clerksMessages.actionLabels;

const COUNTER: readonly ClerkRole[] = ['clerk', 'chief'];
const CHIEF: readonly ClerkRole[] = ['chief'];
const ADMIN: readonly ClerkRole[] = ['admin'];

/**
 * Who may do what (ARCHITECTURE.md, "Roles"). The chief does everything a clerk does plus the acts that need a
 * responsible signature: in-hall decisions, voiding and reprinting licences, calibration, the day close.
 * The admin runs the machine but does not work cases, so settings access never implies decision power.
 */
const permittedRoles: Readonly<Record<ClerkAction, readonly ClerkRole[]>> = {
  'case.intake': COUNTER,
  'case.counterDecision': COUNTER,
  'case.advance': COUNTER,
  'case.decide': CHIEF,
  // 核查 is the follow-up of what the counter took in: the window records what the check found (the
  // action on an untrue commitment is decided by the registration authority and only recorded here).
  'commitment.check': COUNTER,
  'licence.print': COUNTER,
  'licence.handover': COUNTER,
  'licence.void': CHIEF,
  'licence.reprint': CHIEF,
  'licence.issueOffline': CHIEF,
  'printer.calibrate': CHIEF,
  'dayClose.prepare': COUNTER,
  'dayClose.sign': CHIEF,
  'settings.manage': ADMIN,
  'printers.manage': ADMIN,
  'desk.enrol': ADMIN,
  'clerks.manage': ADMIN,
  'audit.view': ['chief', 'admin'],
  // 提请专班督办: whoever works cases asks the task force to look at one.
  'ledger.escalate': COUNTER,
  // The 督办台账 is the chief's (and the admin's, who runs the hall's desk) supervision tool: owners,
  // deadlines, follow-ups and closing.
  'ledger.supervise': ['chief', 'admin'],
};

export function can(role: ClerkRole, action: ClerkAction): boolean {
  return permittedRoles[action].includes(role);
}

export function rolesPermittedTo(action: ClerkAction): readonly ClerkRole[] {
  return permittedRoles[action];
}

/**
 * Why `role` may not do `action`, as a sentence for the person at the desk ("受理员无权作废证照，需由首席代表
 * 操作。"); null when it may. `what` names the act more precisely than the action's label, e.g. "准予许可".
 */
export function permissionDenial(role: ClerkRole, action: ClerkAction, what: string = actionLabels[action]): string | null {
  if (can(role, action)) return null;
  return clerksMessages.forbidden(clerkRoleLabel(role), what, rolesPermittedTo(action).map(clerkRoleLabel));
}
