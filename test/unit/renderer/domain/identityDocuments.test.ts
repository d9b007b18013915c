import { describe, expect, it } from 'vitest';
import { countries, countryByCode, countryByNumeric } from '../../../../renderer/src/domain/countries';
import {
  checkIdentityDocument,
  checkNationality,
  identityDocumentKinds,
  identityDocumentLabel,
  type IdentityDocumentCheck,
  type IdentityDocumentKind,
} from '../../../../renderer/src/domain/identityDocuments';
import { residentId } from '../../../fixtures/identities';

const TODAY = '2026-12-07';

function check(kind: IdentityDocumentKind, number: string): IdentityDocumentCheck {
  return checkIdentityDocument(kind, number, TODAY);
}

/** The refusal, failing the test if the number was accepted. */
function refusal(result: IdentityDocumentCheck): { reason: string; message: string } {
  if (result.ok) throw new Error(`expected the number to be refused, got ${result.normalised}`);
  return { reason: result.reason, message: result.message };
}

/** The same number with its last (check) character replaced by a wrong one. */
function wrongCheckDigit(number: string): string {
  const last = number.charAt(17);
  return number.slice(0, 17) + (last === '0' ? '1' : '0');
}

describe('checkIdentityDocument', () => {
  it('refuses an empty number naming the kind, for every kind', () => {
    for (const kind of identityDocumentKinds) {
      expect(refusal(check(kind, '  '))).toEqual({ reason: 'empty', message: `请填写${identityDocumentLabel(kind)}号码` });
    }
  });

  describe('居民身份证', () => {
    it('accepts a number with a good check digit, stored upper case without spaces', () => {
      expect(check('residentId', '110105 19491231 002x')).toEqual({ ok: true, normalised: '11010519491231002X' });
    });

    it('refuses a wrong check digit with the message of 居民身份证', () => {
      expect(refusal(check('residentId', '110105194912310021'))).toEqual({
        reason: 'checkDigit',
        message: '居民身份证号码校验不通过（第18位校验码与前17位不符），请逐位核对',
      });
    });

    it('refuses an impossible birth date and a wrong length', () => {
      expect(refusal(check('residentId', residentId('110105', '19490230', 21))).reason).toBe('birthDate');
      expect(refusal(check('residentId', '11010519491231002')).reason).toBe('length');
    });

    it('says which kind was meant when a 居住证 or a 2023 永居证 number is typed as 居民身份证', () => {
      expect(refusal(check('residentId', residentId('810000', '19900101', 123)))).toEqual({
        reason: 'otherKind',
        message: '这是港澳台居民居住证号码，不是居民身份证号码，请将证件类型改为港澳台居民居住证',
      });
      expect(refusal(check('residentId', residentId('931840', '19880215', 7))).message).toContain('请将证件类型改为外国人永久居留身份证');
    });
  });

  describe('港澳台居民居住证', () => {
    it.each(['810000', '820000', '830000'])('accepts a number starting %s with a good check digit', (prefix) => {
      const number = residentId(prefix, '19900101', 123);
      expect(check('residencePermit', number)).toEqual({ ok: true, normalised: number });
    });

    it('refuses a wrong check digit naming 港澳台居民居住证', () => {
      expect(refusal(check('residencePermit', wrongCheckDigit(residentId('810000', '19900101', 123))))).toEqual({
        reason: 'checkDigit',
        message: '港澳台居民居住证号码校验不通过（第18位校验码与前17位不符），请逐位核对',
      });
    });

    it('refuses a mainland 居民身份证 number: the address code must be 810000, 820000 or 830000', () => {
      expect(refusal(check('residencePermit', '11010519491231002X'))).toEqual({
        reason: 'prefix',
        message: '港澳台居民居住证号码应以810000（香港）、820000（澳门）或830000（台湾）开头',
      });
    });

    it('refuses a wrong length, a letter inside and a birth date that does not exist or is to come', () => {
      expect(refusal(check('residencePermit', '81000019900101123'))).toEqual({ reason: 'length', message: '港澳台居民居住证号码应为18位，当前为17位' });
      expect(refusal(check('residencePermit', '8100001990A101123X'))).toEqual({ reason: 'charset', message: '港澳台居民居住证号码第11位“A”不是有效字符' });
      expect(refusal(check('residencePermit', residentId('820000', '19900231', 5))).reason).toBe('birthDate');
      expect(refusal(check('residencePermit', residentId('820000', '20270101', 5))).message).toBe('港澳台居民居住证号码中的出生日期2027-01-01晚于今天，请核对');
    });
  });

  describe('港澳居民来往内地通行证', () => {
    it.each([
      ['H12345678', 'H12345678'],
      ['m 1234 5678', 'M12345678'],
      ['H1234567801', 'H1234567801'],
      ['Ｈ１２３４５６７８', 'H12345678'],
    ])('accepts %s as %s (H or M and 8 digits, older cards 10)', (typed, normalised) => {
      expect(check('hkMacaoPermit', typed)).toEqual({ ok: true, normalised });
    });

    it.each(['X12345678', 'H1234567', 'H123456789', '12345678', 'HM1234567'])('refuses %s naming the permit and its format', (typed) => {
      expect(refusal(check('hkMacaoPermit', typed))).toEqual({
        reason: 'format',
        message: '港澳居民来往内地通行证号码应为H（香港）或M（澳门）加8位数字，旧版为H或M加10位数字',
      });
    });
  });

  describe('台湾居民来往大陆通行证', () => {
    it.each([
      ['12345678', '12345678'],
      ['1234 5678', '12345678'],
      ['0123456789', '0123456789'],
      ['12345678(b1)', '12345678B1'],
    ])('accepts %s as %s (8 digits, older booklets 10 characters)', (typed, normalised) => {
      expect(check('taiwanPermit', typed)).toEqual({ ok: true, normalised });
    });

    it.each(['1234567', '123456789', 'T1234567', '12345678901'])('refuses %s naming the permit', (typed) => {
      expect(refusal(check('taiwanPermit', typed))).toEqual({ reason: 'format', message: '台湾居民来往大陆通行证号码应为8位数字，旧版为10位数字或字母' });
    });
  });

  describe('外国人永久居留身份证', () => {
    it('accepts the 2023 card: 9, province, ISO 3166 numeric nationality, birth date, order, MOD 11-2 check digit', () => {
      const american = residentId('931840', '19880215', 7);
      expect(check('foreignPermanentResident', american)).toEqual({ ok: true, normalised: american });
    });

    it('refuses a 2023 card with a wrong check digit naming the card', () => {
      expect(refusal(check('foreignPermanentResident', wrongCheckDigit(residentId('931840', '19880215', 7))))).toEqual({
        reason: 'checkDigit',
        message: '外国人永久居留身份证号码校验不通过（第18位校验码与前17位不符），请逐位核对',
      });
    });

    it('refuses a 2023 card whose nationality code is not in ISO 3166, or whose birth date does not exist', () => {
      expect(refusal(check('foreignPermanentResident', residentId('931999', '19880215', 7)))).toEqual({
        reason: 'nationality',
        message: '外国人永久居留身份证号码中的国籍代码“999”不是有效的国家或地区代码',
      });
      expect(refusal(check('foreignPermanentResident', residentId('931840', '19881315', 7))).reason).toBe('birthDate');
    });

    it('accepts the 2017 card: ISO 3166 alpha-3 nationality and 12 digits', () => {
      expect(check('foreignPermanentResident', 'usa 3100 8802 1501')).toEqual({ ok: true, normalised: 'USA310088021501' });
    });

    it('refuses a 2017 card whose letters are no nationality', () => {
      expect(refusal(check('foreignPermanentResident', 'XYZ310088021501'))).toEqual({
        reason: 'nationality',
        message: '外国人永久居留身份证号码中的国籍代码“XYZ”不是有效的国家或地区代码',
      });
    });

    it.each(['USA31008802150', 'US3100880215011', '131840198802150070', '93184019880215007'])('refuses %s, which has neither format', (typed) => {
      expect(refusal(check('foreignPermanentResident', typed))).toEqual({
        reason: 'format',
        message: '外国人永久居留身份证号码应为18位（2023年版，以9开头）或15位（2017年版，3位字母加12位数字）',
      });
    });
  });

  describe('护照', () => {
    it.each([
      ['E12345678', 'E12345678'],
      ['ep 123 4567', 'EP1234567'],
      ['12345', '12345'],
      ['A1234567890123456', 'A1234567890123456'],
    ])('accepts %s as %s (5 to 17 letters or digits)', (typed, normalised) => {
      expect(check('passport', typed)).toEqual({ ok: true, normalised });
    });

    it.each(['1234', 'A12345678901234567', 'E1234-5678', '护照E123456'])('refuses %s naming 护照', (typed) => {
      expect(refusal(check('passport', typed))).toEqual({ reason: 'format', message: '护照号码应为5至17位字母或数字' });
    });
  });
});

