import { describe, expect, it } from 'vitest';
import { firstLicenceTextProblem, initialLicenceForm, licenceInputOf, licenceTextFields, licenceTextProblem, termKindOf, yuanToFen, type LicenceFormValues } from '../../../../../renderer/src/features/issuance/licenceForm';
import { licenceDataSchema } from '../../../../../renderer/src/domain/cases/hqDecision';
import { licenceData } from '../../../../hq/support/fixtures';

describe('yuanToFen', () => {
  it.each([
    ['500000', 50_000_000],
    ['500,000.5', 50_000_050],
    ['１００.05元', 10_005],
    [' 0 ', 0],
  ])('reads %s as %i fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it.each(['', '50万', '1.234', '-5', '1e6'])('refuses %s', (text) => {
    expect(yuanToFen(text)).toBeNull();
  });
});

const values: LicenceFormValues = {
    uscc: '91510703MA6BQ7K30Q',
    name: '四川宇顺智联科技有限公司',
    type: '有限责任公司',
    legalRepresentative: '张明远',
    registeredCapital: '1000000',
    businessScope: '软件开发',
    address: '绵阳市涪城区',
    establishedOn: '2026-11-26',
    termKind: 'longTerm',
    termUntil: '',
    registrationAuthority: '绵阳市市场监督管理局',
    issuedOn: '2026-11-26',
};

describe('licenceInputOf', () => {
  it('turns the capital into fen and the chosen 营业期限 into a term: 长期, or to the date given', () => {
    expect(licenceInputOf(values)).toMatchObject({ registeredCapitalFen: 100_000_000, businessTerm: { kind: 'longTerm' } });
    expect(licenceInputOf({ ...values, termKind: 'fixed', termUntil: ' 2046-11-25 ' })).toMatchObject({ businessTerm: { kind: 'fixed', until: '2046-11-25' } });
  });

  it('gives no term while none is chosen, however the date field is filled: 长期 is never assumed', () => {
    expect(licenceInputOf({ ...values, termKind: '', termUntil: '2046-11-25' })).toMatchObject({ businessTerm: undefined });
  });

  it('gives nothing for a capital that is not an amount', () => {
    expect(licenceInputOf({ ...values, registeredCapital: '一百万' })).toBeNull();
  });
});

describe('termKindOf', () => {
  it('takes the two kinds of term and nothing else', () => {
    expect([termKindOf('longTerm'), termKindOf('fixed'), termKindOf('forever'), termKindOf(null)]).toEqual(['longTerm', 'fixed', '', '']);
  });
});

describe('initialLicenceForm', () => {
  const enterprise = { name: '绵阳市星河科技有限公司', uscc: null as string | null, address: '绵阳市涪城区临园路东段 1 号', greenCard: false };

  it('starts from the case with dates today and 营业期限 unchosen', () => {
    expect(initialLicenceForm({ enterprise, licence: null }, '2026-12-07', '绵阳市市场监督管理局')).toMatchObject({
      name: enterprise.name,
      address: enterprise.address,
      establishedOn: '2026-12-07',
      termKind: '',
      termUntil: '',
    });
  });

  it('names the 法定代表人 taken in at intake, for a company being founded', () => {
    const legalRepresentative = { name: '陈大文', idKind: 'hkMacaoPermit' as const, idNumber: 'H60248731', phone: null };
    expect(initialLicenceForm({ enterprise, licence: null, legalRepresentative }, '2026-12-07', '').legalRepresentative).toBe('陈大文');
  });

  it('starts from HQ licence data lacking 营业期限, so the chief adds only the term', () => {
    const { businessTerm: _unknown, ...licence } = licenceData({ issuedOn: '2026-11-28', registeredCapitalFen: 50_000_050 });
    const form = initialLicenceForm({ enterprise, licence: licenceDataSchema.parse(licence) }, '2026-12-07', '');
    expect(form).toMatchObject({ uscc: licence.uscc, name: licence.name, establishedOn: '2026-11-28', termKind: '', registeredCapital: '500,000.50元' });
    expect(licenceInputOf({ ...form, termKind: 'fixed', termUntil: '2046-11-27' })).toMatchObject({ ...licence, registeredCapitalFen: 50_000_050, businessTerm: { kind: 'fixed', until: '2046-11-27' } });
  });
});

describe('licence text fields as typed', () => {
  const unprintable = '“𱍐”（U+31350）文书字库中没有，通知书和执照都打印不出来。请先核对是否录错；确为证件上的用字的，请联系系统管理员补充字库后再办理。';

  it('accepts every field the way it prints, rare characters the fallback font draws included', () => {
    expect(firstLicenceTextProblem({ ...values, legalRepresentative: '𠮷田一郎' })).toBeNull();
  });

  it.each(licenceTextFields)('names a character no document font draws in %s, as intake does', (field) => {
    const typed = { ...values, [field]: `${values[field]}𱍐` };
    expect(licenceTextProblem(field, typed)).toBe(unprintable);
    expect(firstLicenceTextProblem(typed)).toEqual({ field, message: unprintable });
  });

  it('leaves blank fields to the check on submit, which names the licence layout\'s limits', () => {
    expect(licenceTextProblem('name', { ...values, name: '  ' })).toBeNull();
  });

  it('refuses a line break in a one-line field but takes one in 经营范围', () => {
    expect(licenceTextProblem('address', { ...values, address: '绵阳市\n涪城区' })).not.toBeNull();
    expect(licenceTextProblem('businessScope', { ...values, businessScope: '软件开发；\n信息技术咨询服务' })).toBeNull();
  });

  it('names the first field with a problem, in the order of the form', () => {
    expect(firstLicenceTextProblem({ ...values, type: '有限𱍐', address: '😀' })?.field).toBe('type');
  });
});
