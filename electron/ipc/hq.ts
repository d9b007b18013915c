/**
 * The HQ entries of the IPC contract: what the desk's main process offers the sync engine. The main
 * process holds the HQ token and speaks HTTP to HQ; the renderer asks it through these shapes, which
 * both sides parse with zod. Every HQ call answers an `HqResult`: HQ's value, or a typed failure with a
 * message for the clerk — never the token. Pure: no I/O here. The renderer reaches these types through
 * `platform/desk.ts`.
 */
import { z } from 'zod';
import { auditAnchorRequestFields } from '../../renderer/src/protocol/auditAnchor';
import { isoDateSchema, isoDateTimeSchema } from '../../renderer/src/domain/chineseDate';
import { caseIdSchema } from '../../renderer/src/domain/cases/caseId';
import { deskCodeSchema, hallCodeSchema } from '../../renderer/src/domain/cases/caseNumber';
import { dayTotalsSchema } from '../../renderer/src/domain/dayClose/dayTotals';
import { deskIdSchema } from '../../renderer/src/domain/desk';
import { sha256Schema } from '../../renderer/src/domain/sha256';
import { putBlobResponseSchema } from '../../renderer/src/protocol/blobs';
import { closeDayResponseSchema } from '../../renderer/src/protocol/closeDay';
import { protocolLimits } from '../../renderer/src/protocol/common';
import { enrolmentCodeStatuses, unauthorizedReasons } from '../../renderer/src/protocol/errors';
import { issuanceClaimGrantSchema, issuanceClaimedSchema, issuanceClaimRequestSchema, issuanceReleaseResponseSchema } from '../../renderer/src/protocol/issuanceClaim';
import { pushOpEnvelopeSchema } from '../../renderer/src/protocol/ops';
import { pullResponseSchema } from '../../renderer/src/protocol/pull';
import { pushResponseSchema } from '../../renderer/src/protocol/push';
import { calledTicketSchema, queueCallRequestSchema, queueTicketStateSchema } from '../../renderer/src/protocol/queue';
import { referenceKindSchema, referenceResponseSchema } from '../../renderer/src/protocol/reference';

const message = z.string().min(1);

/**
 * Why an HQ call did not give HQ's answer. The engine acts on `kind`; `message` is for the clerk.
 * - notEnrolled: no enrolment (or its token cannot be read): enrol in 设置.
 * - invalidUrl: the HQ address is not one the desk may use (https, or http to this machine only).
 * - storage: the enrolment could not be kept on this machine (no OS key store for the token, disk error).
 * - unauthorized (401): sync pauses until the desk enrols again; nothing local is deleted. On enrolment,
 *   reason `enrolmentCode` with `codeStatus`: the code was never issued, used, expired or stale.
 * - otherDeskCode (403 on enrolment): the code was issued for another hall or desk.
 * - tooManyRequests (429): wait `retryAfterSeconds` (null when HQ did not say) before trying again.
 * - wrongDesk (403), seqGap / seqConflict (409), tooLarge (413), deskTooOld (426): as the contract says (ARCHITECTURE.md).
 * - badRequest (400, 404, 405, 422): HQ could not read the request.
 * - serverError (5xx), network, timeout: try again later.
 * - badResponse: HQ answered something that is not the contract (cut off, malformed).
 */
export const hqFailureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('notEnrolled'), message }),
  z.object({ kind: z.literal('invalidUrl'), message }),
  z.object({ kind: z.literal('storage'), message }),
  z.object({ kind: z.literal('unauthorized'), reason: z.enum(unauthorizedReasons), codeStatus: z.enum(enrolmentCodeStatuses).optional(), message }),
  z.object({ kind: z.literal('otherDeskCode'), message }),
  z.object({ kind: z.literal('tooManyRequests'), retryAfterSeconds: z.int().min(0).nullable(), message }),
  z.object({ kind: z.literal('wrongDesk'), message }),
  z.object({ kind: z.literal('seqGap'), expectedSeq: z.int().min(1), message }),
  z.object({ kind: z.literal('seqConflict'), seq: z.int().min(1), message }),
  z.object({ kind: z.literal('tooLarge'), limit: z.int().min(1), message }),
  z.object({ kind: z.literal('deskTooOld'), minSchemaVersion: z.int().min(1), message }),
  z.object({ kind: z.literal('badRequest'), status: z.int().min(400).max(499), message }),
  z.object({ kind: z.literal('serverError'), status: z.int().min(500).max(599), message }),
  z.object({ kind: z.literal('network'), message }),
  z.object({ kind: z.literal('timeout'), message }),
  z.object({ kind: z.literal('badResponse'), message }),
]);
export type HqFailure = z.infer<typeof hqFailureSchema>;
export type HqFailureKind = HqFailure['kind'];

export type HqResult<T> = { ok: true; value: T } | { ok: false; failure: HqFailure };

/** The IPC output schema of an HQ call answering `value`. */
export function hqResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), failure: hqFailureSchema })]);
}

/** Only http(s); the URL as typed, checked again in the main process before any request. */
const baseUrlInputSchema = z.string().trim().min(1).max(2048);

/** This desk's enrolment as the renderer may see it: where HQ is and who the desk is, never the token. */
export const hqEnrolmentSchema = z.object({
  baseUrl: z.string(),
  hallCode: hallCodeSchema,
  deskCode: deskCodeSchema,
  deskId: deskIdSchema,
  enrolledAt: isoDateTimeSchema,
});
export type HqEnrolment = z.infer<typeof hqEnrolmentSchema>;

