import { z } from 'zod';
import { clerksMessages } from './messages';

export const IDLE_LOCK_MIN_MINUTES = 1;
export const IDLE_LOCK_MAX_MINUTES = 120;
export const DEFAULT_IDLE_LOCK_MINUTES = 5;

export const idleLockMinutesSchema = z
  .number()
  .int({ error: clerksMessages.idleMinutes(IDLE_LOCK_MIN_MINUTES, IDLE_LOCK_MAX_MINUTES) })
  .min(IDLE_LOCK_MIN_MINUTES, { error: clerksMessages.idleMinutes(IDLE_LOCK_MIN_MINUTES, IDLE_LOCK_MAX_MINUTES) })
  .max(IDLE_LOCK_MAX_MINUTES, { error: clerksMessages.idleMinutes(IDLE_LOCK_MIN_MINUTES, IDLE_LOCK_MAX_MINUTES) });

/**
 * Milliseconds left before an idle desk locks (0 when it should lock now). Times are milliseconds on a
 * monotonic clock (e.g. `performance.now()`): a wall clock set back would otherwise keep the desk open.
 */
export function msUntilLock(lastActivityAt: number, now: number, idleMinutes: number): number {
  const minutes = idleLockMinutesSchema.parse(idleMinutes);
  const idleFor = Math.max(0, now - lastActivityAt);
  return Math.max(0, minutes * 60_000 - idleFor);
}

export function shouldLock(lastActivityAt: number, now: number, idleMinutes: number): boolean {
  return msUntilLock(lastActivityAt, now, idleMinutes) === 0;
}
