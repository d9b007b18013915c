import { Zip, ZipDeflate } from 'fflate';
import type { AuditEntry, AuditHead } from '../../domain/audit/auditEntry';
import { AUDIT_HEAD_KEY } from '../audit';
import { sha256Hex } from '../../domain/sha256';
import { chinaIso } from '../clock';
import type { DeskDatabase } from '../db';
import { readDeskIdentity } from '../desk';
import type { CounterRow, MetaRow } from '../records';
import { latestSchemaVersion } from '../schema';
import { backupKeyOf, deriveBackupSecret, encodeHeader, fileSaltBytes, FrameCipher, toBase64, type BackupSecret } from './crypto';
import { backupFormat, backupManifestSchema, manifestEntryName, minBackupKdfIterations, type BackupEntry, type BackupHeader, type BackupManifest } from './format';
import { backupMessages } from './messages';
import { encodePage } from './rowCodec';
import { backedUpTables, countRows, pageSizeOf, readTablePage } from './tablePages';

/** Where the file's bytes go, in order (the main process appends them to a temporary file). */
export interface BackupSink {
  write(bytes: Uint8Array<ArrayBuffer>): Promise<void>;
}

/** Rows written so far of all rows (for the progress bar). */
export type BackupProgress = (done: number, total: number) => void;

/** The passphrase typed now, or what it gave when the admin set it (kept sealed by the main process). */
export type BackupKeySource = { passphrase: string } | { secret: BackupSecret };

export type WriteBackupOptions = BackupKeySource & {
  /**
   * The desk's raw data key, carried inside the encrypted manifest so a restore on another machine can
   * open the sealed rows, scans and PDFs; null on a desk that has none.
   */
  dataKey?: Uint8Array | null;
  now?: Date;
  onProgress?: BackupProgress;
};

/** Plain bytes gathered before a frame is sealed: frames of 1 MiB keep memory bounded and the file's overhead small. */
const frameBytes = 1 << 20;

/** Collects the zip's output and seals it into frames as they fill. */
class FrameWriter {
  private parts: Uint8Array[] = [];
  private size = 0;
  private index = 0;

  constructor(
    private readonly cipher: FrameCipher,
    private readonly sink: BackupSink,
  ) {}

  add(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.size += bytes.length;
  }

  private take(count: number): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(count);
    let at = 0;
    while (at < count) {
      const part = this.parts[0]!;
      const used = Math.min(part.length, count - at);
      out.set(part.subarray(0, used), at);
      at += used;
      if (used === part.length) this.parts.shift();
      else this.parts[0] = part.subarray(used);
    }
    this.size -= count;
    return out;
  }

  /** Seals every full frame; with `last`, everything left as the final frame (possibly empty). */
  async flush(last = false): Promise<void> {
    while (this.size >= frameBytes && !(last && this.size === frameBytes)) {
      await this.sink.write(await this.cipher.seal(this.index++, false, this.take(frameBytes)));
    }
    if (last) await this.sink.write(await this.cipher.seal(this.index++, true, this.take(this.size)));
  }
}

const encoder = new TextEncoder();

/** What the pages read so far say about the audit head and the outbox sequence. */
class Tracked {
  auditHead: AuditHead | null = null;
  outboxLastSeq = 0;

  note(tableName: string, rows: readonly unknown[]): void {
    if (tableName === 'auditLog') {
      const last = rows.at(-1) as AuditEntry | undefined;
      if (last !== undefined) this.auditHead = { seq: last.seq, hash: last.hash };
    }
    if (tableName === 'counters') {
      const outbox = (rows as CounterRow[]).find((row) => row.name === 'outbox');
      if (outbox !== undefined) this.outboxLastSeq = outbox.value;
    }
  }

