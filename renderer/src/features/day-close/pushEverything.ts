import { chinaIso } from '../../data/clock';
import type { DeskDatabase } from '../../data/db';
import { readSyncStatus } from '../../data/syncState';

/** How a push-everything came out: HQ took it all, or the reason it did not (null when nobody said). */
export type PushOutcome = { ok: true } | { ok: false; reason: string | null };

export interface PushOptions {
  timeoutMs?: number;
  pollMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Asks the sync loop (in whichever window runs it) for a pass now and waits for a pass to end after the
 * request, reading its outcome from the sync status every window shares: synced, or the error or pause
 * that stopped it. Gives up after `timeoutMs` with no reason.
 */
export async function pushEverything(db: DeskDatabase, syncNow: () => void, options: PushOptions = {}): Promise<PushOutcome> {
  const { timeoutMs = 90_000, pollMs = 300, now = () => new Date(), sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)) } = options;
  const requestedAt = chinaIso(now());
  const deadline = now().getTime() + timeoutMs;
  syncNow();
  while (now().getTime() < deadline) {
    await sleep(pollMs);
    const status = await readSyncStatus(db);
    if (status.lastAttemptAt === null || status.lastAttemptAt < requestedAt) continue;
    if (status.lastSyncAt !== null && status.lastSyncAt >= requestedAt) return { ok: true };
    return { ok: false, reason: status.paused?.message ?? status.lastError?.message ?? null };
  }
  return { ok: false, reason: null };
}
