import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { importDeskKeys } from '../../../renderer/src/data/crypto/deskKeys';
import { openBytes } from '../../../renderer/src/data/crypto/envelope';
import { openRow, type SealedTableName } from '../../../renderer/src/data/crypto/sealedFields';
import { sealContexts } from '../../../renderer/src/data/sealedBlobs';
import { deskDataKey } from './deskBinding';

/**
 * The desk's IndexedDB read or written straight from the page, behind the UI's back: for what a test must
 * check that no screen shows, or put in place as HQ or someone with the developer tools would.
 */

type Request = { store: string; action: 'get'; key: string | number } | { store: string; action: 'put'; value: unknown } | { store: string; action: 'count' };

function inDeskDb(page: Page, request: Request): Promise<unknown> {
  return page.evaluate(
    (req) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('yichuangtong-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(req.store, req.action === 'put' ? 'readwrite' : 'readonly');
          const store = tx.objectStore(req.store);
          const asked = req.action === 'get' ? store.get(req.key) : req.action === 'put' ? store.put(req.value) : store.count();
          tx.oncomplete = () => {
            db.close();
            resolve(asked.result);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    request,
  );
}

/** The row of `store` under `key`, or undefined. */
export async function readRecord<T>(page: Page, store: string, key: string | number): Promise<T | undefined> {
  return (await inDeskDb(page, { store, action: 'get', key })) as T | undefined;
}

/**
 * A row of a sealed table read straight from IndexedDB, opened as the app opens it (with the desk's data
 * key; see `renderer/src/data/crypto/sealedFields.ts`); `primaryKey` is the row's key in its store.
 */
export async function openedRow<T>(page: Page, store: SealedTableName, row: T, primaryKey: unknown): Promise<T> {
  const keys = await importDeskKeys(await deskDataKey(page));
  return openRow(keys.encryption, store, row, primaryKey);
}

/** Writes `value` into `store` (its key is in the value). */
export async function putRecord(page: Page, store: string, value: unknown): Promise<void> {
  await inDeskDb(page, { store, action: 'put', value });
}

/** How many rows `store` holds. */
export async function countRecords(page: Page, store: string): Promise<number> {
  return (await inDeskDb(page, { store, action: 'count' })) as number;
}

/** Bytes as they rest in the desk's IndexedDB, with what says whether and how they are sealed. */
export interface StoredBytes {
  /** Exactly as stored: sealed bytes when `sealed` is 1. */
  stored: Buffer;
  sealed: 1 | undefined;
  /** What they were sealed for (see `renderer/src/data/sealedBlobs.ts`). */
  context: string;
}

/** The rows of `store` matching `where`, each with the Blob in its `field` read out of the page. */
async function storedBytesOf(page: Page, query: { store: string; field: string; where: Record<string, string> }): Promise<(StoredBytes & { row: Record<string, unknown> })[]> {
  const found = await page.evaluate(
    (q) =>
      new Promise<{ row: Record<string, unknown>; base64: string }[]>((resolve, reject) => {
        const open = indexedDB.open('yichuangtong-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(q.store).objectStore(q.store).getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            const rows = (request.result as Record<string, unknown>[]).filter((row) => Object.entries(q.where).every(([name, value]) => row[name] === value));
            // A Blob cannot leave the page as it is: each travels as base64.
            const base64 = async (blob: Blob) => btoa(Array.from(new Uint8Array(await blob.arrayBuffer()), (byte) => String.fromCharCode(byte)).join(''));
            Promise.all(rows.map(async (row) => ({ row: { ...row, [q.field]: null }, base64: await base64(row[q.field] as Blob) }))).then(resolve, reject);
          };
        };
      }),
    query,
  );
  return found.map(({ row, base64 }) => ({
    row,
    stored: Buffer.from(base64, 'base64'),
    sealed: row.sealed === 1 ? 1 : undefined,
    context: query.store === 'blobs' ? sealContexts.blob(String(row.sha256)) : sealContexts.documentPdf(String(row.id)),
  }));
}

/** The archived PDFs of every document of `kind` (e.g. `acceptanceNotice`), as they rest on the desk. */
export async function storedArchivedPdfs(page: Page, kind: string): Promise<StoredBytes[]> {
  return storedBytesOf(page, { store: 'documents', field: 'pdf', where: { kind } });
}

/** A kept scan or written request (the `blobs` row of `sha256`), as it rests on the desk. */
export async function storedBlob(page: Page, sha256: string): Promise<StoredBytes> {
  const [found] = await storedBytesOf(page, { store: 'blobs', field: 'data', where: { sha256 } });
  if (found === undefined) throw new Error(`no blob ${sha256} stored`);
  return found;
}

/** Every kept scan of a media type (e.g. `application/pdf`), as it rests on the desk. */
export async function storedBlobsOfType(page: Page, mediaType: string): Promise<StoredBytes[]> {
  return storedBytesOf(page, { store: 'blobs', field: 'data', where: { mediaType } });
}

/** The plain bytes of stored bytes, opened with the desk's data key when sealed, as the app opens them. */
export async function openStored(page: Page, bytes: StoredBytes): Promise<Buffer> {
  if (bytes.sealed !== 1) return bytes.stored;
  const keys = await importDeskKeys(await deskDataKey(page));
  return Buffer.from(await openBytes(keys.encryption, new Uint8Array(bytes.stored), bytes.context));
}

/** The archived PDF bytes of every document of `kind` (e.g. `acceptanceNotice`), exactly as printed (opened). */
export async function archivedPdfs(page: Page, kind: string): Promise<Buffer[]> {
  return Promise.all((await storedArchivedPdfs(page, kind)).map((bytes) => openStored(page, bytes)));
}

/** The text of the first archived document of `kind` (the exact bytes printed), through `pdftotext -layout`. */
export async function archivedText(page: Page, kind: string): Promise<string> {
  const [pdf] = await archivedPdfs(page, kind);
  if (pdf === undefined) throw new Error(`no archived ${kind}`);
  const file = join(await mkdtemp(join(tmpdir(), 'archived-')), `${kind}.pdf`);
  await writeFile(file, pdf);
  return new Promise((resolve, reject) => execFile('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }, (error, out) => (error ? reject(error) : resolve(out))));
}

/** The plain bytes of the kept scan or written request of `sha256`. */
export async function keptBlob(page: Page, sha256: string): Promise<Buffer> {
  return openStored(page, await storedBlob(page, sha256));
}

/** The desk's whole database as a worker set it up: its version, its stores (keys and indexes) and rows. */
export interface DeskDbSnapshot {
  version: number;
  stores: {
    name: string;
    keyPath: string | string[] | null;
    autoIncrement: boolean;
    indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
    rows: { key: unknown; value: unknown }[];
  }[];
}

/** Copies the desk's database out of the page, in one read-only transaction. */
export function snapshotDeskDb(page: Page): Promise<DeskDbSnapshot> {
  return page.evaluate(
    () =>
      new Promise<DeskDbSnapshot>((resolve, reject) => {
        const open = indexedDB.open('yichuangtong-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([...db.objectStoreNames], 'readonly');
          const snapshot: DeskDbSnapshot = { version: db.version, stores: [] };
          for (const name of db.objectStoreNames) {
            const store = tx.objectStore(name);
            const indexes = [...store.indexNames].map((indexName) => {
              const index = store.index(indexName);
              return { name: index.name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
            });
            const entry: DeskDbSnapshot['stores'][number] = { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, rows: [] };
            snapshot.stores.push(entry);
            const keys = store.getAllKeys();
            const values = store.getAll();
            values.onsuccess = () => {
              entry.rows = values.result.map((value: unknown, at) => ({ key: keys.result[at], value }));
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(snapshot);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * Writes a snapshot into the page's (empty) origin before the app opens there, waiting until the
 * transaction has committed. Playwright's own storageState restore does not wait for that before it closes
 * its page, and on a loaded machine the desk then opened empty, at the first-admin setup.
 */
export async function restoreDeskDb(page: Page, snapshot: DeskDbSnapshot): Promise<void> {
  // A blank page of the desk's origin: the app itself would open (and create) the database first.
  const blank = '**/__restore-desk-db';
  await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>restore</title>' }));
  await page.goto('/__restore-desk-db');
  await page.unroute(blank);
  await page.evaluate(
    (copy) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('yichuangtong-desk', copy.version);
        open.onerror = () => reject(open.error);
        open.onupgradeneeded = () => {
          for (const store of copy.stores) {
            const created = open.result.createObjectStore(store.name, { keyPath: store.keyPath, autoIncrement: store.autoIncrement });
            for (const index of store.indexes) created.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
          }
        };
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([...db.objectStoreNames], 'readwrite');
          for (const store of copy.stores) {
            const target = tx.objectStore(store.name);
            for (const row of store.rows) {
              if (store.keyPath === null) target.put(row.value, row.key as IDBValidKey);
              else target.put(row.value);
            }
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    snapshot,
  );
}
