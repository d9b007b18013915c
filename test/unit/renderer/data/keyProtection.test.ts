import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// This file's page: a Linux desk without a key store. The keys are kept per page load (the unit tests'
// setup hands over a key-store key), so the modules are loaded afresh and handed this file's key first.
const load = async () => {
  vi.resetModules();
  const deskKeys = await import('../../../../renderer/src/data/crypto/deskKeys');
  await deskKeys.unlockDeskKeys(async () => ({ state: 'ready', key: new Uint8Array(32).fill(5), protection: 'fixedPassword' }));
  return {
    ...deskKeys,
    ...(await import('../../../../renderer/src/data/cases')),
    ...(await import('../../../../renderer/src/data/dataError')),
    ...(await import('../../../../renderer/src/data/intakeDrafts')),
    ...(await import('../../../../renderer/src/data/keyProtection')),
    ...(await import('./caseWorkFixtures')),
    ...(await import('./dataFixtures')),
  };
};
let m: Awaited<ReturnType<typeof load>>;

const notAcknowledged =
  '本机没有系统密钥库，加密个人信息的数据密钥只受一个公开的固定口令保护。管理员在“设置”中确认知悉之前，本机不保存任何个人信息（受理登记、更正、附件、草稿等均暂停）。';

beforeAll(async () => {
  m = await load();
  expect(m.keyProtectionNow()).toBe('fixedPassword');
});
afterEach(() => m.closeDatabases());

describe('a desk whose key only a fixed password protects', () => {
  it('refuses to take a case in, in Chinese, and stores nothing of it, until the admin acknowledges', async () => {
    const { db, clerk } = await m.readyDesk();
    const before = await m.storedCounts(db);
    expect(await m.createDraftCase(db, m.startUpInput(), { clerk, at: m.beforeNationalDay })).toEqual({ ok: false, message: notAcknowledged });
    expect(await m.storedCounts(db)).toEqual(before);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('keeps no intake draft either: the form is told why', async () => {
    const { db, clerk } = await m.readyDesk();
    const saving = m.saveIntakeDraft(db, clerk.id, { applicantName: '王小明' });
    await expect(saving).rejects.toBeInstanceOf(m.DataError);
    await expect(saving).rejects.toThrow(notAcknowledged);
    expect(await db.intakeDrafts.count()).toBe(0);
  });

  it('lets only an admin acknowledge', async () => {
    const { db, clerk, chief } = await m.readyDesk();
    for (const actor of [clerk, chief]) {
      expect(await m.acknowledgeFixedPassword(db, actor)).toEqual({ ok: false, message: '您没有修改本机设置的权限' });
    }
    expect(await m.readFixedPasswordAcknowledgement(db)).toBeNull();
    expect(await db.auditLog.count()).toBe(0);
  });

  it('stores personal data once the admin has acknowledged, with who and when, and an audit entry', async () => {
    const { db, clerk } = await m.readyDesk();
    const admin = await m.addAccount(db, 'admin', '王管理');
    const acknowledged = await m.acknowledgeFixedPassword(db, admin, new Date('2026-09-29T09:00:00+08:00'));
    const expected = { at: '2026-09-29T09:00:00.000+08:00', clerkId: admin.id, displayName: '王管理' };
    expect(acknowledged).toEqual({ ok: true, value: expected });
    expect(await m.readFixedPasswordAcknowledgement(db)).toEqual(expected);
    expect(await db.auditLog.toArray()).toEqual([expect.objectContaining({ action: 'desk.keyProtection.acknowledge', clerkId: admin.id, subject: 'desk' })]);

    expect((await m.created(db, clerk)).applicant.name).toBe('王小明');
    await m.saveIntakeDraft(db, clerk.id, { applicantName: '王小明' });
    expect(await db.intakeDrafts.count()).toBe(1);
  });

  it('asks again when the stored acknowledgement is damaged', async () => {
    const { db, clerk } = await m.readyDesk();
    await db.meta.put({ key: 'fixedPasswordAcknowledged', value: { at: 42 } });
    expect(await m.readFixedPasswordAcknowledgement(db)).toBeNull();
    expect(await m.createDraftCase(db, m.startUpInput(), { clerk, at: m.beforeNationalDay })).toEqual({ ok: false, message: notAcknowledged });
  });
});
