import { toChinaIsoDateTime } from '../../renderer/src/domain/chineseDate';

/** An instant as HQ stores it: ISO 8601 with the hall's +08:00 offset, as the desk does. */
export const chinaIso = toChinaIsoDateTime;

/** The `YYYY-MM-DD` calendar date of an instant in China. */
export function chinaDate(instant: Date): string {
  return chinaIso(instant).slice(0, 10);
}
