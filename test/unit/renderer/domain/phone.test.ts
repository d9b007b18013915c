import { describe, expect, it } from 'vitest';
import { checkPhone, formatPhone } from '../../../../renderer/src/domain/phone';

describe('checkPhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['０８１６－２３４５６７８', '08162345678'],
    ['010-12345678', '01012345678'],
    ['(0816) 234 5678', '08162345678'],
  ])('stores the mainland number %s as dialled within the mainland, digits only: %s', (typed, normalised) => {
    expect(checkPhone(typed)).toEqual({ ok: true, normalised });
  });

  it.each([
    ['+852 9123 4567', '+85291234567'],
    ['00852 9123 4567', '+85291234567'],
    ['+853 6612 3456', '+85366123456'],
    ['+886 912 345 678', '+886912345678'],
    ['+1 212 736 3100', '+12127363100'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('stores the number abroad %s in E.164: %s', (typed, normalised) => {
    expect(checkPhone(typed)).toEqual({ ok: true, normalised });
  });

  it('refuses an empty number, letters and an unknown country code', () => {
    expect(checkPhone(' ')).toEqual({ ok: false, message: '请填写联系电话' });
    expect(checkPhone('138abc')).toEqual({ ok: false, message: '联系电话只能包含数字，可带空格、短横线、括号和国际区号（如+852）' });
    expect(checkPhone('+999 123456')).toEqual({ ok: false, message: '国际区号无效，请核对“+”后的国家或地区代码' });
  });

  it('refuses a short or impossible mainland number with the hint about area codes and country codes', () => {
    expect(checkPhone('12345')).toEqual({
      ok: false,
      message: '中国大陆手机或固定电话号码位数不足，请核对（固定电话请带区号，如0816-2345678；境外号码请以“+国际区号”开头）',
    });
    expect(checkPhone('138001380001')).toEqual({
      ok: false,
      message: '不是有效的中国大陆手机或固定电话号码，请核对（固定电话请带区号，如0816-2345678；境外号码请以“+国际区号”开头）',
    });
  });

  it('names the country or region of a refused number abroad', () => {
    expect(checkPhone('+852 1234')).toEqual({ ok: false, message: '中国香港电话号码位数不足，请核对' });
    expect(checkPhone('+852 1234 5678')).toEqual({ ok: false, message: '不是有效的中国香港电话号码，请核对' });
  });
});

describe('formatPhone', () => {
  it('shows a mainland number in the national way and one abroad with its country code', () => {
    expect(formatPhone('13800138000')).toBe('138 0013 8000');
    expect(formatPhone('08162345678')).toBe('0816 234 5678');
    expect(formatPhone('+85291234567')).toBe('+852 9123 4567');
  });

  it('shows what it cannot read as stored', () => {
    expect(formatPhone('12-3')).toBe('12-3');
  });
});
