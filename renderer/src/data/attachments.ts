import { uuidv7 } from 'uuidv7';
import type { CaseId } from '../domain/cases/caseId';
import type { ChecklistItemKey } from '../domain/catalogue/checklist';
import { sha256Hex } from '../domain/sha256';
import { cleanText } from '../domain/text';
import { pdfFirstPageThumbnail, type PdfPreviewProblem } from '../documents/pdfThumbnail';
import { catalogueForCase, checklistEventOp, checklistWithin, recordOf, requireItem } from './caseChecklist';
import { actingClerk, caseSubject, checkIntake, requireCase, requireChecklistOpen, runCaseWrite, touchCase, type CaseChange, type WriteContext } from './caseWrite';
import { chinaIso } from './clock';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import type { IntakeField } from './intakeInput';
import { dataMessages } from './messages';
import { appendOps } from './outbox';
import type { AttachmentId, AttachmentRow } from './records';
import { Refusal } from './refusal';
import { openBlobRow, openThumbnail, sealedBlobRow, sealThumbnail } from './sealedBlobs';
import { currentWriteTransaction } from './transaction';

const m = dataMessages.attachments;

/** Scans above this are refused at the counter (HQ accepts up to 25 MB; a 300 dpi A4 PDF is ~1 MB a page). */
export const maxAttachmentBytes = 20 * 1024 * 1024;
/** As many as one checklist event may carry. */
export const maxAttachmentsPerItem = 20;

/** Accepted kinds and the bytes each file of that kind starts with. */
const signatures: Readonly<Record<string, (head: Uint8Array) => boolean>> = {
  'application/pdf': (h) => startsWith(h, [0x25, 0x50, 0x44, 0x46, 0x2d]), // %PDF-
  'image/jpeg': (h) => startsWith(h, [0xff, 0xd8, 0xff]),
  'image/png': (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/gif': (h) => startsWith(h, [0x47, 0x49, 0x46, 0x38]), // GIF8
  'image/webp': (h) => startsWith(h, [0x52, 0x49, 0x46, 0x46]) && startsWith(h.subarray(8), [0x57, 0x45, 0x42, 0x50]), // RIFF….WEBP
  'image/bmp': (h) => startsWith(h, [0x42, 0x4d]), // BM
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

const thumbnailEdge = 240;

/** Why a scan that could have had a thumbnail has none (a PDF that is password-protected, damaged, or too slow to draw). */
export type ScanPreviewProblem = PdfPreviewProblem;

interface Thumbnailing {
  thumbnail: Blob | null;
  previewProblem: ScanPreviewProblem | null;
}

const noThumbnail: Thumbnailing = { thumbnail: null, previewProblem: null };

/**
 * A small JPEG of a scan for the checklist, where the runtime can draw one: an image through
 * OffscreenCanvas, a PDF's first page through pdf.js on a DOM canvas (both in the renderer, not in Node).
 * An image the browser cannot decode simply has no thumbnail; a PDF that cannot be drawn says why, since
 * the clerk should look at it (it is stored all the same: the applicant's file is what it is).
 */
async function thumbnailOf(file: Blob, bytes: ArrayBuffer, mediaType: string): Promise<Thumbnailing> {
  if (mediaType === 'application/pdf') {
    if (typeof document === 'undefined') return noThumbnail;
    const drawn = await pdfFirstPageThumbnail(new Uint8Array(bytes), thumbnailEdge);
    return drawn.ok ? { thumbnail: drawn.thumbnail, previewProblem: null } : { thumbnail: null, previewProblem: drawn.problem };
  }
  if (!mediaType.startsWith('image/') || typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return noThumbnail;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, thumbnailEdge / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return { thumbnail: await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 }), previewProblem: null };
  } catch {
    return noThumbnail;
  }
}

export interface ScanMeta {
  /** The file name as picked or produced by the scanner. */
  name: string;
  /** The declared media type (`File.type`); the content must match it. */
  type: string;
}

/** Checks a scan before anything is stored: kind, size, and that the bytes are what the type says. */
export async function checkScan(file: Blob, meta: ScanMeta): Promise<{ bytes: ArrayBuffer; mediaType: string; fileName: string }> {
  const mediaType = meta.type.trim().toLowerCase();
  const signature = signatures[mediaType];
  if (signature === undefined) throw new Refusal(m.badType(meta.type));
  if (file.size === 0) throw new Refusal(m.empty);
  if (file.size > maxAttachmentBytes) throw new Refusal(m.tooLarge((file.size / 1024 / 1024).toFixed(1), maxAttachmentBytes / 1024 / 1024));
  const bytes = await file.arrayBuffer();
  if (!signature(new Uint8Array(bytes, 0, Math.min(16, bytes.byteLength)))) throw new Refusal(m.contentMismatch);
  const name = cleanText(meta.name, { max: 200 });
  if (!name.ok) throw new Refusal<IntakeField>(dataMessages.cases.field(dataMessages.cases.fieldLabels.fileName, name.error.message), 'fileName');
  return { bytes, mediaType, fileName: name.value === '' ? `scan-${Date.now()}` : name.value };
}

