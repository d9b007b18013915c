import { attachmentContent } from '../data/attachments';
import { auditAnchorPoints, recordAuditAnswer } from '../data/auditAnchors';
import { listClerks } from '../data/clerks';
import { chinaIso } from '../data/clock';
import { guardStorage } from '../data/dataError';
import type { DeskDatabase } from '../data/db';
import { archivedPdf } from '../data/documentArchive/archive';
import { markInFlight, markSendFailed, pendingOps, recordResults } from '../data/outbox';
import { recoverInFlight } from '../data/outboxFlight';
import type { OutboxRow } from '../data/records';
import type { CaseId } from '../domain/cases/caseId';
import { advanceResend, keepHqCaseValues, readHqCaseValuesOf, readResendFrom, updateSyncStatus } from '../data/syncState';
import { caseFields, type CaseField, type CasePatch } from '../domain/cases/caseRecord';
import type { HqFailure } from '../platform/desk';
import type { SyncOp } from '../protocol/ops';
import type { PushResponse, PushResult } from '../protocol/push';
import { unsentCaseFields, withDeskFields } from './deskFields';
import { syncMessages } from './messages';
import { failureOfHq, type PhaseFailure, type PushLimits, type SyncContext } from './syncContext';
import { withdrawalRequestBytes } from '../domain/cases/withdrawal';

const encoder = new TextEncoder();

/** Where the next batch starts: after the last op sent in this pass, or (after a seq gap, or to resend) at a seq. */
type BatchStart = { after: number } | { from: number };

/** What the outbox has for the next push. */
type Taken =
  /** Noted as in flight (see `markInFlight`), to send now. */
  | { kind: 'batch'; batch: OutboxRow[] }
  /** Refers to scans HQ may not have yet: upload them first, then take again. Nothing was marked. */
  | { kind: 'upload'; batch: OutboxRow[] }
  /** The outbox holds no op at the seq to start from. */
  | { kind: 'missing' }
  | { kind: 'none' };

/** The scans the batch's ops refer to: checklist scans, and the written request of a withdrawal. */
function scansOf(batch: readonly OutboxRow[]): Set<string> {
  const hashes = new Set<string>();
  for (const row of batch) {
    if (row.op.entity === 'checklistEvent') for (const attachment of row.op.payload.attachments) hashes.add(attachment.sha256);
    const event = row.op.entity === 'caseEvent' ? row.op.payload.event : null;
    if (event?.type === 'withdrawn' && event.request !== undefined) hashes.add(withdrawalRequestBytes(event.request));
  }
  return hashes;
}

/** The archived PDFs the batch's document events refer to, by 文号 (HQ receives each PDF as a blob too). */
function archivedDocumentsOf(batch: readonly OutboxRow[]): string[] {
  return [...new Set(batch.flatMap((row) => (row.op.entity === 'documentEvent' ? [row.op.payload.documentNumber] : [])))];
}

/**
 * The next ops to send, read and noted as in flight in one transaction: in seq order and contiguous, the
 * unacknowledged ones after `after`, or from `from` every op, acknowledged or not (HQ answers those it
 * has as duplicates). At most `maxOps` ops and `maxBytes` of JSON; one op alone may exceed the bytes (HQ
 * then says 413).
 */
async function takeBatch(db: DeskDatabase, start: BatchStart, limits: PushLimits, at: string): Promise<Taken> {
  return guardStorage(() =>
    db.transaction('rw', [db.outbox, db.blobs, db.documents, db.meta], async (): Promise<Taken> => {
      const rows = 'from' in start ? await db.outbox.where('seq').aboveOrEqual(start.from).limit(limits.maxOps).toArray() : await pendingOps(db, limits.maxOps, start.after);
      if (rows[0] === undefined) return { kind: 'none' };
      if ('from' in start && rows[0].seq !== start.from) return { kind: 'missing' };
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
      const scans = [...scansOf(batch)];
      if (scans.length > 0 && (await db.blobs.bulkGet(scans)).some((blob) => blob !== undefined && blob.uploaded !== 1)) return { kind: 'upload', batch };
      const documents = archivedDocumentsOf(batch);
      if (documents.length > 0 && (await db.documents.where('documentNumber').anyOf(documents).toArray()).some((row) => row.uploaded !== 1)) return { kind: 'upload', batch };
      await markInFlight(db, batch, at);
      return { kind: 'batch', batch };
    }),
  );
}

/** HEAD first, PUT only what HQ lacks; the bytes are read (through the one reader of their kind) only then. */
async function uploadOnce(ctx: SyncContext, sha256: string, plainBytes: () => Promise<Uint8Array | null>): Promise<PhaseFailure | null> {
  const held = await ctx.transport.hasBlob({ sha256 });
  if (!held.ok) return failureOfHq(held.failure);
  if (held.value.present) return null;
  const bytes = await plainBytes();
  if (bytes === null) return null;
  const put = await ctx.transport.putBlob({ sha256, bytes: new Uint8Array(bytes) });
  return put.ok ? null : failureOfHq(put.failure);
}

