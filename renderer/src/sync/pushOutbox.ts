import { chinaIso } from '../data/clock';
import { guardStorage } from '../data/dataError';
import type { DeskDatabase } from '../data/db';
import { markSendFailed, markSent, pendingOps, recordResults } from '../data/outbox';
import type { OutboxRow } from '../data/records';
import type { CaseId } from '../domain/cases/caseId';
import { keepHqCaseValues, readHqCaseValues, updateSyncStatus } from '../data/syncState';
import { unsentCaseFields, withDeskFields } from './deskFields';
import type { HqFailure } from './hqBridge';
import { syncMessages } from './messages';
import { caseFields, type CaseField, type CasePatch, type PushResponse, type PushResult } from './protocol';
import { failureOfHq, type PhaseFailure, type PushLimits, type SyncContext } from './syncContext';

const encoder = new TextEncoder();

/**
 * The next ops to send, in seq order and contiguous: the unacknowledged ones (`from` null), or after a
 * seq gap every op from HQ's expected seq, acknowledged or not (HQ answers those it has as duplicates).
 * At most `maxOps` ops and `maxBytes` of JSON; one op alone may exceed the bytes (HQ then says 413).
 */
async function nextBatch(db: DeskDatabase, from: number | null, limits: PushLimits): Promise<OutboxRow[]> {
  const rows =
    from === null
      ? await pendingOps(db, limits.maxOps)
      : await guardStorage(() => db.outbox.where('seq').aboveOrEqual(from).limit(limits.maxOps).toArray());
  const batch: OutboxRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    const previous = batch.at(-1);
    if (previous !== undefined && row.seq !== previous.seq + 1) break;
    const size = encoder.encode(JSON.stringify(row.op)).length + 1;
    if (previous !== undefined && bytes + size > limits.maxBytes) break;
    batch.push(row);
    bytes += size;
  }
  return batch;
}

/**
 * Uploads the attachment bytes the batch's checklist events refer to, before HQ receives the references:
 * HEAD first, PUT only what HQ lacks, then the blob is marked uploaded. A reference without local bytes
 * is left to the op (the bytes cannot be sent from here).
 */
async function uploadBlobsOf(ctx: SyncContext, batch: readonly OutboxRow[]): Promise<PhaseFailure | null> {
  const hashes = new Set<string>();
  for (const row of batch) {
    if (row.op.entity === 'checklistEvent') for (const attachment of row.op.payload.attachments) hashes.add(attachment.sha256);
  }
  for (const sha256 of hashes) {
    const blob = await guardStorage(() => ctx.db.blobs.get(sha256));
    if (blob === undefined || blob.uploaded === 1) continue;
    const held = await ctx.transport.hasBlob({ sha256 });
    if (!held.ok) return failureOfHq(held.failure);
    if (!held.value.present) {
      const put = await ctx.transport.putBlob({ sha256, bytes: new Uint8Array(await blob.data.arrayBuffer()) });
      if (!put.ok) return failureOfHq(put.failure);
    }
    await guardStorage(() => ctx.db.blobs.update(sha256, { uploaded: 1 }));
  }
  return null;
}

function isCaseField(name: string): name is CaseField {
  return (caseFields as readonly string[]).includes(name);
}

/**
 * After HQ answered case ops: where HQ resolved the clerk's change its way (a conflict, or a duplicate of
 * one whose first answer was lost), the desk's value is kept beside the case for the clerk, once per op
 * and field, and HQ's value stands on the row when the desk already has it (kept back at a pull) and no
 * later change of the clerk to that field is still on its way. Otherwise the next pull brings it.
 */
