import { useEffect } from 'react';
import { deskDatabase } from '../../data/db';
import { writeStoredCaseFacts } from '../../data/figures/caseFactsPass';
import { startQuietWorkInPage } from '../common/quietWork';

// A batch opens up to 50 cases (a few tens of ms); the figures scan meanwhile, so there is no hurry.
const QUIET_MS = 10_000;
const PAUSE_MS = 200;

/**
 * Writes, a batch at a time while nobody is working at the desk, the figures' facts of cases stored before
 * schema version 12 (`data/figures/caseFactsPass.ts`). Once done it does nothing.
 */
export function useCaseFactsPass(): void {
  useEffect(() => {
    const db = deskDatabase();
    const work = startQuietWorkInPage({
      step: () => writeStoredCaseFacts(db),
      quietMs: QUIET_MS,
      pauseMs: PAUSE_MS,
      // The figures scan the cases until it is done; the next quiet spell retries.
      onError: (error) => console.error('[desk] writing the figures’ case facts failed', error),
    });
    return () => work.stop();
  }, []);
}
