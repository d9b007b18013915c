import type { Table } from 'dexie';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import type { AttachmentRow, BlobRow, DocumentRow, IntakeDraftRow } from './records';
import { sealContexts, sealIntakeDraft, sealToBlob, sealThumbnail } from './sealedBlobs';
import { blobSealingStateKey, sealedTableNames, sealingStateSchema, type SealedTableName, type SealingPass } from './sealingPass';

/**
 * The background sealing of a desk upgraded from plain storage: scans, thumbnails, archived PDFs and intake
 * drafts stored before sealing are sealed a small batch at a time, each overwritten in place (the row keeps
 * its key, so no plain copy stays behind in the database). Where it stands is kept in `meta`, moved in the
 * same transaction as the rows it sealed, so an interrupted pass resumes after the last row it wrote.
 * The bytes are sealed before that transaction opens (an IndexedDB transaction commits across a WebCrypto
 * await); each row is read again inside it, and one sealed meanwhile (a draft saved again) is left alone.
 */

/** How far the sealing has come, or null when nothing is left to seal. */
export interface SealingProgress {
  done: number;
  total: number;
}

/** Rows a batch walks at most, and the plain bytes it seals at most (a scan may be 20 MB). */
export const sealBatchRows = 20;
export const sealBatchBytes = 8 * 1024 * 1024;

export interface SealingBatch {
  /** Rows walked, sealed or not. */
  walked: number;
  /** Rows that were plain and were overwritten sealed. */
  sealed: number;
  more: boolean;
}

/** One table's rows as the sealing walks them: which are plain, how big, and what to write instead. */
interface SealingTable<Row> {
  table: Table<Row, string>;
  keyOf(row: Row): string;
  isPlain(row: Row): boolean;
  size(row: Row): number;
  /** The sealed fields, written over the row as it stands when the batch writes (a document may have been voided meanwhile). */
  seal(row: Row): Promise<Partial<Row>>;
}

/** The bytes of a row `isPlain` picked (never a purged one). */
async function plainBytes(data: Blob | null): Promise<Uint8Array> {
  if (data === null) throw new Error('a purged row has no bytes to seal');
  return new Uint8Array(await data.arrayBuffer());
}

function sealingTables(db: DeskDatabase): { [Name in SealedTableName]: SealingTable<Rows[Name]> } {
  return {
    blobs: {
      table: db.blobs as unknown as Table<BlobRow, string>,
      keyOf: (row) => row.sha256,
      // Purged bytes (HQ holds them) have nothing to seal.
      isPlain: (row) => row.sealed !== 1 && row.data !== null,
      size: (row) => row.data?.size ?? 0,
      seal: async (row) => ({ data: await sealToBlob(await plainBytes(row.data), sealContexts.blob(row.sha256)), sealed: 1 }),
    },
    documents: {
      table: db.documents as unknown as Table<DocumentRow, string>,
      keyOf: (row) => row.id,
      isPlain: (row) => row.sealed !== 1 && row.pdf !== null,
      size: (row) => row.pdf?.size ?? 0,
      seal: async (row) => ({ pdf: await sealToBlob(await plainBytes(row.pdf), sealContexts.documentPdf(row.id)), sealed: 1 }),
    },
    attachments: {
      table: db.attachments as unknown as Table<AttachmentRow, string>,
      keyOf: (row) => row.id,
      // A scan without a thumbnail has nothing to seal.
      isPlain: (row) => row.sealed !== 1 && row.thumbnail !== null,
      size: (row) => row.thumbnail?.size ?? 0,
      seal: async (row) => ({ thumbnail: await sealThumbnail(row.id, row.thumbnail), sealed: 1 }),
    },
    intakeDrafts: {
      table: db.intakeDrafts as unknown as Table<IntakeDraftRow, string>,
      keyOf: (row) => row.clerkId,
      isPlain: (row) => row.sealed !== 1,
      size: () => 0,
      seal: (row) => sealIntakeDraft(row.clerkId, row.values, row.savedAt),
    },
  };
}

interface Rows {
  blobs: BlobRow;
  documents: DocumentRow;
  attachments: AttachmentRow;
  intakeDrafts: IntakeDraftRow;
}

