import { z } from 'zod';
import { sha256Schema } from '../domain/sha256';

/**
 * The audit anchors push and close-day carry, so HQ notices a desk whose audit log was rewritten after it
 * was reported. HQ keeps every head a desk sends; a later request states what its log has *now* at the
 * seq HQ named in its last answer. HQ never refuses a request over it: it answers `auditAlert` and lists
 * the alert for its operator.
 */

/** A point of the desk's audit chain: an entry's seq and hash. */
export const auditPointSchema = z.object({ seq: z.int().min(1), hash: sha256Schema });
export type AuditPoint = z.infer<typeof auditPointSchema>;

/** The request's part: both optional (a desk with an empty log has no head; no anchor before HQ named one). */
export const auditAnchorRequestFields = {
  /** The desk's audit chain head as it sends the request. */
  auditHead: auditPointSchema.optional(),
  /**
   * The hash the desk's chain has now at the `anchorSeq` of HQ's last answer. A desk whose log has no
   * entry there sends the chain's start value (64 zeros), which no entry's hash equals.
   */
  anchor: auditPointSchema.optional(),
};

/** The answer's part. */
export const auditAnchorResponseFields = {
  /** The seq of the head HQ now holds for the desk: the desk's next request anchors at it. */
  anchorSeq: z.int().min(1).optional(),
  /** The desk's log does not continue what it sent before (a differing anchor, or a head gone backwards). */
  auditAlert: z.boolean().optional(),
};
