import { describe, expect, it } from 'vitest';
import {
  afterSignInFailure,
  FREE_SIGN_IN_FAILURES,
  NO_SIGN_IN_FAILURES,
  signInThrottleSchema,
  signInWaitMs,
  type SignInThrottle,
} from '../../../../../renderer/src/domain/clerks/signInThrottle';

const t0 = new Date('2026-11-28T09:00:00+08:00');
const later = (ms: number) => new Date(t0.getTime() + ms);

function failTimes(count: number, at: Date = t0): SignInThrottle {
  let throttle = NO_SIGN_IN_FAILURES;
  for (let i = 0; i < count; i += 1) throttle = afterSignInFailure(throttle, at);
  return throttle;
}

describe('sign-in throttle', () => {
  it('lets a clerk mistype a few times without waiting', () => {
    const throttle = failTimes(FREE_SIGN_IN_FAILURES - 1);
    expect(throttle).toEqual({ failures: FREE_SIGN_IN_FAILURES - 1, blockedUntil: null });
    expect(signInWaitMs(throttle, t0)).toBe(0);
  });

  it('blocks the desk for 30 seconds at the fifth failure in a row', () => {
    const throttle = failTimes(FREE_SIGN_IN_FAILURES);
    expect(signInWaitMs(throttle, t0)).toBe(30_000);
    expect(signInWaitMs(throttle, later(29_000))).toBe(1_000);
    expect(signInWaitMs(throttle, later(30_000))).toBe(0);
  });

  it('doubles the wait with every further failure', () => {
    expect(signInWaitMs(failTimes(6), t0)).toBe(60_000);
    expect(signInWaitMs(failTimes(7), t0)).toBe(120_000);
  });

  it('never makes anyone wait more than 15 minutes', () => {
    expect(signInWaitMs(failTimes(40), t0)).toBe(15 * 60_000);
  });

  it('stores the block as an ISO instant that the schema accepts', () => {
    expect(signInThrottleSchema.parse(failTimes(5))).toEqual(failTimes(5));
    expect(signInThrottleSchema.safeParse({ failures: -1, blockedUntil: null }).success).toBe(false);
    expect(signInThrottleSchema.safeParse({ failures: 1, blockedUntil: 'soon' }).success).toBe(false);
  });
});