/** Where the walk stands; null when there is nothing to walk (a new desk, or the pass is done). */
async function readPass(db: DeskDatabase): Promise<SealingPass | null> {
  const row = await db.meta.get(blobSealingStateKey);
  if (row === undefined) return null;
  const parsed = sealingStateSchema.safeParse(row.value);
  // A damaged entry starts the walk again from the start: rows already sealed are only walked past.
  return parsed.success ? parsed.data.pass : restart;
}

const restart: SealingPass = { table: sealedTableNames[0], after: null, done: 0, total: 0 };

export async function readSealingProgress(db: DeskDatabase): Promise<SealingProgress | null> {
  const pass = await guardStorage(() => readPass(db));
  return pass === null ? null : { done: pass.done, total: Math.max(pass.total, pass.done) };
}

/** The rows of one table after `after`, in key order. */
function rowsAfter<Row>(table: Table<Row, string>, after: string | null, limit: number): Promise<Row[]> {
  return (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(limit).toArray();
}

interface Limits {
  maxRows: number;
  maxBytes: number;
}

/** A batch within the pass's current table: seals, then writes the rows still plain and the moved mark. */
async function walkTable<Row>(db: DeskDatabase, { table, keyOf, isPlain, size, seal }: SealingTable<Row>, pass: SealingPass, { maxRows, maxBytes }: Limits): Promise<SealingBatch> {
  const rows = await rowsAfter(table, pass.after, maxRows);
  const sealed: { key: string; changes: Partial<Row> }[] = [];
  let walked = 0;
  let bytes = 0;
  for (const row of rows) {
    // At least one row per batch, however big.
    if (walked > 0 && bytes + size(row) > maxBytes) break;
    walked += 1;
    if (!isPlain(row)) continue;
    bytes += size(row);
    sealed.push({ key: keyOf(row), changes: await seal(row) });
  }
  const last = rows[walked - 1];
  const tableDone = walked === rows.length && rows.length < maxRows;
  const nextTable = sealedTableNames[sealedTableNames.indexOf(pass.table) + 1];
  const done = pass.done + walked;
  const next: SealingPass | null = !tableDone
    ? { ...pass, after: last === undefined ? pass.after : keyOf(last), done }
    : nextTable === undefined
      ? null
      : { ...pass, table: nextTable, after: null, done };
  let written = 0;
  await db.transaction('rw', [db.meta, table], async () => {
    // Another window moved the walk on meanwhile: its batch stands, this one is dropped.
    if (JSON.stringify(await readPass(db)) !== JSON.stringify(pass)) return;
    const now = await table.bulkGet(sealed.map(({ key }) => key));
    const still = sealed.flatMap(({ changes }, i): Row[] => {
      const row = now[i];
      return row !== undefined && isPlain(row) ? [{ ...row, ...changes }] : [];
    });
    await table.bulkPut(still);
    await db.meta.put({ key: blobSealingStateKey, value: { pass: next } });
    written = still.length;
  });
  return { walked, sealed: written, more: next !== null };
}

/**
 * One batch: walks on from where the last batch stopped (blobs, documents, attachments, drafts), sealing
 * each plain row, until `maxRows` are walked or `maxBytes` of plain bytes are sealed.
 */
export async function sealStoredBlobs(db: DeskDatabase, { maxRows = sealBatchRows, maxBytes = sealBatchBytes }: Partial<Limits> = {}): Promise<SealingBatch> {
  return guardStorage(async () => {
    const pass = await readPass(db);
    if (pass === null) return { walked: 0, sealed: 0, more: false };
    const tables = sealingTables(db);
    const limits = { maxRows, maxBytes };
    switch (pass.table) {
      case 'blobs':
        return walkTable(db, tables.blobs, pass, limits);
      case 'documents':
        return walkTable(db, tables.documents, pass, limits);
      case 'attachments':
        return walkTable(db, tables.attachments, pass, limits);
      case 'intakeDrafts':
        return walkTable(db, tables.intakeDrafts, pass, limits);
    }
  });
}
