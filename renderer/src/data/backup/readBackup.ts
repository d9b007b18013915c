import { Unzip, UnzipInflate } from 'fflate';
import { auditEntrySchema, GENESIS_HASH, hashAuditEntry, type AuditHead } from '../../domain/audit/auditEntry';
import type { DeskIdentity } from '../../domain/desk';
import { sha256Hex } from '../../domain/sha256';
import { latestSchemaVersion } from '../schema';
import { backupKeyOf, deriveBackupSecret, FrameCipher, fromBase64, frameHeadBytes } from './crypto';
import { backupFormat, backupFormatSchema, backupHeaderSchema, backupMagic, backupManifestSchema, manifestEntryName, type BackupHeader, type BackupManifest } from './format';
import { backupMessages } from './messages';
import { decodePage } from './rowCodec';

/** The backup's bytes in order; called once per pass (a restore reads the file twice: verify, then write). */
export type BackupSource = () => AsyncIterable<Uint8Array>;

export type BackupRefusalKind = 'notABackup' | 'otherFormat' | 'wrongPassphrase' | 'tampered' | 'incomplete' | 'otherDesk' | 'notFresh' | 'otherSchema';

/** Why a backup was not read: the clerk's message, and what the screen does about it (`otherDesk` asks to confirm). */
export class BackupRefusal extends Error {
  constructor(
    readonly kind: BackupRefusalKind,
    message: string,
  ) {
    super(message);
    this.name = 'BackupRefusal';
  }
}

const tampered = (detail: string) => new BackupRefusal('tampered', backupMessages.tampered(detail));

/** Reads exact byte counts from the source's chunks. */
class ByteReader {
  private buffer: Uint8Array = new Uint8Array(0);

  constructor(private readonly chunks: AsyncIterator<Uint8Array>) {}

  /** Exactly `count` bytes; null at the end of the file; a file ending inside them is incomplete. */
  async read(count: number): Promise<Uint8Array<ArrayBuffer> | null> {
    while (this.buffer.length < count) {
      const next = await this.chunks.next();
      if (next.done === true) {
        if (this.buffer.length === 0) return null;
        throw new BackupRefusal('incomplete', backupMessages.incomplete);
      }
      const joined = new Uint8Array(this.buffer.length + next.value.length);
      joined.set(this.buffer, 0);
      joined.set(next.value, this.buffer.length);
      this.buffer = joined;
    }
    const out = this.buffer.slice(0, count);
    this.buffer = this.buffer.subarray(count);
    return out;
  }

  async require(count: number): Promise<Uint8Array<ArrayBuffer>> {
    const bytes = await this.read(count);
    if (bytes === null) throw new BackupRefusal('incomplete', backupMessages.incomplete);
    return bytes;
  }
}

async function readHeader(reader: ByteReader): Promise<BackupHeader> {
  const start = await reader.read(backupMagic.length + 4);
  if (start === null || new TextDecoder().decode(start.subarray(0, backupMagic.length)) !== backupMagic) {
    throw new BackupRefusal('notABackup', backupMessages.notABackup);
  }
  const length = new DataView(start.buffer).getUint32(backupMagic.length);
  if (length > 64 * 1024) throw new BackupRefusal('notABackup', backupMessages.notABackup);
  const text = new TextDecoder().decode(await reader.require(length));
  try {
    const json: unknown = JSON.parse(text);
    const format = backupFormatSchema.safeParse(json);
    if (format.success && format.data.format !== backupFormat) throw new BackupRefusal('otherFormat', backupMessages.otherFormat(format.data.format));
    return backupHeaderSchema.parse(json);
  } catch (error) {
    if (error instanceof BackupRefusal) throw error;
    throw new BackupRefusal('notABackup', backupMessages.notABackup);
  }
}

/** The header alone (no passphrase needed): whose backup a file is and when it was taken. */
export async function readBackupHeader(source: BackupSource): Promise<BackupHeader> {
  return readHeader(new ByteReader(source()[Symbol.asyncIterator]()));
}

