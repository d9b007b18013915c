import type { Table } from 'dexie';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import { settled, type Keyed } from './keyTiers';

type KeyedTable = Table<Keyed & { id: string }, string>;

/**
 * Rows per batch when the desk is quiet: a clerk who comes back waits for one batch at most, and a row
 * takes 7–20 ms to settle at 200,000 cases (the `cases` bench).
 */
export const settleBatchRows = 3;

/**
 * Moves the keys of up to `maxRows` rows from the fresh index into the settled one (cases first, then
 * enterprises), in one transaction, and answers how many rows moved: fewer than `maxRows` means nothing
 * fresh is left. Only the index changes — not a fact about the case — so `updatedAt` stays and nothing
 * goes to the outbox or the audit log. Each row costs about what writing its keys at intake would have
 * (see `keyTiers.ts`), so callers move a few rows at a time, when nobody is waiting.
 */
export function settleFreshKeys(db: DeskDatabase, maxRows: number): Promise<number> {
  const tables = [db.cases, db.enterprises] as unknown as KeyedTable[];
  return guardStorage(() =>
    db.transaction('rw', tables, async () => {
      let moved = 0;
      for (const table of tables) {
        if (moved >= maxRows) break;
        // A row appears once per fresh key in the index; `distinct` keeps one of each.
        const rows = await table.orderBy('freshKeys').distinct().limit(maxRows - moved).toArray();
        await table.bulkPut(rows.map((row) => settled(row)));
        moved += rows.length;
      }
      return moved;
    }),
  );
}
