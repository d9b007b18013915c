import type { Transaction } from 'dexie';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { CaseId } from '../domain/cases/caseId';
import { businessDateOf } from '../domain/chineseDate';
import { closedDayRefusal } from '../domain/dayClose/closedDay';
import { caseIdOfLedgerItemId } from '../domain/ledger/ledgerItem';
import { opTypeByEntity, syncOpSchema, type SyncOpInput } from '../protocol/ops';
import type { PushResult } from '../protocol/push';
import { closedDatesWithin } from './dayClose/record';
import { reserveOutboxSeqs } from './sequences';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { dataMessages } from './messages';
import { attempted, IN_FLIGHT_PREFIX, inFlightSchema, unacknowledged, type InFlight } from './outboxFlight';
import { outboxStates, type OutboxRow, type OutboxState } from './records';
import { Refusal } from './refusal';
import { boundTable } from './transaction';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An op as a writer describes it; the outbox adds `opId`, `seq` and the entity's `type`. */
export type OpDraft = DistributiveOmit<SyncOpInput, 'opId' | 'seq' | 'type'>;

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return error.message;
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/**
 * Outbox seqs a write reserved itself in the same transaction, together with its other reads (each wait
 * inside a transaction is a round trip): intake does (`takeIntakeNumbers`), to stay within its budget.
 */
export interface ReservedSeqs {
  first: number;
  count: number;
}

/**
 * Every op is work counted in its business day, so none may be written on a day the chief has signed.
 * The desk's acts write in `writeWithAudit`, whose transaction covers `meta` where the day's record is; a
 * transaction without it (the outbox's own tests and benchmarks) writes no act of a day.
 */
async function refuseClosedDays(tx: Transaction, businessDates: readonly string[]): Promise<void> {
  if (!tx.storeNames.includes('meta')) return;
  const refusal = closedDayRefusal(businessDates, await closedDatesWithin(tx, [...new Set(businessDates)]));
  if (refusal !== null) throw new Refusal(refusal);
}

/**
 * Appends ops for HQ inside the caller's read-write transaction (which must cover `outbox` and
 * `counters`), so they commit or vanish with the rows they describe. Every op is checked against the
 * sync protocol first: one that HQ could never accept is refused (rolling the caller's transaction
 * back) before anything is written. Seqs `reserved` beforehand must be exactly as many as the ops.
 */
export async function appendOps(tx: Transaction, drafts: readonly OpDraft[], reserved?: ReservedSeqs): Promise<OutboxRow[]> {
  const checked = drafts.map((draft) => {
    const parsed = syncOpSchema.safeParse({ ...draft, opId: uuidv7(), seq: 1, type: opTypeByEntity[draft.entity] });
    if (!parsed.success) throw new Refusal(dataMessages.cases.syncFormat(`${draft.entity}.${firstIssue(parsed.error)}`));
    return parsed.data;
  });
  // A mismatch would leave a gap in the desk's sequence or reuse a seq: a bug, and the write rolls back.
  if (reserved !== undefined && reserved.count !== checked.length) throw new Error(`${checked.length} ops for ${reserved.count} reserved outbox seqs`);
  if (checked.length === 0) return [];
  await refuseClosedDays(tx, checked.map((op) => businessDateOf(op.at)));
  const first = reserved?.first ?? (await reserveOutboxSeqs(tx, checked.length));
  const rows = checked.map(
    (op, index): OutboxRow => ({
      seq: first + index,
      opId: op.opId,
      entity: op.entity,
      entityId: op.entityId,
      op: { ...op, seq: first + index },
      state: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: op.at,
      sentAt: null,
      result: null,
    }),
  );
  await boundTable(tx, 'outbox').bulkAdd(rows);
  return rows;
}

/**
 * Ops HQ has not yet acknowledged, oldest first: pending ones and those handed out before (a push whose
 * answer was lost, or the app stopped mid-push). HQ answers a repeated op as a duplicate, so sending an
 * op again is always safe, and sending in seq order keeps the desk's sequence without gaps. `afterSeq`
 * skips the ops up to it (those the sync engine has just sent and is still recording the answer for).
 */