/** The plain bytes of each frame in order; the file must end right after the frame marked last. */
async function* plainFrames(reader: ByteReader, cipher: FrameCipher): AsyncGenerator<Uint8Array> {
  for (let index = 0; ; index += 1) {
    const head = await reader.read(frameHeadBytes);
    if (head === null) throw new BackupRefusal('incomplete', backupMessages.incomplete);
    const last = head[0] === 1;
    if (head[0]! > 1) throw tampered(backupMessages.detail.frame);
    const sealed = await reader.require(new DataView(head.buffer).getUint32(1));
    try {
      yield await cipher.open(index, last, sealed);
    } catch (error) {
      if (error instanceof BackupRefusal) throw error;
      throw tampered(backupMessages.detail.frame);
    }
    if (last) {
      if ((await reader.read(1)) !== null) throw tampered(backupMessages.detail.frame);
      return;
    }
  }
}

/** Unzips the plain stream entry by entry; `onEntry` runs for each whole entry before more is read. */
async function forEachEntry(plain: AsyncIterable<Uint8Array>, onEntry: (name: string, data: Uint8Array<ArrayBuffer>) => Promise<void>): Promise<void> {
  const done: { name: string; data: Uint8Array<ArrayBuffer> }[] = [];
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    const parts: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (error) {
        failure = error;
        return;
      }
      parts.push(chunk);
      if (!final) return;
      const data = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
      let at = 0;
      for (const part of parts) {
        data.set(part, at);
        at += part.length;
      }
      done.push({ name: file.name, data });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const drain = async () => {
    if (failure !== null) throw tampered(failure.message);
    for (let entry = done.shift(); entry !== undefined; entry = done.shift()) await onEntry(entry.name, entry.data);
  };
  try {
    for await (const chunk of plain) {
      unzip.push(chunk);
      await drain();
    }
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof BackupRefusal) throw error;
    throw tampered(error instanceof Error ? error.message : String(error));
  }
  await drain();
}

/** The audit log walked page by page (the chain checked without holding it whole). */
class AuditWalk {
  private head: AuditHead | null = null;

  async add(rows: readonly unknown[]): Promise<void> {
    for (const row of rows) {
      const parsed = auditEntrySchema.safeParse(row);
      const expectedSeq = (this.head?.seq ?? 0) + 1;
      if (!parsed.success || parsed.data.seq !== expectedSeq) throw tampered(backupMessages.detail.audit(`#${expectedSeq}`));
      const entry = parsed.data;
      if ((await hashAuditEntry(entry)) !== entry.hash || entry.prevHash !== (this.head?.hash ?? GENESIS_HASH)) {
        throw tampered(backupMessages.detail.audit(`#${entry.seq}`));
      }
      this.head = { seq: entry.seq, hash: entry.hash };
    }
  }

  matches(expected: AuditHead | null): boolean {
    return expected === null ? this.head === null : this.head?.seq === expected.seq && this.head.hash === expected.hash;
  }
}

const tablePageName = /^tables\/([A-Za-z]+)\/\d{6}\.json$/;

/** A table page's rows, with the bytes entries read before it. */
export interface BackupPage {
  table: string;
  rows: unknown[];
}

/** An opened backup: its header, and its entries, read again for each pass. */
export interface OpenedBackup {
  header: BackupHeader;
  /** Each table page in order, checked against its hash as it goes, then the manifest. */
  pages(onPage: (page: BackupPage) => Promise<void>): Promise<BackupManifest>;
}

/**
 * Opens a backup with its passphrase: a wrong one is told apart from a damaged file by the key check in
 * the header (the header itself is bound into every frame, so changing it breaks them all).
 */
