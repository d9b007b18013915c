import type { Table } from 'dexie';
import { z } from 'zod';
import { isoDateTimeSchema } from '../../domain/chineseDate';
import { deskIdentitySchema, type DeskIdentity } from '../../domain/desk';
import { chinaIso } from '../clock';
import type { DeskDatabase } from '../db';
import { fromBase64 } from './crypto';
import { backupMessages } from './messages';
import { BackupRefusal, openBackup, sameDesk, verifyBackup, type BackupSource } from './readBackup';
import type { BackupManifest } from './format';
import { pageSizeOf } from './tablePages';
import type { BackupProgress } from './writeBackup';

/**
 * Marks a restore under way: written before the first row, removed with the last. A desk that finds it
 * at start lost power mid-restore and offers to run the restore again (which starts over from empty).
 */
const RESTORING_KEY = 'backup.restoring';
/** What the restored desk came from, for the sync's resumption (see sync/resumeAfterRestore.ts). */
const RESTORED_KEY = 'backup.restored';

export const restoredFromSchema = z.object({
  backupCreatedAt: isoDateTimeSchema,
  desk: deskIdentitySchema,
  /** The last outbox seq the backup holds. */
  outboxLastSeq: z.int().min(0),
  restoredAt: isoDateTimeSchema,
  /** What the clerk is told once the sync has found where HQ stands (null until then). */
  notice: z.string().nullable(),
  /** A clerk pressed 知道了 under the notice. */
  noticeSeen: z.boolean().optional(),
});
export type RestoredFrom = z.infer<typeof restoredFromSchema>;

export interface RestoreOptions {
  passphrase: string;
  /** The desk this installation is (its enrolment), or null when it is none yet. */
  thisDesk: DeskIdentity | null;
  /** The admin confirmed restoring a backup of another desk. */
  acceptOtherDesk: boolean;
  /**
   * Makes the backup's data key this desk's (the main process wraps it with the OS key store); run once
   * the backup is verified and before any row is written, so the restored sealed rows can be opened.
   */
  adoptDataKey?: (key: Uint8Array<ArrayBuffer>) => Promise<void>;
  now?: Date;
  onProgress?: BackupProgress;
}

/**
 * Rows per restore transaction: pages of 500 rows in a transaction each spent a commit per page; bigger
 * batches hold more rows in memory. Pages carrying bytes (scans, PDFs) are written on their own, so their
 * bytes stay few.
 */
const restoreBatchRows = 2_500;

/**
 * Pages gathered and written together, one read-write transaction a batch, in the order they came. One
 * batch is written while the next is read: IndexedDB does its writing outside the page (Chromium's
 * browser process), so the page decrypts, inflates and seals the next batch meanwhile instead of waiting.
 */
class RestoreBatch {
  private pages: { table: Table; rows: unknown[] }[] = [];
  private rows = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly db: DeskDatabase) {}

  async add(table: Table, rows: unknown[]): Promise<void> {
    this.pages.push({ table, rows });
    this.rows += rows.length;
    if (this.rows >= restoreBatchRows || pageSizeOf(table.name) < restoreBatchRows / 10) await this.flush();
  }

  /** Waits for the batch being written (a failure surfaces here), then starts writing this one. */
  async flush(): Promise<void> {
    await this.writing;
    const pages = this.pages;
    if (pages.length === 0) return;
    this.pages = [];
    this.rows = 0;
    // Consecutive pages of one table go down as one bulk write.
    const writes: { table: Table; rows: unknown[] }[] = [];
    for (const page of pages) {
      const last = writes.at(-1);
      if (last?.table === page.table) last.rows.push(...page.rows);
      else writes.push({ table: page.table, rows: [...page.rows] });
    }
    this.writing = this.db.transaction('rw', [...new Set(pages.map((page) => page.table))], async () => {
      for (const write of writes) await write.table.bulkPut(write.rows);
    });
    // Seen by the next flush or `done`; not an unhandled rejection meanwhile.
    this.writing.catch(() => undefined);
  }

  /** Everything written. */
  async done(): Promise<void> {
    await this.flush();
    await this.writing;
  }
}

