import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { DeskId } from '../../renderer/src/domain/desk';
import type { EnrolRequest, EnrolResponse } from '../../renderer/src/protocol/enrol';
import type { EnrolmentCodeStatus } from '../../renderer/src/protocol/errors';
import { chinaIso } from './clock';
import { HttpError } from './http';
import { hqMessages } from './messages';
import type { EnrolmentCodeRequest, EnrolmentCodeResponse } from './operatorProtocol';
import type { DeskRecord, HqStore } from './store';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Compares secrets in constant time (hashed first, so lengths do not leak either). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

function bearer(authorization: string | undefined): string | undefined {
  const match = /^Bearer ([\x21-\x7e]+)$/.exec(authorization ?? '');
  return match?.[1];
}

/** Refused enrolments of one hall and desk allowed within the window; the next attempt is answered 429. */
export const enrolmentThrottle = { maxFailures: 5, windowMs: 15 * 60 * 1000 } as const;

const DEFAULT_CODE_HOURS = 24;
/** Crockford-like: no 0/O or 1/I to misread when the operator reads a code out to a desk's admin. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 16;

/** A code as typed: case, spaces and dashes do not matter. */
const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
const codeHash = (code: string) => sha256(normaliseCode(code)).toString('hex');

/**
 * Issues a single-use enrolment code for one hall and desk (the operator API). Only its hash is stored;
 * the code is shown once, in groups of four (80 random bits).
 */
export function issueEnrolmentCode(store: HqStore, request: EnrolmentCodeRequest, now: Date): EnrolmentCodeResponse {
  // 32 letters divide 256, so masking a random byte picks each letter equally often.
  const letters = [...randomBytes(CODE_LENGTH)].map((byte) => CODE_ALPHABET[byte & 31]).join('');
  const code = letters.match(/.{4}/g)?.join('-') ?? letters;
  const expires = new Date(now.getTime() + (request.validHours ?? DEFAULT_CODE_HOURS) * 60 * 60 * 1000);
  store.insertEnrolmentCode(codeHash(code), request.hallCode, request.deskCode, chinaIso(now), expires.getTime());
  return { code, expiresAt: chinaIso(expires) };
}

/** Why a code does not enrol this desk, as the contract answers it. */
function refusal(request: EnrolRequest, store: HqStore, nowMs: number): { error: HttpError } | { codeId: number } {
  const code = store.enrolmentCode(codeHash(request.enrolmentCode));
  const unauthorized = (codeStatus: EnrolmentCodeStatus) => ({
    error: new HttpError(401, { error: 'unauthorized', reason: 'enrolmentCode', codeStatus, message: hqMessages.enrolmentCodeRefused[codeStatus] }),
  });
  if (!code) return unauthorized('unknown');
  if (code.hallCode !== request.hallCode || code.deskCode !== request.deskCode) {
    return { error: new HttpError(403, { error: 'code_for_other_desk', message: hqMessages.codeForOtherDesk }) };
  }
  if (code.usedAt !== null) return unauthorized('used');
  if (code.expiresMs <= nowMs) return unauthorized('expired');
  const desk = store.deskByCodes(request.hallCode, request.deskCode);
  // A code issued before the desk's last enrolment could have been copied by whoever enrolled it then.
  if (desk && code.id <= store.enrolledAfterCode(desk.deskId)) return unauthorized('stale');
  return { codeId: code.id };
}

/**
 * Enrols a desk, or enrols it again: the same hall and desk codes keep their desk id and sequence, get a
 * new token, and the old tokens are revoked (a replaced machine cannot go on pushing). The code must be
 * one the operator issued for this hall and desk, unused, unexpired and issued after the desk's last
 * enrolment, or `demoCode`, which enrols any desk. After `enrolmentThrottle.maxFailures` refusals within
 * its window, a hall and desk are answered 429 until the oldest of them leaves the window.
 */
export function enrolDesk(store: HqStore, request: EnrolRequest, demoCode: string | undefined, now: Date): EnrolResponse {
  const nowMs = now.getTime();
  const windowStart = nowMs - enrolmentThrottle.windowMs;
  const failures = store.enrolmentFailuresSince(request.hallCode, request.deskCode, windowStart);
  if (failures.length >= enrolmentThrottle.maxFailures) {
    const oldest = failures[failures.length - enrolmentThrottle.maxFailures] ?? nowMs;
    const waitSeconds = Math.max(1, Math.ceil((oldest + enrolmentThrottle.windowMs - nowMs) / 1000));
    throw new HttpError(
      429,
      { error: 'too_many_attempts', message: hqMessages.tooManyEnrolmentAttempts(Math.ceil(waitSeconds / 60)) },
      { 'retry-after': String(waitSeconds) },
    );
  }
  const demo = demoCode !== undefined && sameSecret(request.enrolmentCode, demoCode);
  const checked = demo ? { codeId: null } : refusal(request, store, nowMs);
  if ('error' in checked) {
    store.recordEnrolmentFailure(request.hallCode, request.deskCode, nowMs, windowStart);
    throw checked.error;
  }
  const nowIso = chinaIso(now);
  return store.transaction(() => {
    if (checked.codeId !== null && !store.useEnrolmentCode(checked.codeId, nowIso)) throw new Error('enrolment code used twice');
    let desk = store.deskByCodes(request.hallCode, request.deskCode);
    if (!desk) {
      store.insertDesk(randomUUID(), request.hallCode, request.deskCode, nowIso);
      desk = store.deskByCodes(request.hallCode, request.deskCode);
      if (!desk) throw new Error('desk insert was not readable');
    }
    store.revokeTokens(desk.deskId);
    store.markEnrolled(desk.deskId);
    store.forgetEnrolmentFailures(request.hallCode, request.deskCode);
    const token = randomBytes(32).toString('base64url');
    store.insertToken(sha256(token).toString('hex'), desk.deskId, nowIso);
    return { deskId: desk.deskId as DeskId, token, lastSeq: desk.lastSeq };
  });
}

/** The desk a request's bearer token belongs to, or 401. */
export function authenticateDesk(store: HqStore, authorization: string | undefined): DeskRecord {
  const token = bearer(authorization);
  if (token === undefined) throw new HttpError(401, { error: 'unauthorized', reason: 'missing', message: hqMessages.missingToken });
  const found = store.token(sha256(token).toString('hex'));
  if (!found) throw new HttpError(401, { error: 'unauthorized', reason: 'unknown', message: hqMessages.unknownToken });
  if (found.state === 'revoked') throw new HttpError(401, { error: 'unauthorized', reason: 'revoked', message: hqMessages.revokedToken });
  if (found.state === 'expired') throw new HttpError(401, { error: 'unauthorized', reason: 'expired', message: hqMessages.expiredToken });
  const desk = store.desk(found.deskId);
  if (!desk) throw new Error(`token of unknown desk ${found.deskId}`);
  return desk;
}

export function requireAdmin(adminToken: string, authorization: string | undefined): void {
  const token = bearer(authorization);
  if (token === undefined || !sameSecret(token, adminToken)) {
    throw new HttpError(401, { error: 'unauthorized', reason: token === undefined ? 'missing' : 'unknown', message: hqMessages.badAdminToken });
  }
}
