import { z } from 'zod';

/**
 * Backup files, written and read by the main process in the one folder the admin chose (the renderer
 * never names a path): a file is written in chunks under a temporary name and renamed when whole, the
 * newest N are kept, and a file is read back in chunks.
 */

/** `yct-<hall><desk>-<yyyymmdd>-<hhmmss>.yctbak`: made by the renderer, checked here, never a path. */
export const backupFileNameSchema = z.string().regex(/^yct-[A-Z0-9]{2,12}-\d{8}-\d{6}\.yctbak$/);

/** At most this much per chunk across IPC, so neither side holds a whole backup. */
export const maxBackupChunkBytes = 4 << 20;

const chunkSchema = z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= maxBackupChunkBytes, { error: '备份数据块过大' });

export const backupFolderSchema = z.object({ folder: z.string().nullable() });
export const backupWriteIdSchema = z.object({ writeId: z.uuid() }).strict();
export const backupOpenInputSchema = z.object({ fileName: backupFileNameSchema }).strict();
export const backupAppendInputSchema = z.object({ writeId: z.uuid(), bytes: chunkSchema }).strict();
export const backupCloseInputSchema = z.object({ writeId: z.uuid(), keep: z.int().min(1).max(100) }).strict();
export const backupCloseOutputSchema = z.object({ fileName: backupFileNameSchema, pruned: z.array(backupFileNameSchema) });
export const backupFileSchema = z.object({ fileName: backupFileNameSchema, bytes: z.int().min(0), modifiedAt: z.string() });
export const backupReadInputSchema = z.object({ fileName: backupFileNameSchema, offset: z.int().min(0), length: z.int().min(1).max(maxBackupChunkBytes) }).strict();
export const backupReadOutputSchema = z.object({ bytes: chunkSchema, done: z.boolean() });

const bytesOf = (length: number) => z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength === length, { error: '密钥长度不正确' });

/** What the backup passphrase gave when the admin set it (never the passphrase): 64 PBKDF2 bytes at a 16-byte salt. */
export const backupSecretInputSchema = z.object({ salt: bytesOf(16), iterations: z.int().min(600_000), bits: bytesOf(64) }).strict();
export const backupSecretStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  /** Sealed under a data key this desk no longer has (a restore adopted another): the admin sets it again. */
  z.object({ state: z.literal('unreadable') }),
  z.object({ state: z.literal('set'), salt: bytesOf(16), iterations: z.int().min(600_000), bits: bytesOf(64), setAt: z.string() }),
]);
export type BackupSecretState = z.infer<typeof backupSecretStateSchema>;
/** The desk's raw data key, for the inside of a passphrase-encrypted backup or from one being restored. */
export const backupDataKeySchema = z.object({ key: bytesOf(32).nullable() });
export const backupAdoptInputSchema = z.object({ key: bytesOf(32) }).strict();
/** A backup file the admin picked in the OS dialog (its folder becomes the backup folder), or null when cancelled. */
export const backupChosenFileSchema = z.object({ fileName: backupFileNameSchema.nullable() });
