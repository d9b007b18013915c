import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleQuietWork } from '../../../../../renderer/src/features/common/quietWork';
import { startLedgerUpkeep } from '../../../../../renderer/src/features/ledger/useLedgerUpkeep';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** The upkeep on fake timers: quiet after 1 s, pull pages announced by `pulled()`. */
function wired(refresh: () => Promise<void>) {
  const listeners = new Set<() => void>();
  const report = vi.fn();
  const timers = { setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms), clearTimeout: (handle: unknown) => clearTimeout(handle as number) };
  const stop = startLedgerUpkeep({
    refresh,
    onPulled: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    startQuiet: (step) => scheduleQuietWork({ step, quietMs: 1_000, pauseMs: 100, now: () => Date.now(), timers, onError: report }),
    timers,
    afterPullMs: 500,
    report,
  });
  return { stop, report, pulled: () => listeners.forEach((listener) => listener()), listeners };
}

describe('the ledger’s upkeep', () => {
  it('refreshes once when the desk falls quiet, then rests until something happens', async () => {
    const refresh = vi.fn(async () => undefined);
    const { stop } = wired(refresh);
    await vi.advanceTimersByTimeAsync(999);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    stop();
  });

  it('refreshes once after a pull’s pages stop coming, not once per page', async () => {
    const refresh = vi.fn(async () => undefined);
    const { stop, pulled } = wired(refresh);
    await vi.advanceTimersByTimeAsync(1_000);
    refresh.mockClear();
    for (let page = 0; page < 5; page += 1) {
      pulled();
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(refresh).toHaveBeenCalledTimes(1);
    stop();
  });

  it('reports a failed refresh after a pull, and stops listening and refreshing when stopped', async () => {
    const refresh = vi.fn(async () => Promise.reject(new Error('存储空间不足')));
    const { stop, pulled, report, listeners } = wired(refresh);
    pulled();
    await vi.advanceTimersByTimeAsync(500);
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ message: '存储空间不足' }));
    refresh.mockClear();
    pulled();
    stop();
    expect(listeners.size).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refresh).not.toHaveBeenCalled();
  });
});
