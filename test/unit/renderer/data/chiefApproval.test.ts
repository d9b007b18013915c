import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { requireReason, verifyChiefApproval } from '../../../../renderer/src/data/chiefApproval';
import { setClerkActive } from '../../../../renderer/src/data/clerks';
import { Refusal } from '../../../../renderer/src/data/refusal';
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

describe('requireReason', () => {
  it('cleans the reason and refuses an empty one or one with control characters', () => {
    expect(requireReason('  卡纸\u3000 ')).toBe('卡纸');
    expect(() => requireReason(' \n ')).toThrow(new Refusal('须写明原因'));
    expect(() => requireReason('卡\u0007纸')).toThrow(Refusal);
  });
});
