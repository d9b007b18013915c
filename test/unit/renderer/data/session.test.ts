import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../../renderer/src/data/audit';
import { setClerkActive } from '../../../../renderer/src/data/clerks';
import {
  attemptSignIn,
  attemptUnlock,
  readIdleLockMinutes,
  recordLock,
  recordSignOut,
  saveIdleLockMinutes,
  signInRetryAfterMs,
} from '../../../../renderer/src/data/session';
import { adminDraft, clerkDraft, deskWithAdmin, deskWithClerk, unwrap } from './clerkTestDesk';

const t0 = new Date('2026-11-28T09:00:00+08:00');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function lastEntry(db: Awaited<ReturnType<typeof deskWithAdmin>>['db']) {
  return (await db.auditLog.orderBy('seq').last())!;
}

describe('attemptSignIn', () => {
  it('signs in with the right password, whatever the case of the login name, and logs it', async () => {
    const { db, clerk } = await deskWithClerk();
    expect(await attemptSignIn(db, ' ZhangSan', clerkDraft.password, t0)).toEqual({ ok: true, clerk });
    expect(await lastEntry(db)).toMatchObject({ action: 'clerk.signIn', clerkId: clerk.id, subject: `clerk:${clerk.id}` });
  });

  it('says the same to an unknown login name and a wrong password, but logs which it was', async () => {
    const { db } = await deskWithAdmin();
    const wrong = await attemptSignIn(db, 'admin', 'Guanli#2025desk', t0);
    const wrongLog = await lastEntry(db);
    const unknown = await attemptSignIn(db, 'nobody', adminDraft.password, t0);
    const unknownLog = await lastEntry(db);
    expect(wrong).toEqual({ ok: false, message: '登录名或密码不正确', retryAfterMs: 0 });
    expect(unknown).toEqual(wrong);
    expect(wrongLog).toMatchObject({ action: 'clerk.signInFailed', clerkId: null, details: { loginName: 'admin', reason: 'wrongPassword' } });
    expect(unknownLog).toMatchObject({ action: 'clerk.signInFailed', clerkId: null, details: { loginName: 'nobody', reason: 'unknownLoginName' } });
  });

  it('tells a disabled clerk who knows the password to ask the admin', async () => {
    const { db, admin, clerk } = await deskWithClerk();
    unwrap(await setClerkActive(db, admin, clerk.id, false));
    expect(await attemptSignIn(db, 'zhangsan', clerkDraft.password, t0)).toEqual({
      ok: false,
      message: '该账号已停用，请联系管理员',
      retryAfterMs: 0,
    });
    expect((await lastEntry(db)).details).toEqual({ loginName: 'zhangsan', reason: 'accountDisabled' });
  });

  it('logs a login name that is not even well-formed without keeping what was typed', async () => {
    const { db } = await deskWithAdmin();
    await attemptSignIn(db, '<script>', 'x', t0);
    expect(await lastEntry(db)).toMatchObject({ subject: 'login:-', details: { loginName: null, reason: 'unknownLoginName' } });
  });

  it('makes the desk wait after five failures in a row, then checks passwords again', async () => {
    const { db } = await deskWithAdmin();
    for (let i = 0; i < 4; i += 1) expect((await attemptSignIn(db, 'admin', 'wrong', at(i))).ok).toBe(false);
    expect(await attemptSignIn(db, 'admin', 'wrong', at(4))).toEqual({
      ok: false,
      message: '登录名或密码不正确。密码错误次数过多，请30秒后再试',
      retryAfterMs: 30_000,
    });
    expect(await signInRetryAfterMs(db, at(14))).toBe(20_000);
    // Even the right password is not checked while the desk waits.
    expect(await attemptSignIn(db, 'admin', adminDraft.password, at(14))).toEqual({
      ok: false,
      message: '密码错误次数过多，请20秒后再试',
      retryAfterMs: 20_000,
    });
    expect((await lastEntry(db)).details).toEqual({ loginName: 'admin', reason: 'throttled' });
    expect((await attemptSignIn(db, 'admin', adminDraft.password, at(34))).ok).toBe(true);
    expect(await signInRetryAfterMs(db, at(34))).toBe(0);
  });

  it('starts counting failures again after a successful sign-in', async () => {
    const { db } = await deskWithAdmin();
    for (let i = 0; i < 4; i += 1) await attemptSignIn(db, 'admin', 'wrong', t0);
    expect((await attemptSignIn(db, 'admin', adminDraft.password, t0)).ok).toBe(true);
    expect(await attemptSignIn(db, 'admin', 'wrong', t0)).toMatchObject({ retryAfterMs: 0 });
  });
});

describe('attemptUnlock', () => {
  it('opens the lock with the same clerk’s password and logs it', async () => {
    const { db, clerk } = await deskWithClerk();
    expect(await attemptUnlock(db, clerk, clerkDraft.password, t0)).toEqual({ ok: true, clerk });
    expect(await lastEntry(db)).toMatchObject({ action: 'clerk.unlock', clerkId: clerk.id });
  });

  it('refuses a wrong password and another clerk’s password', async () => {
    const { db, clerk } = await deskWithClerk();
    expect(await attemptUnlock(db, clerk, 'Chuangkou#2025', t0)).toEqual({ ok: false, message: '密码不正确', retryAfterMs: 0 });
    expect(await attemptUnlock(db, clerk, adminDraft.password, t0)).toMatchObject({ ok: false, message: '密码不正确' });
    expect(await lastEntry(db)).toMatchObject({ action: 'clerk.unlockFailed', details: { reason: 'wrongPassword' } });
  });
});

describe('locks and sign-outs', () => {
  it('are written to the log, which stays intact', async () => {
    const { db, admin } = await deskWithAdmin();
    await recordLock(db, admin, 'idle', t0);
    await recordSignOut(db, admin, true, at(60));
    const log = await db.auditLog.toArray();
    expect(log.slice(-2).map((e) => [e.action, e.details, e.at])).toEqual([
      ['clerk.lock', { reason: 'idle' }, '2026-11-28T09:00:00.000+08:00'],
      ['clerk.signOut', { fromLock: true }, '2026-11-28T09:01:00.000+08:00'],
    ]);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, head: { seq: 4 } });
  });
});

describe('idle lock minutes', () => {
  it('default to 5 minutes until the admin sets them', async () => {
    const { db, admin } = await deskWithAdmin();
    expect(await readIdleLockMinutes(db)).toBe(5);
    expect(await saveIdleLockMinutes(db, admin, 3, t0)).toEqual({ ok: true, value: 3 });
    expect(await readIdleLockMinutes(db)).toBe(3);
    expect(await lastEntry(db)).toMatchObject({ action: 'settings.idleLockMinutes', details: { from: 5, to: 3 } });
  });

  it('refuse a value outside 1 to 120 whole minutes', async () => {
    const { db, admin } = await deskWithAdmin();
    const refusal = { ok: false, message: '自动锁屏时间应为1至120分钟之间的整数' };
    expect(await saveIdleLockMinutes(db, admin, 0, t0)).toEqual(refusal);
    expect(await saveIdleLockMinutes(db, admin, 1.5, t0)).toEqual(refusal);
    expect(await saveIdleLockMinutes(db, admin, 121, t0)).toEqual(refusal);
    expect(await readIdleLockMinutes(db)).toBe(5);
  });

  it('may be changed only by an admin', async () => {
    const { db, clerk } = await deskWithClerk();
    expect(await saveIdleLockMinutes(db, clerk, 30, t0)).toEqual({ ok: false, message: '您没有修改本机设置的权限' });
    expect(await readIdleLockMinutes(db)).toBe(5);
  });
});
