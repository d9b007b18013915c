import { uuidv7 } from 'uuidv7';
import type { ClerkId } from '../domain/clerks/clerkId';
import { openBytes, sealBytes } from './crypto/envelope';
import { requireDeskKeys } from './crypto/deskKeys';
import type { AttachmentId, AttachmentRow, BlobRow, DocumentRow, IntakeDraftRow } from './records';

/**
 * Scans, their thumbnails, archived PDFs and intake drafts rest sealed (`crypto/envelope.ts`) under the
 * desk's data key. Each is bound to what it is, so sealed bytes copied onto another row do not open there.
 * A row carries `sealed: 1` once its bytes are sealed; a row without the mark is plain data from before
 * (read as it is until the background sealing, `sealStoredBlobs.ts`, has overwritten it).
 * Content hashes (a blob's address, a document's `sha256`) stay hashes of the plain bytes.
 */
export const sealContexts = {
  /** A scan or a written withdrawal request, by its content address. */
  blob: (sha256: string) => `blob/${sha256}`,
  thumbnail: (attachmentId: AttachmentId) => `attachment/${attachmentId}/thumbnail`,
  documentPdf: (documentId: string) => `document/${documentId}/pdf`,
  intakeDraft: (clerkId: ClerkId) => `intakeDraft/${clerkId}`,
} as const;

/** The mark of a row whose bytes are sealed; absent on rows stored before sealing. */
export type SealedMark = { sealed?: 1 };

/** What a sealed blob is kept as: no media type, so nothing tells what it holds. */
const sealedType = 'application/octet-stream';

/** Seals `plain` for `context` under this page's key (refused in Chinese without one). Call before a transaction opens. */
export async function sealToBlob(plain: Uint8Array, context: string): Promise<Blob> {
  const keys = await requireDeskKeys();
  return new Blob([(await sealBytes(keys.encryption, plain, context)) as Uint8Array<ArrayBuffer>], { type: sealedType });
}

/** The plain bytes of a stored blob: opened when sealed, as they are when stored before sealing. */
export async function openStoredBlob(data: Blob, sealed: 1 | undefined, context: string): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(await data.arrayBuffer());
  if (sealed !== 1) return bytes;
  const keys = await requireDeskKeys();
  // `openBytes` answers a fresh buffer of its own.
  return (await openBytes(keys.encryption, bytes, context)) as Uint8Array<ArrayBuffer>;
}

/** A new `blobs` row, sealed, for bytes whose SHA-256 the caller computed from the plain bytes. */
export async function sealedBlobRow(sha256: string, bytes: Uint8Array, mediaType: string): Promise<BlobRow> {
  return { sha256, data: await sealToBlob(bytes, sealContexts.blob(sha256)), mediaType, size: bytes.byteLength, uploaded: 0, sealed: 1 };
}

/** The plain bytes of a stored scan or withdrawal request. */
export async function openBlobRow(row: BlobRow & { data: Blob }): Promise<Uint8Array<ArrayBuffer>> {
  return openStoredBlob(row.data, row.sealed, sealContexts.blob(row.sha256));
}

/** A new document's id and its PDF sealed for it, for a `documents` row. */
export async function sealedDocumentPdf(pdf: Uint8Array): Promise<{ id: string; pdf: Blob; sealed: 1 }> {
  const id = uuidv7();
  return { id, pdf: await sealToBlob(pdf, sealContexts.documentPdf(id)), sealed: 1 };
}

/** Exactly the bytes that were printed, opened. */
export async function openDocumentPdf(row: DocumentRow & { pdf: Blob }): Promise<Uint8Array<ArrayBuffer>> {
  return openStoredBlob(row.pdf, row.sealed, sealContexts.documentPdf(row.id));
}

/** The thumbnail as the checklist shows it (a JPEG), or null when the scan has none. */
export async function openThumbnail(row: AttachmentRow): Promise<Blob | null> {
  if (row.thumbnail === null || row.sealed !== 1) return row.thumbnail;
  const plain = await openStoredBlob(row.thumbnail, 1, sealContexts.thumbnail(row.id));
  return new Blob([plain], { type: 'image/jpeg' });
}

/** A thumbnail sealed for its attachment, or null. */
export async function sealThumbnail(attachmentId: AttachmentId, thumbnail: Blob | null): Promise<Blob | null> {
  return thumbnail === null ? null : sealToBlob(new Uint8Array(await thumbnail.arrayBuffer()), sealContexts.thumbnail(attachmentId));
}

const encoder = new TextEncoder();

/** A draft's values sealed for its clerk (their JSON: the form's values are plain data). */
export async function sealIntakeDraft(clerkId: ClerkId, values: unknown, savedAt: string): Promise<IntakeDraftRow> {
  return { clerkId, values: await sealToBlob(encoder.encode(JSON.stringify(values)), sealContexts.intakeDraft(clerkId)), savedAt, sealed: 1 };
}
