import { isoDateTimeSchema, toChinaIsoDateTime } from '../domain/chineseDate';

/**
 * An instant as the desk stores it: ISO 8601 at +08:00 with milliseconds, e.g.
 * `2026-11-28T09:15:00.000+08:00`. One offset everywhere makes stored times sort as text, which the
 * `createdAt` index relies on. A string is re-expressed at +08:00; a string without an offset is refused.
 */
export function chinaIso(instant: Date | string = new Date()): string {
  let ms: number;
  if (typeof instant === 'string') {
    if (!isoDateTimeSchema.safeParse(instant).success) throw new RangeError(`not an ISO 8601 date-time with offset: ${instant}`);
    ms = Date.parse(instant);
  } else {
    ms = instant.getTime();
  }
  if (!Number.isFinite(ms)) throw new RangeError('invalid instant');
  return toChinaIsoDateTime(new Date(ms));
}

