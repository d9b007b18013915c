import type { PDFContext, PDFRef } from 'pdf-lib';

/**
 * Below this size a stream is stored as is: pdf-lib's deflate (pako, pure JS, so the bytes are the same in
 * Node and in the browser) costs a fixed set-up of several hundred kilobytes of tables per stream, which
 * for a ToUnicode map or a CIDToGIDMap outweighs the bytes it would save.
 */
const COMPRESS_FROM_BYTES = 4096;

export function registerStream(context: PDFContext, contents: string | Uint8Array, dict: Record<string, number> = {}): PDFRef {
  const stream = contents.length >= COMPRESS_FROM_BYTES ? context.flateStream(contents, dict) : context.stream(contents, dict);
  return context.register(stream);
}
