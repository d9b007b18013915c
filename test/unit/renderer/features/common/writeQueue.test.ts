import { describe, expect, it } from 'vitest';
import { createWriteQueue } from '../../../../../renderer/src/features/common/writeQueue';

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('createWriteQueue', () => {
  it('runs writes in the order they were queued, even when an earlier one is slower', async () => {
    const queue = createWriteQueue();
    const done: string[] = [];
    const first = queue(async () => done.push(await later('mark R', 30)));
    const second = queue(async () => done.push(await later('mark R again', 1)));
    const decision = queue(async () => done.push('accept'));
    await Promise.all([first, second, decision]);
    expect(done).toEqual(['mark R', 'mark R again', 'accept']);
  });

  it('hands each caller its own result', async () => {
    const queue = createWriteQueue();
    await expect(Promise.all([queue(async () => 1), queue(async () => 'two')])).resolves.toEqual([1, 'two']);
  });

  it('lets a failed write fail for its caller without stopping the writes behind it', async () => {
    const queue = createWriteQueue();
    const failed = queue(async () => {
      throw new Error('磁盘已满');
    });
    const next = queue(async () => 'saved');
    await expect(failed).rejects.toThrow('磁盘已满');
    await expect(next).resolves.toBe('saved');
  });
});
