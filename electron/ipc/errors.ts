/** A handler throws this to refuse a request with a message the clerk can read (Simplified Chinese). */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';
}
