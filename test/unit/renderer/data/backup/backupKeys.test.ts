import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveBackupSecret, fromBase64, frameKeyBits } from '../../../../../renderer/src/data/backup/crypto';
import { backupMagic } from '../../../../../renderer/src/data/backup/format';
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

  it('gives every file a frame key of its own, so backups from the one stored secret never share an AES key', async () => {
    const { db } = await readyDesk();
    const secret = await deriveBackupSecret(passphrase, crypto.getRandomValues(new Uint8Array(16)), 600_000);
    const files = [await fileOf(db, { secret, dataKey }), await fileOf(db, { secret, dataKey })];
    const headers = await Promise.all(files.map((file) => readBackupHeader(sourceOf(file))));
    expect(headers[0]!.format).toBe(2);
    expect(headers[0]!.kdf.salt).toBe(headers[1]!.kdf.salt);
    expect(headers[0]!.keyCheck).toBe(headers[1]!.keyCheck);
    expect(headers[0]!.fileSalt).not.toBe(headers[1]!.fileSalt);
    const [first, second] = await Promise.all(headers.map((header) => frameKeyBits(secret, fromBase64(header.fileSalt))));
    expect(first).toHaveLength(32);
    expect(first).not.toEqual(second);
    expect(first).not.toEqual(secret.bits.slice(0, 32));
    // The passphrase alone opens each of them.
    for (const file of files) await restoreBackup(freshDatabase(), sourceOf(file), { passphrase, thisDesk: null, acceptOtherDesk: false });
  });

  it('refuses a file of another format by name, before asking anything of the passphrase', async () => {
    const { db } = await readyDesk();
    const file = await fileOf(db, { passphrase, dataKey });
    const length = new DataView(file.buffer).getUint32(backupMagic.length);
    const start = backupMagic.length + 4;
    const header = JSON.parse(new TextDecoder().decode(file.subarray(start, start + length))) as Record<string, unknown>;
    const json = new TextEncoder().encode(JSON.stringify({ ...header, format: 1 }));
    const older = new Uint8Array(start + json.length + file.length - start - length);
    older.set(file.subarray(0, backupMagic.length), 0);
    new DataView(older.buffer).setUint32(backupMagic.length, json.length);
    older.set(json, start);
    older.set(file.subarray(start + length), start + json.length);
    const error = await readBackupHeader(sourceOf(older)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackupRefusal);
    expect(error).toMatchObject({ kind: 'otherFormat', message: expect.stringContaining('第 1 版') as unknown });
    const restoring = freshDatabase();
    await expect(restoreBackup(restoring, sourceOf(older), { passphrase, thisDesk: null, acceptOtherDesk: false })).rejects.toMatchObject({ kind: 'otherFormat' });
    expect(await restoring.clerks.count()).toBe(0);
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
