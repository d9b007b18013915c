import { loginNameSchema, signIn, type SignedInClerk } from '../domain/clerks/account';
import { DEFAULT_IDLE_LOCK_MINUTES, idleLockMinutesSchema } from '../domain/clerks/idleLock';
import { can } from '../domain/clerks/permissions';
import {
  afterSignInFailure,
  NO_SIGN_IN_FAILURES,
  signInThrottleSchema,
  signInWaitMs,
  type SignInThrottle,
} from '../domain/clerks/signInThrottle';
import type { AuditEntryInput } from '../domain/audit/auditEntry';
import { appendAuditEntry, writeWithAudit } from './audit';
import { clerkAuditInput, clerkSubject, findClerkById, findClerkByLoginName, requirePermission } from './clerks';
import type { DeskDatabase } from './db';
import { dataMessages } from './messages';
import { refusalsAsResults, type ChangeResult } from './refusal';

const m = dataMessages.clerks;
const THROTTLE_KEY = 'signInThrottle';
const IDLE_LOCK_KEY = 'idleLockMinutes';

/** A sign-in or unlock: who is now at the desk, or why not and how long until the next try is checked. */
export type SignInOutcome = { ok: true; clerk: SignedInClerk } | { ok: false; message: string; retryAfterMs: number };

async function readThrottle(db: DeskDatabase): Promise<SignInThrottle> {
  const parsed = signInThrottleSchema.safeParse((await db.meta.get(THROTTLE_KEY))?.value);
  return parsed.success ? parsed.data : NO_SIGN_IN_FAILURES;
}

/** How long the desk still refuses to check passwords after repeated failures (0: it checks now). */
export async function signInRetryAfterMs(db: DeskDatabase, now: Date = new Date()): Promise<number> {
  return signInWaitMs(await readThrottle(db), now);
}

/** Why no password is checked now, and for how many more seconds. */
export const passwordWaitMessage = (waitMs: number) => m.tooManyAttempts(Math.ceil(waitMs / 1000));

/*
 * One count of failed passwords per desk, kept by sign-in, unlock and a chief's approval at the clerk's desk
 * alike: every place a password is typed draws on the same allowance, so no dialog offers a guesser more.
 */

/** A right password: the count starts again. */
export async function clearPasswordFailures(db: DeskDatabase): Promise<void> {
  await db.meta.put({ key: THROTTLE_KEY, value: NO_SIGN_IN_FAILURES });
}

async function recordSuccess(db: DeskDatabase, input: AuditEntryInput): Promise<void> {
  await writeWithAudit(db, [], input, () => clearPasswordFailures(db));
}

/** Logs the failure and counts it; answers how long the desk now waits before checking again. */
export async function recordPasswordFailure(db: DeskDatabase, input: AuditEntryInput, now: Date): Promise<number> {
  const { value } = await writeWithAudit(db, [], input, async () => {
    const next = afterSignInFailure(await readThrottle(db), now);
    await db.meta.put({ key: THROTTLE_KEY, value: next });
    return next;
  });
  return signInWaitMs(value, now);
}

/** The refusal of a wrong password, with the wait when this failure made the desk wait. */
export function withPasswordWait(message: string, retryAfterMs: number): string {
  return retryAfterMs > 0 ? `${message}。${passwordWaitMessage(retryAfterMs)}` : message;
}

function failure(message: string, retryAfterMs: number): SignInOutcome {
  return { ok: false, message: withPasswordWait(message, retryAfterMs), retryAfterMs };
}

/**
 * Checks a login name and password. While the desk is blocked after repeated failures no password is
 * checked at all. Every attempt, refused or not, is written to the audit log; the log (seen only by the
 * chief and admin) says why, the person at the desk hears only "wrong name or password".
 */
