import { liveQuery, type Subscription } from 'dexie';
import { chinaIso } from '../data/clock';
import type { DeskDatabase } from '../data/db';
import { updateSyncStatus, type SyncPauseReason } from '../data/syncState';
import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff';
import { syncMessages } from './messages';
import { pullChanges } from './pullChanges';
import { pushOutbox } from './pushOutbox';
import { resumeAfterRestore } from './resumeAfterRestore';
import { refreshReference } from './referenceRefresh';
import { defaultPushLimits, type PhaseFailure, type PushLimits, type SyncContext } from './syncContext';
import { defaultLocks, type LockRequester } from './syncLock';
import type { SyncTransport } from './transport';

/** What one sync pass came to. */
export type PassOutcome =
  | { kind: 'synced' }
  | { kind: 'notEnrolled' }
  | { kind: 'paused'; reason: SyncPauseReason; message: string }
  | { kind: 'failed'; message: string }
  /** Another window runs the sync loop; it was asked to sync now. */
  | { kind: 'elsewhere' }
  /** The engine stopped before the pass asked for ran. */
  | { kind: 'stopped' };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One pass: push the outbox (with its attachments), pull the hall's changes, refresh reference data,
 * then note the outcome in the sync status. Never throws for HQ's or the network's sake; a storage
 * failure comes back as `failed` with its message.
 */
