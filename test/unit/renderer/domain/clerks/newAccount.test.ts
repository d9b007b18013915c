import { describe, expect, it } from 'vitest';
import { checkNewAccount, checkPasswordRepeat } from '../../../../../renderer/src/domain/clerks/newAccount';

const good = { loginName: ' ZhangSan ', displayName: ' 张三 ', role: 'clerk', password: 'Chuangkou#2026' };

describe('checkNewAccount', () => {
  it('accepts a good account with the login name lower-cased and the names trimmed', () => {
    expect(checkNewAccount(good)).toEqual({
      ok: true,
      account: { loginName: 'zhangsan', displayName: '张三', role: 'clerk', password: 'Chuangkou#2026' },
    });
  });

  it('reports every bad field at once, each in Chinese beside its field', () => {
    const check = checkNewAccount({ loginName: '张三', displayName: '', role: 'boss', password: '1234' });
    expect(check).toEqual({
      ok: false,
      errors: {
        loginName: '登录名应为2至32位字母、数字、点、下划线或连字符',
        displayName: '请填写姓名',
        role: '角色应为受理员、首席代表或管理员',
        password: expect.stringContaining('密码至少需要8个字符'),
      },
    });
  });

  it('refuses a password equal to the login name however it is capitalised', () => {
    const check = checkNewAccount({ ...good, loginName: 'wangfang2026', password: 'WangFang2026' });
    expect(check).toEqual({ ok: false, errors: { password: '密码不能与登录名相同' } });
  });

  it('does not call an empty password "the same as the login name" when the login name is empty too', () => {
    const check = checkNewAccount({ ...good, loginName: '', password: '' });
    expect(!check.ok && check.errors.password).toBe('密码至少需要8个字符');
  });

  it('refuses a display name with an invisible control character', () => {
    const check = checkNewAccount({ ...good, displayName: '张\u0007三' });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors.displayName).toMatch(/^姓名：第2个字符是看不见的控制字符/);
  });
});

describe('checkPasswordRepeat', () => {
  it('accepts the same password typed twice and refuses a different one', () => {
    expect(checkPasswordRepeat('Chuangkou#2026', 'Chuangkou#2026')).toBeNull();
    expect(checkPasswordRepeat('Chuangkou#2026', 'Chuangkou#2025')).toBe('两次输入的密码不一致');
  });
});
