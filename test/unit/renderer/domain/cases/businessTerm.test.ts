import { describe, expect, it } from 'vitest';
import { businessTermSchema, businessTermText } from '../../../../../renderer/src/domain/cases/businessTerm';

describe('businessTermSchema', () => {
  it('takes 长期, and a fixed term to its last day with or without its own start', () => {
    expect(businessTermSchema.parse({ kind: 'longTerm' })).toEqual({ kind: 'longTerm' });
    expect(businessTermSchema.parse({ kind: 'fixed', until: '2046-12-06' })).toEqual({ kind: 'fixed', until: '2046-12-06' });
    expect(businessTermSchema.parse({ kind: 'fixed', from: '2027-01-01', until: '2046-12-06' })).toEqual({ kind: 'fixed', from: '2027-01-01', until: '2046-12-06' });
  });

  it('refuses a missing or unknown kind of term, in Chinese', () => {
    for (const input of [undefined, null, {}, { kind: 'forever' }, { until: '2046-12-06' }]) {
      const result = businessTermSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.message).toBe('请选择营业期限：长期，或至某日');
    }
  });

  it('refuses a fixed term without a valid last day', () => {
    for (const until of [undefined, '', '2046-13-01', '2046年12月6日']) {
      const result = businessTermSchema.safeParse({ kind: 'fixed', until });
      expect(result.error?.issues[0]).toMatchObject({ path: ['until'], message: '请填写营业期限的截止日期' });
    }
  });
});

describe('businessTermText', () => {
  it('says 长期 for a long term', () => {
    expect(businessTermText({ kind: 'longTerm' }, '2026-12-07')).toBe('长期');
  });

  it('gives a fixed term from 成立日期 unless it names its own start', () => {
    expect(businessTermText({ kind: 'fixed', until: '2046-12-06' }, '2026-12-07')).toBe('2026年12月7日 至 2046年12月6日');
    expect(businessTermText({ kind: 'fixed', from: '2027-01-01', until: '2046-12-06' }, '2026-12-07')).toBe('2027年1月1日 至 2046年12月6日');
  });
});
