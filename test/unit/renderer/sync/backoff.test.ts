import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from '../../../../renderer/src/sync/backoff';

describe('backoffDelay', () => {
  it('doubles from one second and stops at five minutes', () => {
    const ceiling = (attempt: number) => backoffDelay(attempt, () => 1);
    expect([1, 2, 3, 4].map(ceiling)).toEqual([1000, 2000, 4000, 8000]);
    expect(ceiling(9)).toBe(256_000);
    expect(ceiling(10)).toBe(defaultBackoff.maxMs);
    expect(ceiling(50)).toBe(defaultBackoff.maxMs);
  });

  it('waits between half and all of the ceiling, at random', () => {
    expect(backoffDelay(3, () => 0)).toBe(2000);
    expect(backoffDelay(3, () => 0.999)).toBeLessThanOrEqual(4000);
    expect(backoffDelay(3, () => 0.5)).toBe(3000);
  });
});