/** An attached scan as stored, and why it has no thumbnail when one could not be drawn. */
export type AttachedScan = AttachmentRow & { readonly previewProblem: ScanPreviewProblem | null };

/**
 * Attaches a scan (PDF or image, at most 20 MB) to a checklist item. The bytes are stored once by their
 * SHA-256 (the same page scanned for two items is kept once, and HQ receives it by the same address);
 * the attachment, the item's updated list, a checklist event for HQ and an audit entry are written in one
 * transaction.
 */
export async function attachScan(
  db: DeskDatabase,
  caseId: CaseId,
  key: ChecklistItemKey,
  file: Blob,
  meta: ScanMeta,
  context: WriteContext,
): Promise<CaseChange<AttachedScan>> {
  const checked = await checkIntake(() => checkScan(file, meta));
  if (!checked.ok) return checked;
  const existing = await guardStorage(() => db.cases.get(caseId));
  if (existing === undefined) return { ok: false, message: dataMessages.cases.notFound };
  const catalogue = await catalogueForCase(db, existing);
  const { bytes, mediaType, fileName } = checked.value;
  const sha256 = await sha256Hex(new Uint8Array(bytes));
  const { thumbnail, previewProblem } = await thumbnailOf(file, bytes, mediaType);
  // Sealed before the transaction opens (an IndexedDB transaction commits across a WebCrypto await).
  const attachmentId = uuidv7() as AttachmentId;
  const [blobRow, sealedThumbnail] = await Promise.all([sealedBlobRow(sha256, new Uint8Array(bytes), mediaType), sealThumbnail(attachmentId, thumbnail)]);
  const at = chinaIso(context.at ?? new Date());
  const audit = { at, clerkId: context.clerk.id, action: 'checklist.attach', subject: caseSubject(caseId), details: { key, sha256, fileName } };

  return runCaseWrite(db, audit, async () => {
    const [clerk, caseRow, stored] = await Promise.all([actingClerk(db, context.clerk), requireCase(db, caseId), db.blobs.get(sha256)]);
    requireChecklistOpen(caseRow);
    const item = requireItem(await checklistWithin(db, caseRow, catalogue), key);
    if (item.attachmentIds.length >= maxAttachmentsPerItem) throw new Refusal(m.tooMany(maxAttachmentsPerItem));
    const attachment: AttachmentRow = {
      id: attachmentId,
      caseId,
      itemKey: key,
      sha256,
      fileName,
      mediaType,
      size: bytes.byteLength,
      thumbnail: sealedThumbnail,
      addedBy: clerk.id,
      addedAt: at,
      sealed: 1,
    };
    const updated = { ...item, attachmentIds: [...item.attachmentIds, attachment.id], checkedBy: clerk.id, checkedAt: at };
    const earlier = (await db.attachments.bulkGet(item.attachmentIds)).filter((row) => row !== undefined);
    await Promise.all([
      // Content-addressed: the same page scanned again is stored once.
      stored === undefined ? db.blobs.add(blobRow) : undefined,
      db.attachments.add(attachment),
      db.checklistItems.put(recordOf(updated, clerk.id, at)),
      touchCase(db, caseId, at),
      appendOps(currentWriteTransaction(), [checklistEventOp(updated, [...earlier, attachment], { clerkId: clerk.id, at })]),
    ]);
    return { ...attachment, thumbnail, previewProblem };
  });
}

/** The scans of a case, oldest first, their thumbnails opened. */
export async function caseAttachments(db: DeskDatabase, caseId: CaseId): Promise<AttachmentRow[]> {
  const rows = await guardStorage(() => db.attachments.where('caseId').equals(caseId).toArray());
  const opened = await Promise.all(rows.map(async (row): Promise<AttachmentRow> => ({ ...row, thumbnail: await openThumbnail(row) })));
  return opened.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

/**
 * The plain bytes of a scan kept on this desk, by content address (opened when sealed): undefined when the
 * desk has none, or purged them after the retention period (see `openScan` in sync/fetchBack.ts, which asks
 * HQ then).
 */
export async function attachmentContent(db: DeskDatabase, sha256: string): Promise<Blob | undefined> {
  const row = await guardStorage(() => db.blobs.get(sha256));
  return row === undefined || row.data === null ? undefined : new Blob([await openBlobRow({ ...row, data: row.data })], { type: row.mediaType });
}
