import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from '../../../../../renderer/src/domain/clerks/passwordPolicy';

function problems(password: string, loginName?: string): string[] {
  const result = checkPasswordPolicy(password, loginName === undefined ? {} : { loginName });
  return result.ok ? [] : result.problems;
}

describe('checkPasswordPolicy', () => {
  it('accepts a passphrase, a mixed password and an eight-character Chinese one', () => {
    expect(checkPasswordPolicy('correct horse battery')).toEqual({ ok: true });
    expect(checkPasswordPolicy('Fc03#desk', { loginName: 'zhangsan' })).toEqual({ ok: true });
    expect(checkPasswordPolicy('我的密码很难猜到')).toEqual({ ok: true });
  });

  it('refuses fewer than eight characters, counting a CJK character as one', () => {
    expect(problems('Ab3#xyz')).toEqual(['密码至少需要8个字符']);
    expect(problems('窗口密码七个字')).toEqual(['密码至少需要8个字符']);
  });

  it('refuses more than 128 characters', () => {
    expect(problems('x1'.repeat(65))).toEqual(['密码不能超过128个字符']);
  });

  it('refuses a password that is the login name, whatever the case', () => {
    expect(problems('ZhangSan01', 'zhangsan01')).toEqual(['密码不能与登录名相同']);
  });

  it('refuses one character repeated and straight runs up or down', () => {
    expect(problems('aaaaaaaa')).toEqual(['密码不能由同一个字符重复组成']);
    expect(problems('12345678')).toContain('密码不能是连续的数字或字母（如 12345678、abcdefgh）');
    expect(problems('87654321')).toContain('密码不能是连续的数字或字母（如 12345678、abcdefgh）');
    expect(problems('ABCDEFGH')).toContain('密码不能是连续的数字或字母（如 12345678、abcdefgh）');
    expect(problems('12345679')).toEqual([]);
  });

  it('refuses well-known weak passwords regardless of case', () => {
    expect(problems('Password1')).toEqual(['这是常见的弱密码，请换一个不易被猜到的密码']);
    expect(problems('1qaz2wsx')).toEqual(['这是常见的弱密码，请换一个不易被猜到的密码']);
  });

  it('refuses invisible control characters', () => {
    expect(problems('abc\u0000defgh')).toEqual(['密码不能包含不可见的控制字符']);
  });

  it('reports every problem at once', () => {
    expect(problems('1234567')).toEqual(['密码至少需要8个字符', '密码不能是连续的数字或字母（如 12345678、abcdefgh）']);
  });
});
