import { businessDateOf } from '../../renderer/src/domain/chineseDate';
import type { PushRequest, PushResponse, PushResult } from '../../renderer/src/protocol/push';
import { receiveAuditHead } from './auditAnchors';
import { applyOp, type ApplyContext, type OpOutcome } from './applyOp';
import { HttpError } from './http';
import { hqMessages } from './messages';
import type { OpRow, StoredOpResult } from './store';

function resultOf(opId: string, seq: number, outcome: OpOutcome): PushResult {
  return { opId, seq, ...outcome } as PushResult;
}

function duplicateOf(seq: number, stored: StoredOpResult): PushResult {
  return {
    opId: stored.opId,
    seq,
    status: 'duplicate',
    originalStatus: stored.status,
    ...(stored.serverVersion !== null && { serverVersion: stored.serverVersion }),
    ...(stored.reason !== null && { reason: stored.reason }),
    ...(stored.conflictFields !== null && { conflictFields: stored.conflictFields }),
  } as PushResult;
}

/**
 * Applies a push in one transaction: the ops' effects, their records and the desk's lastSeq commit
 * together or not at all. The request's seqs are contiguous (checked by the schema). Ops at or below
 * lastSeq are answered from their records; a different opId at such a seq, or a first op beyond
 * lastSeq + 1, refuses the whole request before anything is written.
 */
export function processPush(
  ctx: Omit<ApplyContext, 'desk'> & { deskId: string; plannedRejection?: (entity: string) => string | undefined },
  request: PushRequest,
): PushResponse {
  const { store } = ctx;
  return store.transaction(() => {
    const desk = store.desk(ctx.deskId);
    if (!desk) throw new Error(`desk ${ctx.deskId} vanished during a push`);
    const lastSeq = desk.lastSeq;
    const first = request.ops[0];
    if (first && first.seq > lastSeq + 1) {
      throw new HttpError(409, { error: 'seq_gap', expectedSeq: lastSeq + 1, message: hqMessages.seqGap(lastSeq + 1) });
    }
    const applyContext: ApplyContext = { ...ctx, desk };
    const results = request.ops.map((op): PushResult => {
      if (op.seq <= lastSeq) {
        const stored = store.op(desk.deskId, op.seq);
        if (!stored || stored.opId !== op.opId) {
          throw new HttpError(409, { error: 'seq_conflict', seq: op.seq, message: hqMessages.seqConflict(op.seq) });
        }
        return duplicateOf(op.seq, stored);
      }
      const earlier = store.opPlace(op.opId);
      const planned = earlier ? undefined : ctx.plannedRejection?.(op.entity);
      const outcome: OpOutcome = earlier
        ? { status: 'rejected', reason: hqMessages.opIdReused(earlier.seq) }
        : planned !== undefined
          ? { status: 'rejected', reason: planned }
          : applyOp(applyContext, op);
      const row: OpRow = {
        deskId: desk.deskId,
        seq: op.seq,
        opId: op.opId,
        entity: op.entity,
        entityId: op.entityId,
        type: op.type,
        baseVersion: op.baseVersion ?? null,
        clerkId: op.clerkId,
        at: op.at,
        businessDate: businessDateOf(op.at),
        payload: JSON.stringify(op.payload ?? null),
        status: outcome.status,
        serverVersion: outcome.status === 'rejected' ? null : outcome.serverVersion,
        reason: outcome.status === 'applied' ? null : outcome.reason,
        conflictFields: outcome.status === 'conflict' ? outcome.conflictFields : null,
        receivedAt: ctx.nowIso,
      };
      store.insertOp(row);
      return resultOf(op.opId, op.seq, outcome);
    });
    const newLastSeq = Math.max(lastSeq, request.ops.at(-1)?.seq ?? 0);
    if (newLastSeq !== lastSeq) store.setLastSeq(desk.deskId, newLastSeq);
    return { lastSeq: newLastSeq, results, ...receiveAuditHead(store, desk.deskId, request, ctx.nowIso) };
  });
}
