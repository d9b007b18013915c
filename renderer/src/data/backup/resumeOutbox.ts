import type { DeskDatabase } from '../db';
import { unacknowledged } from '../outboxFlight';
import type { OutboxRow } from '../records';
import { continueSequencesAbove } from '../sequences';
import { markRestoreResumed, type RestoredFrom } from './restoreBackup';

/** The ops of a restored outbox HQ has not acknowledged, from `fromSeq` on, in seq order. */
export async function unacknowledgedFrom(db: DeskDatabase, fromSeq: number): Promise<OutboxRow[]> {
  return (await db.outbox.where('seq').aboveOrEqual(fromSeq).toArray()).filter(unacknowledged);
}

/**
 * HQ has other ops of this desk at the seqs of these unacknowledged ones (a newer lineage of the desk got
 * there first): they are written again, in their order, as new rows numbered from `hqLastSeq + 1`, so HQ
 * receives them after its own. An op is never edited; the old rows go. Returns the new rows.
 */
export async function renumberAbove(db: DeskDatabase, rows: readonly OutboxRow[], hqLastSeq: number): Promise<OutboxRow[]> {
  return db.transaction('rw', [db.outbox, db.counters], async (tx) => {
    const moved = rows.map((row, index): OutboxRow => {
      const seq = hqLastSeq + 1 + index;
      return { ...row, seq, op: { ...row.op, seq }, state: 'pending', attempts: 0, lastError: null, sentAt: null, result: null };
    });
    await db.outbox.bulkDelete(rows.map((row) => row.seq));
    await db.outbox.bulkAdd(moved);
    await continueSequencesAbove(tx, hqLastSeq + moved.length);
    return moved;
  });
}

/** The restored desk found where HQ stands: its sequences go on above HQ's, and the resumption is noted. */
export async function finishResume(db: DeskDatabase, restored: RestoredFrom, hqLastSeq: number, notice: string): Promise<void> {
  await db.transaction('rw', [db.counters, db.meta], async (tx) => {
    await continueSequencesAbove(tx, hqLastSeq);
    await markRestoreResumed(db, { ...restored, notice });
  });
}
