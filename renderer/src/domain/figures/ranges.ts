import { z } from 'zod';
import { isoDateSchema } from '../chineseDate';
import { dayOfWeek, formatIsoDate, fromEpochDay, parseIsoDate, toEpochDay } from '../civilDate';
import { figuresMessages as m } from './messages';

/** Inclusive range of business dates the figures cover (`from` ≤ `to`, at most `maxRangeDays` days). */
export interface FigureRange {
  from: string;
  to: string;
}

/** A year and a leap day: the longest range the screen offers. */
export const maxRangeDays = 366;

export const figureRangeSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((range) => range.from <= range.to, { error: m.rangeBackwards })
  .refine((range) => rangeLength(range) <= maxRangeDays, { error: m.rangeTooLong(maxRangeDays) });

export type RangeKind = 'day' | 'week' | 'month' | 'custom';

export function epochDayOf(date: string): number {
  const parsed = parseIsoDate(date);
  if (parsed === null) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return toEpochDay(parsed);
}

export function dateOfEpochDay(epochDay: number): string {
  return formatIsoDate(fromEpochDay(epochDay));
}

export function rangeLength(range: FigureRange): number {
  return epochDayOf(range.to) - epochDayOf(range.from) + 1;
}

/** Every date of the range, in order. */
export function daysOf(range: FigureRange): string[] {
  const start = epochDayOf(range.from);
  return Array.from({ length: rangeLength(range) }, (_, index) => dateOfEpochDay(start + index));
}

/** The day itself, its week (Monday to Sunday) or its calendar month. */
export function rangeAround(kind: Exclude<RangeKind, 'custom'>, day: string): FigureRange {
  const parsed = parseIsoDate(day);
  if (parsed === null) throw new RangeError(`Not a YYYY-MM-DD date: ${day}`);
  if (kind === 'day') return { from: day, to: day };
  if (kind === 'week') {
    // dayOfWeek: 0 is Sunday; the hall's week starts on Monday.
    const monday = toEpochDay(parsed) - ((dayOfWeek(parsed) + 6) % 7);
    return { from: dateOfEpochDay(monday), to: dateOfEpochDay(monday + 6) };
  }
  const first = toEpochDay({ ...parsed, day: 1 });
  const nextMonth = parsed.month === 12 ? { year: parsed.year + 1, month: 1, day: 1 } : { year: parsed.year, month: parsed.month + 1, day: 1 };
  return { from: dateOfEpochDay(first), to: dateOfEpochDay(toEpochDay(nextMonth) - 1) };
}
