import type { CaseId } from '../domain/cases/caseId';
import type { SignedInClerk } from '../domain/clerks/account';
import { callDesk, DeskError, type ChannelInput, type ChannelOutput } from '../platform/desk';

/**
 * The issuance claim: before an enrolled window prints a case's 正本 or 副本 it asks HQ for the right to
 * issue the case, which HQ gives one window at a time (and renews for the window holding it). What HQ's
 * answer means for printing is decided here, apart from the screen.
 */

export type ClaimAnswer = ChannelOutput<'hqClaimIssuance'>;
type ReleaseAnswer = ChannelOutput<'hqReleaseIssuance'>;

/**
 * Whether this window may print the case's licences now:
 * - noHq: the desk is not enrolled and works without HQ: it issues as it always did.
 * - granted: HQ gave (or renewed) the claim until `expiresAt`.
 * - claimed: another window holds the claim or has issued: printing is blocked.
 * - unreachable: HQ did not answer (network, timeout, HQ's own failure): only the chief may let it go on.
 * - refused: HQ answered, but not with a claim (the case is unknown there, the desk must enrol again…).
 */
export type IssuanceGate =
  | { kind: 'noHq' }
  | { kind: 'granted'; claimId: string; expiresAt: string }
  | { kind: 'claimed'; deskCode: string; clerkName: string; at: string }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'refused'; reason: string };

/** Failures that say HQ could not be reached or could not answer, as opposed to an answer refusing the request. */
const unreachableKinds: ReadonlySet<string> = new Set(['network', 'timeout', 'serverError']);

/** What HQ's answer to a claim means for printing. */
export function gateOf(answer: ClaimAnswer): IssuanceGate {
  if (answer.ok) {
    const value = answer.value;
    return value.outcome === 'granted'
      ? { kind: 'granted', claimId: value.claimId, expiresAt: value.expiresAt }
      : { kind: 'claimed', deskCode: value.deskCode, clerkName: value.clerkName, at: value.at };
  }
  const { failure } = answer;
  return unreachableKinds.has(failure.kind) ? { kind: 'unreachable', reason: failure.message } : { kind: 'refused', reason: failure.message };
}

/** Whether the gate lets the licences be printed (an unreachable HQ only with the chief's approval on record). */
export function mayPrint(gate: IssuanceGate, offlineApproved: boolean): boolean {
  return gate.kind === 'noHq' || gate.kind === 'granted' || (gate.kind === 'unreachable' && offlineApproved);
}

/**
 * The gate after a renewal: a window that holds a live claim keeps it while HQ cannot be reached (HQ
 * keeps it too, until it expires); any answer from HQ replaces it.
 */
export function renewedGate(held: IssuanceGate, renewal: IssuanceGate, now: Date): IssuanceGate {
  if (held.kind === 'granted' && renewal.kind === 'unreachable' && Date.parse(held.expiresAt) > now.getTime()) return held;
  return renewal;
}

/** At least this long between renewals, however soon the claim expires. */
const MIN_RENEW_MS = 30_000;

/** When to renew a granted claim: halfway to its expiry, so a clerk who takes long never loses it. */
export function renewDelayMs(expiresAt: string, now: Date): number {
  return Math.max(MIN_RENEW_MS, Math.floor((Date.parse(expiresAt) - now.getTime()) / 2));
}

/** How the claim reaches HQ: the main process over IPC in the app; tests give their own. */
export interface ClaimTransport {
  claim(input: ChannelInput<'hqClaimIssuance'>): Promise<ClaimAnswer>;
  release(input: ChannelInput<'hqReleaseIssuance'>): Promise<ReleaseAnswer>;
}

export function ipcClaimTransport(): ClaimTransport {
  return {
    claim: (input) => callDesk('hqClaimIssuance', input),
    release: (input) => callDesk('hqReleaseIssuance', input),
  };
}

/** Takes (or renews) the case's claim for the clerk; an IPC refusal reads as HQ refusing, with its message. */
export async function claimIssuance(transport: ClaimTransport, caseId: CaseId, clerk: SignedInClerk): Promise<IssuanceGate> {
  try {
    return gateOf(await transport.claim({ caseId, clerkId: clerk.id, clerkName: clerk.displayName }));
  } catch (error) {
    if (error instanceof DeskError) return { kind: 'refused', reason: error.message };
    throw error;
  }
}

/**
 * Gives the claim back when the clerk leaves the case before printing anything on it, so another window
 * may issue it at once. Best effort: a claim not released expires on HQ by itself.
 */
export async function releaseIssuance(transport: ClaimTransport, caseId: CaseId): Promise<void> {
  try {
    await transport.release({ caseId });
  } catch {
    // Expires on HQ in any case.
  }
}
