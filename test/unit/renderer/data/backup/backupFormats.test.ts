import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../../../renderer/src/data/audit';
import { BackupRefusal, readBackupHeader } from '../../../../../renderer/src/data/backup/readBackup';
import { restoreBackup } from '../../../../../renderer/src/data/backup/restoreBackup';
import { writeBackup } from '../../../../../renderer/src/data/backup/writeBackup';
import { createDraftCase } from '../../../../../renderer/src/data/cases';
import { isSealedRow } from '../../../../../renderer/src/data/crypto/sealedFields';
import type { DeskDatabase } from '../../../../../renderer/src/data/db';
import { searchCases } from '../../../../../renderer/src/data/search/searchCases';
import { testDataKey } from '../../../support/unlockTestDeskKeys';
import { passphrase, sourceOf } from './backupFixtures';
import { beforeNationalDay, closeDatabases, freshDatabase, readyDesk, startUpInput } from '../dataFixtures';

afterEach(closeDatabases);

async function fileOf(db: DeskDatabase, dataKey: Uint8Array | null): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await writeBackup(db, { write: async (bytes) => void parts.push(bytes) }, { passphrase, dataKey });
  return new Uint8Array(Buffer.concat(parts));
}

/** A table's rows as IndexedDB holds them, below the sealing middleware. */
async function resting(db: DeskDatabase, table: string): Promise<Record<string, unknown>[]> {
  const request = db.backendDB().transaction(table, 'readonly').objectStore(table).getAll();
  return new Promise((done, fail) => {
    request.onsuccess = () => done(request.result as Record<string, unknown>[]);
    request.onerror = () => fail(request.error);
  });
}

async function deskWithCase(): Promise<DeskDatabase> {
  const { db, clerk } = await readyDesk();
  const made = await createDraftCase(db, startUpInput({ queueTicket: 'A001' }), { clerk, at: beforeNationalDay });
  if (!made.ok) throw new Error(made.message);
  return db;
}

// Each backup and restore derives its key with 600,000 PBKDF2 rounds, slow on a busy 2-core machine.
describe('backup formats', { timeout: 180_000 }, () => {
  it('carries rows as they rest and writes them back so: the same sealed parts, search keys that still find the case', async () => {
    const desk = await deskWithCase();
    const file = await fileOf(desk, testDataKey());
    expect((await readBackupHeader(sourceOf(file))).format).toBe(3);
    const fresh = freshDatabase();
    await restoreBackup(fresh, sourceOf(file), { passphrase, thisDesk: null, acceptOtherDesk: false });

    for (const table of ['cases', 'enterprises', 'outbox', 'auditLog']) {
      const original = await resting(desk, table);
      expect(original.length, table).toBeGreaterThan(0);
      expect(original.every(isSealedRow), table).toBe(true);
      // Byte for byte: nothing was opened and sealed again (a new seal has a new IV).
      expect(await resting(fresh, table), table).toEqual(original);
    }
    expect(await verifyAuditLog(fresh)).toMatchObject({ ok: true });
    const found = await searchCases(fresh, '王小明');
    expect(found.hits.map((hit) => hit.case.applicant.name)).toEqual(['王小明']);
  });

  it('refuses a backup whose data key does not open its rows, before adopting it or writing anything', async () => {
    const desk = await deskWithCase();
    const file = await fileOf(desk, crypto.getRandomValues(new Uint8Array(32)));
    const fresh = freshDatabase();
    let adopted = false;
    const error = await restoreBackup(fresh, sourceOf(file), { passphrase, thisDesk: null, acceptOtherDesk: false, adoptDataKey: async () => void (adopted = true) }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BackupRefusal);
    expect(error).toMatchObject({ kind: 'tampered' });
    expect(adopted).toBe(false);
    expect(await fresh.clerks.count()).toBe(0);
  });

  it('still restores a format-2 backup (rows opened when written), sealing its rows on the way in', async () => {
    // Written by the build before format 3: one desk with one case, its rows plain inside the encrypted file.
    const file = new Uint8Array(await readFile(new URL('../../../../fixtures/backup-format2.yctbak', import.meta.url)));
    expect((await readBackupHeader(sourceOf(file))).format).toBe(2);
    const fresh = freshDatabase();
    await restoreBackup(fresh, sourceOf(file), { passphrase, thisDesk: null, acceptOtherDesk: false });
    expect(await verifyAuditLog(fresh)).toMatchObject({ ok: true });
    const [stored] = await resting(fresh, 'cases');
    expect(isSealedRow(stored)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('王小明');
    const [opened] = await fresh.cases.toArray();
    expect(opened?.applicant.name).toBe('王小明');
  });
});
