import { caseChecklistWithDropped, type DroppedItemRow } from '../../data/caseChecklist';
import { getCase } from '../../data/cases';
import { listClerks } from '../../data/clerks';
import { deskDatabase } from '../../data/db';
import { readDeskIdentity } from '../../data/desk';
import { caseAttachments } from '../../data/attachments';
import { casePaperEvents } from '../../data/casePaperEvents';
import type { AttachmentRow, ChecklistItemRow, CaseRow } from '../../data/records';
import { caseHistory, type CaseHistoryEntry } from '../../domain/cases/caseHistory';
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
  /** Every event of the case at every window and at HQ, oldest first. */
  history: CaseHistoryEntry[];
}

async function loadCaseFile(caseId: CaseId): Promise<CaseFile> {
  const db = deskDatabase();
  const [row, checklist, attachments, clerks] = await Promise.all([getCase(db, caseId), caseChecklistWithDropped(db, caseId), caseAttachments(db, caseId), listClerks(db)]);
  if (row === undefined) throw new MissingRecord(m.detail.notFound);
  // Other windows' clerks by the names their events came with; this desk's own by their accounts.
  const ownClerkNames = new Map(clerks.map((clerk): [string, string] => [clerk.id, clerk.displayName]));
  const otherClerkNames = new Map(Object.entries(row.otherClerkNames ?? {}));
  const clerkNames = new Map<string, string>([...otherClerkNames, ...ownClerkNames]);
  const deskCode = (await readDeskIdentity(db))?.deskCode ?? null;
  const history = caseHistory({
    timeline: row.state.timeline,
    records: await casePaperEvents(db, row, deskCode),
    deskCode,
    ownClerkNames,
    otherClerkNames,
    otherClerkDesks: new Map(Object.entries(row.otherClerkDesks ?? {})),
  });
  return { row, items: checklist.items, dropped: checklist.dropped, attachments, clerkNames, history };
}

/**
 * The case as stored, kept current: the clerk's own writes, another window's and what the sync engine
 * pulls from HQ (an approval, say) show on the open case without anyone reading it again.
 */
export function useCaseFile(caseId: CaseId): StoredData<CaseFile> {
  return useStoredData(() => loadCaseFile(caseId), [caseId]);
}
