import { onDeskActivity } from './deskActivity';

export interface QuietWorkOptions {
  /** One short batch of the work; resolves to whether more is left. */
  step: () => Promise<boolean>;
  /** How long nobody must have touched the desk before a batch starts. */
  quietMs: number;
  /** Between batches, so a clerk who comes back waits for one batch at most. */
  pauseMs: number;
  /** Milliseconds on a monotonic clock. */
  now: () => number;
  timers: { setTimeout(callback: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  /** A failed batch ends the round; the work is tried again the next time the desk falls quiet. */
  onError: (error: unknown) => void;
}

export interface QuietWork {
  /** Someone is working at the desk: no batch starts until it has been quiet for `quietMs` again. */
  activity(): void;
  stop(): void;
}

/**
 * Runs deferred upkeep in batches while nobody is working at the desk, so it never holds up a write a
 * clerk is waiting on. Once a batch says nothing is left, it waits for the next sign of activity (the
 * only thing that makes new work) and then for quiet again. One timer, re-armed for the time left when
 * it fires, so activity costs a timestamp.
 */
export function scheduleQuietWork(options: QuietWorkOptions): QuietWork {
  const { step, quietMs, pauseMs, now, timers, onError } = options;
  let lastActivity = now();
  let timer: unknown;
  let armed = false;
  let stopped = false;

  const arm = (ms: number) => {
    armed = true;
    timers.clearTimeout(timer);
    timer = timers.setTimeout(tick, ms);
  };
  const rest = () => {
    armed = false;
  };
  function tick() {
    if (stopped) return;
    const quietFor = now() - lastActivity;
    if (quietFor < quietMs) {
      arm(quietMs - quietFor);
      return;
    }
    const startedAt = now();
    step().then(
      (more) => {
        if (stopped) return;
        // Activity during the batch may have made work the batch did not see: look again after quiet.
        if (more || lastActivity > startedAt) arm(pauseMs);
        else rest();
      },
      (error: unknown) => {
        if (stopped) return;
        onError(error);
        rest();
      },
    );
  }

  arm(quietMs);
  return {
    activity() {
      lastActivity = now();
      if (!armed && !stopped) arm(quietMs);
    },
    stop() {
      stopped = true;
      timers.clearTimeout(timer);
    },
  };
}

/**
 * `scheduleQuietWork` in the page: the browser's timers and monotonic clock, woken by the clerk's activity
 * at the desk (`onDeskActivity`); `stop` also stops listening.
 */
export function startQuietWorkInPage(options: Pick<QuietWorkOptions, 'step' | 'quietMs' | 'pauseMs' | 'onError'>): QuietWork {
  const work = scheduleQuietWork({
    ...options,
    now: () => performance.now(),
    timers: { setTimeout: (callback, ms) => window.setTimeout(callback, ms), clearTimeout: (handle) => window.clearTimeout(handle as number) },
  });
  const stopListening = onDeskActivity(() => work.activity());
  return {
    activity: () => work.activity(),
    stop: () => {
      stopListening();
      work.stop();
    },
  };
}
