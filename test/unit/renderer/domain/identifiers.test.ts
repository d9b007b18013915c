import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  checkMobile,
  checkResidentId,
  checkUscc,
  isValidResidentId,
  isValidUscc,
  mobileNumberSchema,
  residentIdSchema,
  usccSchema,
  type MobileNumber,
  type ResidentId,
  type Uscc,
} from '../../../../renderer/src/domain/identifiers';
import { identifierMessages } from '../../../../renderer/src/domain/identifierMessages';

/** The refusal's error, failing the test if the value was accepted. */
function errorOf<E>(result: { ok: true } | { ok: false; error: E }): E {
  if (result.ok) throw new Error('expected the value to be refused');
  return result.error;
}

// Codes published for real organisations (business registers, standard texts, widely used examples).
// Each was checked by hand against both check-character rules before being listed here.
const PUBLISHED_USCCS: ReadonlyArray<readonly [string, string]> = [
  ['91350100M000100Y43', 'the example used throughout GB 32100 write-ups'],
  ['911100001000080343', 'a Beijing enterprise (published example)'],
  ['91440300708461136T', '腾讯科技（深圳）有限公司'],
  ['914403001922038216', '华为技术有限公司'],
  ['91330100799655058B', '阿里巴巴（中国）有限公司'],
  ['91110108551385082Q', '小米科技有限责任公司'],
  ['91110000802100433B', '百度在线网络技术（北京）有限公司'],
  ['91520000214434146R', '贵州茅台酒股份有限公司'],
  ['91100000100003962T', '中国工商银行股份有限公司 (division code 100000: a central registration)'],
  ['91110000710926094P', '中国石油化工股份有限公司'],
  ['112302070019030687', 'a government organ (机构编制 / 机关)'],
  ['121526004609138637', 'a public institution (机构编制 / 事业单位)'],
  ['51100000500019541K', 'a national social organisation (民政 / 社会团体)'],
  ['52610500MJU60350X1', 'a private non-enterprise unit (民政 / 民办非企业单位)'],
  ['92510100MA61WJ3204', 'an individual business in Chengdu (工商 / 个体工商户)'],
  ['91341000MA2N0ABGXX', 'an enterprise whose organisation-code check character is X'],
];

// Published resident ID numbers: GB 11643-1999's own example and examples repeated in many validators.
const PUBLISHED_RESIDENT_IDS = [
  { id: '11010519491231002X', birthDate: '1949-12-31', sex: '女', province: '北京市' },
  { id: '34052419800101001X', birthDate: '1980-01-01', sex: '男', province: '安徽省' },
  { id: '53010219200508011X', birthDate: '1920-05-08', sex: '男', province: '云南省' },
  { id: '620102195603025028', birthDate: '1956-03-02', sex: '女', province: '甘肃省' },
  { id: '510723198006202551', birthDate: '1980-06-20', sex: '男', province: '四川省' },
  { id: '632801197908170036', birthDate: '1979-08-17', sex: '男', province: '青海省' },
  { id: '310109198002147295', birthDate: '1980-02-14', sex: '男', province: '上海市' },
] as const;

// An independent, deliberately plain reading of the two USCC rules, used only to generate many more
// valid codes for the property tests; the published codes above are the real proof.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function completeUscc(first16: string): string {
  const body = first16.slice(8, 16);
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  let orgSum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i]!;
    orgSum += (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55) * orgWeights[i]!;
  }
  const orgCheck = { 10: 'X', 11: '0' }[11 - (orgSum % 11)] ?? String(11 - (orgSum % 11));
  const first17 = first16 + orgCheck;
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    sum += CHARSET.indexOf(first17[i]!) * weight;
    weight = (weight * 3) % 31;
  }
  return first17 + CHARSET[(31 - (sum % 31)) % 31];
}

const usccPrefix = fc
  .tuple(
    fc.constantFrom(...'123456789ANY'),
    fc.constantFrom(...'1239'),
    fc.stringMatching(/^\d{6}$/),
    fc.array(fc.constantFrom(...CHARSET), { minLength: 8, maxLength: 8 }),
  )
  .map(([authority, type, division, body]) => `${authority}${type}${division}${body.join('')}`);

