import { describe, expect, it } from 'vitest';
import {
  clerkAccountSchema,
  displayNameSchema,
  loginNameSchema,
  signIn,
  type ClerkAccount,
} from '../../../../../renderer/src/domain/clerks/account';
import { newClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';
import { hashPassword, MIN_PBKDF2_ITERATIONS } from '../../../../../renderer/src/domain/clerks/password';

async function account(overrides: Partial<ClerkAccount> = {}): Promise<ClerkAccount> {
  return {
    id: newClerkId(),
    loginName: 'zhangsan',
    displayName: '张三',
    role: 'clerk',
    password: await hashPassword('Fc03#desk-2026', { iterations: MIN_PBKDF2_ITERATIONS }),
    active: true,
    createdAt: '2026-11-28T08:30:00+08:00',
    ...overrides,
  };
}

describe('signIn', () => {
  it('signs in an active clerk with the right password and says who they are', async () => {
    const zhang = await account();
    expect(await signIn(zhang, 'Fc03#desk-2026')).toEqual({
      ok: true,
      clerk: { id: zhang.id, role: 'clerk', displayName: '张三' },
    });
  });

  it('gives the same answer for a wrong password and an unknown login name', async () => {
    const wrong = await signIn(await account(), 'Fc03#desk-2025');
    const unknown = await signIn(undefined, 'Fc03#desk-2026');
    expect(wrong).toEqual({ ok: false, message: '登录名或密码不正确' });
    expect(unknown).toEqual(wrong);
  });

  it('tells a disabled account so only when the password is right', async () => {
    const disabled = await account({ active: false });
    expect(await signIn(disabled, 'Fc03#desk-2026')).toEqual({ ok: false, message: '该账号已停用，请联系管理员' });
    expect(await signIn(disabled, 'not the password')).toEqual({ ok: false, message: '登录名或密码不正确' });
  });
});

describe('account fields', () => {
  it('stores login names trimmed and lower-cased, and refuses spaces and Chinese in them', () => {
    expect(loginNameSchema.parse('  ZhangSan.01 ')).toBe('zhangsan.01');
    expect(loginNameSchema.safeParse('zhang san').success).toBe(false);
    expect(loginNameSchema.safeParse('张三').error?.issues[0]?.message).toBe(
      '登录名应为2至32位字母、数字、点、下划线或连字符',
    );
  });

  it('keeps a display name as plain text, markup included, but refuses control characters and blanks', () => {
    expect(displayNameSchema.parse(' 张三 ')).toBe('张三');
    expect(displayNameSchema.parse('<b>李四</b>')).toBe('<b>李四</b>');
    expect(displayNameSchema.safeParse('张\u0007三').error?.issues[0]?.message).toMatch(/^姓名：第2个字符是看不见的控制字符/);
    expect(displayNameSchema.safeParse('   ').error?.issues[0]?.message).toBe('请填写姓名');
  });

  it('validates a whole stored account, refusing an unknown role', async () => {
    const stored = await account();
    expect(clerkAccountSchema.parse(stored)).toEqual(stored);
    expect(clerkAccountSchema.safeParse({ ...stored, role: 'superuser' }).error?.issues[0]?.message).toBe(
      '角色应为受理员、首席代表或管理员',
    );
  });
});
