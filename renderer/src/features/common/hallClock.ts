import { businessDateOf, chinaIso } from '../../data/clock';

/** Now, as stored: ISO 8601 in China Standard Time with its offset (2026-11-28T14:30:00.000+08:00). */
export function nowIso(now: Date = new Date()): string {
  return chinaIso(now);
}

/** The hall's business date now, `YYYY-MM-DD`, whatever zone this machine is set to. */
export function hallToday(now: Date = new Date()): string {
  return businessDateOf(chinaIso(now));
}
