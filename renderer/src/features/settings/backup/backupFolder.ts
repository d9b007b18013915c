import { backupMessages } from '../../../data/backup/messages';
import type { BackupSource } from '../../../data/backup/readBackup';
import { writeBackup, type BackupProgress } from '../../../data/backup/writeBackup';
import type { DeskDatabase } from '../../../data/db';
import { readDeskIdentity } from '../../../data/desk';
import { toChinaIsoDateTime } from '../../../domain/chineseDate';
import { callDesk } from '../../../platform/desk';

/** Chunks asked of the main process when a backup is read back: 1 MiB, so neither side holds the file. */
const readChunkBytes = 1 << 20;

/** `yct-<hall><desk>-<yyyymmdd>-<hhmmss>.yctbak` in China time, so names sort by when they were taken. */
export function backupFileName(hallCode: string, deskCode: string, at: Date): string {
  const iso = toChinaIsoDateTime(at);
  return `yct-${hallCode}${deskCode}-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}.yctbak`;
}

/**
 * Writes a backup of the desk into the folder the admin chose, chunk by chunk through the main process,
 * which renames it into place once whole and keeps the newest `keep`. A failure removes the partial file.
 */
export async function backupToFolder(
  db: DeskDatabase,
  options: { passphrase: string; keep: number; now?: Date; onProgress?: BackupProgress },
): Promise<{ fileName: string; pruned: string[] }> {
  const now = options.now ?? new Date();
  const desk = await readDeskIdentity(db);
  if (desk === null) throw new Error(backupMessages.noDeskIdentity);
  const fileName = backupFileName(desk.hallCode, desk.deskCode, now);
  const { writeId } = await callDesk('backupOpen', { fileName });
  try {
    await writeBackup(db, { write: async (bytes) => void (await callDesk('backupAppend', { writeId, bytes })) }, { passphrase: options.passphrase, now, ...(options.onProgress && { onProgress: options.onProgress }) });
    return await callDesk('backupClose', { writeId, keep: options.keep });
  } catch (error) {
    await callDesk('backupAbort', { writeId }).catch(() => undefined);
    throw error;
  }
}

/** A backup in the chosen folder, read back in chunks each time a restore pass asks for it. */
export function folderBackupSource(fileName: string): BackupSource {
  return async function* () {
    for (let offset = 0; ; ) {
      const { bytes, done } = await callDesk('backupRead', { fileName, offset, length: readChunkBytes });
      offset += bytes.byteLength;
      yield bytes;
      if (done || bytes.byteLength === 0) return;
    }
  };
}
