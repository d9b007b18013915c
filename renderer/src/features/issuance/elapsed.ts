import { issuanceMessages } from './messages';

const m = issuanceMessages.elapsed;

/** Whole minutes as the hall says it: 45分, 1小时52分, 2天3小时0分. */
export function formatElapsed(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError(`formatElapsed: minutes must be a non-negative integer, got ${minutes}`);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return m.days(days, hours, rest);
  if (hours > 0) return m.hours(hours, rest);
  return m.minutes(rest);
}
