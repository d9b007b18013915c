/**
 * The reference HQ's operator API (not part of the desk contract): what tests, demos and the bench use to
 * play the back office — decide cases, publish reference data — and to break HQ on purpose.
 */
import { z } from 'zod';
import { caseRecordSchema } from '../../renderer/src/domain/cases/caseRecord';
import { refuseImpossibleTerm } from '../../renderer/src/domain/cases/businessTerm';
import { legalBasisSchema, licenceDataFields } from '../../renderer/src/domain/cases/hqDecision';
import { isoDateSchema } from '../../renderer/src/domain/chineseDate';
import { caseStatusCodes } from '../../renderer/src/domain/cases/caseStatus';
import { deskCodeSchema, hallCodeSchema } from '../../renderer/src/domain/cases/caseNumber';
import { deskIdSchema } from '../../renderer/src/domain/desk';
import { plainTextSchema } from '../../renderer/src/domain/text';
import { opIdSchema, syncEntitySchema } from '../../renderer/src/protocol/ops';
import { referenceItemSchemas, referenceKindSchema, type ReferenceKind } from '../../renderer/src/protocol/reference';

const queryInt = (min: number, max: number) => z.coerce.number().pipe(z.int().min(min).max(max));

export const caseQuerySchema = z.object({
  hallCode: hallCodeSchema.optional(),
  status: z.enum(caseStatusCodes).optional(),
  originDeskId: deskIdSchema.optional(),
  decided: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  limit: queryInt(1, 500).default(100),
  offset: queryInt(0, Number.MAX_SAFE_INTEGER).default(0),
});
/** What a caller asks for (`decided` travels as the text true/false). */
export type CaseQuery = Omit<z.input<typeof caseQuerySchema>, 'decided'> & { decided?: boolean };

/** A case with its version on HQ. */
export const operatorCaseSchema = caseRecordSchema.extend({ version: z.int().min(1) });
export type OperatorCase = z.infer<typeof operatorCaseSchema>;

export const caseListSchema = z.object({ cases: z.array(operatorCaseSchema), total: z.int().min(0) });
export type CaseList = z.infer<typeof caseListSchema>;

export const caseDetailSchema = z.object({
  case: operatorCaseSchema,
  /** The case's events in the order HQ received them. */
  events: z.array(z.object({ entity: z.string(), data: z.unknown() })),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const decisionRequestSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    decidedBy: plainTextSchema(50),
    /** 发照日期 defaults to the decision's date. */
    licence: licenceDataFields.extend({ issuedOn: isoDateSchema.optional() }).superRefine(refuseImpossibleTerm),
  }),
  z.object({ decision: z.literal('deny'), decidedBy: plainTextSchema(50), reason: plainTextSchema(1000, true), legalBasis: legalBasisSchema }),
]);
export type DecisionRequest = z.input<typeof decisionRequestSchema>;

export function publishRequestSchema(kind: ReferenceKind) {
  return z.object({ items: z.array(referenceItemSchemas[kind]).max(10_000) });
}
export const publishResponseSchema = z.object({ kind: referenceKindSchema, version: z.int().min(1) });

export const deskSummarySchema = z.object({
  deskId: deskIdSchema,
  hallCode: z.string(),
  deskCode: z.string(),
  lastSeq: z.int().min(0),
  enrolledAt: z.string(),
});
export const deskListSchema = z.object({ desks: z.array(deskSummarySchema) });
export type DeskSummary = z.infer<typeof deskSummarySchema>;

export const opsQuerySchema = z.object({
  afterSeq: queryInt(0, Number.MAX_SAFE_INTEGER).default(0),
  limit: queryInt(1, 10_000).default(1000),
});

export const opSummarySchema = z.object({
  seq: z.int().min(1),
  opId: opIdSchema,
  entity: z.string(),
  entityId: z.string(),
  type: z.string(),
  status: z.enum(['applied', 'conflict', 'rejected']),
  serverVersion: z.int().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
  businessDate: z.string(),
});
export const opListSchema = z.object({ ops: z.array(opSummarySchema) });
export type OpSummary = z.infer<typeof opSummarySchema>;

