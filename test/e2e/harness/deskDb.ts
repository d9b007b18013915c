import type { Page } from '@playwright/test';

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

/** Writes `value` into `store` (its key is in the value). */
export async function putRecord(page: Page, store: string, value: unknown): Promise<void> {
  await inDeskDb(page, { store, action: 'put', value });
}

/** How many rows `store` holds. */
export async function countRecords(page: Page, store: string): Promise<number> {
  return (await inDeskDb(page, { store, action: 'count' })) as number;
}

/** The archived PDF bytes of every document of `kind` (e.g. `acceptanceNotice`), as the desk stored them when it printed. */
export async function archivedPdfs(page: Page, kind: string): Promise<Buffer[]> {
  const encoded = await page.evaluate(
    (wanted) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('yichuangtong-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('documents').objectStore('documents').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            const rows = (request.result as { kind: string; pdf: Blob }[]).filter((row) => row.kind === wanted);
            // A Blob cannot leave the page as it is: each travels as base64.
            const base64 = async (blob: Blob) => btoa(Array.from(new Uint8Array(await blob.arrayBuffer()), (byte) => String.fromCharCode(byte)).join(''));
            Promise.all(rows.map((row) => base64(row.pdf))).then(resolve, reject);
          };
        };
      }),
    kind,
  );
  return encoded.map((text) => Buffer.from(text, 'base64'));
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
