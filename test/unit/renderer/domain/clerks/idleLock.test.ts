import { describe, expect, it } from 'vitest';
import { msUntilLock, shouldLock } from '../../../../../renderer/src/domain/clerks/idleLock';

const minute = 60_000;

describe('shouldLock', () => {
  it('keeps the desk open until the idle time has fully passed, then locks it', () => {
    expect(shouldLock(0, 5 * minute - 1, 5)).toBe(false);
    expect(shouldLock(0, 5 * minute, 5)).toBe(true);
    expect(shouldLock(0, 60 * minute, 5)).toBe(true);
  });

  it('counts from the last activity, not from sign-in', () => {
    expect(shouldLock(10 * minute, 14 * minute, 5)).toBe(false);
  });

  it('does not lock when the clock reads earlier than the last activity', () => {
    expect(shouldLock(10 * minute, 9 * minute, 5)).toBe(false);
  });

  it('refuses an idle time that is zero, fractional or longer than two hours', () => {
    expect(() => shouldLock(0, 0, 0)).toThrow('自动锁屏时间应为1至120分钟之间的整数');
    expect(() => shouldLock(0, 0, 2.5)).toThrow('自动锁屏时间应为1至120分钟之间的整数');
    expect(() => shouldLock(0, 0, 121)).toThrow('自动锁屏时间应为1至120分钟之间的整数');
  });
});

describe('msUntilLock', () => {
  it('tells a timer how long is left', () => {
    expect(msUntilLock(0, 3 * minute, 5)).toBe(2 * minute);
    expect(msUntilLock(0, 7 * minute, 5)).toBe(0);
  });
});
