import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleQuietWork, type QuietWork } from '../../../../../renderer/src/features/common/quietWork';

const QUIET = 10_000;
const PAUSE = 250;

let work: QuietWork | undefined;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  work?.stop();
  vi.useRealTimers();
});

/** Upkeep with `batches` batches to do; records when each ran (fake-clock ms since the start). */
function upkeep(batches: number, fail: Set<number> = new Set()) {
  const ran: number[] = [];
  const errors: unknown[] = [];
  let left = batches;
  const start = Date.now();
  work = scheduleQuietWork({
    step: async () => {
      ran.push(Date.now() - start);
      if (fail.has(ran.length)) throw new Error('磁盘已满');
      left = Math.max(0, left - 1);
      return left > 0;
    },
    quietMs: QUIET,
    pauseMs: PAUSE,
    now: () => Date.now(),
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
    onError: (error) => errors.push(error),
  });
  return { ran, errors, work, addWork: (n: number) => (left += n) };
}

describe('scheduleQuietWork', () => {
  it('starts once the desk has been quiet, then runs batch after batch until nothing is left', async () => {
    const { ran } = upkeep(3);
    await vi.advanceTimersByTimeAsync(QUIET - 1);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1 + 2 * PAUSE + 5_000);
    expect(ran).toEqual([QUIET, QUIET + PAUSE, QUIET + 2 * PAUSE]);
  });

  it('holds back while someone works at the desk and starts again after quiet', async () => {
    const { ran, work } = upkeep(2);
    await vi.advanceTimersByTimeAsync(QUIET);
    expect(ran).toEqual([QUIET]);
    work.activity();
    await vi.advanceTimersByTimeAsync(QUIET - 1);
    expect(ran).toEqual([QUIET]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toEqual([QUIET, 2 * QUIET]);
  });

  it('keeps waiting through a steady stream of activity', async () => {
    const { ran, work } = upkeep(1);
    for (let t = 0; t < 5 * QUIET; t += 1_000) {
      await vi.advanceTimersByTimeAsync(1_000);
      work.activity();
    }
    expect(ran).toEqual([]);
  });

  it('once done, waits for activity (which makes new work) and quiet before looking again', async () => {
    const { ran, work, addWork } = upkeep(1);
    await vi.advanceTimersByTimeAsync(3 * QUIET);
    expect(ran).toEqual([QUIET]);
    addWork(1);
    work.activity();
    await vi.advanceTimersByTimeAsync(QUIET);
    expect(ran).toEqual([QUIET, 4 * QUIET]);
  });

  it('looks again after quiet when someone worked at the desk while the last batch ran', async () => {
    const ran: number[] = [];
    let release: (more: boolean) => void = () => undefined;
    work = scheduleQuietWork({
      step: () => {
        ran.push(Date.now());
        return new Promise<boolean>((resolve) => (release = resolve));
      },
      quietMs: QUIET,
      pauseMs: PAUSE,
      now: () => Date.now(),
      timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
      onError: () => undefined,
    });
    const start = Date.now();
    await vi.advanceTimersByTimeAsync(QUIET + 100);
    work.activity();
    release(false);
    await vi.advanceTimersByTimeAsync(2 * QUIET);
    expect(ran.map((at) => at - start)).toEqual([QUIET, 2 * QUIET + 100]);
  });

  it('reports a failed batch and tries again after the next activity and quiet', async () => {
    const { ran, errors, work } = upkeep(2, new Set([1]));
    await vi.advanceTimersByTimeAsync(3 * QUIET);
    expect(ran).toEqual([QUIET]);
    expect(errors).toEqual([new Error('磁盘已满')]);
    work.activity();
    await vi.advanceTimersByTimeAsync(QUIET + PAUSE);
    expect(ran).toEqual([QUIET, 4 * QUIET, 4 * QUIET + PAUSE]);
  });

  it('runs nothing after it is stopped', async () => {
    const { ran, work } = upkeep(3);
    work.stop();
    work.activity();
    await vi.advanceTimersByTimeAsync(3 * QUIET);
    expect(ran).toEqual([]);
  });
});
