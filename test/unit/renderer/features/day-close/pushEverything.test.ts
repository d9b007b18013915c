import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { updateSyncStatus } from '../../../../../renderer/src/data/syncState';
import { pushEverything } from '../../../../../renderer/src/features/day-close/pushEverything';
import { closeDatabases, freshDatabase } from '../../data/dataFixtures';

afterEach(closeDatabases);

/** A clock that moves one second per poll, so a run never waits for real time. */
function steppingClock(start: string) {
  let ms = Date.parse(start);
  return { now: () => new Date(ms), sleep: async () => void (ms += 1000) };
}

describe('pushEverything', () => {
  it('asks for a pass and reports success once a pass after the request synced', async () => {
    const db = freshDatabase();
    const clock = steppingClock('2026-11-28T17:00:00+08:00');
    const outcome = await pushEverything(
      db,
      () => void updateSyncStatus(db, (status) => ({ ...status, lastAttemptAt: '2026-11-28T17:00:01.000+08:00', lastSyncAt: '2026-11-28T17:00:01.000+08:00' })),
      clock,
    );
    expect(outcome).toEqual({ ok: true });
  });

  it('reports the error of a pass that failed, and ignores passes that ended before the request', async () => {
    const db = freshDatabase();
    await updateSyncStatus(db, (status) => ({ ...status, lastAttemptAt: '2026-11-28T16:59:00.000+08:00', lastSyncAt: '2026-11-28T16:59:00.000+08:00' }));
    const clock = steppingClock('2026-11-28T17:00:00+08:00');
    let asked = 0;
    const outcome = await pushEverything(
      db,
      () => {
        asked += 1;
        setTimeout(() => {
          void updateSyncStatus(db, (status) => ({
            ...status,
            lastAttemptAt: '2026-11-28T17:00:03.000+08:00',
            lastError: { message: '市级系统暂时出错（503）', at: '2026-11-28T17:00:03.000+08:00' },
          }));
        }, 20);
      },
      { ...clock, sleep: async () => new Promise((resolve) => setTimeout(resolve, 10)) },
    );
    expect(asked).toBe(1);
    expect(outcome).toEqual({ ok: false, reason: '市级系统暂时出错（503）' });
  });

  it('gives up without a reason when no pass ends in time', async () => {
    const db = freshDatabase();
    const outcome = await pushEverything(db, () => undefined, { ...steppingClock('2026-11-28T17:00:00+08:00'), timeoutMs: 5000 });
    expect(outcome).toEqual({ ok: false, reason: null });
  });
});