export async function openBackup(source: BackupSource, passphrase: string): Promise<OpenedBackup> {
  const header = await readBackupHeader(source);
  const secret = await deriveBackupSecret(passphrase, fromBase64(header.kdf.salt), header.kdf.iterations);
  const { key, keyCheck } = await backupKeyOf(secret, fromBase64(header.fileSalt));
  secret.bits.fill(0);
  if (keyCheck !== header.keyCheck) throw new BackupRefusal('wrongPassphrase', backupMessages.wrongPassphrase);
  const cipher = await FrameCipher.of(key, header);
  const pages: OpenedBackup['pages'] = async (onPage) => {
    const reader = new ByteReader(source()[Symbol.asyncIterator]());
    await readHeader(reader);
    const seen: { name: string; sha256: string }[] = [];
    const bytes = new Map<string, Uint8Array<ArrayBuffer>>();
    let manifest: BackupManifest | null = null;
    await forEachEntry(plainFrames(reader, cipher), async (name, data) => {
      if (manifest !== null) throw tampered(backupMessages.detail.entryExtra(name));
      if (name === manifestEntryName) {
        const parsed = backupManifestSchema.safeParse(JSON.parse(new TextDecoder().decode(data)));
        if (!parsed.success) throw tampered(backupMessages.detail.noManifest);
        manifest = parsed.data;
        return;
      }
      seen.push({ name, sha256: await sha256Hex(data) });
      if (name.startsWith('bytes/')) {
        bytes.set(name, data);
        return;
      }
      const table = tablePageName.exec(name)?.[1];
      if (table === undefined) throw tampered(backupMessages.detail.entryExtra(name));
      let rows: unknown[];
      try {
        rows = decodePage(new TextDecoder().decode(data), (ref) => {
          const found = bytes.get(ref);
          bytes.delete(ref);
          return found;
        });
      } catch {
        throw tampered(backupMessages.detail.rows(name));
      }
      await onPage({ table, rows });
    });
    const found: BackupManifest | null = manifest;
    if (found === null) throw new BackupRefusal('incomplete', backupMessages.incomplete);
    checkEntries(found, seen);
    return found;
  };
  return { header, pages };
}

/** Every entry the manifest lists, in its order, with its hash, and nothing else; the manifest agrees with the header. */
function checkEntries(manifest: BackupManifest, seen: readonly { name: string; sha256: string }[]): void {
  for (const [index, listed] of manifest.entries.entries()) {
    const entry = seen[index];
    if (entry === undefined) throw tampered(backupMessages.detail.entryMissing(listed.name));
    if (entry.name !== listed.name || entry.sha256 !== listed.sha256) throw tampered(backupMessages.detail.entryHash(entry.name));
  }
  const extra = seen[manifest.entries.length];
  if (extra !== undefined) throw tampered(backupMessages.detail.entryExtra(extra.name));
}

/**
 * Reads the whole backup once without writing anything: frames, entries against the manifest's hashes,
 * every page's rows, the audit chain from its first entry to the manifest's head, the schema version.
 * Returns the manifest; throws `BackupRefusal` otherwise.
 */
export async function verifyBackup(backup: OpenedBackup): Promise<BackupManifest> {
  const audit = new AuditWalk();
  const manifest = await backup.pages(async (page) => {
    if (page.table === 'auditLog') await audit.add(page.rows);
  });
  if (!audit.matches(manifest.auditHead)) throw tampered(backupMessages.detail.auditHead);
  if (manifest.desk.hallCode !== backup.header.desk.hallCode || manifest.desk.deskCode !== backup.header.desk.deskCode || manifest.createdAt !== backup.header.createdAt) {
    throw tampered(backupMessages.detail.noManifest);
  }
  if (manifest.schemaVersion !== latestSchemaVersion) throw new BackupRefusal('otherSchema', backupMessages.otherSchema(manifest.schemaVersion));
  return manifest;
}

export function sameDesk(a: DeskIdentity, b: DeskIdentity): boolean {
  return a.hallCode === b.hallCode && a.deskCode === b.deskCode;
}
