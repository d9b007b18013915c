/**
 * A named lock held across the windows of the app: the Web Locks API (`navigator.locks`), so only one
 * window runs the sync loop. Where the runtime has none (Node in tests) an in-page queue stands in,
 * which serialises holders within this JavaScript realm and nothing more.
 */
export interface LockRequester {
  request<T>(name: string, options: { signal?: AbortSignal; ifAvailable?: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

function abortError(): Error {
  return new DOMException('The lock request was aborted.', 'AbortError');
}

function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) reject(abortError());
    signal?.addEventListener('abort', () => reject(abortError()), { once: true });
  });
}

/** One queue per lock name: each holder waits for the previous one to let go. */
export function inPageLocks(): LockRequester {
  const tails = new Map<string, Promise<void>>();
  /** Requests of each name holding or queued. */
  const active = new Map<string, number>();
  return {
    async request(name, options, callback) {
      if (options.ifAvailable && (active.get(name) ?? 0) > 0) return callback(null);
      active.set(name, (active.get(name) ?? 0) + 1);
      const previous = tails.get(name) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      tails.set(name, previous.then(() => mine));
      try {
        await Promise.race([previous, untilAborted(options.signal)]);
        return await callback({ name });
      } finally {
        release();
        const left = (active.get(name) ?? 1) - 1;
        if (left === 0) {
          active.delete(name);
          tails.delete(name);
        } else active.set(name, left);
      }
    },
  };
}

let fallback: LockRequester | undefined;

/** `navigator.locks` when present, else the in-page fallback (one per realm, shared by all callers). */
export function defaultLocks(): LockRequester {
  const locks = (globalThis as { navigator?: { locks?: LockRequester } }).navigator?.locks;
  if (locks) return locks;
  fallback ??= inPageLocks();
  return fallback;
}
