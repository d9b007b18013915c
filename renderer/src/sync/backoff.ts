export interface BackoffPolicy {
  /** The wait before the first retry, before jitter. */
  baseMs: number;
  /** The longest wait, before jitter. */
  maxMs: number;
}

/** 1 s, 2 s, 4 s … up to 5 minutes: a desk that was offline all day retries every few minutes, not every second. */
export const defaultBackoff: BackoffPolicy = { baseMs: 1000, maxMs: 5 * 60 * 1000 };

/**
 * The wait before retry number `attempt` (1 = the first): doubling from `baseMs`, capped at `maxMs`,
 * then between half and all of that at random, so the desks of a hall that lost the network together do
 * not all come back in the same second.
 */
export function backoffDelay(attempt: number, random: () => number, policy: BackoffPolicy = defaultBackoff): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
