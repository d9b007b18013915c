import { describe, expect, it } from 'vitest';
import { daysOf, figureRangeSchema, rangeAround, rangeLength } from '../../../../../renderer/src/domain/figures/ranges';

describe('figure ranges', () => {
  it('gives the day, its Monday-to-Sunday week and its calendar month', () => {
    expect(rangeAround('day', '2026-10-01')).toEqual({ from: '2026-10-01', to: '2026-10-01' });
    expect(rangeAround('week', '2026-10-01')).toEqual({ from: '2026-09-28', to: '2026-10-04' });
    expect(rangeAround('week', '2026-10-04')).toEqual({ from: '2026-09-28', to: '2026-10-04' });
    expect(rangeAround('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(rangeAround('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('lists every day across a month end', () => {
    expect(daysOf({ from: '2026-09-29', to: '2026-10-02' })).toEqual(['2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02']);
    expect(rangeLength({ from: '2026-01-01', to: '2026-12-31' })).toBe(365);
  });

  it('refuses a backwards range or one longer than a year, in Chinese', () => {
    expect(figureRangeSchema.safeParse({ from: '2026-10-02', to: '2026-10-01' }).error?.issues[0]?.message).toBe('起始日期不能晚于结束日期');
    expect(figureRangeSchema.safeParse({ from: '2025-01-01', to: '2026-01-02' }).error?.issues[0]?.message).toBe('统计范围最长 366 天');
    expect(figureRangeSchema.safeParse({ from: '2028-01-01', to: '2028-12-31' }).success).toBe(true);
  });
});