export const hqConfigSchema = z.object({
  enrolment: hqEnrolmentSchema.nullable(),
  /** False when enrolled but the stored token is missing or cannot be decrypted (enrol again). */
  tokenAvailable: z.boolean(),
});
export type HqConfig = z.infer<typeof hqConfigSchema>;

export const enrolInputSchema = z
  .object({
    baseUrl: baseUrlInputSchema,
    hallCode: hallCodeSchema,
    deskCode: deskCodeSchema,
    enrolmentCode: z.string().trim().min(1).max(128),
  })
  .strict();
export type EnrolInput = z.input<typeof enrolInputSchema>;

export const enrolOutputSchema = hqEnrolmentSchema.extend({
  /** HQ's lastSeq for this desk (a desk enrolling again keeps its id and sequence); null if HQ did not say. */
  lastSeq: z.int().min(0).nullable(),
});
export type EnrolOutput = z.infer<typeof enrolOutputSchema>;

export const pushInputSchema = z
  .object({ ops: z.array(pushOpEnvelopeSchema).min(1).max(protocolLimits.maxOpsPerPush), ...auditAnchorRequestFields })
  .strict();
export type PushInput = z.input<typeof pushInputSchema>;

export const pullInputSchema = z
  .object({ cursor: z.int().min(0), limit: z.int().min(1).max(protocolLimits.maxPullLimit) })
  .strict();
export type PullInput = z.input<typeof pullInputSchema>;

export const referenceInputSchema = z.object({ kind: referenceKindSchema, since: z.int().min(0).nullable() }).strict();
export type ReferenceInput = z.input<typeof referenceInputSchema>;

export const blobRefInputSchema = z.object({ sha256: sha256Schema }).strict();
export const putBlobInputSchema = z
  .object({
    sha256: sha256Schema,
    bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= protocolLimits.maxBlobBytes, { error: '附件超过大小上限' }),
  })
  .strict();
export type PutBlobInput = z.input<typeof putBlobInputSchema>;
export const hasBlobOutputSchema = z.object({ present: z.boolean() });
/** A blob fetched back (its SHA-256 checked by the main process), or HQ holding none of this hall's. */
export const getBlobOutputSchema = z.discriminatedUnion('found', [
  z.object({ found: z.literal(true), bytes: z.instanceof(Uint8Array) }),
  z.object({ found: z.literal(false) }),
]);
export type GetBlobOutput = z.infer<typeof getBlobOutputSchema>;

export const closeDayInputSchema = z
  .object({ businessDate: isoDateSchema, lastSeq: z.int().min(0), totals: dayTotalsSchema, ...auditAnchorRequestFields })
  .strict();
export type CloseDayInput = z.input<typeof closeDayInputSchema>;

export const issuanceClaimInputSchema = issuanceClaimRequestSchema.extend({ caseId: caseIdSchema }).strict();
export type IssuanceClaimInput = z.input<typeof issuanceClaimInputSchema>;

/**
 * HQ's answer to a claim: granted (or renewed), or claimed by another window, which is an answer the
 * desk acts on (it does not print), not a failure of the call.
 */
export const issuanceClaimOutputSchema = z.discriminatedUnion('outcome', [
  issuanceClaimGrantSchema.extend({ outcome: z.literal('granted') }),
  issuanceClaimedSchema.omit({ error: true, message: true }).extend({ outcome: z.literal('claimed'), message }),
]);
export type IssuanceClaimOutput = z.infer<typeof issuanceClaimOutputSchema>;

export const issuanceReleaseInputSchema = z.object({ caseId: caseIdSchema }).strict();
export type IssuanceReleaseInput = z.input<typeof issuanceReleaseInputSchema>;

export const queueCallInputSchema = queueCallRequestSchema.strict();
export type QueueCallInput = z.input<typeof queueCallInputSchema>;
/** The ticket this window called, or null when nobody waits for it (HQ's 204). */
export const queueCallOutputSchema = z.object({ ticket: calledTicketSchema.nullable() });
export type QueueCallOutput = z.infer<typeof queueCallOutputSchema>;

const ticketIdSchema = z.uuid();
/** What the window does with the ticket it called: 重呼, 过号, 转窗口 (to a desk code), 完成 (with the case it opened). */
export const queueActInputSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('recall'), ticketId: ticketIdSchema }).strict(),
  z.object({ action: z.literal('skip'), ticketId: ticketIdSchema }).strict(),
  z.object({ action: z.literal('transfer'), ticketId: ticketIdSchema, deskCode: deskCodeSchema }).strict(),
  z.object({ action: z.literal('done'), ticketId: ticketIdSchema, caseId: caseIdSchema.optional() }).strict(),
]);
export type QueueActInput = z.input<typeof queueActInputSchema>;

/** Each HQ channel's output. */
export const hqOutputSchemas = {
  enrol: hqResultSchema(enrolOutputSchema),
  push: hqResultSchema(pushResponseSchema),
  pull: hqResultSchema(pullResponseSchema),
  reference: hqResultSchema(referenceResponseSchema),
  putBlob: hqResultSchema(putBlobResponseSchema),
  hasBlob: hqResultSchema(hasBlobOutputSchema),
  getBlob: hqResultSchema(getBlobOutputSchema),
  closeDay: hqResultSchema(closeDayResponseSchema),
  claimIssuance: hqResultSchema(issuanceClaimOutputSchema),
  releaseIssuance: hqResultSchema(issuanceReleaseResponseSchema),
  queueCall: hqResultSchema(queueCallOutputSchema),
  queueAct: hqResultSchema(queueTicketStateSchema),
} as const;
