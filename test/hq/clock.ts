/** China Standard Time has had no daylight saving since 1991, so a fixed +08:00 is exact. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as HQ stores it: ISO 8601 with the hall's +08:00 offset. */
export function chinaIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return `${shifted.toISOString().slice(0, 23)}+08:00`;
}

/** The `YYYY-MM-DD` calendar date of an instant in China. */
export function chinaDate(instant: Date): string {
  return chinaIso(instant).slice(0, 10);
}
