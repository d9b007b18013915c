import { z } from 'zod';
import { formatIsoDate, fromEpochDay, isRealDate, parseIsoDate, toEpochDay } from './civilDate';

/** A calendar date as stored: `2026-11-28`. */
export const isoDateSchema = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
/** An instant as stored: ISO 8601 with an offset (`2026-11-28T14:30:00+08:00`); a bare local time is ambiguous. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, error: '时间须为带时区的 ISO 8601 格式' });

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** China Standard Time has had no daylight saving since 1991, so a fixed +08:00 is exact. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The calendar date a document shows for a stored date or instant. Instants are read in China Standard
 * Time (the hall's zone) whatever offset they were stored with, so `2026-11-27T20:00:00Z` is 28 November.
 */
export function toChinaCalendarDate(iso: string): CalendarDate {
  if (isoDateSchema.safeParse(iso).success) {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    return { year, month, day };
  }
  if (!isoDateTimeSchema.safeParse(iso).success) {
    throw new RangeError(`Not an ISO 8601 date or date-time with offset: ${iso}`);
  }
  const shifted = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/**
 * An instant as stored: ISO 8601 in China Standard Time with its offset (`2026-11-28T14:30:00.000+08:00`),
 * whatever zone the machine is set to. One offset everywhere, so stored times also sort as text.
 */
export function toChinaIsoDateTime(instant: Date): string {
  return `${new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, -1)}+08:00`;
}

/**
 * The hall's business date (`YYYY-MM-DD`) of an instant written with any offset: its calendar date in China
 * Standard Time. Desk and HQ both use this, so the day close counts the same ops on both sides.
 */
export function businessDateOf(at: string): string {
  return formatIsoDate(toChinaCalendarDate(at));
}

/** 2026-11-28 → 2026年11月28日 (no leading zeros, as on notices and licences). */
export function formatChineseDate(iso: string): string {
  const { year, month, day } = toChinaCalendarDate(iso);
  return `${year}年${month}月${day}日`;
}

/** An instant with its China Standard Time clock: 2026年11月28日 14:30. */
export function formatChineseDateTime(iso: string): string {
  if (!isoDateTimeSchema.safeParse(iso).success) {
    throw new RangeError(`Not an ISO 8601 date-time with offset: ${iso}`);
  }
  const shifted = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  const hh = String(shifted.getUTCHours()).padStart(2, '0');
  const mm = String(shifted.getUTCMinutes()).padStart(2, '0');
  return `${formatChineseDate(iso)} ${hh}:${mm}`;
}

/** Separated year, month and day as people type them: 2026年12月8日, 2026-12-8, 2026/12/08, 2026.12.8. */
const SEPARATED_ENTRY = /^(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$/;
/** The same without separators: 20261208. */
const COMPACT_ENTRY = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A date as a clerk types it into a date field, as `YYYY-MM-DD`, or null when it names no real day.
 * Full-width digits and punctuation (a Chinese input method's) count as their ASCII twins.
 */
export function parseChineseDateEntry(text: string): string | null {
  const typed = text.trim().replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
  const match = SEPARATED_ENTRY.exec(typed) ?? COMPACT_ENTRY.exec(typed);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? formatIsoDate({ year, month, day }) : null;
}

/** A stored date `days` days later (earlier when negative): the arrow keys of a date field. */
export function shiftIsoDate(iso: string, days: number): string | null {
  const date = parseIsoDate(iso);
  return date === null ? null : formatIsoDate(fromEpochDay(toEpochDay(date) + days));
}
