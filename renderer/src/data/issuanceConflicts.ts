import { z } from 'zod';
import { caseIdSchema, type CaseId } from '../domain/cases/caseId';
import type { IssuanceConflict } from '../domain/cases/caseRecord';
import { isOwnIssuanceConflict } from '../domain/cases/issuanceConflict';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { readDeskIdentity } from './desk';
import { isLicenceKind } from './documentArchive/archive';
import type { CaseRow, DocumentRow } from './records';

/**
 * Cases HQ flags as issued twice (重复发证). HQ keeps the first issuance and names the window that came
 * second; that window must recover its licence sheets from the applicant and void them, and until HQ has
 * the voids the flag stays on the case at every window. The flagged cases' ids are kept in one meta row,
 * written with the pull that flags or clears them, so screens find them without reading every case.
 */

const FLAGGED_KEY = 'issuanceConflicts';
const flaggedSchema = z.array(caseIdSchema);

async function readFlaggedIds(db: DeskDatabase): Promise<CaseId[]> {
  const parsed = flaggedSchema.safeParse((await db.meta.get(FLAGGED_KEY))?.value);
  return parsed.success ? parsed.data : [];
}

/**
 * Inside the caller's write (covering `meta`): notes which of `rows` carry HQ's flag now and which no
 * longer do. Rows not given keep what was noted.
 */
export async function noteIssuanceConflictsWithin(db: DeskDatabase, rows: readonly CaseRow[]): Promise<void> {
  if (rows.length === 0) return;
  const before = await readFlaggedIds(db);
  const ids = new Set(before);
  for (const row of rows) {
    if (row.issuanceConflict != null) ids.add(row.id);
    else ids.delete(row.id);
  }
  if (ids.size === before.length && before.every((id) => ids.has(id))) return;
  await db.meta.put({ key: FLAGGED_KEY, value: [...ids].sort() });
}

/** The cases flagged 重复发证 now, oldest flag first. */
export async function flaggedCases(db: DeskDatabase): Promise<CaseRow[]> {
  return guardStorage(async () => {
    const rows = await db.cases.bulkGet(await readFlaggedIds(db));
    return rows
      .filter((row): row is CaseRow & { issuanceConflict: IssuanceConflict } => row?.issuanceConflict != null)
      .sort((a, b) => a.issuanceConflict.at.localeCompare(b.issuanceConflict.at));
  });
}

/** What this window must do about a case it issued second: its licences still valid, to recover and void. */
export interface IssuanceConflictTask {
  row: CaseRow;
  conflict: IssuanceConflict;
  /** Licences printed at this window for the case and not voided yet; none left: waiting for HQ to clear the flag. */
  sheets: DocumentRow[];
}

/** The chief's tasks at this window: every flagged case naming it, with its licences still to void. */
export async function issuanceConflictTasks(db: DeskDatabase): Promise<IssuanceConflictTask[]> {
  const [identity, flagged] = await Promise.all([readDeskIdentity(db), flaggedCases(db)]);
  const deskCode = identity?.deskCode ?? null;
  const own = flagged.flatMap((row) => (isOwnIssuanceConflict(row.issuanceConflict, deskCode) ? [{ row, conflict: row.issuanceConflict }] : []));
  return guardStorage(() =>
    Promise.all(
      own.map(async ({ row, conflict }) => {
        const documents = await db.documents.where('caseId').equals(row.id).toArray();
        const sheets = documents.filter((document) => isLicenceKind(document.kind) && document.status === 'printed').sort((a, b) => a.printedAt.localeCompare(b.printedAt));
        return { row, conflict, sheets };
      }),
    ),
  );
}
