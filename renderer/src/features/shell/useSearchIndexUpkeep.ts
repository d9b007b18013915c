import { useEffect } from 'react';
import { deskDatabase } from '../../data/db';
import { settleBatchRows, settleFreshKeys } from '../../data/search/settleKeys';
import { onDeskActivity } from '../common/deskActivity';
import { scheduleQuietWork } from '../common/quietWork';

const QUIET_MS = 10_000;
const PAUSE_MS = 250;

/**
 * While the app runs, moves search keys from the fresh index into the settled one whenever nobody has
 * touched the desk for a while (see `data/search/keyTiers.ts`), including behind the lock screen.
 */
export function useSearchIndexUpkeep(): void {
  useEffect(() => {
    const db = deskDatabase();
    const work = scheduleQuietWork({
      step: async () => (await settleFreshKeys(db, settleBatchRows)) === settleBatchRows,
      quietMs: QUIET_MS,
      pauseMs: PAUSE_MS,
      now: () => performance.now(),
      timers: { setTimeout: (callback, ms) => window.setTimeout(callback, ms), clearTimeout: (handle) => window.clearTimeout(handle as number) },
      // Searches read both indexes, so keys left fresh cost nothing but speed; the next quiet spell retries.
      onError: (error) => console.error('[desk] settling search keys failed', error),
    });
    const stopListening = onDeskActivity(() => work.activity());
    return () => {
      stopListening();
      work.stop();
    };
  }, []);
}