/**
 * Uploads the bytes the batch's ops refer to before HQ receives the references (scans of checklist events
 * and withdrawals, the archived PDFs of document events); each is then marked uploaded, which is what
 * lets the retention purge drop it later. A reference without local bytes is left to the op (the bytes
 * cannot be sent from here).
 */
async function uploadBlobsOf(ctx: SyncContext, batch: readonly OutboxRow[]): Promise<PhaseFailure | null> {
  for (const sha256 of scansOf(batch)) {
    const blob = await guardStorage(() => ctx.db.blobs.get(sha256));
    if (blob === undefined || blob.uploaded === 1) continue;
    // HQ receives the plain bytes, by their plain SHA-256: sealing is this desk's alone.
    const failure = await uploadOnce(ctx, sha256, async () => {
      const content = await attachmentContent(ctx.db, sha256);
      return content === undefined ? null : new Uint8Array(await content.arrayBuffer());
    });
    if (failure !== null) return failure;
    await guardStorage(() => ctx.db.blobs.update(sha256, { uploaded: 1 }));
  }
  for (const documentNumber of archivedDocumentsOf(batch)) {
    const row = await guardStorage(() => ctx.db.documents.where('documentNumber').equals(documentNumber).first());
    if (row === undefined || row.uploaded === 1) continue;
    const failure = await uploadOnce(ctx, row.sha256, () => archivedPdf(row));
    if (failure !== null) return failure;
    await guardStorage(() => ctx.db.documents.update(row.id, { uploaded: 1 }));
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
 *
 * Only the batch's cases are read, and of those only the ones with something to settle (a conflicted
 * answer, or HQ values kept back at a pull): an answer that HQ applied to a case it had no say on
 * changes nothing here, so a plain batch costs one lookup per case.
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
  const kept = await readHqCaseValuesOf(db, [...answered.keys()]);
  const toSettle = [...answered].filter(([caseId, answers]) => kept.has(caseId) || answers.some(({ result }) => isConflicted(result)));
  if (toSettle.length === 0) return;
  const unsent = await unsentCaseFields(db, toSettle.map(([caseId]) => caseId));
  const caseRows = await db.cases.bulkGet(toSettle.map(([caseId]) => caseId));
  for (const [index, [caseId, answers]] of toSettle.entries()) {
    const caseRow = caseRows[index];
    if (caseRow === undefined) continue;
    const stillUnsent = unsent.get(caseId) ?? new Set<string>();
    const hqValues = kept.get(caseId) ?? {};
    const conflicts = [...caseRow.conflicts];
    const standing: CasePatch = {};
    for (const { row, result } of answers) {
      if (!isConflicted(result)) continue;
      const payload = row.op.payload as Record<string, unknown>;
      for (const field of (result.conflictFields ?? []).filter(isCaseField)) {
        if (!(field in payload) || conflicts.some((known) => known.field === field && known.at === row.op.at)) continue;
        // HQ's value and who set it stay undefined until the pull brings HQ's case (see applyPullPage) when
        // they are not known yet; kept back at a pull, the row already names its author.
        const hqBy = field in hqValues ? caseRow.fieldAuthors?.[field] : undefined;
        conflicts.push({ field, deskValue: payload[field], hqValue: hqValues[field], at: row.op.at, clerkId: row.op.clerkId, ...(hqBy !== undefined && { hqBy }) });
        if (field in hqValues && !stillUnsent.has(field)) Object.assign(standing, { [field]: hqValues[field] });
      }
    }
    await db.cases.put({ ...withDeskFields(caseRow, standing), conflicts });
    // Values of fields HQ has now answered for are settled: HQ holds the desk's value, or its own stood.
    const unsettled = caseFields.filter((field) => field in hqValues && stillUnsent.has(field));
    await keepHqCaseValues(db, caseId, Object.fromEntries(unsettled.map((field) => [field, hqValues[field]])));
  }
}

/** HQ resolved the op its way: a conflict now, or one whose first answer (a conflict) was lost. */
function isConflicted(result: PushResult): boolean {
  return result.status === 'conflict' || (result.status === 'duplicate' && result.originalStatus === 'conflict');
}

/** Where a resend asked for by a close-day mismatch stands: the batch was sent from `from`, the next one starts at `next`. */
interface ResendStep {
  from: number;
  next: number | null;
}

