import { signIn, type SignedInClerk } from '../domain/clerks/account';
import { clerksMessages } from '../domain/clerks/messages';
import { can, type ClerkAction } from '../domain/clerks/permissions';
import { cleanText } from '../domain/text';
import { appendAuditEntry } from './audit';
import { chinaIso } from './clock';
import { clerkSubject, findClerkByLoginName, requirePermission } from './clerks';
import type { DeskDatabase } from './db';
import { issuanceDataMessages } from './issuanceMessages';
import { Refusal, type ChangeResult } from './refusal';
import { clearPasswordFailures, passwordWaitMessage, recordPasswordFailure, signInRetryAfterMs, withPasswordWait } from './session';

const m = issuanceDataMessages.chief;

/** What the chief representative types at the clerk's desk to approve a void or a reprint. */
export interface ChiefCredentials {
  loginName: string;
  password: string;
}

/** Which act the approval is for, and by whose request (the clerk signed in at the desk). */
export interface ApprovalRequest {
  action: ClerkAction;
  requestedBy: SignedInClerk;
  now?: Date;
}

/**
 * Checks that the credentials belong to an active account whose role may do `action` (a chief for voids
 * and reprints), whoever is signed in: a clerk cannot approve their own void by being at the desk. Runs
 * PBKDF2 in WebCrypto, so it must run before (never inside) the write it approves; the write then
 * re-checks the stored account with `requireApprover`. Wrong passwords count against the desk's allowance
 * like failed sign-ins (from the fifth in a row the desk waits, and no password is checked here or at
 * sign-in until it has), and every refusal goes to the audit log.
 */
export async function verifyChiefApproval(db: DeskDatabase, credentials: ChiefCredentials, request: ApprovalRequest): Promise<ChangeResult<SignedInClerk>> {
  const now = request.now ?? new Date();
  if (credentials.loginName.trim() === '' || credentials.password === '') return { ok: false, message: m.missing };
  const refusedInput = (reason: string) => ({
    at: chinaIso(now),
    clerkId: request.requestedBy.id,
    action: 'approval.refused',
    subject: clerkSubject(request.requestedBy.id),
    details: { loginName: credentials.loginName.trim().toLowerCase(), forAction: request.action, reason },
  });
  const refused = async (reason: string, message: string): Promise<ChangeResult<SignedInClerk>> => {
    await appendAuditEntry(db, refusedInput(reason));
    return { ok: false, message };
  };
  const waitMs = await signInRetryAfterMs(db, now);
  if (waitMs > 0) return refused('throttled', passwordWaitMessage(waitMs));
  const account = await findClerkByLoginName(db, credentials.loginName);
  const decision = await signIn(account, credentials.password);
  if (!decision.ok) {
    // A disabled account is named as such only to someone who knew its password (as at sign-in).
    const disabled = decision.message === clerksMessages.signIn.disabled;
    const retryAfterMs = await recordPasswordFailure(db, refusedInput(disabled ? 'accountDisabled' : 'wrongCredentials'), now);
    return { ok: false, message: withPasswordWait(disabled ? decision.message : m.wrongCredentials, retryAfterMs) };
  }
  // A clerk's own right password leaves the count as it is, or a clerk could type it between guesses at the chief's.
  if (!can(decision.clerk.role, request.action)) return refused('notPermitted', m.notChief(decision.clerk.displayName));
  await clearPasswordFailures(db);
  return { ok: true, value: decision.clerk };
}

/** Inside the approved write: the approver's stored account still exists, is active and may do `action`. */
export async function requireApprover(db: DeskDatabase, approver: SignedInClerk, action: ClerkAction): Promise<void> {
  await requirePermission(db, approver, action, m.notChief(approver.displayName));
}

/** A reason for a void or reprint: cleaned like any free text, required, bounded (the sync protocol allows 500). */
export function requireReason(reason: string, max = 500): string {
  const cleaned = cleanText(reason, { max, multiline: true });
  if (!cleaned.ok) throw new Refusal(cleaned.error.message);
  if (cleaned.value === '') throw new Refusal(issuanceDataMessages.reasonRequired);
  return cleaned.value;
}