describe('isValidUscc / checkUscc', () => {
  it.each(PUBLISHED_USCCS)('accepts the published code %s (%s)', (code) => {
    expect(isValidUscc(code)).toBe(true);
    expect(checkUscc(code)).toMatchObject({ ok: true, value: code });
  });

  it('reads the registration department, institution type, division and organisation code', () => {
    expect(checkUscc('91350100M000100Y43')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
      registrationAuthority: { code: '9', name: '工商（市场监管）' },
      institutionType: { code: '1', name: '企业' },
      divisionCode: '350100',
      orgCode: 'M000100Y4',
    });
    expect(checkUscc('92510100MA61WJ3204')).toMatchObject({ institutionType: { code: '2', name: '个体工商户' } });
    expect(checkUscc('52610500MJU60350X1')).toMatchObject({
      registrationAuthority: { code: '5', name: '民政' },
      institutionType: { code: '2', name: '民办非企业单位' },
    });
    expect(checkUscc('121526004609138637')).toMatchObject({
      registrationAuthority: { code: '1', name: '机构编制' },
      institutionType: { code: '2', name: '事业单位' },
    });
  });

  it('accepts a code from a department not in the published table but leaves its names empty', () => {
    const code = completeUscc('B1350100M000100Y');
    expect(checkUscc(code)).toMatchObject({
      ok: true,
      registrationAuthority: { code: 'B', name: null },
      institutionType: { code: '1', name: null },
    });
  });

  it('normalises lower case, full-width characters and spaces to the canonical code', () => {
    expect(checkUscc('91350100m000100y43')).toMatchObject({ ok: true, value: '91350100M000100Y43' });
    expect(checkUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toMatchObject({ ok: true, value: '91350100M000100Y43' });
    expect(checkUscc(' 9135 0100 M000 100Y 43\t')).toMatchObject({ ok: true, value: '91350100M000100Y43' });
  });

  it.each(['', '   ', '\u3000'])('refuses an empty code %j', (code) => {
    expect(errorOf(checkUscc(code))).toEqual({ kind: 'empty', message: identifierMessages.uscc.empty });
  });

  it.each([
    ['91350100M000100Y4', 17],
    ['91350100M000100Y433', 19],
    ['9135010', 7],
  ])('refuses %s because it is not 18 characters', (code, count) => {
    const error = errorOf(checkUscc(code));
    expect(error.kind).toBe('length');
    expect(error.message).toBe(`统一社会信用代码应为18位，当前为${count}位`);
  });

  it('counts characters, not UTF-16 units, when reporting the length', () => {
    expect(errorOf(checkUscc('91350100M000100Y43𠮷')).message).toContain('当前为19位');
  });

  it.each([
    ['I', '91350100I000100Y43', 9],
    ['O', '91350100MO00100Y43', 10],
    ['S', '91350100M000100S43', 16],
    ['V', 'V1350100M000100Y43', 1],
    ['Z', '91350100M000100Y4Z', 18],
    ['a hyphen', '91350100-000100Y43', 9],
    ['a Chinese character', '91350100M000100Y4码', 18],
  ])('refuses a code containing %s and names the position', (_label, code, position) => {
    const error = errorOf(checkUscc(code));
    expect(error.kind).toBe('charset');
    expect(error.message).toContain(`第${position}位`);
  });

  it('refuses letters in the division code (positions 3–8)', () => {
    expect(errorOf(checkUscc('91A50100M000100Y43'))).toEqual({
      kind: 'divisionCode',
      message: identifierMessages.uscc.divisionCode,
    });
  });

  it('refuses a code whose 18th character is wrong', () => {
    expect(errorOf(checkUscc('91350100M000100Y44'))).toEqual({
      kind: 'checkDigit',
      message: identifierMessages.uscc.checkDigit,
    });
  });

  it('points at positions 9–17 when the organisation code inside is mistyped', () => {
    expect(errorOf(checkUscc('91350100M000100Y53'))).toEqual({
      kind: 'orgCodeCheckDigit',
      message: identifierMessages.uscc.orgCodeCheckDigit,
    });
  });

  it('refuses 123456789012345678: its 18th character fits, but its organisation code does not', () => {
    // GB 11714 on body 34567890: 3·3+4·7+5·9+6·10+7·5+8·8+9·4+0·2 = 277; 277 mod 11 = 2; 11 − 2 = 9 ≠ 1.
    expect(errorOf(checkUscc('123456789012345678')).kind).toBe('orgCodeCheckDigit');
    expect(isValidUscc('123456789012345678')).toBe(false);
  });

  it('accepts codes built by the published rules', () => {
    fc.assert(fc.property(usccPrefix, (prefix) => isValidUscc(completeUscc(prefix))));
  });

  it('accepts an organisation check value of 11 written as 0, and 10 written as X', () => {
    // Published codes: MA61WJ32 has check value 11 (written 0); MA2N0ABG has check value 10 (written X).
    expect(checkUscc('92510100MA61WJ3204')).toMatchObject({ ok: true, orgCode: 'MA61WJ320' });
    expect(checkUscc('91341000MA2N0ABGXX')).toMatchObject({ ok: true, orgCode: 'MA2N0ABGX' });
    // Body 00000000 sums to 0, so its check value is 11 as well.
    const zeros = completeUscc('9135010000000000');
    expect(zeros.charAt(16)).toBe('0');
    expect(isValidUscc(zeros)).toBe(true);
  });

  it('refuses every code with one mistyped character', () => {
    fc.assert(
      fc.property(usccPrefix, fc.nat(17), fc.constantFrom(...CHARSET), (prefix, position, replacement) => {
        const valid = completeUscc(prefix);
        fc.pre(valid[position] !== replacement);
        const typo = valid.slice(0, position) + replacement + valid.slice(position + 1);
        expect(isValidUscc(typo)).toBe(false);
      }),
    );
  });

  it('refuses every code with two neighbouring characters swapped', () => {
    fc.assert(
      fc.property(usccPrefix, fc.nat(16), (prefix, position) => {
        const valid = completeUscc(prefix);
        fc.pre(valid[position] !== valid[position + 1]);
        const swapped = valid.slice(0, position) + valid[position + 1] + valid[position] + valid.slice(position + 2);
        expect(isValidUscc(swapped)).toBe(false);
      }),
    );
  });
});

