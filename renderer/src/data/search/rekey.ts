import { searchKeyerNow } from '../crypto/deskKeys';
import { restingFormOf } from '../crypto/sealedRows';
import { plainSearchKeys } from '../crypto/searchKeyer';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import type { ProbeKeyers } from './candidates';
import { keysOf, rekeyed } from './keyTiers';
import { searchKeysVersion } from './keys';
import { currentKeys, keyedTables, searchKeysStateKey, searchKeysStateSchema, startPass, type KeyedRow, type KeyedTable, type KeyedTableName, type Pass, type SearchKeysState } from './staleKeys';

/**
 * The background re-key: rows an upgrade left keyed by an older search keys version (see `staleKeys.ts`)
 * re-keyed a batch at a time while the desk is quiet (see `features/shell/useSearchIndexUpkeep.ts`).
 */

function tablesOf(db: DeskDatabase): Record<KeyedTableName, KeyedTable> {
  return { cases: db.cases as unknown as KeyedTable, enterprises: db.enterprises as unknown as KeyedTable };
}

/** How far the background re-key has come, or null when every row carries the current keys. */
export interface RekeyProgress {
  done: number;
  total: number;
}

export async function readRekeyProgress(db: DeskDatabase): Promise<RekeyProgress | null> {
  const row = await guardStorage(() => db.meta.get(searchKeysStateKey));
  if (row === undefined) return null;
  const parsed = searchKeysStateSchema.safeParse(row.value);
  // A damaged entry is walked again from the start by the next batch; until then it reads as starting.
  if (!parsed.success) return { done: 0, total: 0 };
  const { pass } = parsed.data;
  // Rows inserted below `until` since the pass began are walked too, so `done` may pass the first count.
  return pass === null ? null : { done: pass.done, total: Math.max(pass.total, pass.done) };
}

/** Desks whose re-key pass was seen done: it never starts again while the page lives (only an upgrade starts one). */
const rekeyedDesks = new WeakSet<DeskDatabase>();

/**
 * The forms a search probes keys in (see `candidates.ts`): the keyed form, and while a re-key pass is
 * pending the plain form too (`plainSearchKeys`), so a row the pass has not reached yet, which still
 * carries the plain keys of search keys version 3, is found by every kind of fragment, not only by its
 * case number. It costs a `meta` read per search and twice the index ranges, only while the pass runs;
 * once it is seen done, nothing more. (Rows of an older version than 3 carry plain keys too, without the
 * kinds that version lacked.)
 */
export async function probeKeyers(db: DeskDatabase): Promise<ProbeKeyers> {
  const keyed = searchKeyerNow();
  if (rekeyedDesks.has(db)) return [keyed];
  if ((await readRekeyProgress(db)) !== null) return [keyed, plainSearchKeys];
  rekeyedDesks.add(db);
  return [keyed];
}

/**
 * Rows a batch reads at most, and how long it keeps re-keying them: a clerk who comes back waits for one
 * batch at most. A row costs about what settling it does (`settleKeys.ts`), 10–30 ms, so a batch mostly
 * stops on the time, and its commit comes on top; figures in ARCHITECTURE.md, "Search keys: a new version".
 */
export const rekeyBatchRows = 20;
export const rekeyBatchMs = 30;

export interface RekeyBatch {
  /** Rows walked, whether their keys were stale or not. */
  walked: number;
  /** Rows whose keys were stale and were written. */
  rekeyed: number;
  /** Whether rows are left to walk. */
  more: boolean;
}

/** The rows of `table` after `after` up to `until`, in primary-key order. */
function rowsAfter(table: KeyedTable, after: string | null, until: string | null, limit: number): Promise<KeyedRow[]> {
  if (until === null || (after !== null && after >= until)) return Promise.resolve([]);
  const range = after === null ? table.where(':id').belowOrEqual(until) : table.where(':id').between(after, until, false, true);
  return range.limit(limit).toArray();
}

const sameKeys = (a: string[], b: string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;

/**
 * One batch of the background re-key: walks on from where the last batch stopped, cases then enterprises,
 * re-keying each stale row in the index it is in (see `rekeyed`) until `maxRows` are walked or `budgetMs`
 * has passed, and moves the mark on in the same transaction, so an interrupted re-key resumes where it
 * stopped. Each row is read in this transaction, so a clerk's write, before or after, is never lost; a row
 * already keyed by this version (written since the upgrade) is left alone.
 */
export function rekeyStaleRows(
  db: DeskDatabase,
  { maxRows = rekeyBatchRows, budgetMs = rekeyBatchMs, now = () => performance.now() }: { maxRows?: number; budgetMs?: number; now?: () => number } = {},
): Promise<RekeyBatch> {
  const tables = tablesOf(db);
  return guardStorage(() =>
    db.transaction('rw', [db.meta, db.cases, db.enterprises], async () => {
      const row = await db.meta.get(searchKeysStateKey);
      if (row === undefined) return { walked: 0, rekeyed: 0, more: false };
      const stored = searchKeysStateSchema.safeParse(row.value);
      let pass: Pass | null = stored.success ? stored.data.pass : await startPass(tables);
      const started = now();
      const batch = { walked: 0, rekeyed: 0 };
      const writes: Record<KeyedTableName, KeyedRow[]> = { cases: [], enterprises: [] };
      walk: while (pass !== null && batch.walked < maxRows) {
        const table = pass.table;
        const wanted = maxRows - batch.walked;
        const rows = await rowsAfter(tables[table], pass.after, pass.until[table], wanted);
        for (const stale of rows) {
          const keys = currentKeys(table, stale);
          if (!sameKeys(keysOf(stale), keys)) {
            // Only the plain key fields change: the row as it rests keeps its sealed part, not sealed again.
            writes[table].push(rekeyed(restingFormOf(stale) ?? stale, keys));
            batch.rekeyed += 1;
          }
          batch.walked += 1;
          pass = { ...pass, after: stale.id, done: pass.done + 1 };
          if (now() - started >= budgetMs) break walk;
        }
        if (rows.length < wanted) {
          const next = keyedTables[keyedTables.indexOf(table) + 1];
          pass = next === undefined ? null : { ...pass, table: next, after: null };
        }
      }
      // One write a table for the batch: a request per row would wait for each in turn.
      for (const name of keyedTables) if (writes[name].length > 0) await tables[name].bulkPut(writes[name]);
      const state: SearchKeysState = { keysVersion: searchKeysVersion, pass };
      await db.meta.put({ key: searchKeysStateKey, value: state });
      return { ...batch, more: pass !== null };
    }),
  );
}
