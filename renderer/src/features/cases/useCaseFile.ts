import { useCallback, useEffect, useState } from 'react';
import { caseChecklistWithDropped, type DroppedItemRow } from '../../data/caseChecklist';
import { getCase } from '../../data/cases';
import { listClerks } from '../../data/clerks';
import { deskDatabase } from '../../data/db';
import { caseAttachments } from '../../data/attachments';
import type { AttachmentRow, ChecklistItemRow, CaseRow } from '../../data/records';
import type { CaseId } from '../../domain/cases/caseId';
import type { Loaded } from '../common/useLoad';
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
  if (row === undefined) throw new Error(m.detail.notFound);
  return { row, items: checklist.items, dropped: checklist.dropped, attachments, clerkNames: new Map(clerks.map((clerk) => [clerk.id, clerk.displayName])) };
}

/** Loads the case and reloads it on demand (after each write), keeping the newest answer only. */
export function useCaseFile(caseId: CaseId): { file: Loaded<CaseFile>; reload: () => void } {
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<{ caseId: CaseId; result: Loaded<CaseFile> } | null>(null);
  useEffect(() => {
    let current = true;
    loadCaseFile(caseId).then(
      (value) => current && setLoaded({ caseId, result: { state: 'ready', value } }),
      (error: unknown) => current && setLoaded({ caseId, result: { state: 'failed', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
  }, [caseId, version]);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  // While a reload runs, the previous answer for the same case stays on screen (no flicker).
  return { file: loaded !== null && loaded.caseId === caseId ? loaded.result : { state: 'loading' }, reload };
}