export async function runSyncPass(ctx: SyncContext): Promise<PassOutcome> {
  let failure: PhaseFailure | null;
  try {
    const config = await ctx.transport.config();
    if (config.enrolment === null || !config.tokenAvailable) failure = { kind: 'notEnrolled', message: '' };
    else failure = (await resumeAfterRestore(ctx)) ?? (await pushOutbox(ctx)) ?? (await pullChanges(ctx, config.enrolment.deskId)) ?? (await refreshReference(ctx));
  } catch (error) {
    failure = { kind: 'failed', message: syncMessages.unexpected(messageOf(error)) };
  }
  const at = chinaIso(ctx.now());
  try {
    if (failure === null) {
      await updateSyncStatus(ctx.db, (status) => ({ ...status, lastAttemptAt: at, lastSyncAt: at, lastError: null, paused: null }));
      return { kind: 'synced' };
    }
    const { message } = failure;
    const paused = failure.kind === 'paused' ? { reason: failure.reason, message, at } : null;
    await updateSyncStatus(ctx.db, (status) => ({
      ...status,
      lastAttemptAt: at,
      lastError: message === '' ? null : { message, at },
      paused: paused ?? status.paused,
    }));
    if (failure.kind === 'paused') return { kind: 'paused', reason: failure.reason, message };
    if (failure.kind === 'notEnrolled') return { kind: 'notEnrolled' };
    return { kind: 'failed', message };
  } catch (error) {
    return { kind: 'failed', message: syncMessages.unexpected(messageOf(error)) };
  }
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The part of `BroadcastChannel` the engine uses. */
export interface SyncChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export interface SyncEngineOptions {
  db: DeskDatabase;
  transport: SyncTransport;
  now?: () => Date;
  /** In [0, 1): the backoff's jitter. */
  random?: () => number;
  timers?: Timers;
  locks?: LockRequester;
  /** Where `online` events come from (the window in the app); null for none. */
  network?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** Opens the channel that carries 立即同步 to the window running the loop; null for none. */
  openChannel?: (() => SyncChannel) | null;
  /** Wake the loop when new ops are written (Dexie's live queries see every window's writes). */
  watchOutbox?: boolean;
  backoff?: BackoffPolicy;
  /** How long a synced desk waits before it pulls again when nothing happens. */
  idleMs?: number;
  limits?: PushLimits;
}

export interface SyncEngine {
  /** Competes for the sync lock; the window that holds it runs the loop until `stop`. */
  start(): void;
  stop(): Promise<void>;
  /** 立即同步 / 重试: a pass now, the backoff forgotten, in whichever window runs the loop. */
  syncNow(): void;
  /** A pass now, resolving with its outcome: run by the loop when this window leads, else under the lock. */
  runPass(): Promise<PassOutcome>;
}

export const syncLockName = 'desk-sync';
const SYNC_NOW = 'syncNow';
const DEFAULT_IDLE_MS = 60_000;

const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

function defaultChannel(): (() => SyncChannel) | null {
  return typeof BroadcastChannel === 'undefined' ? null : () => new BroadcastChannel(syncLockName);
}

/**
 * The desk's sync loop (ARCHITECTURE.md, "The sync contract"). One window at a time runs it, holding the Web Lock `desk-sync`; the
 * others wait for the lock and take over when that window closes. The loop syncs, then waits: a short
 * while when all went well (or until ops are written), with exponential backoff and jitter after a
 * failure (retrying at once when the network comes back or the clerk presses 立即同步), and without end
 * while paused or not enrolled (until 立即同步 or a new enrolment). Transport, clock, random and timers
 * are injected, so tests and the fault suite drive it exactly.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const ctx: SyncContext = {
    db: options.db,
    transport: options.transport,
    now: options.now ?? (() => new Date()),
    limits: options.limits ?? defaultPushLimits,
  };
  const random = options.random ?? Math.random;
  const timers = options.timers ?? realTimers;
  const locks = options.locks ?? defaultLocks();
  const openChannel = options.openChannel === undefined ? defaultChannel() : options.openChannel;
  const network = options.network === undefined ? ((globalThis as { window?: EventTarget }).window ?? null) : options.network;
  const backoff = options.backoff ?? defaultBackoff;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;

  let controller: AbortController | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let channel: SyncChannel | null = null;
  let leading = false;
  let failures = 0;
  let lastOutcome: PassOutcome | null = null;
  let wakeRequested = false;
  let wake: (() => void) | null = null;
  /** Callers of `runPass` waiting for the next pass the loop starts. */
  let waiters: ((outcome: PassOutcome) => void)[] = [];

  const pass = async (): Promise<PassOutcome> => {
    try {
      return await runSyncPass(ctx);
    } catch (error) {
      return { kind: 'failed', message: syncMessages.unexpected(messageOf(error)) };
    }
  };

  const requestWake = (forgetBackoff: boolean) => {
    if (forgetBackoff) failures = 0;
    wakeRequested = true;
    wake?.();
  };

  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (wakeRequested || signal.aborted) {
        resolve();
        return;
      }
      let handle: unknown;
      const done = () => {
        if (handle !== undefined) timers.clearTimeout(handle);
        signal.removeEventListener('abort', done);
        wake = null;
        resolve();
      };
      if (Number.isFinite(ms)) handle = timers.setTimeout(done, ms);
      wake = done;
      signal.addEventListener('abort', done, { once: true });
    });

  const delayAfter = (outcome: PassOutcome): number => {
    if (outcome.kind === 'synced') return idleMs;
    if (outcome.kind === 'failed') return backoffDelay(failures, random, backoff);
    return Number.POSITIVE_INFINITY;
  };

  /** Ops written while the desk is in sync are sent at once; while backing off they wait their turn. */
  const watchOutbox = (): Subscription | null => {
    if (options.watchOutbox === false) return null;
    let previous: number | null = null;
    return liveQuery(() => ctx.db.outbox.where('state').equals('pending').count()).subscribe({
      next: (count) => {
        const grew = previous !== null && count > previous;
        previous = count;
        if (grew && (lastOutcome === null || lastOutcome.kind === 'synced')) requestWake(false);
      },
      error: () => undefined,
    });
  };

  const onOnline = () => requestWake(true);

  /** Notes when the retry after a failure comes, so the status bar can count down to it; clears it after. */
  let retryNoted = false;
  const noteNextAttempt = async (retryInMs: number | null) => {
    if (retryInMs === null && !retryNoted) return;
    const nextAttemptAt = retryInMs === null ? null : chinaIso(new Date(ctx.now().getTime() + retryInMs));
    try {
      await updateSyncStatus(ctx.db, (status) => ({ ...status, nextAttemptAt }));
      retryNoted = retryInMs !== null;
    } catch {
      // Only the countdown is lost; the loop's own wait is unaffected.
    }
  };

  const lead = async (signal: AbortSignal) => {
    leading = true;
    const subscription = watchOutbox();
    network?.addEventListener('online', onOnline);
    try {
      while (!signal.aborted) {
        wakeRequested = false;
        const served = waiters;
        waiters = [];
        const outcome = await pass();
        lastOutcome = outcome;
        for (const resolve of served) resolve(outcome);
        failures = outcome.kind === 'failed' ? failures + 1 : 0;
        const delay = delayAfter(outcome);
        await noteNextAttempt(outcome.kind === 'failed' ? delay : null);
        await sleep(delay, signal);
      }
    } finally {
      leading = false;
      subscription?.unsubscribe();
      network?.removeEventListener('online', onOnline);
      for (const resolve of waiters.splice(0)) resolve({ kind: 'stopped' });
    }
  };

  return {
    start() {
      if (controller !== null) return;
      const current = new AbortController();
      controller = current;
      channel = openChannel?.() ?? null;
      channel?.addEventListener('message', (event) => {
        if (event.data === SYNC_NOW && leading) requestWake(true);
      });
      running = locks.request(syncLockName, { signal: current.signal }, () => lead(current.signal)).catch((error: unknown) => {
        // Stopped while waiting for another window to let go of the lock.
        if (!current.signal.aborted) throw error;
      });
    },

    async stop() {
      if (controller === null) return;
      controller.abort();
      controller = null;
      await running;
      channel?.close();
      channel = null;
    },

    syncNow() {
      if (leading) requestWake(true);
      else if (channel !== null) channel.postMessage(SYNC_NOW);
      else void this.runPass();
    },

    runPass() {
      if (leading) {
        const outcome = new Promise<PassOutcome>((resolve) => waiters.push(resolve));
        requestWake(true);
        return outcome;
      }
      return locks.request(syncLockName, { ifAvailable: true }, async (lock) => {
        if (lock !== null) return pass();
        channel?.postMessage(SYNC_NOW);
        return { kind: 'elsewhere' } as const;
      });
    },
  };
}
