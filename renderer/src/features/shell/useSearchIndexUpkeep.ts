import { useEffect } from 'react';
import { sealPlainRows } from '../../data/crypto/sealPlainRows';
import { deskDatabase } from '../../data/db';
import { rekeyStaleRows } from '../../data/search/rekey';
import { settleBatchRows, settleFreshKeys } from '../../data/search/settleKeys';
import { startQuietWorkInPage } from '../common/quietWork';

const QUIET_MS = 10_000;
const PAUSE_MS = 250;

/**
 * While the app runs, whenever nobody has touched the desk for a while (including behind the lock screen):
 * moves search keys from the fresh index into the settled one (see `data/search/keyTiers.ts`); once none
 * are fresh, seals rows stored plain before sealing (see `data/crypto/sealPlainRows.ts`), then re-keys rows
 * an upgrade left keyed by an older version (see `data/search/rekey.ts`).
 * One transaction per batch either way, so a clerk who comes back waits for one batch at most.
 */
export function useSearchIndexUpkeep(): void {
  useEffect(() => {
    const db = deskDatabase();
    const work = startQuietWorkInPage({
      step: async () => (await settleFreshKeys(db, settleBatchRows)) > 0 || (await sealPlainRows(db)).more || (await rekeyStaleRows(db)).more,
      quietMs: QUIET_MS,
      pauseMs: PAUSE_MS,
      // Searches read both indexes and still find stale rows by their older keys, so what is left costs
      // speed and the newer kinds of search; the next quiet spell retries.
      onError: (error) => console.error('[desk] search index upkeep failed', error),
    });
    return () => work.stop();
  }, []);
}
