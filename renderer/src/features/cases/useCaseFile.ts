import { caseChecklistWithDropped, type DroppedItemRow } from '../../data/caseChecklist';
import { getCase } from '../../data/cases';
import { listClerks } from '../../data/clerks';
import { deskDatabase } from '../../data/db';
import { caseAttachments } from '../../data/attachments';
import type { AttachmentRow, ChecklistItemRow, CaseRow } from '../../data/records';
import type { CaseId } from '../../domain/cases/caseId';
import { MissingRecord, useStoredData, type StoredData } from '../common/useStoredData';
import { casesMessages as m } from './messages';

/** A case with its current checklist and the names of the clerks its records are stamped with. */
export interface CaseFile {
  row: CaseRow;
  items: ChecklistItemRow[];
  /** Recorded items a correction of the intake took off the checklist. */
  dropped: DroppedItemRow[];
  attachments: AttachmentRow[];
  clerkNames: ReadonlyMap<string, string>;
}

async function loadCaseFile(caseId: CaseId): Promise<CaseFile> {
  const db = deskDatabase();
  const [row, checklist, attachments, clerks] = await Promise.all([getCase(db, caseId), caseChecklistWithDropped(db, caseId), caseAttachments(db, caseId), listClerks(db)]);
  if (row === undefined) throw new MissingRecord(m.detail.notFound);
  // Other windows' clerks by the names their events came with; this desk's own by their accounts.
  const clerkNames = new Map<string, string>([...Object.entries(row.otherClerkNames ?? {}), ...clerks.map((clerk): [string, string] => [clerk.id, clerk.displayName])]);
  return { row, items: checklist.items, dropped: checklist.dropped, attachments, clerkNames };
}

/**
 * The case as stored, kept current: the clerk's own writes, another window's and what the sync engine
 * pulls from HQ (an approval, say) show on the open case without anyone reading it again.
 */
export function useCaseFile(caseId: CaseId): StoredData<CaseFile> {
  return useStoredData(() => loadCaseFile(caseId), [caseId]);
}
