import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseNumberDayPrefix,
  caseNumberSchema,
  formatCaseNumber,
  parseCaseNumber,
} from '../../../../../renderer/src/domain/cases/caseNumber';

describe('formatCaseNumber', () => {
  it('writes {hall}{desk}-{yyyymmdd}-{seq} with a four-digit sequence', () => {
    expect(formatCaseNumber({ hallCode: 'FC', deskCode: '03', businessDate: '2026-11-28', seq: 1 })).toBe('FC03-20261128-0001');
  });

  it('lets the sequence grow past 9999 instead of wrapping', () => {
    expect(formatCaseNumber({ hallCode: 'FC', deskCode: '03', businessDate: '2026-11-28', seq: 10000 })).toBe(
      'FC03-20261128-10000',
    );
  });

  it('refuses a zero sequence, a one-digit desk, a lower-case hall and a day that does not exist', () => {
    const good = { hallCode: 'FC', deskCode: '03', businessDate: '2026-11-28', seq: 1 };
    expect(() => formatCaseNumber({ ...good, seq: 0 })).toThrow('当日序号应为从1开始的整数');
    expect(() => formatCaseNumber({ ...good, deskCode: '3' })).toThrow('窗口号应为两位数字');
    expect(() => formatCaseNumber({ ...good, hallCode: 'fc' })).toThrow('大厅代码应为2至6位大写字母或数字');
    expect(() => formatCaseNumber({ ...good, businessDate: '2026-02-30' })).toThrow();
  });
});

describe('parseCaseNumber', () => {
  it('reads the parts back, splitting the desk code off the end of a hall code that itself ends in digits', () => {
    expect(parseCaseNumber('A1B203-20261128-0042')).toEqual({ hallCode: 'A1B2', deskCode: '03', businessDate: '2026-11-28', seq: 42 });
  });

  it('refuses impossible dates, a padded long sequence, a missing part and lower case', () => {
    expect(parseCaseNumber('FC03-20260230-0001')).toBeNull();
    expect(parseCaseNumber('FC03-20261128-00001')).toBeNull();
    expect(parseCaseNumber('FC03-20261128')).toBeNull();
    expect(parseCaseNumber('FC03-20261128-0000')).toBeNull();
    expect(parseCaseNumber('fc03-20261128-0001')).toBeNull();
  });

  it('round-trips every valid number, and two desks never produce the same one', () => {
    const parts = fc.record({
      hallCode: fc.stringMatching(/^[0-9A-Z]{2,6}$/),
      deskCode: fc.stringMatching(/^\d{2}$/),
      businessDate: fc
        .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10)),
      seq: fc.integer({ min: 1, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        expect(parseCaseNumber(formatCaseNumber(a))).toEqual(a);
        const sameDesk = a.hallCode === b.hallCode && a.deskCode === b.deskCode;
        const sameCase = sameDesk && a.businessDate === b.businessDate && a.seq === b.seq;
        if (!sameCase) expect(formatCaseNumber(a)).not.toBe(formatCaseNumber(b));
      }),
    );
  });
});

describe('caseNumberSchema', () => {
  it('takes a number as typed into the search box and yields its canonical form', () => {
    expect(caseNumberSchema.parse('  fc03-20261128-0001 ')).toBe('FC03-20261128-0001');
    expect(caseNumberSchema.safeParse('FC03-2026-0001').error?.issues[0]?.message).toBe(
      '办件号格式不正确（应如 FC03-20261128-0001）',
    );
  });
});

describe('caseNumberDayPrefix', () => {
  it('is the start every number of that desk and day shares, and no other desk’s', () => {
    const prefix = caseNumberDayPrefix({ hallCode: 'FC', deskCode: '03', businessDate: '2026-11-28' });
    expect(prefix).toBe('FC03-20261128-');
    expect(formatCaseNumber({ hallCode: 'FC', deskCode: '03', businessDate: '2026-11-28', seq: 7 }).startsWith(prefix)).toBe(true);
    expect(formatCaseNumber({ hallCode: 'FC', deskCode: '13', businessDate: '2026-11-28', seq: 7 }).startsWith(prefix)).toBe(false);
  });
});
