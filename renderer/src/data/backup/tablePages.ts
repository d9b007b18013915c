import Dexie, { type IndexableType, type Table } from 'dexie';
import type { DeskDatabase } from '../db';

/**
 * Every table of the desk read page by page in primary-key order, so a backup of 200,000 cases holds one
 * page in memory at a time. The one place a backup reads stored rows: a change in how rows are stored
 * is made here.
 */

/** Tables whose rows carry bytes (scans, archived PDFs, thumbnails): small pages, so their bytes stay few. */
const tablesWithBytes = new Set(['blobs', 'documents', 'attachments']);

export function pageSizeOf(tableName: string): number {
  return tablesWithBytes.has(tableName) ? 16 : 500;
}

/**
 * Read last, in this order: the audit log after every act's rows, sequences after the rows that drew on
 * them (so a write during the backup never leaves a counter below a number the backup holds), and `meta`
 * (with the audit head) last.
 */
const readLast = ['auditLog', 'counters', 'meta'];

/** The desk's tables in the order a backup reads them (the same every time). */
export function backedUpTables(db: DeskDatabase): Table[] {
  const rank = (name: string) => readLast.indexOf(name);
  return [...db.tables].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

function keyOf(table: Table, row: object): IndexableType {
  const keyPath = table.schema.primKey.keyPath;
  if (Array.isArray(keyPath)) return keyPath.map((path) => Dexie.getByKeyPath(row, path) as string | number) as IndexableType;
  return Dexie.getByKeyPath(row, keyPath ?? '') as IndexableType;
}

export interface TablePage {
  rows: unknown[];
  /** Where the next page starts (after this key); null when this was the last. */
  next: IndexableType | null;
}

export async function readTablePage(table: Table, after: IndexableType | null, limit: number): Promise<TablePage> {
  const rows = after === null ? await table.orderBy(':id').limit(limit).toArray() : await table.where(':id').above(after).limit(limit).toArray();
  const last = rows.at(-1);
  return { rows, next: rows.length < limit || last === undefined ? null : keyOf(table, last as object) };
}

/** Rows of every table, for the progress bar's total. */
export async function countRows(db: DeskDatabase): Promise<number> {
  const counts = await Promise.all(backedUpTables(db).map((table) => table.count()));
  return counts.reduce((sum, n) => sum + n, 0);
}
