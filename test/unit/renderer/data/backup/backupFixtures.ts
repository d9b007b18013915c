import 'fake-indexeddb/auto';
import type { DeskDatabase } from '../../../../../renderer/src/data/db';
import type { BackupSource } from '../../../../../renderer/src/data/backup/readBackup';
import { writeBackup } from '../../../../../renderer/src/data/backup/writeBackup';

export const passphrase = '柜台备份-2026-春';

/** The backup file's bytes, as the writes the main process would append. */
export async function backupBytes(db: DeskDatabase, now = new Date('2026-11-26T18:00:00+08:00')): Promise<{ writes: Uint8Array[]; file: Uint8Array }> {
  const writes: Uint8Array[] = [];
  await writeBackup(db, { write: async (bytes) => void writes.push(bytes) }, { passphrase, now });
  const file = new Uint8Array(writes.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of writes) {
    file.set(part, at);
    at += part.length;
  }
  return { writes, file };
}

/** The file read back in 64 KiB chunks, as the main process hands it over. */
export function sourceOf(file: Uint8Array): BackupSource {
  return async function* () {
    for (let at = 0; at < file.length; at += 65_536) yield file.slice(at, at + 65_536);
  };
}

/** Every table's rows, Blobs as their bytes, for comparing two desks. */
export async function contentsOf(db: DeskDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    out[table.name] = await Promise.all(
      rows.map(async (row: Record<string, unknown>) => {
        const copy: Record<string, unknown> = { ...row };
        for (const [field, value] of Object.entries(copy)) if (value instanceof Blob) copy[field] = [value.type, [...new Uint8Array(await value.arrayBuffer())]];
        return copy;
      }),
    );
  }
  return out;
}
