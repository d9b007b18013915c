import { z } from 'zod';
import { identifierMessages } from './identifierMessages';

/**
 * SHA-256 with WebCrypto (`crypto.subtle`), which the renderer, its workers and Node 20 all have. Content
 * is addressed by its lowercase hex digest everywhere: attachments, archived PDFs, the audit chain.
 */

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { error: identifierMessages.sha256 });

/** Text is hashed as its UTF-8 bytes. */
export async function sha256Bytes(data: Uint8Array | string): Promise<Uint8Array> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** The digest as 64 lowercase hex digits. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  return Array.from(await sha256Bytes(data), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
