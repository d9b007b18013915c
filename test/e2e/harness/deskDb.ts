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
