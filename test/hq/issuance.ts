import { randomUUID } from 'node:crypto';
import type { IssuanceConflict } from '../../renderer/src/domain/cases/caseRecord';
import { issuanceClaimMinutes, type IssuanceClaimGrant, type IssuanceClaimRequest } from '../../renderer/src/protocol/issuanceClaim';
import { sameJson, saveCase } from './cases';
import { chinaIso } from './clock';
import { HttpError } from './http';
import { hqMessages } from './messages';
import type { DeskRecord, HqStore } from './store';

const claimMs = issuanceClaimMinutes * 60 * 1000;

function deskCodeOf(store: HqStore, deskId: string): string {
  const desk = store.desk(deskId);
  if (!desk) throw new Error(`unknown desk ${deskId}`);
  return desk.deskCode;
}

/** The case of the desk's hall, or 404 (another hall's cases are not the desk's to see). */
function requireCaseOfHall(store: HqStore, desk: DeskRecord, caseId: string): void {
  if (store.caseHall(caseId) !== desk.hallCode) throw new HttpError(404, { error: 'not_found', message: hqMessages.caseNotFound });
}

/** The 409 refusal naming the desk that holds the claim or issued, its clerk and since when. */
function claimedBy(store: HqStore, deskId: string, clerkName: string, at: string, message: (deskCode: string, clerkName: string) => string): HttpError {
  const deskCode = deskCodeOf(store, deskId);
  return new HttpError(409, { error: 'claimed', message: message(deskCode, clerkName), deskCode, clerkName, at });
}

/**
 * Grants the desk the case's issuance claim, or renews the one it holds. Refused (409 `claimed`) while
 * another desk holds a live claim or has issued the licence. One transaction: of two desks claiming at
 * once, exactly one wins.
 */
export function claimIssuance(store: HqStore, desk: DeskRecord, caseId: string, request: IssuanceClaimRequest, now: Date): IssuanceClaimGrant {
  return store.transaction(() => {
    requireCaseOfHall(store, desk, caseId);
    const issued = store.issuance(caseId);
    if (issued && issued.deskId !== desk.deskId) throw claimedBy(store, issued.deskId, issued.clerkName, issued.issuedAt, hqMessages.alreadyIssued);
    const held = store.issuanceClaim(caseId);
    const live = held !== undefined && held.expiresMs > now.getTime();
    if (live && held.deskId !== desk.deskId) throw claimedBy(store, held.deskId, held.clerkName, held.claimedAt, hqMessages.claimHeld);
    const renewed = live && held.deskId === desk.deskId;
    const claimId = renewed ? held.claimId : randomUUID();
    const expiresMs = now.getTime() + claimMs;
    store.saveIssuanceClaim({
      caseId,
      claimId,
      deskId: desk.deskId,
      clerkName: request.clerkName,
      claimedAt: renewed ? held.claimedAt : chinaIso(now),
      expiresMs,
    });
    return { claimId, expiresAt: chinaIso(new Date(expiresMs)) };
  });
}

export function releaseIssuance(store: HqStore, desk: DeskRecord, caseId: string): { released: boolean } {
  return store.transaction(() => {
    requireCaseOfHall(store, desk, caseId);
    return { released: store.releaseIssuanceClaim(caseId, desk.deskId) };
  });
}

/** Shows the case's first open issuance conflict to the hall (pull), or clears the mark when none is left. */
function markCase(store: HqStore, caseId: string, nowIso: string): void {
  const current = store.case(caseId);
  if (!current) return;
  const open = store.issuanceConflicts({ caseId, openOnly: true })[0];
  const mark: IssuanceConflict | null = open ? { deskCode: open.deskCode, at: open.at } : null;
  if (sameJson(mark, current.issuanceConflict)) return;
  saveCase(store, { ...current, version: current.version + 1, issuanceConflict: mark, updatedAt: nowIso }, false);
}

/**
 * Records that the desk issued the case (a handover or a used licence sheet). The first desk to do so
 * holds the issuance; a later desk's issuance is recorded as a conflict, flagged on the case, and its
 * reason (naming the desk that issued) is returned.
 */
export function recordIssuance(
  store: HqStore,
  desk: DeskRecord,
  issue: { caseId: string; clerkId: string; clerkName: string | undefined; at: string },
  nowIso: string,
): string | undefined {
  const issued = store.issuance(issue.caseId);
  if (!issued) {
    // The clerk's name comes with the desk's claim, or (offline, without one) with the op; the id stands in last.
    const claim = store.issuanceClaim(issue.caseId);
    const clerkName = claim?.deskId === desk.deskId ? claim.clerkName : (issue.clerkName ?? issue.clerkId);
    store.insertIssuance(issue.caseId, { deskId: desk.deskId, clerkName, issuedAt: issue.at });
    return undefined;
  }
  if (issued.deskId === desk.deskId) return undefined;
  store.insertIssuanceConflict(issue.caseId, desk.deskId, issue.at);
  markCase(store, issue.caseId, nowIso);
  return hqMessages.duplicateIssuance(deskCodeOf(store, issued.deskId), issued.clerkName);
}

/** Resolves each open conflict of the desk whose used sheets for the case are all voided now. */
export function settleIssuanceConflicts(store: HqStore, desk: DeskRecord, nowIso: string): void {
  for (const conflict of store.issuanceConflicts({ deskId: desk.deskId, openOnly: true })) {
    const pending = store.usedSheets(conflict.caseId, desk.deskId).filter((serial) => store.licenceSheetState(serial) !== 'voided');
    if (pending.length > 0) continue;
    store.resolveIssuanceConflict(conflict.caseId, desk.deskId, nowIso);
    markCase(store, conflict.caseId, nowIso);
  }
}

/** Why the desk's day cannot reconcile while it has an issuance conflict open. */
export function openIssuanceConflictReason(store: HqStore, deskId: string): string | undefined {
  const open = store.issuanceConflicts({ deskId, openOnly: true });
  return open.length === 0 ? undefined : hqMessages.openIssuanceConflicts(open.length);
}
