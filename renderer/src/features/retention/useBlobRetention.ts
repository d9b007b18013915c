import { useEffect } from 'react';
import { deskDatabase } from '../../data/db';
import { purgeStep, startPurgeRound, type PurgeRound } from '../../data/retention/retention';
import { startQuietWorkInPage, type QuietWork } from '../common/quietWork';

const QUIET_MS = 10_000;
const PAUSE_MS = 250;

/** A round is due at start and after each day close (`requestRetentionRound`). */
let roundDue = true;
let running: QuietWork | null = null;

/** Asks for another purge round (after a day close): it runs the next time the desk is quiet. */
export function requestRetentionRound(): void {
  roundDue = true;
  running?.activity();
}

/**
 * While the app runs: the retention purge (data/retention), a batch of cases at a time and only while
 * nobody is working at the desk, so the counter never waits on it. One round at start, one after each
 * day close; each round reads the period then in force.
 */
export function useBlobRetention(): void {
  useEffect(() => {
    const db = deskDatabase();
    let round: PurgeRound | null = null;
    const work = startQuietWorkInPage({
      step: async () => {
        if (round === null) {
          if (!roundDue) return false;
          roundDue = false;
          round = await startPurgeRound(db, new Date());
          if (round === null) return false;
        }
        const more = await purgeStep(db, round, new Date());
        if (!more) round = null;
        return more || roundDue;
      },
      quietMs: QUIET_MS,
      pauseMs: PAUSE_MS,
      // What is left is purged by the next round; nothing is lost by waiting.
      onError: (error) => console.error('[desk] retention purge failed', error),
    });
    running = work;
    return () => {
      work.stop();
      running = null;
    };
  }, []);
}