describe('isValidResidentId / checkResidentId', () => {
  it.each(PUBLISHED_RESIDENT_IDS)('accepts the published number $id and reads birth date and sex', (expected) => {
    expect(isValidResidentId(expected.id)).toBe(true);
    expect(checkResidentId(expected.id, '2026-11-28')).toEqual({
      ok: true,
      value: expected.id,
      regionCode: expected.id.slice(0, 6),
      province: expected.province,
      birthDate: expected.birthDate,
      sex: expected.sex,
    });
  });

  it('accepts a lower-case x, full-width digits and spaces, and returns the canonical number', () => {
    expect(checkResidentId('11010519491231002x')).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(checkResidentId('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(checkResidentId('110105 19491231 002X')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('refuses the GB 11643 example 440524188001010014: its check digit is right but the holder was born in 1880', () => {
    expect(errorOf(checkResidentId('440524188001010014'))).toEqual({
      kind: 'birthDateBefore1900',
      message: '居民身份证号码中的出生日期1880-01-01早于1900年，请核对',
    });
  });

  it('refuses a birth date later than today and accepts one that is today', () => {
    expect(errorOf(checkResidentId('11010519491231002X', '1949-12-30'))).toEqual({
      kind: 'birthDateInFuture',
      message: '居民身份证号码中的出生日期1949-12-31晚于今天，请核对',
    });
    expect(checkResidentId('11010519491231002X', '1949-12-31').ok).toBe(true);
  });

  it('judges "today" by this machine\'s date when none is given', () => {
    const nextYear = new Date().getFullYear() + 1;
    expect(errorOf(checkResidentId(`110105${nextYear}01010010`)).kind).toBe('birthDateInFuture');
  });

  it.each([
    ['19490230', '110105194902300021'],
    ['19491301', '110105194913010021'],
    ['19490000', '110105194900000021'],
    ['21000229', '110105210002290021'],
  ])('refuses the impossible birth date %s', (digits, id) => {
    expect(errorOf(checkResidentId(id))).toEqual({
      kind: 'birthDate',
      message: `居民身份证号码第7至14位的出生日期“${digits}”不是实际存在的日期`,
    });
  });

  it.each([
    ['00', '00010519491231002X'],
    ['99', '99010519491231002X'],
    ['10', '10010519491231002X'],
    ['72', '72010519491231002X'],
  ])('refuses the province code %s', (code, id) => {
    expect(errorOf(checkResidentId(id))).toEqual({
      kind: 'region',
      message: `居民身份证号码前两位“${code}”不是有效的省级行政区划代码`,
    });
  });

  it('refuses a number whose check digit is wrong', () => {
    expect(errorOf(checkResidentId('110105194912310021'))).toEqual({
      kind: 'checkDigit',
      message: identifierMessages.residentId.checkDigit,
    });
  });

  it('refuses X anywhere but the last position, and any other letter at the end', () => {
    expect(errorOf(checkResidentId('1101051949123100X2')).message).toBe('居民身份证号码第17位“X”无效，前17位只能是数字');
    expect(errorOf(checkResidentId('11010519491231002Y')).message).toBe('居民身份证号码第18位“Y”无效，只能是数字或X');
  });

  it('explains that a 15-digit first-generation number is no longer used', () => {
    expect(errorOf(checkResidentId('110105491231002')).kind).toBe('legacyFifteenDigit');
  });

  it.each(['', '  '])('refuses an empty number %j', (id) => {
    expect(errorOf(checkResidentId(id)).kind).toBe('empty');
  });

  it.each([
    ['1101051949123100', 16],
    ['11010519491231002X1', 19],
  ])('refuses %s because it is not 18 characters', (id, count) => {
    expect(errorOf(checkResidentId(id))).toEqual({ kind: 'length', message: `居民身份证号码应为18位，当前为${count}位` });
  });

  it('refuses every published number with one digit mistyped', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PUBLISHED_RESIDENT_IDS.map((entry) => entry.id)), fc.nat(17), fc.constantFrom(...'0123456789X'), (id, position, replacement) => {
        fc.pre(id[position] !== replacement);
        expect(isValidResidentId(id.slice(0, position) + replacement + id.slice(position + 1))).toBe(false);
      }),
    );
  });

  it('treats a malformed "today" as a programming error', () => {
    expect(() => checkResidentId('11010519491231002X', '2026/11/28')).toThrow(RangeError);
  });
});

