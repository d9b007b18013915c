import type { Dexie, EntityTable } from 'dexie';
import { z } from 'zod';
import { isoDateTimeSchema } from '../domain/chineseDate';
import { guardStorage } from './dataError';
import type { MetaRow, OutboxRow } from './records';

/**
 * The note of a batch in flight, and the recovery of the batches whose answer never came. Apart from the
 * rest of the outbox because the database runs that recovery as it opens.
 *
 * A batch handed to HQ whose answer is not stored yet. Rather than marking each op `sending` before the
 * request (a write per op, as costly as storing the answer), the engine notes the batch once, here, in
 * `meta`; storing the answer (or the failure) counts the attempt on each op and removes the note. A note
 * left behind (the page died mid-push) turns its ops into `sending` — sent, answer unknown — when the
 * database next opens or the next push starts: what marking each op first would have shown.
 */
export const IN_FLIGHT_PREFIX = 'outbox.inFlight:';
export const inFlightSchema = z.object({ fromSeq: z.int().min(1), toSeq: z.int().min(1), at: isoDateTimeSchema });
export type InFlight = z.infer<typeof inFlightSchema>;

/** The tables the notes concern (not `DeskDatabase`, which imports this module to recover as it opens). */
type FlightTables = Dexie & { outbox: EntityTable<OutboxRow, 'seq'>; meta: EntityTable<MetaRow, 'key'> };

export const unacknowledged = (row: OutboxRow) => row.state === 'pending' || row.state === 'sending';

/**
 * The op's delivery fields after an attempt of the batch `flight`: one more attempt and its time, for an
 * op not yet acknowledged that the batch carried. Without the note (another window already turned the
 * batch into `sending`, counting the attempt) or for an op acknowledged before, they stay.
 */
export function attempted(row: OutboxRow, flight: InFlight | null): Pick<OutboxRow, 'attempts' | 'sentAt'> {
  if (flight === null || !unacknowledged(row) || row.seq < flight.fromSeq || row.seq > flight.toSeq) return { attempts: row.attempts, sentAt: row.sentAt };
  return { attempts: row.attempts + 1, sentAt: flight.at };
}

/**
 * Batches whose answer never came (the page stopped mid-push): their unacknowledged ops become `sending`,
 * with the attempt counted. Run when the database opens and before each push; returns how many ops.
 */
export async function recoverInFlight(db: FlightTables): Promise<number> {
  return guardStorage(() =>
    db.transaction('rw', [db.outbox, db.meta], async () => {
      const notes = await db.meta.where('key').startsWith(IN_FLIGHT_PREFIX).toArray();
      let recovered = 0;
      for (const note of notes) {
        const flight = inFlightSchema.safeParse(note.value);
        await db.meta.delete(note.key);
        if (!flight.success) continue;
        const rows = await db.outbox.where('seq').between(flight.data.fromSeq, flight.data.toSeq, true, true).toArray();
        const sent = rows.filter(unacknowledged).map((row): OutboxRow => ({ ...row, state: 'sending', ...attempted(row, flight.data) }));
        await db.outbox.bulkPut(sent);
        recovered += sent.length;
      }
      return recovered;
    }),
  );
}

