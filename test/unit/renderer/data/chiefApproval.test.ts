import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { requireReason, verifyChiefApproval } from '../../../../renderer/src/data/chiefApproval';
import { setClerkActive } from '../../../../renderer/src/data/clerks';
import { Refusal } from '../../../../renderer/src/data/refusal';
import { attemptSignIn, signInRetryAfterMs } from '../../../../renderer/src/data/session';
import { closeDatabases } from './dataFixtures';
import { chiefLogin, clerkLogin, issuingDesk, unwrapResult } from './issuanceFixtures';

afterEach(closeDatabases);

describe('verifyChiefApproval', () => {
  it('accepts the chief’s own login name (however typed) and password, whoever is signed in', async () => {
    const { db, clerk, chief } = await issuingDesk();
    const result = await verifyChiefApproval(db, { loginName: ' LiShouXi ', password: chiefLogin.password }, { action: 'licence.void', requestedBy: clerk });
    expect(result).toEqual({ ok: true, value: chief });
  });

  it('refuses a clerk’s credentials, a wrong password, blanks and a disabled chief, logging each refusal', async () => {
    const { db, admin, clerk, chief } = await issuingDesk();
    const request = { action: 'licence.void' as const, requestedBy: clerk };
    expect(await verifyChiefApproval(db, clerkLogin, request)).toEqual({ ok: false, message: '“张三”不是首席代表，不能批准此操作' });
    expect(await verifyChiefApproval(db, { ...chiefLogin, password: 'Nope#2026desk' }, request)).toEqual({ ok: false, message: '首席代表登录名或密码不正确' });
    expect(await verifyChiefApproval(db, { loginName: 'nobody', password: 'Nope#2026desk' }, request)).toEqual({ ok: false, message: '首席代表登录名或密码不正确' });
    expect(await verifyChiefApproval(db, { loginName: '', password: '' }, request)).toEqual({ ok: false, message: '须由首席代表输入登录名和密码确认' });
    unwrapResult(await setClerkActive(db, admin, chief.id, false));
    expect(await verifyChiefApproval(db, chiefLogin, request)).toEqual({ ok: false, message: '该账号已停用，请联系管理员' });
    const logged = (await db.auditLog.toArray()).filter((entry) => entry.action === 'approval.refused').map((entry) => entry.details.reason);
    expect(logged).toEqual(['notPermitted', 'wrongCredentials', 'wrongCredentials', 'accountDisabled']);
  });
});

describe('verifyChiefApproval, after wrong passwords', () => {
  const t0 = new Date('2026-12-07T09:00:00+08:00');
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
  const wrong = { ...chiefLogin, password: 'Nope#2026desk' };

  async function refusals(db: Awaited<ReturnType<typeof issuingDesk>>['db']) {
    return (await db.auditLog.toArray()).filter((entry) => entry.action === 'approval.refused').map((entry) => entry.details.reason);
  }

  it('makes the desk wait from the fifth wrong password in a row, saying how long, then checks the chief’s password again', async () => {
    const { db, clerk, chief } = await issuingDesk();
    const request = (seconds: number) => ({ action: 'licence.issueOffline' as const, requestedBy: clerk, now: at(seconds) });
    for (let i = 0; i < 4; i += 1) expect(await verifyChiefApproval(db, wrong, request(i))).toEqual({ ok: false, message: '首席代表登录名或密码不正确' });
    expect(await verifyChiefApproval(db, wrong, request(4))).toEqual({ ok: false, message: '首席代表登录名或密码不正确。密码错误次数过多，请30秒后再试' });
    // While the desk waits not even the right password is checked.
    expect(await verifyChiefApproval(db, chiefLogin, request(14))).toEqual({ ok: false, message: '密码错误次数过多，请20秒后再试' });
    // The wait passes; the sixth wrong password in a row makes it wait twice as long.
    expect(await verifyChiefApproval(db, wrong, request(34))).toEqual({ ok: false, message: '首席代表登录名或密码不正确。密码错误次数过多，请60秒后再试' });
    expect(await verifyChiefApproval(db, chiefLogin, request(93))).toEqual({ ok: false, message: '密码错误次数过多，请1秒后再试' });
    expect(await verifyChiefApproval(db, chiefLogin, request(94))).toEqual({ ok: true, value: chief });
    // The chief’s right password starts the count again.
    expect(await verifyChiefApproval(db, wrong, request(95))).toEqual({ ok: false, message: '首席代表登录名或密码不正确' });
    expect(await refusals(db)).toEqual([...Array(5).fill('wrongCredentials'), 'throttled', 'wrongCredentials', 'throttled', 'wrongCredentials']);
  });

  it('draws on the desk’s one allowance with sign-in: failures of either count for both', async () => {
    const { db, clerk } = await issuingDesk();
    for (let i = 0; i < 3; i += 1) expect((await attemptSignIn(db, 'lishouxi', 'Nope#2026desk', at(i))).ok).toBe(false);
    const request = (seconds: number) => ({ action: 'licence.void' as const, requestedBy: clerk, now: at(seconds) });
    await verifyChiefApproval(db, wrong, request(3));
    expect(await verifyChiefApproval(db, wrong, request(4))).toEqual({ ok: false, message: '首席代表登录名或密码不正确。密码错误次数过多，请30秒后再试' });
    expect(await signInRetryAfterMs(db, at(4))).toBe(30_000);
    expect(await attemptSignIn(db, clerkLogin.loginName, clerkLogin.password, at(10))).toMatchObject({ ok: false, message: '密码错误次数过多，请24秒后再试' });
  });

  it('counts per desk, whichever account’s name is typed, so trying other names buys no more guesses', async () => {
    const { db, clerk } = await issuingDesk();
    const request = { action: 'licence.void' as const, requestedBy: clerk, now: t0 };
    for (const loginName of ['lishouxi', 'wangshouxi', 'nobody', 'admin']) await verifyChiefApproval(db, { loginName, password: 'Nope#2026desk' }, request);
    expect(await verifyChiefApproval(db, { loginName: 'zhaoshouxi', password: 'Nope#2026desk' }, request)).toEqual({
      ok: false,
      message: '首席代表登录名或密码不正确。密码错误次数过多，请30秒后再试',
    });
    expect(await verifyChiefApproval(db, chiefLogin, request)).toEqual({ ok: false, message: '密码错误次数过多，请30秒后再试' });
  });

  it('does not start the count again on a clerk’s own right password, typed between guesses at the chief’s', async () => {
    const { db, clerk } = await issuingDesk();
    const request = { action: 'licence.void' as const, requestedBy: clerk, now: t0 };
    for (let i = 0; i < 4; i += 1) await verifyChiefApproval(db, wrong, request);
    expect(await verifyChiefApproval(db, clerkLogin, request)).toEqual({ ok: false, message: '“张三”不是首席代表，不能批准此操作' });
    expect(await verifyChiefApproval(db, wrong, request)).toEqual({ ok: false, message: '首席代表登录名或密码不正确。密码错误次数过多，请30秒后再试' });
  });
});

describe('requireReason', () => {
  it('cleans the reason and refuses an empty one or one with control characters', () => {
    expect(requireReason('  卡纸\u3000 ')).toBe('卡纸');
    expect(() => requireReason(' \n ')).toThrow(new Refusal('须写明原因'));
    expect(() => requireReason('卡\u0007纸')).toThrow(Refusal);
  });
});
