import { uuidv7 } from 'uuidv7';
import { addWorkingDaysOn } from '../domain/calendar';
import type { CaseId } from '../domain/cases/caseId';
import type { CaseRecordEvent } from '../domain/cases/caseHistory';
import {
  acceptanceDate,
  commitmentCheckPayloadSchema,
  commitmentOutcomeLabels,
  openCommitmentChecks,
  type CommitmentCase,
  type CommitmentCheckRecord,
  type CommitmentCheckTask,
  type CommitmentOutcome,
} from '../domain/cases/commitments';
import type { ChecklistItemKey } from '../domain/catalogue/checklist';
import { can } from '../domain/clerks/permissions';
import { writeWithAudit } from './audit';
import { caseChecklist, catalogueForCase, checklistWithin, requireItem, checklistView } from './caseChecklist';
import { actingClerk, caseSubject, checkIntake, requireCase, touchCase, type CaseChange, type WriteContext } from './caseWrite';
import { activeCalendar } from './catalogueStore';
import { chinaIso } from './clock';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { requireDeskIdentity } from './desk';
import { dataMessages } from './messages';
import { appendOps } from './outbox';
import type { CaseRow, CommitmentCheckRow } from './records';
import { Refusal } from './refusal';
import { currentWriteTransaction } from './transaction';

/**
 * 告知承诺 after the counter: the 核查 results of committed items (this window's, written with their
 * `commitmentCheck` op; other windows', as pulled), and the checks still to be done across the desk's cases.
 */

const m = dataMessages.commitments;

/** What the clerk records of a check. */
export interface CommitmentCheckEntry {
  outcome: CommitmentOutcome;
  /** Required when the commitment proved untrue. */
  action: string | null;
}

/**
 * Records the 核查 result of one committed item of an accepted case: the result row, its op for HQ and an
 * audit entry, in one transaction. Refused when the clerk may not, the case is not accepted, the item was
 * not committed, it already has a result here, or an untrue result says nothing of the action taken.
 */
export async function recordCommitmentCheck(
  db: DeskDatabase,
  caseId: CaseId,
  key: ChecklistItemKey,
  entry: CommitmentCheckEntry,
  context: WriteContext,
): Promise<CaseChange<CommitmentCheckRow>> {
  const at = chinaIso(context.at ?? new Date());
  const existing = await guardStorage(() => db.cases.get(caseId));
  if (existing === undefined) return { ok: false, message: dataMessages.cases.notFound };
  const catalogue = await catalogueForCase(db, existing);
  const audit = { at, clerkId: context.clerk.id, action: 'commitment.check', subject: caseSubject(caseId), details: { key, outcome: entry.outcome } };
  const tables = [db.clerks, db.cases, db.checklistItems, db.commitmentChecks, db.counters, db.outbox];
  return checkIntake(() =>
    guardStorage(async () => {
      const { value } = await writeWithAudit(db, tables, audit, async () => {
        const [clerk, row, desk] = await Promise.all([actingClerk(db, context.clerk), requireCase(db, caseId), requireDeskIdentity(db)]);
        if (!can(clerk.role, 'commitment.check')) throw new Refusal(m.notPermitted);
        if (acceptanceDate(row.state.status) === null) throw new Refusal(m.notAccepted);
        const item = requireItem(await checklistWithin(db, row, catalogue), key);
        if (item.status !== 'committed') throw new Refusal(m.notCommitted(item.item.name));
        const earlier = (await db.commitmentChecks.where('caseId').equals(caseId).toArray()).find((check) => check.materialKey === key);
        if (earlier !== undefined) throw new Refusal(m.alreadyChecked(item.item.name, commitmentOutcomeLabels[earlier.outcome]));
        const parsed = commitmentCheckPayloadSchema.safeParse({ caseId, materialKey: key, name: item.item.name, outcome: entry.outcome, action: entry.action?.trim() === '' ? null : entry.action });
        if (!parsed.success) throw new Refusal(parsed.error.issues[0]!.message);
        const check: CommitmentCheckRow = { ...parsed.data, id: uuidv7(), clerkId: clerk.id, deskCode: desk.deskCode, at };
        await Promise.all([
          db.commitmentChecks.add(check),
          touchCase(db, caseId, at),
          appendOps(currentWriteTransaction(), [{ entity: 'commitmentCheck', entityId: check.id, payload: parsed.data, clerkId: clerk.id, at }]),
        ]);
        return check;
      });
      return value;
    }),
  );
}

