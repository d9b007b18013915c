import { dataMessages } from './messages';

export interface StorageStatus {
  persisted: boolean;
  usageBytes: number | null;
  quotaBytes: number | null;
}

/** Asks the browser to keep our data under storage pressure, then reports what it granted and the quota. */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageStatus> {
  if (!storage) return { persisted: false, usageBytes: null, quotaBytes: null };
  const persisted = (await storage.persisted?.()) || ((await storage.persist?.()) ?? false);
  const estimate = await storage.estimate?.();
  return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}

function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    chain.push(current);
    current = (current as { inner?: unknown; cause?: unknown }).inner ?? (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** True when the failure, or anything it wraps (Dexie nests the DOMException), is a full disk. */
export function isQuotaExceeded(error: unknown): boolean {
  return errorChain(error).some((e) => (e as { name?: unknown }).name === 'QuotaExceededError');
}

/** The message a clerk sees for a failed write: specific for a full disk, never a bare "AbortError". */
export function describeStorageError(error: unknown): string {
  if (isQuotaExceeded(error)) return dataMessages.quotaExceeded;
  if (errorChain(error).some((e) => (e as { name?: unknown }).name === 'DatabaseClosedError' || (e as { name?: unknown }).name === 'VersionChangeError')) {
    return dataMessages.databaseBlocked;
  }
  const message = error instanceof Error ? error.message : String(error);
  return dataMessages.saveFailed(message);
}