export async function pendingOps(db: DeskDatabase, limit: number, afterSeq = 0): Promise<OutboxRow[]> {
  return guardStorage(() =>
    db.transaction('r', db.outbox, async () => {
      const inState = (state: OutboxState) =>
        db.outbox.where('[state+seq]').between([state, afterSeq + 1], [state, Number.MAX_SAFE_INTEGER], true, true).limit(limit).toArray();
      const [pending, sending] = await Promise.all([inState('pending'), inState('sending')]);
      return [...pending, ...sending].sort((a, b) => a.seq - b.seq).slice(0, limit);
    }),
  );
}

/**
 * The rows at these seqs, in their order (undefined where there is none): one range read when the seqs
 * run without a gap, as a batch's do, else one lookup each.
 */
async function rowsAt(db: DeskDatabase, seqs: readonly number[]): Promise<(OutboxRow | undefined)[]> {
  const first = seqs[0];
  const run = first !== undefined && seqs.every((seq, index) => seq === first + index);
  if (!run) return db.outbox.bulkGet([...seqs]);
  const bySeq = new Map((await db.outbox.where('seq').between(first, first + seqs.length - 1, true, true).toArray()).map((row) => [row.seq, row]));
  return seqs.map((seq) => bySeq.get(seq));
}

/** Inside the caller's read-write transaction (covering `meta`): the batch `rows` (contiguous seqs) is sent now. */
export async function markInFlight(db: DeskDatabase, rows: readonly OutboxRow[], at: string): Promise<void> {
  const first = rows[0];
  const last = rows.at(-1);
  if (first === undefined || last === undefined) return;
  await db.meta.put({ key: `${IN_FLIGHT_PREFIX}${first.seq}`, value: inFlightSchema.parse({ fromSeq: first.seq, toSeq: last.seq, at }) });
}

/** Inside a read-write transaction (covering `meta`): the note of the batch starting at `fromSeq`, removed; null when there is none. */
async function takeInFlight(db: DeskDatabase, fromSeq: number | undefined): Promise<InFlight | null> {
  if (fromSeq === undefined) return null;
  const key = `${IN_FLIGHT_PREFIX}${fromSeq}`;
  const parsed = inFlightSchema.safeParse((await db.meta.get(key))?.value);
  if (!parsed.success) return null;
  await db.meta.delete(key);
  return parsed.data;
}

/**
 * A push failed before HQ answered (network, timeout, 5xx): the batch's unacknowledged ops go back to
 * pending with the reason, the attempt counted.
 */
export async function markSendFailed(db: DeskDatabase, seqs: readonly number[], reason: string): Promise<void> {
  const sorted = [...seqs].sort((a, b) => a - b);
  await guardStorage(() =>
    db.transaction('rw', [db.outbox, db.meta], async () => {
      const flight = await takeInFlight(db, sorted[0]);
      const rows = (await rowsAt(db, sorted)).filter((row): row is OutboxRow => row !== undefined && unacknowledged(row));
      await db.outbox.bulkPut(rows.map((row): OutboxRow => ({ ...row, ...attempted(row, flight), state: 'pending', lastError: reason })));
    }),
  );
}

/**
 * Stores HQ's answers to a batch, the attempt counted. A duplicate takes the status the op first got when
 * HQ says so (a lost answer may hide a rejection the clerk must see); otherwise it stays `duplicate`,
 * which counts as delivered. An answer whose opId does not match the op at that seq is a protocol
 * violation and throws. Returns the ops as stored now.
 */
export async function recordResults(db: DeskDatabase, results: readonly PushResult[]): Promise<OutboxRow[]> {
  return guardStorage(() =>
    db.transaction('rw', [db.outbox, db.meta], async () => {
      const seqs = results.map((result) => result.seq);
      const flight = await takeInFlight(db, Math.min(...seqs));
      const rows = await rowsAt(db, seqs);
      const answered = results.map((result, index): OutboxRow => {
        const row = rows[index];
        if (row === undefined || row.opId !== result.opId) {
          throw new Error(`HQ answered op ${result.opId} at seq ${result.seq}, which the outbox does not hold`);
        }
        const state: OutboxState = result.status === 'duplicate' ? (result.originalStatus ?? 'duplicate') : result.status;
        const failed = state === 'rejected' || state === 'conflict';
        return { ...row, ...attempted(row, flight), state, result, lastError: failed ? (result.reason ?? null) : null };
      });
      await db.outbox.bulkPut(answered);
      return answered;
    }),
  );
}