/** A fresh profile holds no account, act, case or op; an interrupted restore counts as fresh (it is run again). */
async function isFresh(db: DeskDatabase): Promise<boolean> {
  if ((await db.meta.get(RESTORING_KEY)) !== undefined) return true;
  const counts = await Promise.all([db.clerks.count(), db.auditLog.count(), db.cases.count(), db.outbox.count()]);
  return counts.every((count) => count === 0);
}

/** True when a restore was cut off (power lost, app closed): the desk must not open on half its data. */
export async function restoreInterrupted(db: DeskDatabase): Promise<boolean> {
  return (await db.meta.get(RESTORING_KEY)) !== undefined;
}

export async function readRestoredFrom(db: DeskDatabase): Promise<RestoredFrom | null> {
  const parsed = restoredFromSchema.safeParse((await db.meta.get(RESTORED_KEY))?.value);
  return parsed.success ? parsed.data : null;
}

/** Inside the caller's read-write transaction (covering `meta`): the sync has resumed after the restore, with its notice. */
export async function markRestoreResumed(db: DeskDatabase, restored: RestoredFrom): Promise<void> {
  await db.meta.put({ key: RESTORED_KEY, value: restoredFromSchema.parse(restored) });
}

/** A clerk has read the notice of what the restore could not recover: it is no longer shown. */
export async function markRestoreNoticeSeen(db: DeskDatabase): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const restored = await readRestoredFrom(db);
    if (restored !== null) await markRestoreResumed(db, { ...restored, noticeSeen: true });
  });
}

/**
 * Restores a backup onto a fresh profile. Nothing is written until the whole file has been read and
 * verified (frames, manifest hashes, audit chain); another desk's backup is refused unless the admin
 * confirmed it. Then every table is emptied and written in batches of pages under a restoring mark, so a
 * restore cut off anywhere is run again from the start and ends with the same rows. Throws `BackupRefusal`.
 */
export async function restoreBackup(db: DeskDatabase, source: BackupSource, options: RestoreOptions): Promise<BackupManifest> {
  const backup = await openBackup(source, options.passphrase);
  const { desk } = backup.header;
  if (options.thisDesk !== null && !sameDesk(desk, options.thisDesk) && !options.acceptOtherDesk) {
    throw new BackupRefusal('otherDesk', backupMessages.otherDesk(desk, options.thisDesk));
  }
  if (!(await isFresh(db))) throw new BackupRefusal('notFresh', backupMessages.notFresh);
  const manifest = await verifyBackup(backup);
  if (manifest.dataKey !== undefined) await options.adoptDataKey?.(fromBase64(manifest.dataKey));

  const tables = new Map(db.tables.map((table) => [table.name, table]));
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
    await db.meta.put({ key: RESTORING_KEY, value: { backupCreatedAt: manifest.createdAt } });
  });
  const total = manifest.entries.reduce((sum, entry) => sum + entry.rows, 0);
  let done = 0;
  const batch = new RestoreBatch(db);
  await backup.pages(async ({ table, rows }) => {
    const target = tables.get(table);
    if (target === undefined) throw new BackupRefusal('otherSchema', backupMessages.otherSchema(manifest.schemaVersion));
    await batch.add(target, rows);
    done += rows.length;
    options.onProgress?.(done, total);
  });
  await batch.done();
  const restored: RestoredFrom = {
    backupCreatedAt: manifest.createdAt,
    desk,
    outboxLastSeq: manifest.outboxLastSeq,
    restoredAt: chinaIso(options.now ?? new Date()),
    notice: null,
  };
  await db.transaction('rw', db.meta, async () => {
    await db.meta.delete(RESTORING_KEY);
    await db.meta.put({ key: RESTORED_KEY, value: restoredFromSchema.parse(restored) });
  });
  return manifest;
}
