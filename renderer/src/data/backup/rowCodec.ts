import { z } from 'zod';
import { fromBase64, toBase64 } from './crypto';

/**
 * Rows as JSON, with the bytes of their Blob fields (scans, archived PDFs, thumbnails) in zip entries of
 * their own: a field holding a Blob is written as `{$bytes: entry, type}`. A field holding bytes (a row's
 * sealed part as it rests, `crypto/sealedFields.ts`) is written inline as `{$base64: text}`: small, and
 * ciphertext, so an entry of its own would only add a zip header and a hash. Stored rows hold JSON values
 * and, as top-level fields, Blobs and bytes (see records.ts).
 */

const bytesRefSchema = z.object({ $bytes: z.string().min(1), type: z.string() }).strict();
const inlineBytesSchema = z.object({ $base64: z.string() }).strict();

export interface EncodedPage {
  json: string;
  bytes: [string, Uint8Array][];
}

export async function encodePage(rows: readonly unknown[], nextName: () => string): Promise<EncodedPage> {
  const bytes: [string, Uint8Array][] = [];
  const encoded: unknown[] = [];
  for (const row of rows) {
    if (row === null || typeof row !== 'object') {
      encoded.push(row);
      continue;
    }
    const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    for (const [field, value] of Object.entries(copy)) {
      if (value instanceof Uint8Array) {
        copy[field] = { $base64: toBase64(value) };
        continue;
      }
      if (!(value instanceof Blob)) continue;
      const name = nextName();
      bytes.push([name, new Uint8Array(await value.arrayBuffer())]);
      copy[field] = { $bytes: name, type: value.type };
    }
    encoded.push(copy);
  }
  return { json: JSON.stringify(encoded), bytes };
}

/** The rows of a page, their Blobs rebuilt from the entries read before it (`takeBytes` gives and forgets one). */
export function decodePage(json: string, takeBytes: (name: string) => Uint8Array<ArrayBuffer> | undefined): unknown[] {
  const rows = z.array(z.unknown()).parse(JSON.parse(json));
  return rows.map((row) => {
    if (row === null || typeof row !== 'object') return row;
    const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    for (const [field, value] of Object.entries(copy)) {
      // Most fields are no reference (arrays of search keys, a case's parts): told apart without a parse.
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !('$base64' in value || '$bytes' in value)) continue;
      const inline = inlineBytesSchema.safeParse(value);
      if (inline.success) {
        copy[field] = fromBase64(inline.data.$base64);
        continue;
      }
      const ref = bytesRefSchema.safeParse(value);
      if (!ref.success) continue;
      const data = takeBytes(ref.data.$bytes);
      if (data === undefined) throw new Error(`backup entry ${ref.data.$bytes} missing`);
      copy[field] = new Blob([data], { type: ref.data.type });
    }
    return copy;
  });
}
