import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultBackupKeep, readBackupKeep, readLastBackup, recordBackup, saveBackupKeep } from '../../../../../renderer/src/data/backup/backupRecord';
import { verifyAuditLog } from '../../../../../renderer/src/data/audit';
import { closeDatabases, readyDesk } from '../dataFixtures';

afterEach(closeDatabases);

describe('backup settings and results', () => {
  it('keeps 7 until the admin says otherwise, and refuses a clerk', async () => {
    const { db, clerk } = await readyDesk();
    expect(await readBackupKeep(db)).toBe(defaultBackupKeep);
    expect(await saveBackupKeep(db, 3, clerk)).toEqual({ ok: false, message: '您没有修改本机设置的权限' });
    expect(await readBackupKeep(db)).toBe(7);
  });

  it('records a failed day-close backup in the audit log and as the last backup', async () => {
    const { db, chief } = await readyDesk();
    await recordBackup(db, { at: '2026-11-26T18:00:00+08:00', trigger: 'dayClose', outcome: { ok: false, message: '备份文件夹不可用' } }, chief);
    expect(await readLastBackup(db)).toMatchObject({ trigger: 'dayClose', outcome: { ok: false, message: '备份文件夹不可用' } });
    const entries = await db.auditLog.toArray();
    expect(entries.at(-1)).toMatchObject({ action: 'backup.failed', clerkId: chief.id, details: { trigger: 'dayClose', message: '备份文件夹不可用' } });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });
});
