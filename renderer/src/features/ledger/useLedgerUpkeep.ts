import { useEffect } from 'react';
import { deskDatabase } from '../../data/db';
import { ledgerUpkeep, onPulledCaseChanges } from '../../data/ledger/ledgerUpkeep';
import type { SignedInClerk } from '../../domain/clerks/account';
import { startQuietWorkInPage, type QuietWork, type QuietWorkOptions } from '../common/quietWork';

const QUIET_MS = 15_000;
const PAUSE_MS = 1_000;
/** A pull of many pages (a first sync) refreshes once after its last page, not once per page. */
const AFTER_PULL_MS = 1_500;

export interface LedgerUpkeepWiring {
  /** One refresh (skipped inside when nothing changed); a rejection is reported, never thrown at the desk. */
  refresh: () => Promise<void>;
  /** Subscribes to pull pages that changed cases; answers the unsubscribe. */
  onPulled: (listener: () => void) => () => void;
  /** Starts quiet-time work with this step (the page's `startQuietWorkInPage`). */
  startQuiet: (step: QuietWorkOptions['step']) => QuietWork;
  timers: QuietWorkOptions['timers'];
  afterPullMs: number;
  report: (error: unknown) => void;
}

/**
 * Runs the ledger's refresh when the desk falls quiet and once a pull's pages stop coming; answers the
 * stop. Kept apart from React so the wiring is tested with fake timers.
 */
export function startLedgerUpkeep(wiring: LedgerUpkeepWiring): () => void {
  const { refresh, timers, report } = wiring;
  const work = wiring.startQuiet(async () => {
    await refresh();
    return false;
  });
  let afterPull: unknown;
  const stopListening = wiring.onPulled(() => {
    timers.clearTimeout(afterPull);
    afterPull = timers.setTimeout(() => void refresh().catch(report), wiring.afterPullMs);
  });
  return () => {
    stopListening();
    timers.clearTimeout(afterPull);
    work.stop();
  };
}

/**
 * While a clerk is signed in, keeps the 督办台账's derived items (超期, 临期, 容缺/承诺逾期, 绿卡) up to date
 * beyond the screen's own refresh when it opens: after a pull that brought cases (once its pages stop
 * coming), and when the desk falls quiet (a day turned, a case changed here). Each run first checks whether
 * anything it reads changed (`ledgerUpkeep`), so a quiet desk pays one key read.
 */
export function useLedgerUpkeep(clerk: SignedInClerk): void {
  useEffect(() => {
    const upkeep = ledgerUpkeep(deskDatabase());
    const report = (error: unknown) => console.error('[desk] ledger upkeep failed', error);
    return startLedgerUpkeep({
      refresh: async () => {
        const result = await upkeep.refreshIfChanged({ clerk });
        // A refused refresh (storage full, account gone) is tried again at the next pull or quiet spell.
        if (result !== null && !result.ok) report(result.message);
      },
      onPulled: onPulledCaseChanges,
      startQuiet: (step) => startQuietWorkInPage({ step, quietMs: QUIET_MS, pauseMs: PAUSE_MS, onError: report }),
      timers: { setTimeout: (callback, ms) => window.setTimeout(callback, ms), clearTimeout: (handle) => window.clearTimeout(handle as number) },
      afterPullMs: AFTER_PULL_MS,
      report,
    });
  }, [clerk]);
}
