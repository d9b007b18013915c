import type { DeskDatabase } from '../data/db';
import type { SyncPauseReason } from '../data/syncState';
import type { HqFailure } from '../platform/desk';
import { protocolLimits } from '../protocol/common';
import type { SyncTransport } from './transport';

export interface PushLimits {
  maxOps: number;
  /** Of the ops' JSON; the request envelope around them is allowed for. */
  maxBytes: number;
}

/** Room for `{"deskId":…,"schemaVersion":…,"ops":[…]}` around the ops. */
const ENVELOPE_ALLOWANCE = 1024;

export const defaultPushLimits: PushLimits = {
  maxOps: protocolLimits.maxOpsPerPush,
  maxBytes: protocolLimits.maxPushBytes - ENVELOPE_ALLOWANCE,
};

/** What one sync pass works with; everything that varies in tests (transport, clock) comes in here. */
export interface SyncContext {
  db: DeskDatabase;
  transport: SyncTransport;
  now: () => Date;
  limits: PushLimits;
}

/**
 * Why a phase of a pass stopped: `paused` waits for a person (enrol again, upgrade, an admin), `notEnrolled`
 * for the enrolment, `failed` is retried with backoff.
 */
export type PhaseFailure =
  | { kind: 'paused'; reason: SyncPauseReason; message: string }
  | { kind: 'notEnrolled'; message: string }
  | { kind: 'failed'; message: string };

/** What the engine does about each HQ failure. */
export function failureOfHq(failure: HqFailure): PhaseFailure {
  switch (failure.kind) {
    case 'notEnrolled':
      return { kind: 'notEnrolled', message: failure.message };
    case 'unauthorized':
      return { kind: 'paused', reason: 'unauthorized', message: failure.message };
    case 'wrongDesk':
      return { kind: 'paused', reason: 'wrongDesk', message: failure.message };
    case 'deskTooOld':
      return { kind: 'paused', reason: 'deskTooOld', message: failure.message };
    case 'seqConflict':
      return { kind: 'paused', reason: 'sequenceMismatch', message: failure.message };
    default:
      return { kind: 'failed', message: failure.message };
  }
}
