import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAuditEntry, verifyAuditLog, writeWithAudit } from '../../../../renderer/src/data/audit';
import { DeskDatabase } from '../../../../renderer/src/data/db';
import { GENESIS_HASH, hashAuditEntry, type AuditEntryInput } from '../../../../renderer/src/domain/audit/auditEntry';
import { newClerkId } from '../../../../renderer/src/domain/clerks/clerkId';

const clerkId = newClerkId();
const input = (action: string, details: AuditEntryInput['details'] = {}): AuditEntryInput => ({
  at: '2026-11-28T09:15:00+08:00',
  clerkId,
  action,
  subject: `clerk:${clerkId}`,
  details,
});

let databases: DeskDatabase[] = [];
let counter = 0;
function freshDatabase(): DeskDatabase {
  const db = new DeskDatabase(`audit-test-${++counter}`);
  databases.push(db);
  return db;
}

afterEach(async () => {
  for (const db of databases) {
    db.close();
    await db.delete();
  }
  databases = [];
});

async function seed(db: DeskDatabase, count: number) {
  for (let i = 0; i < count; i += 1) await appendAuditEntry(db, input('clerk.signIn', { i }));
}

describe('appendAuditEntry', () => {
  it('starts the log from the genesis hash and chains each entry to the one before', async () => {
    const db = freshDatabase();
    const first = await appendAuditEntry(db, input('clerk.signIn'));
    const second = await appendAuditEntry(db, input('clerk.lock', { reason: 'idle' }));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
    expect(await db.auditLog.toArray()).toEqual([first, second]);
    expect(await db.meta.get('auditHead')).toEqual({ key: 'auditHead', value: { seq: 2, hash: second.hash } });
  });

  it('keeps the chain contiguous when many acts are logged at once', async () => {
    const db = freshDatabase();
    const entries = await Promise.all(Array.from({ length: 12 }, (_, i) => appendAuditEntry(db, input('case.open', { i }))));
    expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, head: { seq: 12 } });
  });

  it('refuses an entry that breaks the entry rules and writes nothing', async () => {
    const db = freshDatabase();
    await expect(appendAuditEntry(db, input('Not An Action'))).rejects.toThrow();
    expect(await db.auditLog.count()).toBe(0);
    expect(await db.meta.get('auditHead')).toBeUndefined();
  });

  it('will not write over an entry that was slipped in beyond the head', async () => {
    const db = freshDatabase();
    await seed(db, 2);
    const [first] = await db.auditLog.toArray();
    await db.auditLog.add({ ...first!, seq: 3 });
    await expect(appendAuditEntry(db, input('clerk.signIn'))).rejects.toThrow('来历不明的记录');
    expect(await db.auditLog.get(3)).toEqual({ ...first!, seq: 3 });
  });

  it('stops with a clear message when the stored head is damaged', async () => {
    const db = freshDatabase();
    await seed(db, 1);
    await db.meta.put({ key: 'auditHead', value: { seq: 'one' } });
    await expect(appendAuditEntry(db, input('clerk.signIn'))).rejects.toThrow('末条记录标记已损坏');
  });
});

