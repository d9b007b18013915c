import { deriveBackupSecret } from '../../../data/backup/crypto';
import { minBackupKdfIterations } from '../../../data/backup/format';
import { backupMessages } from '../../../data/backup/messages';
import type { BackupSource } from '../../../data/backup/readBackup';
import { restoreBackup } from '../../../data/backup/restoreBackup';
import type { BackupManifest } from '../../../data/backup/format';
import { writeBackup, type BackupKeySource, type BackupProgress } from '../../../data/backup/writeBackup';
import type { DeskDatabase } from '../../../data/db';
import { replaceDeskKeys } from '../../../data/crypto/deskKeys';
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
  options: BackupKeySource & { keep: number; dataKey?: Uint8Array | null; now?: Date; onProgress?: BackupProgress },
): Promise<{ fileName: string; pruned: string[] }> {
  const now = options.now ?? new Date();
  const desk = await readDeskIdentity(db);
  if (desk === null) throw new Error(backupMessages.noDeskIdentity);
  const fileName = backupFileName(desk.hallCode, desk.deskCode, now);
  const { writeId } = await callDesk('backupOpen', { fileName });
  try {
    const key: BackupKeySource = 'secret' in options ? { secret: options.secret } : { passphrase: options.passphrase };
    await writeBackup(db, { write: async (bytes) => void (await callDesk('backupAppend', { writeId, bytes })) }, {
      ...key,
      dataKey: options.dataKey ?? null,
      now,
      ...(options.onProgress && { onProgress: options.onProgress }),
    });
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

/** Sets the backup passphrase: the main process keeps what it gives at a fresh salt, never the passphrase. */
export async function setBackupPassphrase(passphrase: string): Promise<{ setAt: string }> {
  const secret = await deriveBackupSecret(passphrase, crypto.getRandomValues(new Uint8Array(16)), minBackupKdfIterations);
  return callDesk('backupSecretSet', secret);
}

/** Why a backup cannot be written now (no folder, no passphrase), or null. */
export type BackupBlocker = 'noFolder' | 'noPassphrase';

/**
 * A backup into the chosen folder with the passphrase's stored secret and the desk's data key inside, the
 * newest `keep` kept: what 立即备份 and the day close both run.
 */
export async function backupWithStoredSecret(
  db: DeskDatabase,
  options: { keep: number; now?: Date; onProgress?: BackupProgress },
): Promise<{ blocked: BackupBlocker } | { fileName: string; pruned: string[] }> {
  if ((await callDesk('backupGetFolder')).folder === null) return { blocked: 'noFolder' };
  const stored = await callDesk('backupSecretGet');
  if (stored.state !== 'set') return { blocked: 'noPassphrase' };
  const { key } = await callDesk('backupDataKey');
  try {
    return await backupToFolder(db, { ...options, secret: { salt: stored.salt, iterations: stored.iterations, bits: stored.bits }, dataKey: key });
  } finally {
    key?.fill(0);
  }
}

/**
 * Restores a backup file from the chosen folder onto this fresh profile: verified whole before anything is
 * written, another desk's refused unless confirmed (this desk is what the profile or the main process's
 * enrolment says), its data key adopted by the main process before any row is written.
 */
export async function restoreFromFolder(
  db: DeskDatabase,
  fileName: string,
  options: { passphrase: string; acceptOtherDesk: boolean; onProgress?: BackupProgress },
): Promise<BackupManifest> {
  const enrolment = (await callDesk('hqGetConfig')).enrolment;
  const thisDesk = (await readDeskIdentity(db)) ?? (enrolment === null ? null : { hallCode: enrolment.hallCode, deskCode: enrolment.deskCode });
  return restoreBackup(db, folderBackupSource(fileName), {
    ...options,
    thisDesk,
    // The main process first (the next page load is handed the key), then this page, which writes the rows.
    adoptDataKey: async (key) => {
      try {
        await callDesk('backupAdoptDataKey', { key });
        await replaceDeskKeys(key.slice());
      } finally {
        key.fill(0);
      }
    },
  });
}

/**
 * Tells the main process this desk has an account, so it never again replaces the data key with a
 * restored backup's: called when the first admin is set up and at every start of a desk with accounts
 * (desks set up before the mark existed get it then). A failure is left for the next start to retry:
 * the page offers a restore only on the first-run screen anyway.
 */
export function markDataKeyInUse(): void {
  callDesk('dataKeyInUse').catch(() => undefined);
}
