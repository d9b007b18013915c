import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayOfWeek,
  formatIsoDate,
  fromEpochDay,
  isRealDate,
  localToday,
  parseIsoDate,
  toEpochDay,
} from '../../../../renderer/src/domain/civilDate';

describe('parseIsoDate', () => {
  it('reads a real YYYY-MM-DD date', () => {
    expect(parseIsoDate('2026-10-01')).toEqual({ year: 2026, month: 10, day: 1 });
  });

  it('accepts 29 February only in leap years (2000 yes, 1900 and 2026 no)', () => {
    expect(parseIsoDate('2000-02-29')).not.toBeNull();
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
    expect(parseIsoDate('1900-02-29')).toBeNull();
    expect(parseIsoDate('2026-02-29')).toBeNull();
  });

  it.each(['2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-5', '2026/10/01', '2026-10-01T08:00:00+08:00', '', ' 2026-10-01'])(
    'refuses %j',
    (text) => {
      expect(parseIsoDate(text)).toBeNull();
    },
  );
});

describe('isRealDate', () => {
  it('refuses non-integers', () => {
    expect(isRealDate(2026, 1.5, 1)).toBe(false);
  });
});

describe('epoch days', () => {
  it('counts from 1970-01-01 like Date.UTC does', () => {
    expect(toEpochDay({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(toEpochDay({ year: 2026, month: 10, day: 1 })).toBe(Date.UTC(2026, 9, 1) / 86_400_000);
    expect(toEpochDay({ year: 1900, month: 1, day: 1 })).toBe(Date.UTC(1900, 0, 1) / 86_400_000);
  });

  it('round-trips every day between 1800 and 2200 and agrees with Date on the weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay({ year: 1800, month: 1, day: 1 }), max: toEpochDay({ year: 2200, month: 12, day: 31 }) }), (epochDay) => {
        const date = fromEpochDay(epochDay);
        expect(isRealDate(date.year, date.month, date.day)).toBe(true);
        expect(toEpochDay(date)).toBe(epochDay);
        expect(dayOfWeek(date)).toBe(new Date(epochDay * 86_400_000).getUTCDay());
      }),
    );
  });
});

describe('formatIsoDate', () => {
  it('pads to YYYY-MM-DD', () => {
    expect(formatIsoDate({ year: 2026, month: 2, day: 3 })).toBe('2026-02-03');
  });
});

describe('localToday', () => {
  it('takes the local calendar day of the given instant', () => {
    expect(localToday(new Date(2026, 10, 28, 23, 59))).toEqual({ year: 2026, month: 11, day: 28 });
  });
});
