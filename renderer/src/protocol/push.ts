import { z } from 'zod';
import { deskIdSchema } from '../domain/desk';
import { auditAnchorRequestFields, auditAnchorResponseFields } from './auditAnchor';
import { protocolLimits } from './common';
import { protocolMessages } from './messages';
import { opIdSchema, pushOpEnvelopeSchema } from './ops';

// POST /v1/sync/push

export const pushRequestSchema = z
  .object({
    deskId: deskIdSchema,
    /** The desk's `protocolVersion`. */
    schemaVersion: z.int().min(1),
    ops: z.array(pushOpEnvelopeSchema).max(protocolLimits.maxOpsPerPush),
    ...auditAnchorRequestFields,
  })
  .superRefine((request, ctx) => {
    const opIds = new Set<string>();
    request.ops.forEach((op, index) => {
      const previous = request.ops[index - 1];
      if (previous && op.seq !== previous.seq + 1) {
        ctx.addIssue({ code: 'custom', path: ['ops', index, 'seq'], message: protocolMessages.seqNotContiguous });
      }
      if (opIds.has(op.opId)) ctx.addIssue({ code: 'custom', path: ['ops', index, 'opId'], message: protocolMessages.opIdRepeated });
      opIds.add(op.opId);
    });
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const opResultStatuses = ['applied', 'duplicate', 'conflict', 'rejected'] as const;
export type OpResultStatus = (typeof opResultStatuses)[number];
/** What an op first got; a duplicate carries it in `originalStatus`. */
export type FirstOpResultStatus = Exclude<OpResultStatus, 'duplicate'>;

export const pushResultSchema = z.object({
  opId: opIdSchema,
  seq: z.int().min(1),
  status: z.enum(opResultStatuses),
  /** The entity's version on HQ after the op (applied and conflict; duplicate repeats it). */
  serverVersion: z.int().min(1).optional(),
  /** Why an op was rejected or which conflict HQ resolved its way (for the clerk, in Chinese). */
  reason: z.string().optional(),
  /** Extension: the top-level case fields where HQ's value stood (status `conflict`). */
  conflictFields: z.array(z.string()).optional(),
  /** Extension: on a duplicate, the status the op first got, so a lost ack still reveals a rejection. */
  originalStatus: z.enum(['applied', 'conflict', 'rejected']).optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  lastSeq: z.int().min(0),
  results: z.array(pushResultSchema),
  ...auditAnchorResponseFields,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;
