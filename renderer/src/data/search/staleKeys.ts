import type { Table, Transaction } from 'dexie';
import { z } from 'zod';
import type { CaseRow, EnterpriseRow } from '../records';
import { caseSearchKeys, enterpriseSearchKeys, searchKeysVersion } from './keys';
import { rekeyed, type Keyed } from './keyTiers';

/**
 * Which search keys version the desk's rows carry, and bringing them to the current `searchKeysVersion`.
 * Rows keyed by an older version would be missed by the new probes (a name typed as pinyin finds nothing
 * without `p:`/`q:` keys) and keep index entries no probe reads. Only the keys change, in the index that holds them: they are the desk's own index, not
 * data HQ holds, so nothing goes to the outbox and `updatedAt` stays.
 */

export const keyedTables = ['cases', 'enterprises'] as const;
export type KeyedTableName = (typeof keyedTables)[number];
export type KeyedRow = Keyed & { id: string };
export type KeyedTable = Table<KeyedRow, string>;

export function currentKeys(table: KeyedTableName, row: KeyedRow): string[] {
  return table === 'cases' ? caseSearchKeys(row as unknown as CaseRow) : enterpriseSearchKeys(row as unknown as EnterpriseRow);
}

/**
 * Every case and enterprise re-keyed inside an upgrade transaction: the desk shows nothing until it ends,
 * about half an hour at 200,000 cases. Only the oldest upgrade that changed the keys still does this (see
 * `schema.ts`); later ones call `markSearchRowsStale` and leave the rows to `rekeyStaleRows`.
 */
export async function rekeySearchRows(tx: Transaction): Promise<void> {
  for (const name of keyedTables) {
    await tx
      .table<KeyedRow, string>(name)
      .toCollection()
      .modify((row) => {
        Object.assign(row, rekeyed(row, currentKeys(name, row)));
      });
  }
}

/**
 * The `meta` entry saying which search keys version the desk's rows carry. Absent, every row carries the
 * current one: a database created by this code, or upgraded by one that re-keyed in the upgrade.
 */
export const searchKeysStateKey = 'search.keys';

const passSchema = z.object({
  /** The table being walked, cases first. */
  table: z.enum(keyedTables),
  /** The last row of `table` walked, in primary-key order; null before its first. */
  after: z.string().nullable(),
  /**
   * Each table's last primary key when the pass began (null: the table was empty). Ids are made at
   * insertion, so a row past it was inserted since, by code that wrote it with the current keys.
   */
  until: z.object({ cases: z.string().nullable(), enterprises: z.string().nullable() }),
  done: z.int().min(0),
  total: z.int().min(0),
});
export type Pass = z.infer<typeof passSchema>;

export const searchKeysStateSchema = z.object({
  /** The version of the rows' keys: while `pass` is set, only of the rows it has walked. */
  keysVersion: z.int().min(1),
  pass: passSchema.nullable(),
});
export type SearchKeysState = z.infer<typeof searchKeysStateSchema>;

export async function startPass(tables: Record<KeyedTableName, KeyedTable>): Promise<Pass> {
  const [cases, enterprises, caseCount, enterpriseCount] = await Promise.all([
    tables.cases.toCollection().lastKey(),
    tables.enterprises.toCollection().lastKey(),
    tables.cases.count(),
    tables.enterprises.count(),
  ]);
  const last = (key: unknown) => (typeof key === 'string' ? key : null);
  return { table: 'cases', after: null, until: { cases: last(cases), enterprises: last(enterprises) }, done: 0, total: caseCount + enterpriseCount };
}

/**
 * The upgrade of a schema version that changes `searchKeysVersion`: it touches no row (re-keying them all
 * in one transaction kept a large desk closed for half an hour), it records that the rows still carry the
 * older keys, and `rekeyStaleRows` re-keys them in the background. Until then, the kinds of key the older
 * version had (name fragments, identifiers, tails, case days) still find those rows.
 */
export async function markSearchRowsStale(tx: Transaction): Promise<void> {
  const tables = { cases: tx.table<KeyedRow, string>('cases'), enterprises: tx.table<KeyedRow, string>('enterprises') };
  const state: SearchKeysState = { keysVersion: searchKeysVersion, pass: await startPass(tables) };
  await tx.table('meta').put({ key: searchKeysStateKey, value: state });
}

