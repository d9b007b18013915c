import type { Transaction } from 'dexie';
import { z } from 'zod';
import { sealedTables, type SealedTableName } from './sealedFields';

/**
 * Which rows a desk stored before personal data was sealed are still plain (ARCHITECTURE.md, "Security").
 * The upgrade that brought sealing touches no row (sealing 200,000 cases in it would keep the desk closed
 * for an hour): it records here that a pass is due, and `sealPlainRows` (`sealPlainRows.ts`) writes the
 * rows back a batch at a time while nobody is at the desk; the sealing middleware seals them on the way
 * down. Until a row is written back it is read as it is.
 */

export const sealedTableNames = Object.keys(sealedTables) as SealedTableName[];

/** Primary keys as the tables have them: ids, seqs, and `[caseId, key]` for checklist records. */
export const primaryKeySchema = z.union([z.string(), z.number(), z.array(z.string())]);
export type PrimaryKey = z.infer<typeof primaryKeySchema>;

const passSchema = z.object({
  table: z.enum(sealedTableNames as [SealedTableName, ...SealedTableName[]]),
  /** The last row of `table` written back, in primary-key order; null before its first. */
  after: primaryKeySchema.nullable(),
  /** Each table's last primary key when the pass began: rows past it were written sealed. */
  until: z.record(z.string(), primaryKeySchema.nullable()),
  done: z.int().min(0),
  total: z.int().min(0),
});
export type SealingPass = z.infer<typeof passSchema>;

/** `start`: the upgrade asked for a pass the first batch sets out. Absent: every row is sealed. */
export const sealingStateSchema = z.object({ pass: z.union([z.literal('start'), passSchema]) });
export const rowSealingStateKey = 'rows.sealing';

/** The upgrade of the schema version that brought sealing: a pass to make, and nothing else. */
export async function markPlainRows(tx: Transaction): Promise<void> {
  await tx.table('meta').put({ key: rowSealingStateKey, value: { pass: 'start' } });
}