describe('checkNationality', () => {
  it('takes an alpha-3 or an alpha-2 code in any case and answers the country, stored as alpha-3', () => {
    expect(checkNationality('usa')).toEqual({ ok: true, country: { alpha3: 'USA', alpha2: 'US', numeric: '840', name: '美国' } });
    expect(checkNationality(' gb ')).toMatchObject({ ok: true, country: { alpha3: 'GBR', name: '英国' } });
  });

  it('refuses a missing and an unknown code', () => {
    expect(checkNationality('')).toEqual({ ok: false, message: '请选择护照的国籍' });
    expect(checkNationality('XX')).toEqual({ ok: false, message: '护照国籍“XX”不是有效的国家或地区代码（ISO 3166）' });
  });
});

describe('countries', () => {
  it('lists every ISO 3166-1 country once, each with its three codes and a Chinese name', () => {
    expect(countries).toHaveLength(249);
    expect(new Set(countries.map((country) => country.alpha3)).size).toBe(249);
    for (const country of countries) {
      expect(country.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(country.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(country.numeric).toMatch(/^\d{3}$/);
      expect(country.name).toMatch(/\p{Script=Han}/u);
    }
  });

  it('names Hong Kong, Macao and Taiwan as parts of China', () => {
    expect(countryByCode('HKG')?.name).toBe('中国香港');
    expect(countryByCode('MO')?.name).toBe('中国澳门');
    expect(countryByNumeric('158')?.name).toBe('中国台湾');
  });
});
