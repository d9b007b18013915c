import { z } from 'zod';
import { isoDateTimeSchema, toChinaIsoDateTime } from '../chineseDate';

/** Wrong passwords allowed in a row before the desk makes the next attempt wait. */
export const FREE_SIGN_IN_FAILURES = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;

/**
 * Failed passwords at this desk (sign-in, unlock, a chief's approval), whoever's name was typed: counting
 * per account would tell a guesser which login names exist, and a desk is one keyboard anyway.
 */
export const signInThrottleSchema = z.object({
  failures: z.number().int().min(0),
  /** Wall-clock time before which no password is checked; kept across reloads, so an ISO instant. */
  blockedUntil: isoDateTimeSchema.nullable(),
});
export type SignInThrottle = z.infer<typeof signInThrottleSchema>;

export const NO_SIGN_IN_FAILURES: SignInThrottle = { failures: 0, blockedUntil: null };

/** Milliseconds before the next attempt may be checked (0: now). */
export function signInWaitMs(throttle: SignInThrottle, now: Date): number {
  if (throttle.blockedUntil === null) return 0;
  return Math.max(0, Date.parse(throttle.blockedUntil) - now.getTime());
}

/**
 * One more failure. From the fifth in a row each failure blocks the desk for a while, doubling each time
 * (30 s, 1 min, 2 min … up to 15 min): a clerk who mistypes loses seconds, a guesser loses hours.
 */
export function afterSignInFailure(throttle: SignInThrottle, now: Date): SignInThrottle {
  const failures = throttle.failures + 1;
  if (failures < FREE_SIGN_IN_FAILURES) return { failures, blockedUntil: null };
  const waitMs = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_SIGN_IN_FAILURES));
  return { failures, blockedUntil: toChinaIsoDateTime(new Date(now.getTime() + waitMs)) };
}
