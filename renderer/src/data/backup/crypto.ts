import { sha256Bytes, sha256Hex } from '../../domain/sha256';
import { backupMagic, minBackupKdfIterations, type BackupHeader } from './format';

/**
 * The backup's encryption: a secret from the passphrase by PBKDF2-SHA256 (WebCrypto, no library), then a
 * key of the file's own from that secret and a random salt in the file's header by HKDF-SHA256, then
 * AES-256-GCM frame by frame. The per-file key matters because automatic backups all start from the one
 * stored secret: with that secret as the AES key, every file would differ only by a 4-byte nonce prefix,
 * and one collision among the kept files would break GCM. Each frame's associated data binds the header,
 * the frame's index and whether it is the last, so a frame changed, moved, dropped or cut off at the end
 * is refused.
 */

const encoder = new TextEncoder();

/** Base64 a block at a time: a backup encodes every sealed row part this way, so a character at a time is too slow. */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += 0x8000) text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let at = 0; at < binary.length; at += 1) bytes[at] = binary.charCodeAt(at);
  return bytes;
}

export interface BackupKey {
  key: CryptoKey;
  keyCheck: string;
}

/**
 * What the passphrase gives at a salt: 64 bytes, the AES key then the key check's input. The main process
 * keeps these (sealed) once the admin sets the passphrase, so a backup at day close needs no passphrase.
 */
export interface BackupSecret {
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  bits: Uint8Array<ArrayBuffer>;
}

export const backupSecretBytes = 64;

export async function deriveBackupSecret(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<BackupSecret> {
  if (iterations < minBackupKdfIterations) throw new RangeError(`PBKDF2 iterations ${iterations} < ${minBackupKdfIterations}`);
  const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, backupSecretBytes * 8));
  return { salt, iterations, bits };
}

/** Bytes of the random salt each file's header carries for its own frame key. */
export const fileSaltBytes = 16;

// Changing this label changes every file's frame key: a new label goes with a new header format.
const frameKeyInfo = encoder.encode('yichuangtong/backup-frames/aes-gcm/v2');

/** The frame key's bytes for one file: HKDF-SHA256 of the secret's first half at the file's salt. */
export async function frameKeyBits(secret: BackupSecret, fileSalt: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const master = await crypto.subtle.importKey('raw', secret.bits.slice(0, 32), 'HKDF', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: fileSalt, info: frameKeyInfo }, master, 256));
}

/** The AES key of the file whose header carries `fileSalt`, and the key check (the same for every file of one secret). */
export async function backupKeyOf(secret: BackupSecret, fileSalt: Uint8Array<ArrayBuffer>): Promise<BackupKey> {
  const bits = await frameKeyBits(secret, fileSalt);
  try {
    const key = await crypto.subtle.importKey('raw', bits, 'AES-GCM', false, ['encrypt', 'decrypt']);
    return { key, keyCheck: await sha256Hex(secret.bits.slice(32)) };
  } finally {
    bits.fill(0);
  }
}

/** Magic, header length (u32, big-endian) and the header's JSON: the file's plain start. */
export function encodeHeader(header: BackupHeader): Uint8Array<ArrayBuffer> {
  const json = encoder.encode(JSON.stringify(header));
  const out = new Uint8Array(backupMagic.length + 4 + json.length);
  out.set(encoder.encode(backupMagic), 0);
  new DataView(out.buffer).setUint32(backupMagic.length, json.length);
  out.set(json, backupMagic.length + 4);
  return out;
}

/** A frame on disk: flag (1: last), ciphertext length (u32, big-endian), ciphertext. */
export const frameHeadBytes = 5;

export class FrameCipher {
  private constructor(
    private readonly key: CryptoKey,
    private readonly noncePrefix: Uint8Array,
    private readonly headerDigest: Uint8Array,
  ) {}

  static async of(key: CryptoKey, header: BackupHeader): Promise<FrameCipher> {
    return new FrameCipher(key, fromBase64(header.noncePrefix), await sha256Bytes(encodeHeader(header)));
  }

  private params(index: number, last: boolean): AesGcmParams {
    const iv = new Uint8Array(12);
    iv.set(this.noncePrefix, 0);
    new DataView(iv.buffer).setBigUint64(4, BigInt(index));
    const additionalData = new Uint8Array(this.headerDigest.length + 9);
    additionalData.set(this.headerDigest, 0);
    new DataView(additionalData.buffer).setBigUint64(this.headerDigest.length, BigInt(index));
    additionalData[additionalData.length - 1] = last ? 1 : 0;
    return { name: 'AES-GCM', iv, additionalData };
  }

  async seal(index: number, last: boolean, plain: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
    const sealed = new Uint8Array(await crypto.subtle.encrypt(this.params(index, last), this.key, plain));
    const frame = new Uint8Array(frameHeadBytes + sealed.length);
    frame[0] = last ? 1 : 0;
    new DataView(frame.buffer).setUint32(1, sealed.length);
    frame.set(sealed, frameHeadBytes);
    return frame;
  }

  /** Throws (WebCrypto's OperationError) when the frame is not exactly what was sealed at this place. */
  async open(index: number, last: boolean, sealed: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
    return new Uint8Array(await crypto.subtle.decrypt(this.params(index, last), this.key, sealed));
  }
}
