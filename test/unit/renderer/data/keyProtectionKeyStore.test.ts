import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { unlockDeskKeys } from '../../../../renderer/src/data/crypto/deskKeys';
import { acknowledgeFixedPassword, readFixedPasswordAcknowledgement } from '../../../../renderer/src/data/keyProtection';
import { created } from './caseWorkFixtures';
import { addAccount, closeDatabases, readyDesk } from './dataFixtures';

// This file's page: a desk whose key the OS key store protects.
beforeAll(async () => {
  await unlockDeskKeys(async () => ({ state: 'ready', key: new Uint8Array(32).fill(5), protection: 'osKeyStore' }));
});
afterEach(closeDatabases);

describe('a desk whose key the OS key store protects', () => {
  it('stores personal data without any acknowledgement, and has none to give', async () => {
    const { db, clerk } = await readyDesk();
    expect((await created(db, clerk)).applicant.name).toBe('王小明');
    const admin = await addAccount(db, 'admin', '王管理');
    expect(await acknowledgeFixedPassword(db, admin)).toEqual({ ok: false, message: '本机的数据密钥由系统密钥库保护，无需确认' });
    expect(await readFixedPasswordAcknowledgement(db)).toBeNull();
  });
});
