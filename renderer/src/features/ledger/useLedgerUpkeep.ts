import { useEffect } from 'react';
import { deskDatabase } from '../../data/db';
import { ledgerUpkeep, onPulledCaseChanges } from '../../data/ledger/ledgerUpkeep';
import type { SignedInClerk } from '../../domain/clerks/account';
import { startQuietWorkInPage } from '../common/quietWork';

const QUIET_MS = 15_000;
const PAUSE_MS = 1_000;

/**
 * While a clerk is signed in, keeps the 督办台账's derived items (超期, 临期, 容缺/承诺逾期, 绿卡) up to date
 * beyond the screen's own refresh when it opens: after each pull page that brought cases, and when the desk
 * falls quiet (a day turned, a case changed here). Each run first checks whether anything it reads changed
 * (`ledgerUpkeep`), so a quiet desk pays one key read.
 */
export function useLedgerUpkeep(clerk: SignedInClerk): void {
  useEffect(() => {
    const upkeep = ledgerUpkeep(deskDatabase());
    const report = (error: unknown) => console.error('[desk] ledger upkeep failed', error);
    const refresh = async () => {
      const result = await upkeep.refreshIfChanged({ clerk });
      // A refused refresh (storage full, account gone) is tried again at the next pull or quiet spell.
      if (result !== null && !result.ok) report(result.message);
    };
    const work = startQuietWorkInPage({
      step: async () => {
        await refresh();
        return false;
      },
      quietMs: QUIET_MS,
      pauseMs: PAUSE_MS,
      onError: report,
    });
    const stopListening = onPulledCaseChanges(() => void refresh().catch(report));
    return () => {
      stopListening();
      work.stop();
    };
  }, [clerk]);
}
