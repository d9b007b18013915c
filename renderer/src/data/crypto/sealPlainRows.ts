import type { IndexableType, Table } from 'dexie';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import { primaryKeySchema, rowSealingStateKey, sealedTableNames, sealingStateSchema, type PrimaryKey, type SealingPass } from './plainRows';
import type { SealedTableName } from './sealedFields';

/** The background pass that seals rows stored plain before sealing (see `plainRows.ts`). */

type AnyTable = Table<unknown, IndexableType>;

async function startPass(tables: Record<SealedTableName, AnyTable>): Promise<SealingPass> {
  const until: Record<string, PrimaryKey | null> = {};
  let total = 0;
  for (const name of sealedTableNames) {
    const last = await tables[name].toCollection().lastKey();
    until[name] = last === undefined ? null : primaryKeySchema.parse(last);
    total += await tables[name].count();
  }
  return { table: sealedTableNames[0]!, after: null, until, done: 0, total };
}

/** How far sealing has come, or null when every row is sealed. */
export async function readSealingProgress(db: DeskDatabase): Promise<{ done: number; total: number } | null> {
  const row = await guardStorage(() => db.meta.get(rowSealingStateKey));
  if (row === undefined) return null;
  const parsed = sealingStateSchema.safeParse(row.value);
  if (!parsed.success || parsed.data.pass === 'start') return { done: 0, total: 0 };
  return { done: parsed.data.pass.done, total: Math.max(parsed.data.pass.total, parsed.data.pass.done) };
}

/**
 * Rows a batch writes back at most, and how long it keeps going: a clerk who comes back waits for one
 * batch at most. A case costs about what re-keying it does (its index entries are written again).
 */
export const sealBatchRows = 20;
export const sealBatchMs = 30;

/**
 * One batch: reads the rows after the pass's mark and writes them back (sealed on the way down), and moves
 * the mark on in the same transaction, so a clerk's write is never overwritten and an interrupted pass
 * resumes where it stopped. Answers whether rows are left.
 */
export function sealPlainRows(
  db: DeskDatabase,
  { maxRows = sealBatchRows, budgetMs = sealBatchMs, now = () => performance.now() }: { maxRows?: number; budgetMs?: number; now?: () => number } = {},
): Promise<{ written: number; more: boolean }> {
  const tables = Object.fromEntries(sealedTableNames.map((name) => [name, db.table(name)])) as Record<SealedTableName, AnyTable>;
  return guardStorage(() =>
    db.transaction('rw', [db.meta, ...Object.values(tables)], async () => {
      const row = await db.meta.get(rowSealingStateKey);
      if (row === undefined) return { written: 0, more: false };
      const stored = sealingStateSchema.safeParse(row.value);
      let pass: SealingPass | null = stored.success && stored.data.pass !== 'start' ? stored.data.pass : await startPass(tables);
      const started = now();
      let written = 0;
      // At least one read a batch, then as many as the budget allows.
      while (pass !== null && written < maxRows && (written === 0 || now() - started < budgetMs)) {
        const table: AnyTable = tables[pass.table];
        const until: PrimaryKey | null = pass.until[pass.table] ?? null;
        const wanted = maxRows - written;
        const rows: unknown[] =
          until === null
            ? []
            : await (pass.after === null ? table.where(':id').belowOrEqual(until) : table.where(':id').between(pass.after, until, false, true))
                .limit(wanted)
                .toArray();
        if (rows.length > 0) {
          await table.bulkPut(rows);
          const lastKey = table.core.schema.primaryKey.extractKey!(rows.at(-1)) as unknown;
          written += rows.length;
          pass = { ...pass, after: primaryKeySchema.parse(lastKey), done: pass.done + rows.length };
        }
        if (rows.length < wanted) {
          const next: SealedTableName | undefined = sealedTableNames[sealedTableNames.indexOf(pass.table) + 1];
          pass = next === undefined ? null : { ...pass, table: next, after: null };
        }
      }
      if (pass === null) await db.meta.delete(rowSealingStateKey);
      else await db.meta.put({ key: rowSealingStateKey, value: { pass } });
      return { written, more: pass !== null };
    }),
  );
}