  /**
   * Meta rows as restored: the audit head is the last entry the backup holds (an act written after the
   * log was read moves the stored head past it, and the restored desk would take its own log for cut).
   */
  meta(rows: readonly unknown[], firstPage: boolean): unknown[] {
    const others = (rows as MetaRow[]).filter((row) => row.key !== AUDIT_HEAD_KEY);
    return this.auditHead === null || !firstPage ? others : [...others, { key: AUDIT_HEAD_KEY, value: this.auditHead }];
  }
}

/**
 * Writes everything the desk holds into `sink` as one encrypted backup: every table (cases, checklists,
 * the whole outbox, sync state, audit log, archived PDFs, scans, paper stock, sequences, accounts with
 * their password hashes, settings) page by page, then the manifest. The HQ token is kept by the main
 * process and is never in the database, so never in a backup. Writes made meanwhile may or may not be in
 * it; the manifest's audit head and outbox seq say where it stands.
 */
export async function writeBackup(db: DeskDatabase, sink: BackupSink, options: WriteBackupOptions): Promise<BackupManifest> {
  const desk = await readDeskIdentity(db);
  if (desk === null) throw new Error(backupMessages.noDeskIdentity);
  const createdAt = chinaIso(options.now ?? new Date());
  const secret = 'secret' in options ? options.secret : await deriveBackupSecret(options.passphrase, crypto.getRandomValues(new Uint8Array(16)), minBackupKdfIterations);
  const fileSalt = crypto.getRandomValues(new Uint8Array(fileSaltBytes));
  const { key, keyCheck } = await backupKeyOf(secret, fileSalt);
  const header: BackupHeader = {
    format: backupFormat,
    kdf: { algorithm: 'PBKDF2-SHA256', iterations: secret.iterations, salt: toBase64(secret.salt) },
    fileSalt: toBase64(fileSalt),
    noncePrefix: toBase64(crypto.getRandomValues(new Uint8Array(4))),
    keyCheck,
    createdAt,
    desk,
  };
  await sink.write(encodeHeader(header));
  const frames = new FrameWriter(await FrameCipher.of(key, header), sink);

  let zipError: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) zipError = error;
    else frames.add(chunk);
  });
  const entries: BackupEntry[] = [];
  const addEntry = async (name: string, bytes: Uint8Array, rows: number, level: 0 | 1) => {
    entries.push({ name, sha256: await sha256Hex(bytes), rows });
    const file = new ZipDeflate(name, { level });
    zip.add(file);
    file.push(bytes, true);
    if (zipError !== null) throw zipError;
    await frames.flush();
  };

  const total = await countRows(db);
  let done = 0;
  let bytesEntry = 0;
  const tracked = new Tracked();
  for (const table of backedUpTables(db)) {
    let after = null;
    let page = 0;
    do {
      const read = await readTablePage(table, after, pageSizeOf(table.name));
      tracked.note(table.name, read.rows);
      const rows = table.name === 'meta' ? tracked.meta(read.rows, page === 0) : read.rows;
      const encoded = await encodePage(rows, () => `bytes/${String(++bytesEntry).padStart(8, '0')}`);
      for (const [name, bytes] of encoded.bytes) await addEntry(name, bytes, 0, 0);
      await addEntry(`tables/${table.name}/${String(++page).padStart(6, '0')}.json`, encoder.encode(encoded.json), rows.length, 1);
      done += read.rows.length;
      options.onProgress?.(done, total);
      after = read.next;
    } while (after !== null);
  }
  const manifest = backupManifestSchema.parse({
    format: 1,
    createdAt,
    schemaVersion: latestSchemaVersion,
    desk,
    entries,
    auditHead: tracked.auditHead,
    outboxLastSeq: tracked.outboxLastSeq,
    ...(options.dataKey != null && { dataKey: toBase64(options.dataKey) }),
  });
  const manifestFile = new ZipDeflate(manifestEntryName, { level: 1 });
  zip.add(manifestFile);
  manifestFile.push(encoder.encode(JSON.stringify(manifest)), true);
  zip.end();
  if (zipError !== null) throw zipError;
  await frames.flush(true);
  return manifest;
}
