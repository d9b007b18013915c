import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { DeskId } from '../../renderer/src/domain/desk';
import type { EnrolRequest, EnrolResponse } from '../../renderer/src/protocol/enrol';
import { HttpError } from './http';
import { hqMessages } from './messages';
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

/**
 * Enrols a desk, or enrols it again: the same hall and desk codes keep their desk id and sequence, get
 * a new token, and the old tokens stop working (a replaced machine cannot go on pushing).
 */
export function enrolDesk(store: HqStore, request: EnrolRequest, enrolmentCode: string, nowIso: string): EnrolResponse {
  if (!sameSecret(request.enrolmentCode, enrolmentCode)) {
    throw new HttpError(401, { error: 'unauthorized', reason: 'enrolmentCode', message: hqMessages.badEnrolmentCode });
  }
  return store.transaction(() => {
    let desk = store.deskByCodes(request.hallCode, request.deskCode);
    if (!desk) {
      store.insertDesk(randomUUID(), request.hallCode, request.deskCode, nowIso);
      desk = store.deskByCodes(request.hallCode, request.deskCode);
      if (!desk) throw new Error('desk insert was not readable');
    }
    store.expireTokens(desk.deskId);
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
  if (found.expired) throw new HttpError(401, { error: 'unauthorized', reason: 'expired', message: hqMessages.expiredToken });
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
