import { DataError } from '../dataError';
import { dataMessages } from '../messages';

/**
 * Sealed bytes: personal data, scans and archived PDFs as they rest on disk. Layout:
 * `[version = 1][12-byte random IV][AES-256-GCM ciphertext with its 16-byte tag]`. The context (which
 * table and row, which blob) is bound in as additional data, so sealed bytes moved to another row or
 * blob do not open there: a swap is caught like tampering.
 */
export const envelopeVersion = 1;
const ivLength = 12;
const headerLength = 1 + ivLength;
const tagLength = 16;

const encoder = new TextEncoder();

/** Seals `plain` under `key` for `context` (e.g. `cases/<id>/personal`, `blob/<sha256>`). */
export async function sealBytes(key: CryptoKey, plain: Uint8Array, context: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<Uint8Array> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(ivLength));
  const cipher = new Uint8Array(
    await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, key, plain as Uint8Array<ArrayBuffer>),
  );
  const sealed = new Uint8Array(headerLength + cipher.byteLength);
  sealed[0] = envelopeVersion;
  sealed.set(iv, 1);
  sealed.set(cipher, headerLength);
  return sealed;
}

/** Whether bytes have the shape of a sealed envelope (a plain PDF or JPEG never starts with byte 1). */
export function looksSealed(bytes: Uint8Array): boolean {
  return bytes.byteLength >= headerLength + tagLength && bytes[0] === envelopeVersion;
}

/**
 * Opens sealed bytes. A wrong key, another context, or any changed byte fails the tag: a DataError in
 * Chinese, never garbage handed on.
 */
export async function openBytes(key: CryptoKey, sealed: Uint8Array, context: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<Uint8Array> {
  if (!looksSealed(sealed)) throw new DataError(dataMessages.crypto.unreadable);
  try {
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.subarray(1, headerLength) as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(context) },
      key,
      sealed.subarray(headerLength) as Uint8Array<ArrayBuffer>,
    );
    return new Uint8Array(plain);
  } catch (error) {
    throw new DataError(dataMessages.crypto.unreadable, { cause: error });
  }
}
