/**
 * Where a row's search keys are indexed. There are two multiEntry indexes:
 *
 * - `searchKeys`, the settled index, holds the keys of nearly every row the desk has;
 * - `freshKeys` holds the keys of rows written since the desk was last quiet — a few hundred at most.
 *
 * Why two: inserting into a big multiEntry index is slow in Chromium's IndexedDB, into a small one fast
 * (figures in ARCHITECTURE.md, "Search keys: fresh and settled"). Every write of a row writes all its index
 * keys again, changed or not, so a write the clerk waits on stores the row `freshened`: its keys in
 * `freshKeys`. When nobody is working at the desk, `settleFreshKeys` moves them into `searchKeys` a few
 * rows at a time. Searches read both indexes. A row has its keys in exactly one of them.
 */
export type KeyTier = 'fresh' | 'settled';

/** A searchable row. `freshKeys` is absent on rows stored before it existed (schema version 5): settled. */
export interface Keyed {
  searchKeys: string[];
  freshKeys?: string[];
}

/** The two indexes, the fresh one first: it holds the rows written lately, mostly the newest. */
export const keyIndexes = ['freshKeys', 'searchKeys'] as const;
export type KeyIndex = (typeof keyIndexes)[number];

/** The key fields of a row whose keys are `keys`, indexed in `tier`. */
export function keyedIn(tier: KeyTier, keys: string[]): Required<Keyed> {
  return tier === 'fresh' ? { searchKeys: [], freshKeys: keys } : { searchKeys: keys, freshKeys: [] };
}

export function tierOf(row: Keyed): KeyTier {
  return row.freshKeys !== undefined && row.freshKeys.length > 0 ? 'fresh' : 'settled';
}

/** The row's keys, whichever index holds them. */
export function keysOf(row: Keyed): string[] {
  return tierOf(row) === 'fresh' ? (row.freshKeys ?? []) : row.searchKeys;
}

/** The row without its keys, to compare what it says rather than where it is indexed. */
export function unkeyed<R extends Keyed>(row: R): Omit<R, keyof Keyed> {
  const { searchKeys: _settled, freshKeys: _fresh, ...rest } = row;
  return rest;
}

/**
 * The row with new keys in the tier it is in: a background write (a pull from HQ, an upgrade) neither
 * makes a fresh row pay for settled keys nor adds to the fresh index rows that were settled.
 */
export function rekeyed<R extends Keyed>(row: R, keys: string[]): R {
  return { ...row, ...keyedIn(tierOf(row), keys) };
}

/** The row with its keys (new ones, when given) in the fresh index: as a write the clerk waits on stores it. */
export function freshened<R extends Keyed>(row: R, keys: string[] = keysOf(row)): R {
  return { ...row, ...keyedIn('fresh', keys) };
}

/** The row with its keys moved to the settled index. */
export function settled<R extends Keyed>(row: R): R {
  return { ...row, ...keyedIn('settled', keysOf(row)) };
}
