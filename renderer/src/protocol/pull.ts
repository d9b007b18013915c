import { z } from 'zod';
import { caseEventRecordSchema, checklistEventRecordSchema, handoverRecordSchema } from '../domain/cases/caseEventRecords';
import { caseRecordSchema } from '../domain/cases/caseRecord';
import { commitmentCheckRecordSchema } from '../domain/cases/commitments';
import { documentEventRecordSchema, licenceSheetEventRecordSchema } from '../domain/documentEvents';
import { ledgerFollowUpRecordSchema, ledgerItemIdSchema, ledgerItemSchema } from '../domain/ledger/ledgerItem';
import { protocolLimits, queryInt } from './common';
import { syncEntitySchema, type SyncEntity } from './ops';

// GET /v1/sync/pull?cursor=N&limit=500

export const pullQuerySchema = z.object({
  cursor: queryInt(0).default(0),
  /** Above the maximum is served as the maximum. */
  limit: queryInt(1)
    .default(protocolLimits.maxPullLimit)
    .transform((limit) => Math.min(limit, protocolLimits.maxPullLimit)),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

const changeMeta = { seq: z.int().min(1), entityId: z.uuid(), version: z.int().min(1) };
const upsertChange = <E extends SyncEntity, D extends z.ZodType>(entity: E, data: D) =>
  z.object({ ...changeMeta, entity: z.literal(entity), op: z.literal('upsert'), data });

/** One change of the desk's hall. `delete` is in the contract; the reference HQ never deletes. */
export const pullChangeSchema = z.discriminatedUnion('op', [
  z.discriminatedUnion('entity', [
    upsertChange('case', caseRecordSchema),
    upsertChange('checklistEvent', checklistEventRecordSchema),
    upsertChange('caseEvent', caseEventRecordSchema),
    upsertChange('documentEvent', documentEventRecordSchema),
    upsertChange('licenceSheetEvent', licenceSheetEventRecordSchema),
    upsertChange('handover', handoverRecordSchema),
    upsertChange('commitmentCheck', commitmentCheckRecordSchema),
    // A ledger item's id is made from what it is about, not a UUID (domain/ledger/ledgerItem.ts).
    z.object({ ...changeMeta, entityId: ledgerItemIdSchema, entity: z.literal('ledgerItem'), op: z.literal('upsert'), data: ledgerItemSchema }),
    upsertChange('ledgerFollowUp', ledgerFollowUpRecordSchema),
  ]),
  z.object({ ...changeMeta, entity: syncEntitySchema, op: z.literal('delete'), data: z.null() }),
]);
export type PullChange = z.infer<typeof pullChangeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(pullChangeSchema),
  /** HQ's sequence of the last change sent (the request's cursor when there was none). */
  nextCursor: z.int().min(0),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
