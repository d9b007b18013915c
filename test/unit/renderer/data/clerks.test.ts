import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../../renderer/src/data/audit';
import {
  changeOwnPassword,
  createClerk,
  createFirstAdmin,
  findClerkById,
  findClerkByLoginName,
  hasAnyClerk,
  listClerks,
  resetClerkPassword,
  setClerkActive,
} from '../../../../renderer/src/data/clerks';
import { verifyPassword } from '../../../../renderer/src/domain/clerks/password';
import { adminDraft, clerkDraft, deskWithAdmin, deskWithClerk, freshDatabase, unwrap } from './clerkTestDesk';

const actions = async (db: Awaited<ReturnType<typeof deskWithAdmin>>['db']) => (await db.auditLog.toArray()).map((e) => e.action);

describe('first-run setup', () => {
  it('creates the first admin, signs it in and logs both acts', async () => {
    const db = freshDatabase();
    expect(await hasAnyClerk(db)).toBe(false);
    const result = await createFirstAdmin(db, { ...adminDraft, loginName: ' Admin ' });
    const admin = unwrap(result);
    expect(admin).toEqual({ id: expect.any(String), role: 'admin', displayName: '王管理' });
    expect(await hasAnyClerk(db)).toBe(true);
    const stored = await findClerkById(db, admin.id);
    expect(stored).toMatchObject({ loginName: 'admin', role: 'admin', active: true });
    expect(await verifyPassword(adminDraft.password, stored!.password)).toBe(true);
    const log = await db.auditLog.toArray();
    expect(log.map((e) => [e.action, e.clerkId, e.subject])).toEqual([
      ['clerk.create', admin.id, `clerk:${admin.id}`],
      ['clerk.signIn', admin.id, `clerk:${admin.id}`],
    ]);
    expect(log[0]!.details).toEqual({ loginName: 'admin', displayName: '王管理', role: 'admin', firstRun: true });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it('never stores the password itself', async () => {
    const { db } = await deskWithAdmin();
    const everything = JSON.stringify([await db.clerks.toArray(), await db.auditLog.toArray()]);
    expect(everything).not.toContain(adminDraft.password);
  });

  it('refuses a weak password and writes nothing', async () => {
    const db = freshDatabase();
    expect(await createFirstAdmin(db, { ...adminDraft, password: '12345678' })).toEqual({
      ok: false,
      field: 'password',
      message: '密码不能是连续的数字或字母（如 12345678、abcdefgh）',
    });
    expect(await db.clerks.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('is refused once an account exists', async () => {
    const { db } = await deskWithAdmin();
    expect(await createFirstAdmin(db, { ...adminDraft, loginName: 'admin2' })).toEqual({
      ok: false,
      message: '本机已有管理员账号，请直接登录',
    });
    expect(await db.clerks.count()).toBe(1);
  });

  it('lets only one of two windows setting up at the same moment succeed', async () => {
    const db = freshDatabase();
    const [a, b] = await Promise.all([
      createFirstAdmin(db, adminDraft),
      createFirstAdmin(db, { ...adminDraft, loginName: 'other', displayName: '李四' }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(await db.clerks.count()).toBe(1);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });
});

describe('accounts managed by the admin', () => {
  it('adds a clerk who can be found by login name however it is typed', async () => {
    const { db, clerk } = await deskWithClerk();
    expect(clerk).toEqual({ id: expect.any(String), role: 'clerk', displayName: '张三' });
    expect((await findClerkByLoginName(db, '  ZhangSan '))?.id).toBe(clerk.id);
    expect(await findClerkByLoginName(db, 'lisi')).toBeUndefined();
    expect(await findClerkByLoginName(db, '张三')).toBeUndefined();
    expect((await listClerks(db)).map((a) => a.loginName)).toEqual(['admin', 'zhangsan']);
    expect(await actions(db)).toEqual(['clerk.create', 'clerk.signIn', 'clerk.create']);
  });

  it('refuses a login name already in use, whatever its case, and writes nothing', async () => {
    const { db, admin } = await deskWithClerk();
    const before = await db.auditLog.count();
    expect(await createClerk(db, admin, { ...clerkDraft, loginName: 'ZHANGSAN', displayName: '张三丰' })).toEqual({
      ok: false,
      field: 'loginName',
      message: '登录名“zhangsan”已被使用，请换一个',
    });
    expect(await db.clerks.count()).toBe(2);
    expect(await db.auditLog.count()).toBe(before);
  });

  it('refuses a counter clerk who tries to add an account', async () => {
    const { db, clerk } = await deskWithClerk();
    expect(await createClerk(db, clerk, { ...clerkDraft, loginName: 'lisi' })).toEqual({
      ok: false,
      message: '您没有管理工作人员账号的权限',
    });
  });

  it('goes by the stored account, not the session: a disabled admin can no longer add accounts', async () => {
    const { db, admin } = await deskWithAdmin();
    const second = unwrap(await createClerk(db, admin, { ...clerkDraft, loginName: 'admin2', role: 'admin' }));
    unwrap(await setClerkActive(db, admin, second.id, false));
    const staleSession = { id: second.id, role: second.role, displayName: second.displayName };
    expect(await createClerk(db, staleSession, { ...clerkDraft, loginName: 'lisi' })).toEqual({
      ok: false,
      message: '您没有管理工作人员账号的权限',
    });
    expect(await findClerkByLoginName(db, 'lisi')).toBeUndefined();
  });

  it('disables and enables an account, logging each', async () => {
    const { db, admin, clerk } = await deskWithClerk();
    expect(unwrap(await setClerkActive(db, admin, clerk.id, false)).active).toBe(false);
    expect((await findClerkById(db, clerk.id))?.active).toBe(false);
    expect(unwrap(await setClerkActive(db, admin, clerk.id, true)).active).toBe(true);
    expect((await actions(db)).slice(-2)).toEqual(['clerk.disable', 'clerk.enable']);
  });

  it('will not let the admin disable the account they are using', async () => {
    const { db, admin } = await deskWithAdmin();
    expect(await setClerkActive(db, admin, admin.id, false)).toEqual({ ok: false, message: '不能停用自己正在使用的账号' });
    expect((await findClerkById(db, admin.id))?.active).toBe(true);
  });

  it('resets a forgotten password, so the new one works and the old one not', async () => {
    const { db, admin, clerk } = await deskWithClerk();
    unwrap(await resetClerkPassword(db, admin, clerk.id, 'Xinmima#2026'));
    const stored = (await findClerkById(db, clerk.id))!;
    expect(await verifyPassword('Xinmima#2026', stored.password)).toBe(true);
    expect(await verifyPassword(clerkDraft.password, stored.password)).toBe(false);
    expect((await actions(db)).at(-1)).toBe('clerk.passwordReset');
  });

  it('refuses a reset to a password the policy forbids', async () => {
    const { db, admin, clerk } = await deskWithClerk();
    expect(await resetClerkPassword(db, admin, clerk.id, 'zhangsan')).toEqual({
      ok: false,
      field: 'password',
      message: '密码不能与登录名相同',
    });
  });
});

describe('changing one’s own password', () => {
  it('asks for the current password first', async () => {
    const { db, clerk } = await deskWithClerk();
    expect(await changeOwnPassword(db, clerk, 'Chuangkou#2025', 'Xinmima#2026')).toEqual({
      ok: false,
      field: 'currentPassword',
      message: '当前密码不正确',
    });
  });

  it('replaces the password and logs the change', async () => {
    const { db, clerk } = await deskWithClerk();
    unwrap(await changeOwnPassword(db, clerk, clerkDraft.password, 'Xinmima#2026'));
    expect(await verifyPassword('Xinmima#2026', (await findClerkById(db, clerk.id))!.password)).toBe(true);
    expect((await actions(db)).at(-1)).toBe('clerk.passwordChange');
  });
});

describe('damaged rows', () => {
  it('refuses to use an account row that no longer passes its schema', async () => {
    const { db, admin } = await deskWithAdmin();
    await db.clerks.update(admin.id, { role: 'superuser' as never });
    await expect(findClerkByLoginName(db, 'admin')).rejects.toThrow('工作人员账号记录已损坏');
  });
});
