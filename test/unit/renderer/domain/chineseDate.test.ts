import { describe, expect, it } from 'vitest';
import {
  businessDateOf,
  formatChineseDate,
  formatChineseDateTime,
  isoDateTimeSchema,
  parseChineseDateEntry,
  shiftIsoDate,
  toChinaCalendarDate,
  toChinaIsoDateTime,
} from '../../../../renderer/src/domain/chineseDate';

describe('formatChineseDate', () => {
  it('shows a stored date without leading zeros', () => {
    expect(formatChineseDate('2026-11-28')).toBe('2026年11月28日');
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日');
  });

  it('reads an instant in China Standard Time whatever offset it was stored with', () => {
    expect(formatChineseDate('2026-11-28T09:00:00+08:00')).toBe('2026年11月28日');
    expect(formatChineseDate('2026-11-27T20:00:00Z')).toBe('2026年11月28日');
    expect(formatChineseDate('2026-11-28T23:30:00-05:00')).toBe('2026年11月29日');
  });

  it('refuses a date-time without an offset and an impossible date', () => {
    expect(() => formatChineseDate('2026-11-28T09:00:00')).toThrow(RangeError);
    expect(() => formatChineseDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatChineseDate('28/11/2026')).toThrow(RangeError);
  });
});

describe('formatChineseDateTime', () => {
  it('adds the China Standard Time clock', () => {
    expect(formatChineseDateTime('2026-11-28T06:05:00Z')).toBe('2026年11月28日 14:05');
  });

  it('refuses a bare date, which has no clock', () => {
    expect(() => formatChineseDateTime('2026-11-28')).toThrow(RangeError);
  });
});

describe('toChinaCalendarDate', () => {
  it('crosses a year end in China Standard Time', () => {
    expect(toChinaCalendarDate('2026-12-31T16:00:00Z')).toEqual({ year: 2027, month: 1, day: 1 });
  });
});

describe('businessDateOf', () => {
  it('is the China calendar date of an instant, whatever offset it was written with written with another offset on the China calendar', () => {
    expect(businessDateOf('2026-11-27T16:30:00Z')).toBe('2026-11-28');
    expect(businessDateOf('2026-11-27T15:59:59Z')).toBe('2026-11-27');
    expect(businessDateOf('2026-11-28T01:00:00+09:00')).toBe('2026-11-28');
    expect(businessDateOf('2026-11-27T23:59:00-01:00')).toBe('2026-11-28');
    expect(businessDateOf('2026-11-28T23:59:59+08:00')).toBe('2026-11-28');
    expect(businessDateOf('2026-11-27T15:59:59.999Z')).toBe('2026-11-27');
  });
});

describe('toChinaIsoDateTime', () => {
  it('writes an instant in China Standard Time with its +08:00 offset, whatever zone it came from', () => {
    expect(toChinaIsoDateTime(new Date('2026-11-27T20:00:00Z'))).toBe('2026-11-28T04:00:00.000+08:00');
    expect(toChinaIsoDateTime(new Date('2026-11-28T09:30:15.250+08:00'))).toBe('2026-11-28T09:30:15.250+08:00');
  });

  it('gives a value the stored-instant schema accepts and that reads back as the same instant', () => {
    const instant = new Date('2026-01-01T00:00:00Z');
    const stored = toChinaIsoDateTime(instant);
    expect(isoDateTimeSchema.parse(stored)).toBe(stored);
    expect(Date.parse(stored)).toBe(instant.getTime());
  });
});

describe('parseChineseDateEntry', () => {
  it('reads a date typed the Chinese way, with or without 日 and leading zeros', () => {
    expect(parseChineseDateEntry('2026年12月8日')).toBe('2026-12-08');
    expect(parseChineseDateEntry('2026年12月8')).toBe('2026-12-08');
    expect(parseChineseDateEntry(' 2026 年 1 月 05 日 ')).toBe('2026-01-05');
  });

  it('reads the separators and digits a keyboard or a Chinese input method gives', () => {
    expect(parseChineseDateEntry('2026-12-08')).toBe('2026-12-08');
    expect(parseChineseDateEntry('2026/12/8')).toBe('2026-12-08');
    expect(parseChineseDateEntry('2026.12.8')).toBe('2026-12-08');
    expect(parseChineseDateEntry('20261208')).toBe('2026-12-08');
    expect(parseChineseDateEntry('２０２６年１２月８日')).toBe('2026-12-08');
    expect(parseChineseDateEntry('２０２６／１２／８')).toBe('2026-12-08');
  });

  it('refuses days that do not exist and orders other than year, month, day', () => {
    expect(parseChineseDateEntry('2026年2月29日')).toBeNull();
    expect(parseChineseDateEntry('2028年2月29日')).toBe('2028-02-29');
    expect(parseChineseDateEntry('2026-13-01')).toBeNull();
    expect(parseChineseDateEntry('12/08/2026')).toBeNull();
    expect(parseChineseDateEntry('26-12-08')).toBeNull();
    expect(parseChineseDateEntry('2026128')).toBeNull();
    expect(parseChineseDateEntry('2026年12月')).toBeNull();
    expect(parseChineseDateEntry('')).toBeNull();
  });
});

describe('shiftIsoDate', () => {
  it('moves across months, years and leap days', () => {
    expect(shiftIsoDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftIsoDate('2028-03-01', -1)).toBe('2028-02-29');
    expect(shiftIsoDate('2026-12-08', 0)).toBe('2026-12-08');
  });

  it('gives nothing for a value that is not a stored date', () => {
    expect(shiftIsoDate('', 1)).toBeNull();
    expect(shiftIsoDate('2026-02-30', 1)).toBeNull();
  });
});
