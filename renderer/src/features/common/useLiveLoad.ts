import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { Loaded } from './useLoad';

/**
 * As `useLoad`, but read again whenever the tables the read touched change — by this screen, another
 * window of the app, or the sync engine applying HQ's changes — so a list stays current while it is open.
 * `load` must be stable for the same inputs (a module function or useCallback) and read only through Dexie.
 */
export function useLiveLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<{ load: () => Promise<T>; result: Loaded<T> } | null>(null);
  useEffect(() => {
    const subscription = liveQuery(load).subscribe({
      next: (value) => setLoaded({ load, result: { state: 'ready', value } }),
      error: (error: unknown) => {
        console.error('[desk] live query failed', error);
        setLoaded({ load, result: { state: 'failed', message: error instanceof Error ? error.message : String(error) } });
      },
    });
    return () => subscription.unsubscribe();
  }, [load]);
  return loaded !== null && loaded.load === load ? loaded.result : { state: 'loading' };
}

/** The live value alone, for a status line that shows nothing until the first read: null until then or on failure. */
export function useLiveQuery<T>(query: () => Promise<T>): T | null {
  const loaded = useLiveLoad(query);
  return loaded.state === 'ready' ? loaded.value : null;
}
