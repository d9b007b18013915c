import { describe, expect, it } from 'vitest';
import { licenceInputOf, yuanToFen, type LicenceFormValues } from '../../../../../renderer/src/features/issuance/licenceForm';

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

describe('licenceInputOf', () => {
  const values: LicenceFormValues = {
    uscc: '91510703MA6BQ7K30Q',
    name: '四川宇顺智联科技有限公司',
    type: '有限责任公司',
    legalRepresentative: '张明远',
    registeredCapital: '1000000',
    businessScope: '软件开发',
    address: '绵阳市涪城区',
    establishedOn: '2026-11-26',
    termUntil: ' ',
    registrationAuthority: '绵阳市市场监督管理局',
    issuedOn: '2026-11-26',
  };

  it('turns the capital into fen and a blank term into 长期 (null)', () => {
    expect(licenceInputOf(values)).toMatchObject({ registeredCapitalFen: 100_000_000, termUntil: null });
    expect(licenceInputOf({ ...values, termUntil: '2046-11-25' })).toMatchObject({ termUntil: '2046-11-25' });
  });

  it('gives nothing for a capital that is not an amount', () => {
    expect(licenceInputOf({ ...values, registeredCapital: '一百万' })).toBeNull();
  });
});