/** A batch HQ answered, whose answer is still to be stored (its ops are read back when it is). */
interface Answered {
  seqs: number[];
  answer: PushResponse;
  resend: ResendStep | null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Stores HQ's answer to a batch: each op's result, what it settles on the cases, how far a resend got,
 * HQ's lastSeq. If that fails the batch's ops go back to pending (they are sent again and HQ answers them
 * as duplicates) and the error is thrown.
 */
async function storeAnswer(ctx: SyncContext, { seqs, answer, resend }: Answered): Promise<void> {
  const { db } = ctx;
  try {
    await guardStorage(() =>
      db.transaction('rw', [db.outbox, db.cases, db.meta], async () => {
        const answered = await recordResults(db, answer.results);
        await settleCaseAnswers(db, answered, answer.results);
        if (resend !== null) await advanceResend(db, resend.from, resend.next);
      }),
    );
    await updateSyncStatus(db, (status) => ({ ...status, hqLastSeq: answer.lastSeq }));
    await recordAuditAnswer(db, answer, ctx.now());
  } catch (error) {
    await markSendFailed(db, seqs, syncMessages.unexpected(messageOf(error)));
    throw error;
  }
}

/**
 * Sends the outbox to HQ until it is empty, batch by batch: note the batch in flight, send, store each
 * result. An op is sent exactly as it was written (never edited); HQ answers one it already holds as a
 * duplicate, so a lost answer is healed by sending again. A seq gap restarts from the seq HQ expects; a 413 halves the
 * batch. After a close-day mismatch (HQ lacks ops the desk holds as acknowledged) it starts from the first
 * seq HQ lacks, so those ops reach HQ again without waiting for a new op to meet the gap. Returns null
 * when everything was acknowledged, else why it stopped.
 *
 * One request is in flight at a time, in seq order. HQ's answer to a batch is stored while the next batch
 * is on its way (the next one is taken and noted first): the desk's writes overlap HQ's work instead of
 * adding to it. What is kept of an answered batch until then is its seqs and HQ's results; storing reads
 * its ops back. So at most two batches of ops are held at once — the one in flight and the one being
 * stored — and a pass ends only once the last answer is stored.
 */
export async function pushOutbox(ctx: SyncContext): Promise<PhaseFailure | null> {
  const limits = { ...ctx.limits };
  // A push cut off before (in this window or another) leaves its ops `sending`, so they are sent again here.
  await recoverInFlight(ctx.db);
  const resendFrom = await guardStorage(() => readResendFrom(ctx.db));
  let from: number | null = resendFrom;
  let after = 0;
  let answered: Answered | null = null;
  // Each op goes with its clerk's name, so the other windows name them (the stored op is left as it is).
  const names = new Map((await guardStorage(() => listClerks(ctx.db))).map((clerk) => [clerk.id as string, clerk.displayName]));
  const named = (op: SyncOp): SyncOp => {
    const clerkName = names.get(op.clerkId);
    return clerkName === undefined ? op : { ...op, clerkName };
  };
  const storeLast = async () => {
    const last = answered;
    answered = null;
    if (last !== null) await storeAnswer(ctx, last);
  };

  for (;;) {
    const taken = await takeBatch(ctx.db, from === null ? { after } : { from }, limits, chinaIso(ctx.now()));
    if (taken.kind === 'none') {
      await storeLast();
      if (resendFrom !== null && from !== null) await finishResend(ctx.db, from);
      return null;
    }
    if (taken.kind === 'missing') {
      await storeLast();
      return { kind: 'paused', reason: 'sequenceMismatch', message: syncMessages.sequenceMissing(from ?? after + 1) };
    }
    if (taken.kind === 'upload') {
      await storeLast();
      const uploadFailure = await uploadBlobsOf(ctx, taken.batch);
      if (uploadFailure) return uploadFailure;
      continue;
    }

    const { batch } = taken;
    const first = batch[0]!;
    const last = batch.at(-1)!;
    const seqs = batch.map((row) => row.seq);
    // Read while the previous answer is still unstored: the anchor may be one answer behind, which HQ still holds.
    const audit = await auditAnchorPoints(ctx.db);
    const previous = storeLast();
    const [sent, stored] = await Promise.allSettled([ctx.transport.push({ ops: batch.map((row) => named(row.op)), ...audit }), previous]);
    if (stored.status === 'rejected') {
      // The previous answer could not be stored: the pass fails with that, and this batch is sent again.
      await markSendFailed(ctx.db, seqs, syncMessages.unexpected(messageOf(stored.reason)));
      throw stored.reason;
    }
    if (sent.status === 'rejected') {
      await markSendFailed(ctx.db, seqs, syncMessages.unexpected(messageOf(sent.reason)));
      throw sent.reason;
    }
    const answer = sent.value;
    if (answer.ok) {
      answered = { seqs, answer: answer.value, resend: resendFrom !== null && from !== null ? { from, next: last.seq + 1 } : null };
      if (from !== null) from = last.seq + 1;
      after = last.seq;
      continue;
    }
    const failure: HqFailure = answer.failure;
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

/** Every op from the resend's mark on has been answered: the mark goes. */
async function finishResend(db: DeskDatabase, reached: number): Promise<void> {
  await guardStorage(() => db.transaction('rw', db.meta, () => advanceResend(db, reached, null)));
}
