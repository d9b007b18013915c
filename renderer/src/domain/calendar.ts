/**
 * Working days under China's public-holiday arrangements (放假 and 调休上班), for due dates such as
 * 承诺时限. The calendar is reference data: a default built from the `chinese-days` package ships with
 * the app and HQ may send a newer one. A day outside the calendar's years is an error naming the year,
 * never a Monday–Friday guess, because a silent guess produces wrong legal deadlines.
 */
import { z } from 'zod';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { version as chineseDaysVersion } from 'chinese-days/package.json';
import { calendarMessages } from './calendarMessages';
import { type CivilDate, formatIsoDate, fromEpochDay, isWeekend, parseIsoDate, toEpochDay } from './civilDate';

/** A day string that is not a real `YYYY-MM-DD` date, or a day count that is not a whole number ≥ 0. */
export class CalendarInputError extends Error {
  override readonly name = 'CalendarInputError';
}

/** The calendar has no arrangement for `year`, so working days there cannot be known. */
export class CalendarCoverageError extends Error {
  override readonly name = 'CalendarCoverageError';
  constructor(readonly year: number) {
    super(calendarMessages.notCovered(year));
  }
}

const isoDateSchema = z.string().refine((text) => parseIsoDate(text) !== null, {
  error: (issue) => calendarMessages.badDate(String(issue.input)),
});

export const workingCalendarYearSchema = z.object({
  /** Official days off, on weekdays or weekends alike. */
  holidays: z.array(isoDateSchema).min(1, calendarMessages.yearWithoutHolidays),
  /** Make-up working days (调休上班) that fall on a Saturday or Sunday. */
  workdays: z.array(isoDateSchema),
});

export const workingCalendarSchema = z
  .object({
    version: z.string().trim().min(1, calendarMessages.emptyVersion),
    years: z.record(z.string(), workingCalendarYearSchema),
  })
  .superRefine((calendar, ctx) => {
    const entries = Object.entries(calendar.years);
    if (entries.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['years'], message: calendarMessages.noYears });
    }
    for (const [year, arrangement] of entries) {
      // Checked here rather than as a record-key schema so the clerk-facing message survives.
      if (!/^\d{4}$/.test(year)) {
        ctx.addIssue({ code: 'custom', path: ['years', year], message: calendarMessages.badYearKey });
      }
      const holidays = new Set(arrangement.holidays);
      for (const [list, dates] of [
        ['holidays', arrangement.holidays],
        ['workdays', arrangement.workdays],
      ] as const) {
        dates.forEach((date, index) => {
          if (!date.startsWith(`${year}-`)) {
            ctx.addIssue({
              code: 'custom',
              path: ['years', year, list, index],
              message: calendarMessages.dateOutsideYear(year, date),
            });
          }
        });
      }
      arrangement.workdays.forEach((date, index) => {
        const path = ['years', year, 'workdays', index];
        const day = parseIsoDate(date);
        if (day && !isWeekend(day)) {
          ctx.addIssue({ code: 'custom', path, message: calendarMessages.makeUpDayNotWeekend(date) });
        }
        if (holidays.has(date)) {
          ctx.addIssue({ code: 'custom', path, message: calendarMessages.holidayAndMakeUpDay(date) });
        }
      });
    }
  });

export type WorkingCalendarYear = z.infer<typeof workingCalendarYearSchema>;
export type WorkingCalendar = z.infer<typeof workingCalendarSchema>;

interface YearLookup {
  readonly holidays: ReadonlySet<number>;
  readonly workdays: ReadonlySet<number>;
}

// Calendars are immutable values; index each one once, by identity, instead of on every question.
const lookups = new WeakMap<WorkingCalendar, ReadonlyMap<number, YearLookup>>();

function lookupFor(calendar: WorkingCalendar): ReadonlyMap<number, YearLookup> {
  let lookup = lookups.get(calendar);
  if (!lookup) {
    const toDays = (dates: readonly string[]) =>
      new Set(dates.map((date) => toEpochDay(parseDate(date))));
    lookup = new Map(
      Object.entries(calendar.years).map(([year, arrangement]) => [
        Number(year),
        { holidays: toDays(arrangement.holidays), workdays: toDays(arrangement.workdays) },
      ]),
    );
    lookups.set(calendar, lookup);
  }
  return lookup;
}

