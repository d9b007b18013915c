import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readDeskIdentity, saveDeskIdentity } from '../../../../renderer/src/data/desk';
import { addAccount, closeDatabases, freshDatabase } from './dataFixtures';

afterEach(closeDatabases);

describe('desk identity', () => {
  it('is unset on a new desk, and an admin sets it with an audit entry', async () => {
    const db = freshDatabase();
    const admin = await addAccount(db, 'admin', '管理员');
    expect(await readDeskIdentity(db)).toBeNull();
    expect(await saveDeskIdentity(db, { hallCode: 'FC', deskCode: '03' }, admin)).toEqual({ ok: true, value: { hallCode: 'FC', deskCode: '03' } });
    expect(await readDeskIdentity(db)).toEqual({ hallCode: 'FC', deskCode: '03' });
    expect((await db.auditLog.toArray()).map((entry) => entry.action)).toEqual(['desk.identity']);
  });

  it('refuses malformed codes, naming the field', async () => {
    const db = freshDatabase();
    const admin = await addAccount(db, 'admin', '管理员');
    expect(await saveDeskIdentity(db, { hallCode: 'fc', deskCode: '03' }, admin)).toMatchObject({ ok: false, field: 'hallCode' });
    expect(await saveDeskIdentity(db, { hallCode: 'FC', deskCode: '3' }, admin)).toMatchObject({ ok: false, field: 'deskCode' });
  });

  it('is for admins only', async () => {
    const db = freshDatabase();
    const clerk = await addAccount(db, 'clerk', '李受理');
    expect(await saveDeskIdentity(db, { hallCode: 'FC', deskCode: '03' }, clerk)).toMatchObject({ ok: false });
    expect(await readDeskIdentity(db)).toBeNull();
  });
});
