import { businessDateOf } from '../../domain/chineseDate';
import type { WriteContext } from '../caseWrite';
import { chinaIso } from '../clock';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import type { PullChange } from '../../protocol/pull';
import type { LedgerChange } from './ledgerCommands';
import { refreshDerivedItems, type LedgerRefreshResult } from './refreshDerivedItems';

/**
 * Bumped whenever a pull page brought cases (or their events) from other windows: the ledger's derived
 * items may then be missing or stale. In memory only: a restart refreshes on its first run anyway.
 */
let pulledGeneration = 0;
const pullListeners = new Set<() => void>();

/** What the ledger's derivation reads of a case: the case itself, its timeline, its checklist and its 核查. */
const ledgerInputEntities: ReadonlySet<PullChange['entity']> = new Set(['case', 'caseEvent', 'checklistEvent', 'commitmentCheck']);

/** Whether a pull page changed anything the derived items are made from (documents, handovers and ledger items do not). */
export function changesLedgerInputs(changes: readonly PullChange[]): boolean {
  return changes.some((change) => change.op === 'upsert' && ledgerInputEntities.has(change.entity));
}

/** The sync engine applied a pull page that changed cases: tells whoever keeps the ledger up to date. */
export function notePulledCaseChanges(): void {
  pulledGeneration += 1;
  for (const listener of pullListeners) listener();
}

/** Calls `listener` after each pull page that changed cases; answers the unsubscribe. */
export function onPulledCaseChanges(listener: () => void): () => void {
  pullListeners.add(listener);
  return () => {
    pullListeners.delete(listener);
  };
}

export interface LedgerUpkeep {
  /**
   * Runs `refreshDerivedItems` unless nothing it reads can have changed since the last run: same hall
   * day, no pull page with cases since, and no op written on this desk since (every local change to a
   * case, and every ledger write, appends an op). Null when it skipped. Calls made while one runs wait
   * for it, then look again, so two refreshes never run at once.
   */
  refreshIfChanged(context: WriteContext): Promise<LedgerChange<LedgerRefreshResult> | null>;
}

type Refresh = (db: DeskDatabase, context: WriteContext) => Promise<LedgerChange<LedgerRefreshResult>>;

/** The ledger's upkeep on one desk database (`refresh` is replaceable so tests can count the runs). */
export function ledgerUpkeep(db: DeskDatabase, refresh: Refresh = refreshDerivedItems): LedgerUpkeep {
  let lastMarker: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const marker = async (context: WriteContext): Promise<string> => {
    const today = businessDateOf(context.at ?? chinaIso());
    // The outbox's keys only grow (IndexedDB never reuses a generated key): its last key moves with any write.
    const lastOp = await guardStorage(() => db.outbox.orderBy(':id').lastKey());
    return JSON.stringify([today, pulledGeneration, lastOp ?? null]);
  };

  const runOnce = async (context: WriteContext): Promise<LedgerChange<LedgerRefreshResult> | null> => {
    // Read before the refresh: its own writes then look like a change, which costs one more run that finds
    // nothing to do, rather than missing a clerk's write made while it ran.
    const before = await marker(context);
    if (before === lastMarker) return null;
    const result = await refresh(db, context);
    if (result.ok) lastMarker = before;
    return result;
  };

  return {
    refreshIfChanged(context) {
      const run = queue.then(() => runOnce(context));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
