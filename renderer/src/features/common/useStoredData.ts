import { liveQuery } from 'dexie';
import { useEffect, useState, type DependencyList } from 'react';
import { DataError } from '../../data/dataError';
import { Refusal } from '../../data/refusal';
import { DeskError } from '../../platform/desk';
import { commonMessages as m } from './messages';

/** What a screen shows of stored data: still reading, the answer, or why there is none (in Chinese). */
export type StoredData<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

/** A read found that the record a screen asked for is not stored on this desk; the message says so to the clerk. */
export class MissingRecord extends Error {
  override readonly name = 'MissingRecord';
}

/** What the clerk reads for a failed read: errors written for them as they are, anything else named as a fault. */
export function failureMessage(error: unknown): string {
  if (error instanceof MissingRecord || error instanceof DataError || error instanceof Refusal || error instanceof DeskError) return error.message;
  return m.readFailed(error instanceof Error ? error.message : String(error));
}

/** The answer once there is one; null while reading or after a failure, for parts that show nothing until then. */
export function readyValue<T>(data: StoredData<T>): T | null {
  return data.state === 'ready' ? data.value : null;
}

export interface StoredDataWatch {
  stop(): void;
}

/**
 * Runs `read` inside Dexie's `liveQuery`, and again whenever what it read changes: written by this window,
 * by another window of the app on the same database (Dexie tells them over BroadcastChannel), or by the
 * sync engine applying HQ's changes. Each answer goes to `show`, until `stop`; after `stop` nothing of this
 * watch reaches `show`, so a slow answer to inputs that have since changed is dropped.
 *
 * Only Dexie reads are observed. `read` may also await other work (a main-process call through
 * `window.desk`, decoding a stored blob, the reference data, which the catalogue store keeps in memory once
 * read): that runs on every pass but does not by itself start one, so such a value is read again only when
 * an observed table changes or the inputs do. `read` must not write (Dexie refuses a write inside a live
 * query): reference data, installed on its first read, is read first outside (see `common/reference.ts`).
 */
export function watchStoredData<T>(read: () => Promise<T>, show: (data: StoredData<T>) => void): StoredDataWatch {
  let stopped = false;
  // An async querier: Dexie then follows the read through native awaits into the transactions it opens, which
  // otherwise commit early when the read is a plain function returning a promise (as most call sites pass).
  const subscription = liveQuery(async () => read()).subscribe({
    next: (value) => {
      if (!stopped) show({ state: 'ready', value });
    },
    error: (error: unknown) => {
      if (stopped) return;
      console.error('[desk] reading stored data failed', error);
      show({ state: 'failed', message: failureMessage(error) });
    },
  });
  return {
    stop() {
      stopped = true;
      subscription.unsubscribe();
    },
  };
}

/**
 * Stored data for a screen, kept current as it changes (see `watchStoredData`), read again when `deps` (the
 * read's inputs, as for `useEffect`) change. It shows "loading" only until the first answer: later the
 * previous answer stays on screen until the next one arrives, so nothing flickers while a clerk types a
 * search or a sync pass writes.
 */
export function useStoredData<T>(read: () => Promise<T>, deps: DependencyList): StoredData<T> {
  const [data, setData] = useState<StoredData<T>>({ state: 'loading' });
  useEffect(() => {
    const watch = watchStoredData(read, setData);
    return () => watch.stop();
    // The call sites' deps are checked by the linter (`additionalHooks`): they are this read's inputs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return data;
}
