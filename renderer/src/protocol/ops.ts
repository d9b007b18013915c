/**
 * The ops a desk sends HQ, in two layers. The envelope (`pushOpEnvelopeSchema`) is what a push request
 * must satisfy as a whole, and it is deliberately lenient about `entity`, `type` and `payload`: an op
 * whose content is wrong can never succeed, so HQ answers it `rejected` (and the desk's queue moves on)
 * instead of failing the whole request. The typed layer (`syncOpSchema`) is what the desk builds and
 * what HQ checks each op against to decide that.
 */
import { z } from 'zod';
import { caseEventPayloadSchema, checklistEventPayloadSchema, handoverPayloadSchema } from '../domain/cases/caseEventRecords';
import { caseIdSchema } from '../domain/cases/caseId';
import { casePatchSchema } from '../domain/cases/caseRecord';
import { commitmentCheckPayloadSchema } from '../domain/cases/commitments';
import { isoDateTimeSchema } from '../domain/chineseDate';
import { clerkIdSchema } from '../domain/clerks/clerkId';
import { documentEventPayloadSchema, licenceSheetEventPayloadSchema } from '../domain/documentEvents';
import { eventIdSchema } from '../domain/eventRecord';
import { ledgerFollowUpSchema, ledgerItemIdSchema, ledgerItemSchema } from '../domain/ledger/ledgerItem';
import { plainTextSchema } from '../domain/text';

export const opIdSchema = z.uuid().brand<'OpId'>();
export type OpId = z.infer<typeof opIdSchema>;

/** Each entity takes exactly one op type: cases and ledger items are upserted, everything else is appended. */
export const opTypeByEntity = {
  case: 'upsert',
  checklistEvent: 'append',
  caseEvent: 'append',
  documentEvent: 'append',
  licenceSheetEvent: 'append',
  handover: 'append',
  commitmentCheck: 'append',
  ledgerItem: 'upsert',
  ledgerFollowUp: 'append',
} as const;
export type SyncEntity = keyof typeof opTypeByEntity;
export const syncEntities = Object.keys(opTypeByEntity) as SyncEntity[];
export const syncEntitySchema = z.enum(syncEntities as [SyncEntity, ...SyncEntity[]]);
export type EventEntity = Exclude<SyncEntity, 'case' | 'ledgerItem'>;

const opEnvelopeShape = {
  opId: opIdSchema,
  seq: z.int().min(1),
  type: z.string().min(1).max(32),
  entity: z.string().min(1).max(32),
  /** A UUID, or a ledger item's id (made from its source, case and subject, up to 200 characters). */
  entityId: z.string().min(1).max(200),
  /** The entity version the desk last saw from HQ; absent for a create. */
  baseVersion: z.int().min(0).optional(),
  payload: z.unknown(),
  clerkId: z.string().min(1).max(64),
  /**
   * The clerk's name as their desk knows it, so the other windows of the hall name them on the case.
   * Names travel with the ops rather than in a clerk directory from HQ: accounts live on each desk (HQ
   * has none to publish), and a name on the act stays what it was when the clerk acted. The desk adds
   * it as it sends; optional, as ops of older desks come without one.
   */
  clerkName: plainTextSchema(50).optional(),
  /** When the clerk did it, with the desk's offset. */
  at: isoDateTimeSchema,
};
export const pushOpEnvelopeSchema = z.object(opEnvelopeShape);
export type PushOpEnvelope = z.infer<typeof pushOpEnvelopeSchema>;

function typedOp<E extends SyncEntity, I extends z.ZodType, P extends z.ZodType>(entity: E, entityId: I, payload: P) {
  return z.object({
    ...opEnvelopeShape,
    entityId,
    clerkId: clerkIdSchema,
    entity: z.literal(entity),
    type: z.literal(opTypeByEntity[entity]),
    payload,
  });
}

export const caseOpSchema = typedOp('case', caseIdSchema, casePatchSchema);
export const checklistEventOpSchema = typedOp('checklistEvent', eventIdSchema, checklistEventPayloadSchema);
export const caseEventOpSchema = typedOp('caseEvent', eventIdSchema, caseEventPayloadSchema);
export const documentEventOpSchema = typedOp('documentEvent', eventIdSchema, documentEventPayloadSchema);
export const licenceSheetEventOpSchema = typedOp('licenceSheetEvent', eventIdSchema, licenceSheetEventPayloadSchema);
export const handoverOpSchema = typedOp('handover', eventIdSchema, handoverPayloadSchema);
export const commitmentCheckOpSchema = typedOp('commitmentCheck', eventIdSchema, commitmentCheckPayloadSchema);
/**
 * The item as the desk now holds it (protocol version 10). Without `baseVersion` it is a create: when
 * another desk created the same item first (ids are made from what the item is about), HQ keeps that one.
 */
export const ledgerItemOpSchema = typedOp('ledgerItem', ledgerItemIdSchema, ledgerItemSchema).refine((op) => op.entityId === op.payload.id, {
  error: 'entityId 须与督办事项编号一致',
  path: ['entityId'],
});
export const ledgerFollowUpOpSchema = typedOp('ledgerFollowUp', eventIdSchema, ledgerFollowUpSchema);

/** The ops a desk sends, typed by entity. */
export const syncOpSchema = z.discriminatedUnion('entity', [
  caseOpSchema,
  checklistEventOpSchema,
  caseEventOpSchema,
  documentEventOpSchema,
  licenceSheetEventOpSchema,
  handoverOpSchema,
  commitmentCheckOpSchema,
  ledgerItemOpSchema,
  ledgerFollowUpOpSchema,
]);
export type SyncOp = z.infer<typeof syncOpSchema>;
/** What the desk writes to its outbox (before zod's transforms: plain strings). */
export type SyncOpInput = z.input<typeof syncOpSchema>;