describe('checkMobile', () => {
  it.each([
    '13800138000',
    '138 0013 8000',
    '138-0013-8000',
    '+86 138 0013 8000',
    '+86-138-0013-8000',
    '+8613800138000',
    '8613800138000',
    '86 138 0013 8000',
    '１３８００１３８０００',
    ' 13800138000\u3000',
  ])('accepts %j as 13800138000', (raw) => {
    expect(checkMobile(raw)).toEqual({ ok: true, value: '13800138000' });
  });

  it.each(['13912345678', '14712345678', '15012345678', '16612345678', '17712345678', '18812345678', '19912345678'])(
    'accepts the 1[3-9] number %s',
    (raw) => {
      expect(checkMobile(raw).ok).toBe(true);
    },
  );

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['+85291234567', 'notMainland'],
    ['+1 415 555 0100', 'notMainland'],
    ['1380013800a', 'charset'],
    ['138.0013.8000', 'charset'],
    ['1380013800', 'length'],
    ['138001380001', 'length'],
    ['12345678901', 'prefix'],
    ['23800138000', 'prefix'],
    ['86138001380', 'prefix'],
  ])('refuses %j (%s)', (raw, kind) => {
    expect(errorOf(checkMobile(raw)).kind).toBe(kind);
  });

  it('says how many digits it counted', () => {
    expect(errorOf(checkMobile('1380013800')).message).toBe('手机号码应为11位，当前为10位');
  });
});

describe('boundary schemas', () => {
  it('parse into the branded types, so a plain string cannot pass for a checked one', () => {
    expectTypeOf<z.output<typeof usccSchema>>().toEqualTypeOf<Uscc>();
    expectTypeOf<z.output<typeof residentIdSchema>>().toEqualTypeOf<ResidentId>();
    expectTypeOf<z.output<typeof mobileNumberSchema>>().toEqualTypeOf<MobileNumber>();
    expectTypeOf<string>().not.toExtend<Uscc>();
  });

  it('parse into the canonical values', () => {
    expect(usccSchema.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(residentIdSchema.parse('11010519491231002x')).toBe('11010519491231002X');
    expect(mobileNumberSchema.parse('+86 138 0013 8000')).toBe('13800138000');
  });

  it('refuse bad values with the same Chinese message the form shows', () => {
    const result = usccSchema.safeParse('91350100M000100Y44');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(identifierMessages.uscc.checkDigit);
    expect(residentIdSchema.safeParse('110105194912310021').error?.issues[0]?.message).toBe(
      identifierMessages.residentId.checkDigit,
    );
    expect(mobileNumberSchema.safeParse(13800138000).success).toBe(false);
  });
});
