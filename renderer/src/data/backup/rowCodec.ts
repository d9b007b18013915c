import { z } from 'zod';

/**
 * Rows as JSON, with the bytes of their Blob fields (scans, archived PDFs, thumbnails) in zip entries of
 * their own: a field holding a Blob is written as `{$bytes: entry, type}`. Stored rows hold JSON values
 * and, as top-level fields, Blobs (see records.ts).
 */

const bytesRefSchema = z.object({ $bytes: z.string().min(1), type: z.string() }).strict();

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
      // Most fields are no reference (a case's parts, arrays of search keys): told apart without a parse.
      if (value === null || typeof value !== 'object' || !('$bytes' in value)) continue;
      const ref = bytesRefSchema.safeParse(value);
      if (!ref.success) continue;
      const data = takeBytes(ref.data.$bytes);
      if (data === undefined) throw new Error(`backup entry ${ref.data.$bytes} missing`);
      copy[field] = new Blob([data], { type: ref.data.type });
    }
    return copy;
  });
}
