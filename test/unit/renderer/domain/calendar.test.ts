import { getWorkdaysInRange } from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingDaysOn,
  CalendarCoverageError,
  CalendarInputError,
  defaultCalendar,
  isWorkingDay,
  workingCalendarSchema,
  workingDaysBetween,
  type WorkingCalendar,
} from '../../../../renderer/src/domain/calendar';
import { formatIsoDate, fromEpochDay, toEpochDay } from '../../../../renderer/src/domain/civilDate';

/** The error `run` throws, failing the test if it returns normally. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function coveredYears(calendar: WorkingCalendar): number[] {
  return Object.keys(calendar.years).map(Number).sort((a, b) => a - b);
}

// An HQ-style calendar for a year chinese-days does not have, to test coverage independently of it.
const hqCalendar2030: WorkingCalendar = {
  version: 'hq-2030.1',
  years: {
    '2030': {
      holidays: ['2030-01-01', '2030-10-01', '2030-10-02', '2030-10-03'],
      workdays: ['2030-09-29'],
    },
  },
};

describe('the default calendar', () => {
  it('holds exactly the years chinese-days has arrangements for: 2004 onwards, with no gaps', () => {
    const years = coveredYears(defaultCalendar());
    expect(years[0]).toBe(2004);
    expect(years).toContain(2026);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i));
  });

  it('names its source and version', () => {
    expect(defaultCalendar().version).toMatch(/^chinese-days@\d+\.\d+\.\d+/);
  });

  it('has 2026 exactly as the State Council notice of 4 November 2025 sets it', () => {
    const range = (month: number, from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => `2026-${String(month).padStart(2, '0')}-${String(from + i).padStart(2, '0')}`);
    expect(defaultCalendar().years['2026']).toEqual({
      holidays: [
        ...range(1, 1, 3), // 元旦 1月1日至3日
        ...range(2, 15, 23), // 春节 2月15日至23日
        ...range(4, 4, 6), // 清明 4月4日至6日
        ...range(5, 1, 5), // 劳动节 5月1日至5日
        ...range(6, 19, 21), // 端午 6月19日至21日
        ...range(9, 25, 27), // 中秋 9月25日至27日
        ...range(10, 1, 7), // 国庆 10月1日至7日
      ],
      // 1月4日（周日）, 2月14日（周六）, 2月28日（周六）, 5月9日（周六）, 9月20日（周日）, 10月10日（周六）上班
      workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    });
  });

  it('agrees with chinese-days itself on every day it covers', () => {
    const calendar = defaultCalendar();
    const years = coveredYears(calendar);
    const first = toEpochDay({ year: years[0]!, month: 1, day: 1 });
    const last = toEpochDay({ year: years.at(-1)!, month: 12, day: 31 });
    const expectedWorking = new Set(getWorkdaysInRange(formatIsoDate(fromEpochDay(first)), formatIsoDate(fromEpochDay(last))));
    for (let day = first; day <= last; day += 1) {
      const date = formatIsoDate(fromEpochDay(day));
      expect(isWorkingDay(date, calendar), date).toBe(expectedWorking.has(date));
    }
  });

  it('passes its own schema after a JSON round trip, as an HQ copy of it would', () => {
    const copy: unknown = JSON.parse(JSON.stringify(defaultCalendar()));
    expect(workingCalendarSchema.parse(copy)).toEqual(defaultCalendar());
  });

  it('is shared and frozen, so no caller can change it for everyone', () => {
    const calendar = defaultCalendar();
    expect(defaultCalendar()).toBe(calendar);
    expect(() => calendar.years['2026']!.holidays.push('2026-12-25')).toThrow(TypeError);
    expect(() => {
      calendar.years['2031'] = { holidays: ['2031-01-01'], workdays: [] };
    }).toThrow(TypeError);
  });
});

describe('addWorkingDays on the default calendar', () => {
  it.each([
    ['2026-09-30', 1, '2026-10-08', 'the first working day after 国庆 (10月1日至7日 off)'],
    ['2026-09-30', 2, '2026-10-09', 'the Friday after 国庆'],
    ['2026-09-30', 3, '2026-10-10', 'the make-up Saturday 10月10日, which is a working day'],
    ['2026-09-30', 4, '2026-10-12', 'skipping the ordinary Sunday 10月11日'],
    ['2026-09-18', 1, '2026-09-20', 'the make-up Sunday 9月20日 before 国庆'],
    ['2026-09-24', 1, '2026-09-28', 'across 中秋 (9月25日至27日)'],
    ['2026-02-13', 1, '2026-02-14', 'the make-up Saturday 2月14日 before 春节'],
    ['2026-02-14', 1, '2026-02-24', 'across 春节 (2月15日至23日)'],
    ['2026-02-27', 1, '2026-02-28', 'the make-up Saturday 2月28日 after 春节'],
    ['2026-02-27', 2, '2026-03-02', 'then the next Monday'],
    ['2025-12-31', 1, '2026-01-04', 'across 元旦 into the make-up Sunday 1月4日'],
    ['2026-04-30', 1, '2026-05-06', 'across 劳动节 (5月1日至5日)'],
  ])('from %s plus %i working days is %s: %s', (start, n, expected) => {
    expect(addWorkingDays(start, n)).toBe(expected);
  });

  it('counts a 20-working-day promise from 2026-09-15 across 中秋 and 国庆 to 2026-10-19', () => {
    // By hand: 16,17,18, 20(调休), 21,22,23,24, 28,29,30, 10/8, 10/9, 10/10(调休), 12,13,14,15,16, 19.
    expect(addWorkingDays('2026-09-15', 20)).toBe('2026-10-19');
    expect(workingDaysBetween(defaultCalendar(), '2026-09-15', '2026-10-19')).toBe(20);
  });

  it('returns the start itself for n = 0, even on a holiday', () => {
    expect(addWorkingDays('2026-10-01', 0)).toBe('2026-10-01');
    expect(addWorkingDays('2026-06-15', 0)).toBe('2026-06-15');
  });

  it('refuses to guess past the last covered year and names the missing year', () => {
    const lastYear = coveredYears(defaultCalendar()).at(-1)!;
    const error = thrownBy(() => addWorkingDays(`${lastYear}-12-30`, 5));
    expect(error).toBeInstanceOf(CalendarCoverageError);
    expect(error).toMatchObject({
      name: 'CalendarCoverageError',
      year: lastYear + 1,
      message: `节假日日历未包含${lastYear + 1}年的安排，无法计算工作日，请先更新日历`,
    });
  });

  it('refuses days before the first covered year too', () => {
    expect(thrownBy(() => isWorkingDay('2003-06-02', defaultCalendar()))).toMatchObject({ year: 2003 });
  });

  it.each(['2026-02-30', '2026-2-3', '', '2026-10-01T09:00:00+08:00', '二〇二六年十月一日'])(
    'refuses the start date %j with a clear message',
    (start) => {
      const error = thrownBy(() => addWorkingDays(start, 1));
      expect(error).toBeInstanceOf(CalendarInputError);
      expect((error as Error).message).toBe(`日期“${start}”无效，应为实际存在的日期，格式如2026-10-01`);
    },
  );

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the day count %d', (n) => {
    const error = thrownBy(() => addWorkingDays('2026-06-01', n));
    expect(error).toBeInstanceOf(CalendarInputError);
    expect((error as Error).message).toBe(`工作日天数应为不小于0的整数，收到的是${n}`);
  });

  it('always lands on a working day that is exactly n working days later', () => {
    const calendar = defaultCalendar();
    const first = toEpochDay({ year: 2004, month: 1, day: 1 });
    const last = toEpochDay({ year: 2026, month: 9, day: 1 });
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: 1, max: 60 }), (startDay, n) => {
        const start = formatIsoDate(fromEpochDay(startDay));
        const due = addWorkingDaysOn(calendar, start, n);
        expect(isWorkingDay(due, calendar)).toBe(true);
        expect(workingDaysBetween(calendar, start, due)).toBe(n);
        expect(workingDaysBetween(calendar, due, start)).toBe(-n);
      }),
    );
  });
});

describe('a calendar sent by HQ', () => {
  it('is used as given: its holidays are off and its make-up Sunday is a working day', () => {
    expect(isWorkingDay('2030-10-01', hqCalendar2030)).toBe(false);
    expect(isWorkingDay('2030-09-29', hqCalendar2030)).toBe(true);
    expect(isWorkingDay('2030-09-28', hqCalendar2030)).toBe(false);
    expect(addWorkingDaysOn(hqCalendar2030, '2030-09-27', 1)).toBe('2030-09-29');
    expect(addWorkingDaysOn(hqCalendar2030, '2030-09-30', 1)).toBe('2030-10-04');
  });

  it('throws CalendarCoverageError naming 2031 when a due date runs into it', () => {
    const error = thrownBy(() => addWorkingDaysOn(hqCalendar2030, '2030-12-27', 5));
    expect(error).toBeInstanceOf(CalendarCoverageError);
    expect((error as CalendarCoverageError).year).toBe(2031);
    expect((error as Error).message).toBe('节假日日历未包含2031年的安排，无法计算工作日，请先更新日历');
  });

  it('does not need the start date\'s own year when the counted days are covered', () => {
    expect(addWorkingDaysOn(hqCalendar2030, '2029-12-31', 1)).toBe('2030-01-02');
  });
});

describe('workingDaysBetween', () => {
  it('counts the days after the first date up to and including the second', () => {
    const calendar = defaultCalendar();
    expect(workingDaysBetween(calendar, '2026-09-30', '2026-10-12')).toBe(4);
    expect(workingDaysBetween(calendar, '2026-10-01', '2026-10-07')).toBe(0);
    expect(workingDaysBetween(calendar, '2026-06-01', '2026-06-01')).toBe(0);
  });

  it('is negative when the second date is earlier, e.g. working days overdue', () => {
    expect(workingDaysBetween(defaultCalendar(), '2026-10-12', '2026-09-30')).toBe(-4);
  });

  it('refuses bad dates and uncovered years', () => {
    expect(thrownBy(() => workingDaysBetween(defaultCalendar(), '2026-06-31', '2026-07-01'))).toBeInstanceOf(CalendarInputError);
    expect(thrownBy(() => workingDaysBetween(hqCalendar2030, '2030-12-01', '2031-01-05'))).toMatchObject({ year: 2031 });
  });
});

describe('workingCalendarSchema', () => {
  const withYear = (year: string, arrangement: unknown) => ({ version: 'v1', years: { [year]: arrangement } });

  function issuesOf(input: unknown) {
    const result = workingCalendarSchema.safeParse(input);
    expect(result.success).toBe(false);
    return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  }

  it('accepts a well-formed calendar', () => {
    expect(workingCalendarSchema.parse(hqCalendar2030)).toEqual(hqCalendar2030);
  });

  it('refuses a date that does not belong to its year, naming the entry', () => {
    expect(issuesOf(withYear('2030', { holidays: ['2030-01-01', '2031-01-01'], workdays: [] }))).toEqual([
      { path: 'years.2030.holidays.1', message: '2030年的安排中出现了不属于该年的日期2031-01-01' },
    ]);
  });

  it('refuses a make-up working day that is not a Saturday or Sunday', () => {
    expect(issuesOf(withYear('2030', { holidays: ['2030-01-01'], workdays: ['2030-10-08'] }))).toEqual([
      { path: 'years.2030.workdays.0', message: '调休上班日2030-10-08不是周六或周日' },
    ]);
  });

  it('refuses a day listed both as a holiday and as a make-up working day', () => {
    expect(issuesOf(withYear('2030', { holidays: ['2030-01-01', '2030-09-29'], workdays: ['2030-09-29'] }))).toEqual([
      { path: 'years.2030.workdays.0', message: '2030-09-29同时被列为放假日和调休上班日' },
    ]);
  });

  it('refuses an impossible date', () => {
    expect(issuesOf(withYear('2030', { holidays: ['2030-02-30'], workdays: [] }))).toEqual([
      { path: 'years.2030.holidays.0', message: '日期“2030-02-30”无效，应为实际存在的日期，格式如2026-10-01' },
    ]);
  });

  it('refuses a year with no days off, which would look covered while holding nothing', () => {
    expect(issuesOf(withYear('2030', { holidays: [], workdays: [] }))).toEqual([
      { path: 'years.2030.holidays', message: '每年的安排至少应包含一个放假日' },
    ]);
  });

  it('refuses a malformed year key, an empty version and a calendar with no years', () => {
    expect(issuesOf(withYear('30', { holidays: ['2030-01-01'], workdays: [] }))).toContainEqual({
      path: 'years.30',
      message: '年份应为四位数字，如2026',
    });
    expect(issuesOf({ version: ' ', years: hqCalendar2030.years })).toEqual([{ path: 'version', message: '日历版本号不能为空' }]);
    expect(issuesOf({ version: 'v1', years: {} })).toEqual([{ path: 'years', message: '日历未包含任何年份的安排' }]);
  });
});