/** An enrolment code for one hall and desk; 24 hours unless `validHours` says otherwise. */
export const enrolmentCodeRequestSchema = z.object({
  hallCode: hallCodeSchema,
  deskCode: deskCodeSchema,
  validHours: z.int().min(1).max(24 * 30).optional(),
});
export type EnrolmentCodeRequest = z.input<typeof enrolmentCodeRequestSchema>;
export const enrolmentCodeResponseSchema = z.object({ code: z.string().min(16), expiresAt: z.string() });
export type EnrolmentCodeResponse = z.infer<typeof enrolmentCodeResponseSchema>;

export const expireTokenResponseSchema = z.object({ expired: z.int().min(0) });

export const minSchemaVersionSchema = z.object({ minSchemaVersion: z.int().min(1) });

/**
 * Something in the hall that needs a person: a second issuance of a case, open until its sheets are
 * voided; or a desk whose audit log no longer continues the heads it sent before.
 */
export const alertSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('issuanceConflict'),
    caseId: z.uuid(),
    /** The window whose issuance came second. */
    deskCode: z.string(),
    at: z.string(),
    resolved: z.boolean(),
  }),
  z.object({
    kind: z.literal('auditChain'),
    deskId: deskIdSchema,
    deskCode: z.string(),
    /** `anchorMismatch`: the desk's hash at a seq HQ anchored differs; `headBackwards`: its head's seq went back. */
    reason: z.enum(['anchorMismatch', 'headBackwards']),
    /** What HQ held: the anchored seq, or the head received before. */
    held: z.object({ seq: z.int().min(1), hash: z.string() }),
    /** What the desk sent: its anchor, or its head. */
    received: z.object({ seq: z.int().min(1), hash: z.string() }),
    at: z.string(),
  }),
]);
export const alertListSchema = z.object({ alerts: z.array(alertSchema) });
export type Alert = z.infer<typeof alertSchema>;

/** Desk endpoints a fault can hit. */
export const faultRoutes = ['enrol', 'push', 'pull', 'reference', 'blobPut', 'blobHead', 'blobGet', 'closeDay', 'issuanceClaim', 'issuanceRelease', 'queueCall', 'queueTicket', 'queueBoard'] as const;
export type FaultRoute = (typeof faultRoutes)[number];

const faultCount = z.int().min(1).max(100);

/** Faults for the next few requests; every kind is bounded in count and time, so HQ always recovers. */
export const faultPlanSchema = z.object({
  /** The next `count` requests of `route` get `status` and nothing is done. */
  failNext: z
    .object({
      route: z.enum([...faultRoutes, 'any']),
      count: faultCount,
      status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(503),
    })
    .optional(),
  /**
   * The next `count` successful requests of `route` commit their work, then answer 500 (`error`) or
   * never answer and drop the connection after `hangMs` (`hang`): the desk cannot know it was stored.
   */
  afterCommit: z
    .object({
      route: z.enum(['push', 'closeDay', 'enrol', 'blobPut']).default('push'),
      count: faultCount,
      mode: z.enum(['error', 'hang']),
      hangMs: z.int().min(1).max(60_000).default(30_000),
    })
    .optional(),
  /** The next `count` desk replies wait `ms` before they are sent. */
  delay: z.object({ ms: z.int().min(1).max(30_000), count: z.int().min(1).max(10_000) }).optional(),
  /** The next `count` successful replies of `route` send half their body, then the connection drops. */
  truncateNext: z.object({ route: z.enum(['reference', 'pull']), count: faultCount }).optional(),
  /**
   * The next `count` new ops of `entity` are rejected with `reason` (a case HQ refuses), and nothing of
   * them is applied: what a desk then shows the clerk on the case.
   */
  rejectNext: z.object({ entity: syncEntitySchema, count: faultCount, reason: z.string().min(1).max(500) }).optional(),
});
export type FaultPlan = z.output<typeof faultPlanSchema>;
export type FaultPlanInput = z.input<typeof faultPlanSchema>;

/** Errors only the operator API gives, beside the contract's (`hqErrorSchema`). */
export const operatorErrorSchema = z.discriminatedUnion('error', [
  /** 409: the case cannot be decided in its state (or already was). */
  z.object({ error: z.literal('not_decidable'), message: z.string().optional() }),
  /** 403: fault injection asked from another machine than HQ's own. */
  z.object({ error: z.literal('forbidden'), message: z.string().optional() }),
]);
export type OperatorError = z.infer<typeof operatorErrorSchema>;
