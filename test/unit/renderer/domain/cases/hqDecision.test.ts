import { describe, expect, it } from 'vitest';
import { enteredLicenceDataSchema, licenceDataSchema } from '../../../../../renderer/src/domain/cases/hqDecision';
import { licenceData } from '../../../../hq/support/fixtures';

const licence = { ...licenceData({ establishedOn: '2026-12-07' }), issuedOn: '2026-12-07' };
const { businessTerm: _term, ...withoutTerm } = licence;

describe('licenceDataSchema', () => {
  it('takes licence data with 长期 or a fixed term', () => {
    expect(licenceDataSchema.parse(licence).businessTerm).toEqual({ kind: 'longTerm' });
    expect(licenceDataSchema.parse({ ...licence, businessTerm: { kind: 'fixed', until: '2046-12-06' } }).businessTerm).toEqual({ kind: 'fixed', until: '2046-12-06' });
  });

  it('takes licence data without 营业期限 (an HQ from before the field) and leaves it unknown, not 长期', () => {
    const parsed = licenceDataSchema.parse(withoutTerm);
    expect(parsed.businessTerm).toBeUndefined();
    expect(parsed).not.toHaveProperty('businessTerm');
  });

  it('refuses a fixed term that ends before it starts, from 成立日期 or from its own start', () => {
    const endsBefore = licenceDataSchema.safeParse({ ...licence, businessTerm: { kind: 'fixed', until: '2026-12-06' } });
    expect(endsBefore.error?.issues).toEqual([
      expect.objectContaining({ path: ['businessTerm', 'until'], message: '营业期限的截止日期不能早于起始日期（未另行载明的，起始日期为成立日期）' }),
    ]);
    const ownStart = licenceDataSchema.safeParse({ ...licence, businessTerm: { kind: 'fixed', from: '2030-01-01', until: '2029-12-31' } });
    expect(ownStart.error?.issues.map((issue) => issue.path)).toEqual([['businessTerm', 'until']]);
  });

  it('takes a term that ends on the day it starts, and one restarted after 成立日期', () => {
    expect(licenceDataSchema.safeParse({ ...licence, businessTerm: { kind: 'fixed', until: '2026-12-07' } }).success).toBe(true);
    expect(licenceDataSchema.safeParse({ ...licence, businessTerm: { kind: 'fixed', from: '2036-12-07', until: '2056-12-06' } }).success).toBe(true);
  });

  it('refuses a term that starts before the enterprise was established', () => {
    const result = licenceDataSchema.safeParse({ ...licence, businessTerm: { kind: 'fixed', from: '2026-12-01', until: '2046-12-06' } });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['businessTerm', 'from'], message: '营业期限的起始日期不能早于成立日期' })]);
  });
});

describe('enteredLicenceDataSchema', () => {
  it('requires 营业期限 in licence data entered in the hall', () => {
    const result = enteredLicenceDataSchema.safeParse(withoutTerm);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['businessTerm'], message: '请选择营业期限：长期，或至某日' })]);
    expect(enteredLicenceDataSchema.safeParse(licence).success).toBe(true);
  });

  it('refuses a fixed term ending before 成立日期 like HQ data', () => {
    expect(enteredLicenceDataSchema.safeParse({ ...licence, businessTerm: { kind: 'fixed', until: '2020-01-01' } }).error?.issues[0]?.path).toEqual(['businessTerm', 'until']);
  });
});
