import { describe, expect, it } from 'vitest';
import { documentText, legalRepresentativeSchema, personSchema, shareholderSchema, shareholdersSchema } from '../../../../../renderer/src/domain/cases/parties';
import { residentId } from '../../../../fixtures/identities';

const base = { name: '陈大文', phone: '+85291234567' };

describe('personSchema', () => {
  it('reads a person with any of today\'s document kinds, a passport with its nationality', () => {
    expect(personSchema.safeParse({ ...base, idKind: 'hkMacaoPermit', idNumber: 'H12345678' }).success).toBe(true);
    expect(personSchema.safeParse({ ...base, idKind: 'residencePermit', idNumber: residentId('810000', '19900101', 123) }).success).toBe(true);
    expect(personSchema.parse({ ...base, idKind: 'passport', idNumber: 'EP1234567', nationality: 'GBR' })).toMatchObject({ nationality: 'GBR' });
  });

  it('still reads cases stored with the kinds of before: 往来通行证, other, and a passport without nationality', () => {
    for (const idKind of ['travelPermit', 'other']) {
      expect(personSchema.safeParse({ ...base, idKind, idNumber: 'H1234567801' }).success).toBe(true);
    }
    expect(personSchema.safeParse({ ...base, idKind: 'passport', idNumber: 'E1234-5678' }).success).toBe(true);
  });

  it('refuses a number that fails its kind\'s check, with the message naming the kind', () => {
    const valid = residentId('810000', '19900101', 123);
    const wrong = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
    const result = personSchema.safeParse({ ...base, idKind: 'residencePermit', idNumber: wrong });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['idNumber'], message: '港澳台居民居住证号码校验不通过（第18位校验码与前17位不符），请逐位核对' })]);
    expect(personSchema.safeParse({ ...base, idKind: 'residentId', idNumber: '110105194912310021' }).success).toBe(false);
  });

  it('refuses an unknown kind and a nationality that is not an alpha-3 code', () => {
    expect(personSchema.safeParse({ ...base, idKind: 'driverLicence', idNumber: 'H12345678' }).success).toBe(false);
    expect(personSchema.safeParse({ ...base, idKind: 'passport', idNumber: 'EP1234567', nationality: 'gb' }).success).toBe(false);
  });
});

describe('documentText', () => {
  it('shows a 居民身份证 as its number, every other kind named before its number, a passport with its country', () => {
    expect(documentText({ idKind: 'residentId', idNumber: '11010519491231002X' })).toBe('11010519491231002X');
    expect(documentText({ idKind: 'hkMacaoPermit', idNumber: 'H12345678' })).toBe('港澳居民来往内地通行证 H12345678');
    expect(documentText({ idKind: 'passport', idNumber: 'EP1234567', nationality: 'GBR' })).toBe('护照 EP1234567（英国）');
    expect(documentText({ idKind: 'passport', idNumber: 'E1234-5678' })).toBe('护照 E1234-5678');
    expect(documentText({ idKind: 'travelPermit', idNumber: 'H1234567801' })).toBe('往来通行证（旧记录） H1234567801');
  });
});

describe('the people of a company being founded', () => {
  it('take every kind of today\'s documents, a passport with its nationality, the legal representative\'s phone optional', () => {
    expect(legalRepresentativeSchema.safeParse({ name: '陈大文', idKind: 'hkMacaoPermit', idNumber: 'H60248731', phone: null }).success).toBe(true);
    expect(shareholderSchema.safeParse({ name: 'John Smith', idKind: 'passport', idNumber: 'EP7319468', nationality: 'GBR' }).success).toBe(true);
  });

  it('refuse what older cases were allowed: a passport without nationality, the kinds of before, a number not normalised', () => {
    const issues = (value: unknown) => shareholderSchema.safeParse(value).error?.issues.map((issue) => issue.message);
    expect(issues({ name: 'John Smith', idKind: 'passport', idNumber: 'EP7319468' })).toEqual(['请选择护照的国籍']);
    expect(issues({ name: '陈大文', idKind: 'travelPermit', idNumber: 'H60248731' })).toEqual(['请选择证件类型']);
    expect(issues({ name: '陈大文', idKind: 'hkMacaoPermit', idNumber: 'h60248731' })).toEqual(['证件号码应为规范写法（大写字母，不含空格和括号）']);
    expect(issues({ name: '陈大文', idKind: 'hkMacaoPermit', idNumber: 'X60248731' })).toEqual(['港澳居民来往内地通行证号码应为H（香港）或M（澳门）加8位数字，旧版为H或M加10位数字']);
  });

  it('allow at most fifty natural-person shareholders', () => {
    const one = { name: '林美玲', idKind: 'taiwanPermit', idNumber: '08123456' };
    expect(shareholdersSchema.safeParse(Array.from({ length: 50 }, () => one)).success).toBe(true);
    expect(shareholdersSchema.safeParse(Array.from({ length: 51 }, () => one)).error?.issues[0]?.message).toBe('自然人股东最多50名');
  });
});
