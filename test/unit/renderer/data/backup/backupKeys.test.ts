import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveBackupSecret } from '../../../../../renderer/src/data/backup/crypto';
import { BackupRefusal, readBackupHeader } from '../../../../../renderer/src/data/backup/readBackup';
import { restoreBackup } from '../../../../../renderer/src/data/backup/restoreBackup';
import { writeBackup } from '../../../../../renderer/src/data/backup/writeBackup';
import type { DeskDatabase } from '../../../../../renderer/src/data/db';
import { passphrase, sourceOf } from './backupFixtures';
import { closeDatabases, freshDatabase, readyDesk } from '../dataFixtures';

afterEach(closeDatabases);

async function fileOf(db: DeskDatabase, options: Parameters<typeof writeBackup>[2]): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await writeBackup(db, { write: async (bytes) => void parts.push(bytes) }, options);
  const file = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    file.set(part, at);
    at += part.length;
  }
  return file;
}

const dataKey = Uint8Array.from({ length: 32 }, (_, i) => i + 1);

// Each derivation is 600,000 PBKDF2 rounds, slow on a busy 2-core machine.
describe('backup keys', { timeout: 180_000 }, () => {
  it('writes a backup from the secret the passphrase gave when it was set, and the passphrase alone restores it', async () => {
    const { db } = await readyDesk();
    const secret = await deriveBackupSecret(passphrase, crypto.getRandomValues(new Uint8Array(16)), 600_000);
    const file = await fileOf(db, { secret, dataKey });
    expect((await readBackupHeader(sourceOf(file))).kdf).toMatchObject({ iterations: 600_000 });
    const fresh = freshDatabase();
    const adopted: Uint8Array[] = [];
    const manifest = await restoreBackup(fresh, sourceOf(file), { passphrase, thisDesk: null, acceptOtherDesk: false, adoptDataKey: async (key) => void adopted.push(key) });
    expect(manifest.outboxLastSeq).toBe(0);
    expect(adopted).toEqual([dataKey]);
    expect(await fresh.clerks.count()).toBe(await db.clerks.count());
  });

  it('hands the data key over after verifying and before writing any row, and never for a refused backup', async () => {
    const { db } = await readyDesk();
    const file = await fileOf(db, { passphrase, dataKey });
    const fresh = freshDatabase();
    const rowsWhenAdopted: number[] = [];
    await restoreBackup(fresh, sourceOf(file), {
      passphrase,
      thisDesk: null,
      acceptOtherDesk: false,
      adoptDataKey: async () => void rowsWhenAdopted.push(await fresh.clerks.count()),
    });
    expect(rowsWhenAdopted).toEqual([0]);

    const tampered = file.slice();
    tampered[tampered.length - 40]! ^= 1;
    const other = freshDatabase();
    let called = false;
    const error = await restoreBackup(other, sourceOf(tampered), { passphrase, thisDesk: null, acceptOtherDesk: false, adoptDataKey: async () => void (called = true) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackupRefusal);
    expect(called).toBe(false);
    expect(await other.clerks.count()).toBe(0);
  });

  it('carries no data key when the desk has none', async () => {
    const { db } = await readyDesk();
    const file = await fileOf(db, { passphrase, dataKey: null });
    let called = false;
    await restoreBackup(freshDatabase(), sourceOf(file), { passphrase, thisDesk: null, acceptOtherDesk: false, adoptDataKey: async () => void (called = true) });
    expect(called).toBe(false);
  });
});