/** The batches in flight now (see `markInFlight`). */
async function flightsNow(db: DeskDatabase): Promise<InFlight[]> {
  const notes = await db.meta.where('key').startsWith(IN_FLIGHT_PREFIX).toArray();
  return notes.flatMap((note) => {
    const flight = inFlightSchema.safeParse(note.value);
    return flight.success ? [flight.data] : [];
  });
}

/** The op as the clerk sees it: a pending op of a batch in flight is being sent. */
function shown(row: OutboxRow, flights: readonly InFlight[]): OutboxRow {
  return row.state === 'pending' && flights.some((flight) => row.seq >= flight.fromSeq && row.seq <= flight.toSeq) ? { ...row, state: 'sending' } : row;
}

/** Pending ops of the batches in flight, newest first. */
async function pendingInFlight(db: DeskDatabase, flights: readonly InFlight[]): Promise<OutboxRow[]> {
  const perFlight = await Promise.all(
    flights.map((flight) => db.outbox.where('[state+seq]').between(['pending', flight.fromSeq], ['pending', flight.toSeq], true, true).toArray()),
  );
  return perFlight.flat().sort((a, b) => b.seq - a.seq);
}

/** How many ops are in each state, for the status bar and the day close (the ops of a batch in flight count as sending). */
export async function outboxCounts(db: DeskDatabase): Promise<Record<OutboxState, number>> {
  return guardStorage(() =>
    db.transaction('r', [db.outbox, db.meta], async () => {
      const [counts, flights] = await Promise.all([Promise.all(outboxStates.map((state) => db.outbox.where('state').equals(state).count())), flightsNow(db)]);
      const byState = Object.fromEntries(outboxStates.map((state, i) => [state, counts[i]!])) as Record<OutboxState, number>;
      const flying = await Promise.all(
        flights.map((flight) => db.outbox.where('[state+seq]').between(['pending', flight.fromSeq], ['pending', flight.toSeq], true, true).count()),
      );
      const sent = flying.reduce((sum, n) => sum + n, 0);
      return { ...byState, pending: byState.pending - sent, sending: byState.sending + sent };
    }),
  );
}

/** Ops in one state, newest first (the visible outbox: what was rejected, and why; a batch in flight is `sending`). */
export async function opsInState(db: DeskDatabase, state: OutboxState, limit: number): Promise<OutboxRow[]> {
  const stored = (take: number) =>
    db.outbox.where('[state+seq]').between([state, 0], [state, Number.MAX_SAFE_INTEGER], true, true).reverse().limit(take).toArray();
  if (state !== 'pending' && state !== 'sending') return guardStorage(() => stored(limit));
  return guardStorage(() =>
    db.transaction('r', [db.outbox, db.meta], async () => {
      const flights = await flightsNow(db);
      if (flights.length === 0) return stored(limit);
      const flying = await pendingInFlight(db, flights);
      if (state === 'sending') return [...(await stored(limit)), ...flying.map((row) => shown(row, flights))].sort((a, b) => b.seq - a.seq).slice(0, limit);
      const inFlight = new Set(flying.map((row) => row.seq));
      return (await stored(limit + inFlight.size)).filter((row) => !inFlight.has(row.seq)).slice(0, limit);
    }),
  );
}

/** The case an op is about (a case op's entityId is its case's id), or null for one of no case. */
export function opCaseId(row: OutboxRow): CaseId | null {
  switch (row.op.entity) {
    case 'case':
      return row.op.entityId;
    case 'ledgerFollowUp':
      return caseIdOfLedgerItemId(row.op.payload.itemId);
    default:
      return row.op.payload.caseId;
  }
}

/** Rows read from the outbox, as the clerk sees them (see `opsInState`). */
export async function asShown(db: DeskDatabase, rows: readonly OutboxRow[]): Promise<OutboxRow[]> {
  const flights = await guardStorage(() => flightsNow(db));
  return rows.map((row) => shown(row, flights));
}
