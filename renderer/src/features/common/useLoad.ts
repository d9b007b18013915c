import { useEffect, useState } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

/**
 * Runs an async read when its inputs change and keeps only the newest answer, so a slow earlier read can
 * never overwrite a later one. `load` must be stable for the same inputs (a module function or useCallback).
 */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<{ load: () => Promise<T>; result: Loaded<T> } | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setLoaded({ load, result: { state: 'ready', value } }),
      (error: unknown) => current && setLoaded({ load, result: { state: 'failed', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
  }, [load]);
  // An answer to an earlier `load` is stale the moment the inputs change.
  return loaded !== null && loaded.load === load ? loaded.result : { state: 'loading' };
}
