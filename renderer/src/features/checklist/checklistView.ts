import type { ScanPreviewProblem } from '../../data/attachments';
import type { ChecklistEntry } from '../../data/records';
import type { ChecklistItemStatus } from '../../domain/cases/decisionChecklist';
import { initialItemStatus, type ChecklistItem, type ChecklistItemKey } from '../../domain/catalogue/checklist';

/** A scan as the checklist shows it. */
/** The scan files a clerk may attach to an item (the data layer checks their content too). */
export const scanAccept = 'application/pdf,image/jpeg,image/png,image/webp,image/gif,image/bmp';

export interface ScanView {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly thumbnail: Blob | null;
}

/** What has been recorded at the counter for one item, with who recorded it (display name) and when. */
export interface ItemRecordView extends ChecklistEntry {
  readonly checkedBy: string | null;
  readonly checkedAt: string | null;
  readonly scans: readonly ScanView[];
}

export type ChangeOutcome = { ok: true } | { ok: false; message: string };

/** Attaching a scan: stored, and when no thumbnail could be drawn for it, why (the clerk is told). */
export type AttachOutcome = { ok: true; previewProblem: ScanPreviewProblem | null } | { ok: false; message: string };

/** An item nothing has been recorded for yet; copies and pages are 0 until something is received. */
export function unrecorded(item: ChecklistItem): ItemRecordView {
  return {
    status: initialItemStatus(item),
    form: null,
    copies: 0,
    pages: 0,
    deferredUntil: null,
    note: null,
    checkedBy: null,
    checkedAt: null,
    scans: [],
  };
}

/**
 * The whole entry a status key writes. 收到 fills in the form and copies the catalogue asks for (the usual
 * case; the details dialog corrects them) and keeps what was corrected before. 容缺 needs a deadline: the
 * one set before, else `deferDeadline` (the promised due date, the latest the applicant may bring it).
 * Any other status clears what only a received item has.
 */
export function changeForStatus(item: ChecklistItem, current: ChecklistEntry, status: ChecklistItemStatus, deferDeadline: string): ChecklistEntry {
  const received = status === 'received';
  return {
    status,
    form: received ? (current.form ?? item.form) : null,
    copies: received ? current.copies || item.copies : 0,
    pages: received ? current.pages : 0,
    deferredUntil: status === 'deferred' ? (current.deferredUntil ?? deferDeadline) : null,
    note: current.note,
  };
}

export function statusesOf(
  items: readonly ChecklistItem[],
  records: ReadonlyMap<ChecklistItemKey, ChecklistEntry>,
): Map<ChecklistItemKey, ChecklistItemStatus> {
  return new Map(items.map((item) => [item.key, records.get(item.key)?.status ?? initialItemStatus(item)]));
}
