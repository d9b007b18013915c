import { businessDateOf } from '../../domain/chineseDate';
import { chinaIso } from '../../data/clock';

/** The hall's business date now, `YYYY-MM-DD`, whatever zone this machine is set to. */
export function hallToday(now: Date = new Date()): string {
  return businessDateOf(chinaIso(now));
}
