import { describe, expect, it } from 'vitest';
import { inPageLocks } from '../../../../renderer/src/sync/syncLock';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('inPageLocks', () => {
  it('lets one holder in at a time, in the order they asked', async () => {
    const locks = inPageLocks();
    const order: string[] = [];
    let releaseFirst!: () => void;
    const first = locks.request('desk-sync', {}, async () => {
      order.push('first in');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      order.push('first out');
    });
    const second = locks.request('desk-sync', {}, async () => {
      order.push('second in');
    });
    await tick();
    expect(order).toEqual(['first in']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'first out', 'second in']);
  });

  it('answers null at once to a request that will not wait, while the lock is held', async () => {
    const locks = inPageLocks();
    let release!: () => void;
    const holder = locks.request('desk-sync', {}, () => new Promise<void>((resolve) => (release = resolve)));
    await tick();
    expect(await locks.request('desk-sync', { ifAvailable: true }, async (lock) => lock)).toBeNull();
    release();
    await holder;
    expect(await locks.request('desk-sync', { ifAvailable: true }, async (lock) => lock)).not.toBeNull();
  });

  it('gives up waiting when aborted, and the next holder still gets in', async () => {
    const locks = inPageLocks();
    let release!: () => void;
    const holder = locks.request('desk-sync', {}, () => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const waiting = locks.request('desk-sync', { signal: controller.signal }, async () => 'never');
    controller.abort();
    await expect(waiting).rejects.toThrow('aborted');
    // The holder still holds it.
    expect(await locks.request('desk-sync', { ifAvailable: true }, async (lock) => lock)).toBeNull();
    release();
    await holder;
    expect(await locks.request('desk-sync', {}, async () => 'next')).toBe('next');
  });
});