function parseDate(text: string): CivilDate {
  const date = parseIsoDate(text);
  if (!date) throw new CalendarInputError(calendarMessages.badDate(text));
  return date;
}

function isWorkingEpochDay(lookup: ReadonlyMap<number, YearLookup>, epochDay: number): boolean {
  const date = fromEpochDay(epochDay);
  const year = lookup.get(date.year);
  if (!year) throw new CalendarCoverageError(date.year);
  if (year.workdays.has(epochDay)) return true;
  if (year.holidays.has(epochDay)) return false;
  return !isWeekend(date);
}

/** Whether `date` (`YYYY-MM-DD`) is a working day; throws if the calendar does not cover its year. */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  return isWorkingEpochDay(lookupFor(calendar), toEpochDay(parseDate(date)));
}

/**
 * The n-th working day after `start` (the start itself is not counted), as `YYYY-MM-DD`. With n = 0
 * the start is returned unchanged, whatever kind of day it is.
 */
export function addWorkingDaysOn(calendar: WorkingCalendar, start: string, n: number): string {
  let epochDay = toEpochDay(parseDate(start));
  if (!Number.isSafeInteger(n) || n < 0) throw new CalendarInputError(calendarMessages.badDayCount(n));
  const lookup = lookupFor(calendar);
  for (let remaining = n; remaining > 0; ) {
    epochDay += 1;
    if (isWorkingEpochDay(lookup, epochDay)) remaining -= 1;
  }
  return formatIsoDate(fromEpochDay(epochDay));
}

/**
 * Working days in (from, to] — so `workingDaysBetween(c, s, addWorkingDaysOn(c, s, n)) === n` — and
 * the negative count of (to, from] when `to` is earlier, e.g. how many working days a case is overdue.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  const fromDay = toEpochDay(parseDate(from));
  const toDay = toEpochDay(parseDate(to));
  const lookup = lookupFor(calendar);
  const [low, high, sign] = fromDay <= toDay ? [fromDay, toDay, 1] : [toDay, fromDay, -1];
  let count = 0;
  for (let epochDay = low + 1; epochDay <= high; epochDay += 1) {
    if (isWorkingEpochDay(lookup, epochDay)) count += 1;
  }
  return sign * count;
}

// The package's documented JSON: every official day off and every make-up working day, keyed by date.
const chineseDaysSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

function buildDefaultCalendar(): WorkingCalendar {
  const parsed = chineseDaysSchema.safeParse(chineseDaysData);
  if (!parsed.success) throw new Error(calendarMessages.packageDataUnreadable);
  const years: Record<string, WorkingCalendarYear> = {};
  const yearOf = (date: string) => date.slice(0, 4);
  // Only a year with official days off has an arrangement; every real year has some (元旦 at least).
  for (const date of Object.keys(parsed.data.holidays).sort()) {
    (years[yearOf(date)] ??= { holidays: [], workdays: [] }).holidays.push(date);
  }
  for (const date of Object.keys(parsed.data.workdays).sort()) {
    years[yearOf(date)]?.workdays.push(date);
  }
  // Parsing through the same schema as an HQ update keeps the default honest (no stray or clashing days).
  return deepFreeze(workingCalendarSchema.parse({ version: `chinese-days@${chineseDaysVersion}`, years }));
}

function deepFreeze(calendar: WorkingCalendar): WorkingCalendar {
  for (const arrangement of Object.values(calendar.years)) {
    Object.freeze(arrangement.holidays);
    Object.freeze(arrangement.workdays);
    Object.freeze(arrangement);
  }
  Object.freeze(calendar.years);
  return Object.freeze(calendar);
}

let defaultCalendarValue: WorkingCalendar | undefined;

/** The calendar shipped with the app (frozen, shared), built once from `chinese-days`. */
export function defaultCalendar(): WorkingCalendar {
  defaultCalendarValue ??= buildDefaultCalendar();
  return defaultCalendarValue;
}

/** The n-th working day after `startIsoDate` on the default calendar; see `addWorkingDaysOn`. */
export function addWorkingDays(startIsoDate: string, n: number): string {
  return addWorkingDaysOn(defaultCalendar(), startIsoDate, n);
}
