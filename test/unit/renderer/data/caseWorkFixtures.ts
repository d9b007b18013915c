import { caseChecklist, recordChecklistItem } from '../../../../renderer/src/data/caseChecklist';
import { createDraftCase } from '../../../../renderer/src/data/cases';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import type { CaseRow } from '../../../../renderer/src/data/records';
import type { SignedInClerk } from '../../../../renderer/src/domain/clerks/account';
import { beforeNationalDay, startUpInput } from './dataFixtures';

/** A case taken in by `clerk`, or the spec fails with the refusal. */
export async function created(db: DeskDatabase, clerk: SignedInClerk, at = beforeNationalDay, input = startUpInput()): Promise<CaseRow> {
  const result = await createDraftCase(db, input, { clerk, at });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** What the stores hold, to show that a refused or failed write left nothing behind. */
export async function storedCounts(db: DeskDatabase) {
  return {
    cases: await db.cases.count(),
    checklist: await db.checklistItems.count(),
    enterprises: await db.enterprises.count(),
    outbox: await db.outbox.count(),
    audit: await db.auditLog.count(),
    counters: await db.counters.toArray(),
  };
}

/** Records every required item the checklist still misses as received. */
export async function receiveEverything(db: DeskDatabase, row: CaseRow, clerk: SignedInClerk, at: string) {
  for (const item of await caseChecklist(db, row.id)) {
    if (item.item.required && item.status === 'missing') {
      const result = await recordChecklistItem(db, row.id, item.key, { status: 'received', form: item.item.form, copies: item.item.copies, pages: 2 }, { clerk, at });
      if (!result.ok) throw new Error(result.message);
    }
  }
}
