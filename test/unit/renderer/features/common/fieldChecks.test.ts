import { describe, expect, it } from 'vitest';
import { checkIdentityDocumentField, checkPhoneField, checkResidentIdField, checkTextField, checkUsccField, shouldShowProblem } from '../../../../../renderer/src/features/common/fieldChecks';

describe('checkTextField', () => {
  it('cleans the text it accepts (trims, turns full-width spaces into ordinary ones)', () => {
    expect(checkTextField('  张\u3000三 ', { label: '姓名', max: 10, required: true })).toEqual({ ok: true, value: '张 三' });
  });

  it('refuses text a document could not print, naming each such character once', () => {
    const check = checkTextField('𱍐记𰀀𱍐', { label: '名称', max: 10, required: true });
    expect(!check.ok && check.message).toMatch(/^“𱍐”（U\+31350）、“𰀀”（U\+30000）文书字库中没有/);
    expect(checkTextField('𠮷野家', { label: '名称', max: 10, required: true })).toEqual({ ok: true, value: '𠮷野家' });
  });

  it('refuses a blank required field naming the field', () => {
    expect(checkTextField('   ', { label: '申请人姓名', max: 10, required: true })).toEqual({ ok: false, message: '请填写申请人姓名' });
  });

  it('accepts a blank optional field as null', () => {
    expect(checkTextField('', { label: '备注', max: 10, required: false })).toEqual({ ok: true, value: null });
  });

  it('refuses control characters and over-long text with the cleanText message', () => {
    const control = checkTextField('张\u0007三', { label: '姓名', max: 10, required: true });
    expect(control.ok).toBe(false);
    expect(!control.ok && control.message).toContain('控制字符');
    const long = checkTextField('一二三四五六', { label: '姓名', max: 5, required: true });
    expect(!long.ok && long.message).toContain('最多可填5个字');
  });

  it('keeps markup as plain text rather than refusing or escaping it', () => {
    expect(checkTextField('<script>alert(1)</script>有限公司', { label: '名称', max: 60, required: true })).toEqual({
      ok: true,
      value: '<script>alert(1)</script>有限公司',
    });
  });

  it('refuses a line break in a one-line field but keeps it in a multi-line one', () => {
    expect(checkTextField('第一行\n第二行', { label: '名称', max: 60, required: true }).ok).toBe(false);
    expect(checkTextField('第一行\n第二行', { label: '说明', max: 60, required: true, multiline: true })).toEqual({ ok: true, value: '第一行\n第二行' });
  });
});

describe('identifier fields', () => {
  it('reads the birth date and sex from a valid resident ID', () => {
    const check = checkResidentIdField('11010519491231002x', { label: '身份证号码', required: true }, '2026-09-30');
    expect(check).toMatchObject({ ok: true, value: { birthDate: '1949-12-31', sex: '女', province: '北京市' } });
  });

  it('refuses a resident ID with a wrong check digit in Chinese', () => {
    const check = checkResidentIdField('110105194912310021', { label: '身份证号码', required: true }, '2026-09-30');
    expect(check).toEqual({ ok: false, message: expect.stringContaining('校验不通过') });
  });

  it('refuses an impossible birth date', () => {
    const check = checkResidentIdField('110105194902300021', { label: '身份证号码', required: true }, '2026-09-30');
    expect(!check.ok && check.message).toContain('不是实际存在的日期');
  });

  it('lets an optional identifier stay blank but refuses a blank required one', () => {
    expect(checkUsccField(' ', { label: '统一社会信用代码', required: false })).toEqual({ ok: true, value: null });
    expect(checkUsccField('', { label: '统一社会信用代码', required: true }).ok).toBe(false);
  });

  it('checks a USCC and refuses one with a wrong check character', () => {
    expect(checkUsccField('91350100M000100Y43', { label: '代码', required: true }).ok).toBe(true);
    expect(checkUsccField('91350100M000100Y44', { label: '代码', required: true }).ok).toBe(false);
  });

  it('normalises a mobile number typed with +86 and spaces, a landline with its area code and a number abroad', () => {
    expect(checkPhoneField('+86 138 0000 1234', { label: '手机', required: true })).toEqual({ ok: true, value: '13800001234' });
    expect(checkPhoneField('0816-2345678', { label: '手机', required: true })).toEqual({ ok: true, value: '08162345678' });
    expect(checkPhoneField('+852 9123 4567', { label: '手机', required: true })).toEqual({ ok: true, value: '+85291234567' });
  });

  it('refuses a phone number that exists nowhere, and lets an optional one stay blank', () => {
    expect(checkPhoneField('12345678901', { label: '手机', required: true }).ok).toBe(false);
    expect(checkPhoneField(' ', { label: '手机', required: false })).toEqual({ ok: true, value: null });
  });

  it('checks a document number by its kind, naming the kind when refused', () => {
    expect(checkIdentityDocumentField('hkMacaoPermit', 'h1234 5678', { label: '证件号码', required: true })).toEqual({ ok: true, value: 'H12345678' });
    expect(checkIdentityDocumentField('taiwanPermit', 'H12345678', { label: '证件号码', required: true })).toEqual({
      ok: false,
      message: '台湾居民来往大陆通行证号码应为8位数字，旧版为10位数字或字母',
    });
  });
});

describe('shouldShowProblem', () => {
  it('stays quiet while an identifier is still being typed', () => {
    expect(shouldShowProblem('5107031990', false, 18)).toBe(false);
  });

  it('speaks once the value is complete, or once the field was left', () => {
    expect(shouldShowProblem('510703199003071234', false, 18)).toBe(true);
    expect(shouldShowProblem('5107', true, 18)).toBe(true);
  });

  it('counts a number typed with spaces and hyphens by its digits', () => {
    expect(shouldShowProblem('138 0000-123', false, 11)).toBe(false);
    expect(shouldShowProblem('138 0000-1234', false, 11)).toBe(true);
  });
});