/** Another window's 核查 result as this desk keeps it. */
export function commitmentCheckRowOf(record: CommitmentCheckRecord): CommitmentCheckRow {
  const { id, deskId: _deskId, deskCode, clerkId, clerkName, at, ...payload } = record;
  return { ...payload, id, clerkId, ...(clerkName !== undefined && { clerkName }), deskCode: deskCode ?? null, at: chinaIso(at) };
}

/** The case's 核查 results of every window, oldest first. */
export async function caseCommitmentChecks(db: DeskDatabase, caseId: CaseId): Promise<CommitmentCheckRow[]> {
  const rows = await guardStorage(() => db.commitmentChecks.where('caseId').equals(caseId).toArray());
  return rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** A 核查 result as an entry of the case's history. */
export function commitmentCheckEvent(row: CommitmentCheckRow): CaseRecordEvent {
  const { id, clerkId, clerkName, deskCode, at, ...payload } = row;
  return { id, at, clerkId, clerkName, deskCode, entity: 'commitmentCheck', payload };
}

/**
 * The 核查 still to be done at this desk on `today` (`YYYY-MM-DD`), open and overdue, soonest due first
 * (see the domain's `openCommitmentChecks`). Reads only cases with a committed item, by the status index.
 */
export async function commitmentCheckTasks(db: DeskDatabase, today: string): Promise<CommitmentCheckTask[]> {
  const committed = await guardStorage(() => db.checklistItems.where('status').equals('committed').toArray());
  const caseIds = [...new Set(committed.map((record) => record.caseId))];
  const [rows, calendar] = await Promise.all([guardStorage(() => db.cases.bulkGet(caseIds)), activeCalendar(db)]);
  return openCommitmentChecks(await commitmentCasesOf(db, rows), today, (start, n) => addWorkingDaysOn(calendar.data, start, n));
}

/**
 * Each accepted case among `rows` with its committed items and the 核查 results recorded for them at any
 * window, as `openCommitmentChecks` reads them (the ledger derives its items from the same list).
 */
export async function commitmentCasesOf(db: DeskDatabase, rows: readonly (CaseRow | undefined)[]): Promise<CommitmentCase[]> {
  const cases: CommitmentCase[] = [];
  for (const row of rows) {
    if (row === undefined || acceptanceDate(row.state.status) === null) continue;
    const [loaded, records, checks] = await Promise.all([
      catalogueForCase(db, row),
      guardStorage(() => db.checklistItems.where('caseId').equals(row.id).toArray()),
      caseCommitmentChecks(db, row.id),
    ]);
    const items = checklistView(row, loaded.catalogue, records).filter((item) => item.status === 'committed');
    if (items.length === 0) continue;
    cases.push({
      caseId: row.id,
      caseNumber: row.caseNumber,
      enterpriseName: row.enterprise.name,
      status: row.state.status,
      committed: items.map((item) => ({ materialKey: item.key, name: item.item.name, checkDays: item.item.commitmentCheckDays })),
      checks,
    });
  }
  return cases;
}

/** The case's committed items, with the 核查 result that stands for each (null while open). */
export async function caseCommitments(db: DeskDatabase, caseId: CaseId) {
  const [items, checks] = await Promise.all([caseChecklist(db, caseId), caseCommitmentChecks(db, caseId)]);
  return items
    .filter((item) => item.status === 'committed')
    .map((item) => ({ item, check: checks.filter((check) => check.materialKey === item.key).at(-1) ?? null }));
}
