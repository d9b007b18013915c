import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { markRestoreNoticeSeen, markRestoreResumed, readRestoredFrom } from '../../../../../renderer/src/data/backup/restoreBackup';
import { closeDatabases, freshDatabase } from '../dataFixtures';

afterEach(closeDatabases);

describe("the notice of a restore's lost work", () => {
  it('stays with the restored desk until a clerk has seen it', async () => {
    const db = freshDatabase();
    await markRestoreNoticeSeen(db);
    expect(await readRestoredFrom(db)).toBeNull();
    const restored = { backupCreatedAt: '2026-11-26T18:00:00+08:00', desk: { hallCode: 'MY', deskCode: '01' }, outboxLastSeq: 4, restoredAt: '2026-11-27T09:00:00+08:00', notice: '已从备份恢复。' };
    await db.transaction('rw', db.meta, () => markRestoreResumed(db, restored));
    expect(await readRestoredFrom(db)).toEqual(restored);
    await markRestoreNoticeSeen(db);
    expect(await readRestoredFrom(db)).toEqual({ ...restored, noticeSeen: true });
  });
});
