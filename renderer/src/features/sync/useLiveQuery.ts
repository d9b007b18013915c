import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/**
 * The value of a Dexie query, kept current as the database changes (in any window of the app).
 * `query` must be stable for the same inputs (a module function or useCallback). Null until first read.
 */
export function useLiveQuery<T>(query: () => Promise<T>): T | null {
  const [state, setState] = useState<{ query: () => Promise<T>; value: T } | null>(null);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ query, value }),
      error: (error: unknown) => console.error('[sync] live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, [query]);
  return state !== null && state.query === query ? state.value : null;
}