export async function attemptSignIn(db: DeskDatabase, loginName: string, password: string, now: Date = new Date()): Promise<SignInOutcome> {
  const normalised = loginNameSchema.safeParse(loginName);
  const attempted = normalised.success ? normalised.data : null;
  const failedInput = (reason: string) =>
    clerkAuditInput(now, null, 'clerk.signInFailed', `login:${attempted ?? '-'}`, { loginName: attempted, reason });

  const waitMs = await signInRetryAfterMs(db, now);
  if (waitMs > 0) {
    await appendAuditEntry(db, failedInput('throttled'));
    return { ok: false, message: passwordWaitMessage(waitMs), retryAfterMs: waitMs };
  }
  const account = attempted === null ? undefined : await findClerkByLoginName(db, attempted);
  const decision = await signIn(account, password);
  if (decision.ok) {
    await recordSuccess(db, clerkAuditInput(now, decision.clerk.id, 'clerk.signIn', clerkSubject(decision.clerk.id)));
    return decision;
  }
  const reason = account === undefined ? 'unknownLoginName' : account.active ? 'wrongPassword' : 'accountDisabled';
  return failure(decision.message, await recordPasswordFailure(db, failedInput(reason), now));
}

/** The locked-out clerk's own password opens the lock; failures count like failed sign-ins. */
export async function attemptUnlock(db: DeskDatabase, clerk: SignedInClerk, password: string, now: Date = new Date()): Promise<SignInOutcome> {
  const subject = clerkSubject(clerk.id);
  const waitMs = await signInRetryAfterMs(db, now);
  if (waitMs > 0) {
    await appendAuditEntry(db, clerkAuditInput(now, clerk.id, 'clerk.unlockFailed', subject, { reason: 'throttled' }));
    return { ok: false, message: passwordWaitMessage(waitMs), retryAfterMs: waitMs };
  }
  const account = await findClerkById(db, clerk.id);
  const decision = await signIn(account, password);
  if (decision.ok) {
    await recordSuccess(db, clerkAuditInput(now, clerk.id, 'clerk.unlock', subject));
    return decision;
  }
  const disabled = account !== undefined && !account.active;
  const input = clerkAuditInput(now, clerk.id, 'clerk.unlockFailed', subject, { reason: disabled ? 'accountDisabled' : 'wrongPassword' });
  return failure(disabled ? decision.message : m.wrongUnlockPassword, await recordPasswordFailure(db, input, now));
}

export type LockReason = 'idle' | 'manual';

export async function recordLock(db: DeskDatabase, clerk: SignedInClerk, reason: LockReason, now: Date = new Date()): Promise<void> {
  await appendAuditEntry(db, clerkAuditInput(now, clerk.id, 'clerk.lock', clerkSubject(clerk.id), { reason }));
}

/** `fromLock`: signed out at the lock screen, leaving the desk to someone else. */
export async function recordSignOut(db: DeskDatabase, clerk: SignedInClerk, fromLock: boolean, now: Date = new Date()): Promise<void> {
  await appendAuditEntry(db, clerkAuditInput(now, clerk.id, 'clerk.signOut', clerkSubject(clerk.id), { fromLock }));
}

/** Minutes without keyboard or mouse before the desk locks; the default until an admin sets it. */
export async function readIdleLockMinutes(db: DeskDatabase): Promise<number> {
  const parsed = idleLockMinutesSchema.safeParse((await db.meta.get(IDLE_LOCK_KEY))?.value);
  return parsed.success ? parsed.data : DEFAULT_IDLE_LOCK_MINUTES;
}

export async function saveIdleLockMinutes(
  db: DeskDatabase,
  actor: SignedInClerk,
  minutes: number,
  now: Date = new Date(),
): Promise<ChangeResult<number>> {
  if (!can(actor.role, 'settings.manage')) return { ok: false, message: m.notPermittedSettings };
  const parsed = idleLockMinutesSchema.safeParse(minutes);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const previous = await readIdleLockMinutes(db);
  const input = clerkAuditInput(now, actor.id, 'settings.idleLockMinutes', 'desk:idleLockMinutes', { from: previous, to: parsed.data });
  return refusalsAsResults(async () => {
    await writeWithAudit(db, [db.clerks], input, async () => {
      await requirePermission(db, actor, 'settings.manage', m.notPermittedSettings);
      await db.meta.put({ key: IDLE_LOCK_KEY, value: parsed.data });
    });
    return parsed.data;
  });
}
