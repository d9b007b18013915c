import { z } from 'zod';
import { isoDateTimeSchema } from '../../domain/chineseDate';
import { dataKeyLength } from '../../domain/dataKey';
import { deskIdentitySchema } from '../../domain/desk';
import { sha256Schema } from '../../domain/sha256';

/**
 * A desk backup file: the magic, a plain header (readable without the passphrase, so a list can say whose
 * backup a file is), then encrypted frames carrying one zip stream. The zip holds the tables page by page,
 * the bytes of scans and archived PDFs, and last a manifest with every entry's hash.
 */
export const backupMagic = 'YCTBAK01';
export const backupFileExtension = '.yctbak';

/** PBKDF2-SHA256 at 600,000 iterations (what OWASP asks of it today); a file asking for fewer is refused. */
export const minBackupKdfIterations = 600_000;

const base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/**
 * The header's format: 2 since each file has a frame key of its own (HKDF at `fileSalt`); a file of any
 * other format is refused by name rather than misread.
 */
export const backupFormat = 2;

/** Just the format, read first, so a file of another format is told apart from a file that is no backup. */
export const backupFormatSchema = z.object({ format: z.int() });

export const backupHeaderSchema = z
  .object({
    format: z.literal(backupFormat),
    kdf: z.object({ algorithm: z.literal('PBKDF2-SHA256'), iterations: z.int().min(minBackupKdfIterations), salt: base64Schema }),
    /** HKDF's salt for this file's frame key (16 random bytes). */
    fileSalt: base64Schema.refine((text) => atob(text).length === 16),
    /** The first 4 bytes of every frame's IV; the other 8 are the frame's index. */
    noncePrefix: base64Schema,
    /** SHA-256 of the second half of the derived bits: tells a wrong passphrase from a damaged file. */
    keyCheck: sha256Schema,
    createdAt: isoDateTimeSchema,
    desk: deskIdentitySchema,
  })
  .strict();
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const backupEntrySchema = z.object({ name: z.string().min(1), sha256: sha256Schema, rows: z.int().min(0) });
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const backupManifestSchema = z
  .object({
    format: z.literal(1),
    createdAt: isoDateTimeSchema,
    /** The IndexedDB schema version the rows are shaped for. */
    schemaVersion: z.int().min(1),
    desk: deskIdentitySchema,
    entries: z.array(backupEntrySchema),
    auditHead: z.object({ seq: z.int().min(1), hash: sha256Schema }).nullable(),
    /** The desk's outbox sequence when the backup was taken (the last seq it had given out). */
    outboxLastSeq: z.int().min(0),
    /** The desk's data key (32 bytes), which the restored desk adopts to open its sealed data; absent on a desk without one. */
    dataKey: base64Schema.refine((text) => atob(text).length === dataKeyLength).optional(),
  })
  .strict();
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export const manifestEntryName = 'manifest.json';
