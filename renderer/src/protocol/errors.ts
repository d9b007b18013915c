import { z } from 'zod';
import { issuanceClaimedSchema } from './issuanceClaim';

export const unauthorizedReasons = ['missing', 'unknown', 'expired', 'revoked', 'enrolmentCode'] as const;
export type UnauthorizedReason = (typeof unauthorizedReasons)[number];

/** Why an enrolment code was refused with 401: never issued, already used, past its expiry, or issued before the desk's last enrolment. */
export const enrolmentCodeStatuses = ['unknown', 'used', 'expired', 'stale'] as const;
export type EnrolmentCodeStatus = (typeof enrolmentCodeStatuses)[number];

/** Every non-2xx reply has a JSON body `{error, message?, …}`. */
export const hqErrorSchema = z.discriminatedUnion('error', [
  /** 400: not JSON, or a query/path parameter that cannot be read. */
  z.object({ error: z.literal('malformed'), message: z.string().optional() }),
  /** 422: JSON that breaks the schema (hash mismatch of a blob too). */
  z.object({
    error: z.literal('invalid'),
    message: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
  /**
   * 401: sync pauses; nothing local is deleted. `expired` and `revoked` (the desk enrolled again since
   * this token was issued) mean enrol again. On enrolment, `enrolmentCode` says why the code was refused.
   */
  z.object({
    error: z.literal('unauthorized'),
    reason: z.enum(unauthorizedReasons),
    codeStatus: z.enum(enrolmentCodeStatuses).optional(),
    message: z.string().optional(),
  }),
  /** 403: the body names another desk than the token's. */
  z.object({ error: z.literal('wrong_desk'), message: z.string().optional() }),
  /** 403 on enrolment: the code was issued for another hall or desk. */
  z.object({ error: z.literal('code_for_other_desk'), message: z.string().optional() }),
  /** 429 on enrolment: too many refused attempts for this hall and desk; the `Retry-After` header says how long to wait. */
  z.object({ error: z.literal('too_many_attempts'), message: z.string().optional() }),
  z.object({ error: z.literal('not_found'), message: z.string().optional() }),
  z.object({ error: z.literal('method_not_allowed'), message: z.string().optional() }),
  /** 409: the first op skips seqs HQ has not seen; push from `expectedSeq`. */
  z.object({ error: z.literal('seq_gap'), expectedSeq: z.int().min(1), message: z.string().optional() }),
  /** 409: an op reuses a seq HQ already holds under another opId; nothing of the request was applied. */
  z.object({ error: z.literal('seq_conflict'), seq: z.int().min(1), message: z.string().optional() }),
  /** 409: another desk holds the case's issuance claim or has issued its licence. */
  issuanceClaimedSchema,
  /** 409 on a queue ticket: it is not called at this window (waiting, called by another, done or dropped). */
  z.object({ error: z.literal('not_called_here'), message: z.string().optional() }),
  /** 422 on a queue transfer: the hall has no enrolled window with that code. */
  z.object({ error: z.literal('unknown_desk'), message: z.string().optional() }),
  /** 413: over `protocolLimits`. */
  z.object({ error: z.literal('too_large'), limit: z.int().min(1), message: z.string().optional() }),
  /** 426: the desk's protocol version is below HQ's minimum; upgrade once the outbox is empty. */
  z.object({ error: z.literal('desk_too_old'), minSchemaVersion: z.int().min(1), message: z.string().optional() }),
  /** 5xx */
  z.object({ error: z.literal('server_error'), message: z.string().optional() }),
]);
export type HqError = z.infer<typeof hqErrorSchema>;
export type HqErrorCode = HqError['error'];