describe('writeWithAudit', () => {
  it('stores the act and its entry together', async () => {
    const db = freshDatabase();
    const { value, entry } = await writeWithAudit(db, [], input('settings.idleLockMinutes', { to: 3 }), async () => {
      await db.meta.put({ key: 'idleLockMinutes', value: 3 });
      return 'saved';
    });
    expect(value).toBe('saved');
    expect(entry.seq).toBe(1);
    expect(await db.meta.get('idleLockMinutes')).toEqual({ key: 'idleLockMinutes', value: 3 });
  });

  it('stores neither the act nor its entry when the act fails', async () => {
    const db = freshDatabase();
    await seed(db, 1);
    await expect(
      writeWithAudit(db, [], input('settings.idleLockMinutes'), async () => {
        await db.meta.put({ key: 'idleLockMinutes', value: 3 });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.meta.get('idleLockMinutes')).toBeUndefined();
    expect(await db.auditLog.count()).toBe(1);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, head: { seq: 1 } });
  });

  it('stores neither the act nor its entry when a row was slipped in at the entry\'s number', async () => {
    const db = freshDatabase();
    await seed(db, 2);
    const [first] = await db.auditLog.toArray();
    await db.auditLog.add({ ...first!, seq: 3 });
    await expect(
      writeWithAudit(db, [], input('settings.idleLockMinutes', { to: 3 }), async () => {
        await db.meta.put({ key: 'idleLockMinutes', value: 3 });
      }),
    ).rejects.toThrow('来历不明的记录');
    expect(await db.meta.get('idleLockMinutes')).toBeUndefined();
    expect(await db.meta.get('auditHead')).toMatchObject({ value: { seq: 2 } });
    expect(await db.auditLog.get(3)).toEqual({ ...first!, seq: 3 });
  });

  it('stores neither the act nor its entry when the entry cannot be written', async () => {
    const db = freshDatabase();
    await seed(db, 1);
    db.auditLog.hook('creating', () => {
      throw new Error('磁盘已满');
    });
    await expect(
      writeWithAudit(db, [], input('settings.idleLockMinutes', { to: 3 }), async () => {
        await db.meta.put({ key: 'idleLockMinutes', value: 3 });
      }),
    ).rejects.toThrow('磁盘已满');
    expect(await db.meta.get('idleLockMinutes')).toBeUndefined();
    expect(await db.auditLog.count()).toBe(1);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, head: { seq: 1 } });
  });

  it('rolls an act back and makes it again on the new head when another window logged in between', async () => {
    const window1 = freshDatabase();
    await seed(window1, 1);
    const window2 = new DeskDatabase(window1.name);
    databases.push(window2);
    await appendAuditEntry(window2, input('clerk.signIn', { from: 'window 2' }));
    let runs = 0;
    const { entry } = await writeWithAudit(window1, [], input('settings.idleLockMinutes', { to: 3 }), async () => {
      runs += 1;
      await window1.meta.put({ key: 'idleLockMinutes', value: runs });
      return runs;
    });
    // Window 1 last saw the head at 1: its first try is rolled back, the second is written at 3.
    expect(runs).toBe(2);
    expect(entry.seq).toBe(3);
    expect(await window1.meta.get('idleLockMinutes')).toEqual({ key: 'idleLockMinutes', value: 2 });
    expect(await verifyAuditLog(window1)).toMatchObject({ ok: true, head: { seq: 3 } });
  });
});

describe('verifyAuditLog', () => {
  it('finds an empty log intact', async () => {
    expect(await verifyAuditLog(freshDatabase())).toEqual({ ok: true, head: null });
  });

  it('finds an untouched log intact', async () => {
    const db = freshDatabase();
    await seed(db, 4);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, head: { seq: 4 } });
  });

  it('detects an entry edited in the database', async () => {
    const db = freshDatabase();
    await seed(db, 4);
    await db.auditLog.update(2, { details: { i: 99 } });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, kind: 'edited', brokenAtSeq: 2 });
  });

  it('detects an edited entry even when its own hash was recomputed', async () => {
    const db = freshDatabase();
    await seed(db, 4);
    const entry = (await db.auditLog.get(2))!;
    const forged = { ...entry, action: 'clerk.signOut' };
    await db.auditLog.put({ ...forged, hash: await hashAuditEntry(forged) });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, kind: 'edited', brokenAtSeq: 2 });
  });

  it('detects an entry deleted from the middle', async () => {
    const db = freshDatabase();
    await seed(db, 4);
    await db.auditLog.delete(3);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, kind: 'deleted', brokenAtSeq: 3 });
  });

  it('detects the newest entries deleted, against the separately kept head', async () => {
    const db = freshDatabase();
    await seed(db, 4);
    await db.auditLog.bulkDelete([3, 4]);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, kind: 'deleted', brokenAtSeq: 3, message: expect.stringContaining('第3至4条') });
  });

  it('shows a tail deleted earlier as a gap once logging carries on', async () => {
    const db = freshDatabase();
    await seed(db, 4);
    await db.auditLog.delete(4);
    await appendAuditEntry(db, input('clerk.signIn'));
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, kind: 'deleted', brokenAtSeq: 4 });
  });

  it('detects a damaged head record', async () => {
    const db = freshDatabase();
    await seed(db, 2);
    await db.meta.put({ key: 'auditHead', value: 'gone' });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, kind: 'malformed', brokenAtSeq: 2 });
  });

  it('detects a log whose head was removed', async () => {
    const db = freshDatabase();
    await seed(db, 2);
    await db.meta.delete('auditHead');
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, kind: 'inserted', brokenAtSeq: 1 });
  });
});
