import Dexie, { type Transaction } from 'dexie';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { opTypeByEntity, syncOpSchema, type PushResult, type SyncOpInput } from '../sync/protocol';
import { chinaIso } from './clock';
import { reserveOutboxSeqs } from './counters';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { dataMessages } from './messages';
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
 * Appends ops for HQ inside the caller's read-write transaction (which must cover `outbox` and
 * `counters`), so they commit or vanish with the rows they describe. Every op is checked against the
 * sync protocol first: one that HQ could never accept is refused (rolling the caller's transaction
 * back) before anything is written.
 */
export async function appendOps(tx: Transaction, drafts: readonly OpDraft[]): Promise<OutboxRow[]> {
  const checked = drafts.map((draft) => {
    const parsed = syncOpSchema.safeParse({ ...draft, opId: uuidv7(), seq: 1, type: opTypeByEntity[draft.entity] });
    if (!parsed.success) throw new Refusal(dataMessages.cases.syncFormat(`${draft.entity}.${firstIssue(parsed.error)}`));
    return parsed.data;
  });
  if (checked.length === 0) return [];
  const first = await reserveOutboxSeqs(tx, checked.length);
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

/** Fields that make up the op as sent; once written they never change (a correction is a new op). */
const immutableFields = ['seq', 'opId', 'entity', 'entityId', 'op', 'createdAt'] as const;

/**
 * Makes the database refuse any change to an op's content after it was written: only its delivery state
 * (state, attempts, lastError, sentAt, result) may change. Installed once per database instance.
 */
export function protectOutbox(db: DeskDatabase): void {
  // Dexie reports every array of the stored row as modified (it compares arrays by reference), so a
  // field counts as touched only when its value really differs from the stored one.
  db.outbox.hook('updating', (modifications, _key, stored) => {
    const changes = modifications as Record<string, unknown>;
    const touched = Object.keys(changes).filter(
      (path) =>
        immutableFields.some((field) => path === field || path.startsWith(`${field}.`)) &&
        JSON.stringify(Dexie.getByKeyPath(stored, path)) !== JSON.stringify(changes[path]),
    );
    if (touched.length > 0) throw new Error(`outbox ops are never edited (tried to change ${touched.join(', ')})`);
    return undefined;
  });
}

/**
 * Ops HQ has not yet acknowledged, oldest first: pending ones and those handed out before (a push whose
 * answer was lost, or the app stopped mid-push). HQ answers a repeated op as a duplicate, so sending an
 * op again is always safe, and sending in seq order keeps the desk's sequence without gaps.
 */
export async function pendingOps(db: DeskDatabase, limit: number): Promise<OutboxRow[]> {
  return guardStorage(() =>
    db.transaction('r', db.outbox, async () => {
      const inState = (state: OutboxState) =>
        db.outbox.where('[state+seq]').between([state, 0], [state, Number.MAX_SAFE_INTEGER], true, true).limit(limit).toArray();
      const [pending, sending] = await Promise.all([inState('pending'), inState('sending')]);
      return [...pending, ...sending].sort((a, b) => a.seq - b.seq).slice(0, limit);
    }),
  );
}

/** The sync engine hands these ops to HQ now: each is marked `sending` and counts one more attempt. */
export async function markSent(db: DeskDatabase, seqs: readonly number[], at: string = chinaIso()): Promise<void> {
  await guardStorage(() =>
    db.transaction('rw', db.outbox, async () => {
      for (const row of await db.outbox.bulkGet([...seqs])) {
        if (row === undefined || (row.state !== 'pending' && row.state !== 'sending')) continue;
        await db.outbox.update(row.seq, { state: 'sending', attempts: row.attempts + 1, sentAt: at });
      }
    }),
  );
}

/** A push failed before HQ answered (network, timeout, 5xx): the ops go back to pending with the reason. */
export async function markSendFailed(db: DeskDatabase, seqs: readonly number[], reason: string): Promise<void> {
  await guardStorage(() =>
    db.outbox
      .where('[state+seq]')
      .between(['sending', 0], ['sending', Number.MAX_SAFE_INTEGER], true, true)
      .filter((row) => seqs.includes(row.seq))
      .modify({ state: 'pending', lastError: reason }),
  );
}

/**
 * Stores HQ's answers. A duplicate takes the status the op first got when HQ says so (a lost answer may
 * hide a rejection the clerk must see); otherwise it stays `duplicate`, which counts as delivered.
 * An answer whose opId does not match the op at that seq is a protocol violation and throws.
 */
export async function recordResults(db: DeskDatabase, results: readonly PushResult[]): Promise<void> {
  await guardStorage(() =>
    db.transaction('rw', db.outbox, async () => {
      for (const result of results) {
        const row = await db.outbox.get(result.seq);
        if (row === undefined || row.opId !== result.opId) {
          throw new Error(`HQ answered op ${result.opId} at seq ${result.seq}, which the outbox does not hold`);
        }
        const state: OutboxState = result.status === 'duplicate' ? (result.originalStatus ?? 'duplicate') : result.status;
        const failed = state === 'rejected' || state === 'conflict';
        await db.outbox.update(row.seq, { state, result, lastError: failed ? (result.reason ?? null) : null });
      }
    }),
  );
}

/** How many ops are in each state, for the status bar and the day close. */
export async function outboxCounts(db: DeskDatabase): Promise<Record<OutboxState, number>> {
  return guardStorage(() =>
    db.transaction('r', db.outbox, async () => {
      const counts = await Promise.all(outboxStates.map((state) => db.outbox.where('state').equals(state).count()));
      return Object.fromEntries(outboxStates.map((state, i) => [state, counts[i]!])) as Record<OutboxState, number>;
    }),
  );
}

/** Ops in one state, newest first (the visible outbox: what was rejected, and why). */
export async function opsInState(db: DeskDatabase, state: OutboxState, limit: number): Promise<OutboxRow[]> {
  return guardStorage(() =>
    db.outbox.where('[state+seq]').between([state, 0], [state, Number.MAX_SAFE_INTEGER], true, true).reverse().limit(limit).toArray(),
  );
}