async function settleCaseAnswers(db: DeskDatabase, batch: readonly OutboxRow[], results: readonly PushResult[]): Promise<void> {
  const bySeq = new Map(batch.map((row) => [row.seq, row]));
  const answered = new Map<CaseId, { row: OutboxRow; result: PushResult }[]>();
  for (const result of results) {
    const row = bySeq.get(result.seq);
    if (row === undefined || row.op.entity !== 'case') continue;
    answered.set(row.op.entityId, [...(answered.get(row.op.entityId) ?? []), { row, result }]);
  }
  if (answered.size === 0) return;
  const unsent = await unsentCaseFields(db);
  for (const [caseId, answers] of answered) {
    const caseRow = await db.cases.get(caseId);
    if (caseRow === undefined) continue;
    const stillUnsent = unsent.get(caseId) ?? new Set<string>();
    const hqValues = await readHqCaseValues(db, caseId);
    const conflicts = [...caseRow.conflicts];
    const standing: CasePatch = {};
    for (const { row, result } of answers) {
      const conflicted = result.status === 'conflict' || (result.status === 'duplicate' && result.originalStatus === 'conflict');
      if (!conflicted) continue;
      const payload = row.op.payload as Record<string, unknown>;
      for (const field of (result.conflictFields ?? []).filter(isCaseField)) {
        if (!(field in payload) || conflicts.some((known) => known.field === field && known.at === row.op.at)) continue;
        // hqValue stays undefined until the pull brings HQ's case (see applyPullPage) when it is not known yet.
        conflicts.push({ field, deskValue: payload[field], hqValue: hqValues[field], at: row.op.at });
        if (field in hqValues && !stillUnsent.has(field)) Object.assign(standing, { [field]: hqValues[field] });
      }
    }
    await db.cases.put({ ...withDeskFields(caseRow, standing), conflicts });
    // Values of fields HQ has now answered for are settled: HQ holds the desk's value, or its own stood.
    const unsettled = caseFields.filter((field) => field in hqValues && stillUnsent.has(field));
    await keepHqCaseValues(db, caseId, Object.fromEntries(unsettled.map((field) => [field, hqValues[field]])));
  }
}

async function recordAnswer(ctx: SyncContext, batch: readonly OutboxRow[], answer: PushResponse): Promise<void> {
  const { db } = ctx;
  await guardStorage(() =>
    db.transaction('rw', [db.outbox, db.cases, db.meta], async () => {
      await recordResults(db, answer.results);
      await settleCaseAnswers(db, batch, answer.results);
    }),
  );
  await updateSyncStatus(db, (status) => ({ ...status, hqLastSeq: answer.lastSeq }));
}

/**
 * Sends the outbox to HQ until it is empty, batch by batch: mark sending, send, record each result. An
 * op is sent exactly as it was written (never edited); HQ answers one it already holds as a duplicate, so
 * a lost answer is healed by sending again. A seq gap restarts from the seq HQ expects; a 413 halves the
 * batch. Returns null when everything was acknowledged, else why it stopped.
 */
export async function pushOutbox(ctx: SyncContext): Promise<PhaseFailure | null> {
  const limits = { ...ctx.limits };
  let from: number | null = null;
  for (;;) {
    const batch = await nextBatch(ctx.db, from, limits);
    const first = batch[0];
    if (first === undefined) return null;
    if (from !== null && first.seq !== from) return { kind: 'paused', reason: 'sequenceMismatch', message: syncMessages.sequenceMissing(from) };

    const uploadFailure = await uploadBlobsOf(ctx, batch);
    if (uploadFailure) return uploadFailure;

    const seqs = batch.map((row) => row.seq);
    await markSent(ctx.db, seqs, chinaIso(ctx.now()));
    let failure: HqFailure;
    try {
      const answer = await ctx.transport.push({ ops: batch.map((row) => row.op) });
      if (answer.ok) {
        await recordAnswer(ctx, batch, answer.value);
        if (from !== null) from = batch.at(-1)!.seq + 1;
        continue;
      }
      failure = answer.failure;
    } catch (error) {
      await markSendFailed(ctx.db, seqs, syncMessages.unexpected(error instanceof Error ? error.message : String(error)));
      throw error;
    }
    await markSendFailed(ctx.db, seqs, failure.message);

    if (failure.kind === 'seqGap') {
      if (failure.expectedSeq >= first.seq) {
        return { kind: 'paused', reason: 'sequenceMismatch', message: syncMessages.sequenceContradiction(failure.expectedSeq, first.seq) };
      }
      from = failure.expectedSeq;
      continue;
    }
    if (failure.kind === 'tooLarge' && batch.length > 1) {
      limits.maxOps = Math.ceil(batch.length / 2);
      continue;
    }
    if (failure.kind === 'tooLarge') return { kind: 'paused', reason: 'opTooLarge', message: syncMessages.opTooLarge(first.seq) };
    return failureOfHq(failure);
  }
}
