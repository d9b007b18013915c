import { syncMessages } from './messages';

const m = syncMessages.status;

/** Longest reason the status bar shows in full; a longer one is cut, its full text in the tooltip. */
export const REASON_CHARS = 18;

/** The last error as the status bar shows it: its first clause, cut to a few words. */
export function shortReason(message: string, max: number = REASON_CHARS): string {
  const first = message.split(/[。；\n]/u)[0]!.trim() || message.trim();
  const chars = [...first];
  return chars.length <= max ? first : `${chars.slice(0, max - 1).join('')}…`;
}

/** Whole seconds until the next retry (rounded up), or null when none waits or its time has come. */
export function secondsUntil(nextAttemptAt: string | null, now: Date): number | null {
  if (nextAttemptAt === null) return null;
  const ms = Date.parse(nextAttemptAt) - now.getTime();
  return Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : null;
}

/** 下次重试：12 秒后 / 下次重试：2 分 05 秒后. */
export function retryCountdown(seconds: number): string {
  if (seconds < 60) return m.nextRetry(`${seconds} 秒`);
  const minutes = Math.floor(seconds / 60);
  return m.nextRetry(`${minutes} 分 ${String(seconds % 60).padStart(2, '0')} 秒`);
}
