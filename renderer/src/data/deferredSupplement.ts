import { addWorkingDaysOn } from '../domain/calendar';
import type { CaseEvent } from '../domain/cases/caseEvents';
import type { CaseId } from '../domain/cases/caseId';
import { receiveDeferredMaterials } from '../domain/cases/caseStateMachine';
import {
  deferralOpenStatusCodes,
  openAcceptance,
  outstandingDeferred,
  overdueDeferredMaterials,
  type OpenDeferral,
  type OverdueDeferredMaterial,
} from '../domain/cases/deferredMaterials';
import type { ChecklistItemKey } from '../domain/catalogue/checklist';
import type { MaterialForm } from '../domain/catalogue/schema';
import { catalogueForCase, checkEntryChanges, checklistEventOp, checklistWithin, decisionItems, recordOf, requireItem } from './caseChecklist';
import { actingClerk, caseEventOps, caseSubject, checkIntake, requireCase, runCaseWrite, type CaseChange, type WriteContext } from './caseWrite';
import { activeCalendar } from './catalogueStore';
import { chinaIso } from './clock';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { freshened } from './search/keyTiers';
import { appendOps } from './outbox';
import { dataMessages } from './messages';
import type { CaseRow, ChecklistItemRow, ChecklistRecordRow } from './records';
import { Refusal } from './refusal';
import { currentWriteTransaction } from './transaction';

/**
 * 容缺 follow-up (补交): the applicant brings a material a 容缺 acceptance deferred, at any window of the
 * hall, and the clerk records it; and the list of deferred materials now overdue.
 */

/** What the clerk found for one deferred material brought in. */
export interface SuppliedMaterial {
  key: ChecklistItemKey;
  form: MaterialForm;
  copies: number;
  pages: number;
  note?: string | null;
}

export interface SupplementOutcome {
  case: CaseRow;
  /** The `deferredMaterialsReceived` entry, which asks for the 补交收件凭证. */
  event: CaseEvent;
}

/**
 * Records that deferred materials were brought in: each item turns received with its form, copies and
 * pages, the timeline gets the 补交 entry (the state machine checks each was deferred and is still owed),
 * and HQ gets a checklist event per item and the case event, with an audit entry, in one transaction.
 * Scans are attached to the item afterwards like any other (`attachScan`).
 */
export async function recordSupplement(
  db: DeskDatabase,
  caseId: CaseId,
  supplied: readonly SuppliedMaterial[],
  context: WriteContext,
): Promise<CaseChange<SupplementOutcome>> {
  const at = chinaIso(context.at ?? new Date());
  const checked = await checkIntake(async () =>
    supplied.map(({ key, form, copies, pages, note }) => ({ key, ...checkEntryChanges({ form, copies, pages, ...(note === undefined ? {} : { note }) }) })),
  );
  if (!checked.ok) return checked;
  const existing = await guardStorage(() => db.cases.get(caseId));
  if (existing === undefined) return { ok: false, message: dataMessages.cases.notFound };
  const [calendar, catalogue] = await Promise.all([activeCalendar(db), catalogueForCase(db, existing)]);
  const audit = {
    at,
    clerkId: context.clerk.id,
    action: 'case.receiveDeferredMaterials',
    subject: caseSubject(caseId),
    details: { caseNumber: existing.caseNumber, keys: supplied.map((material) => material.key) },
  };
  return runCaseWrite(db, audit, async () => {
    const [clerk, before] = await Promise.all([actingClerk(db, context.clerk), requireCase(db, caseId)]);
    const items = await checklistWithin(db, before, catalogue);
    const result = receiveDeferredMaterials(
      before.state,
      checked.value.map((entry) => entry.key),
      { clerk, at, checklist: decisionItems(items), addWorkingDays: (start, n) => addWorkingDaysOn(calendar.data, start, n) },
    );
    if (!result.ok) throw new Refusal(result.error.message);
    const received: ChecklistItemRow[] = checked.value.map(({ key, ...entry }) => ({
      ...requireItem(items, key),
      ...entry,
      status: 'received',
      deferredUntil: null,
      checkedBy: clerk.id,
      checkedAt: at,
    }));
    const after: CaseRow = freshened({ ...before, state: result.state, updatedAt: at });
    const scans = await Promise.all(received.map(async (item) => (await db.attachments.bulkGet(item.attachmentIds)).filter((row) => row !== undefined)));
    await Promise.all([
      db.cases.put(after),
      db.checklistItems.bulkPut(received.map((item) => recordOf(item, clerk.id, at))),
      appendOps(currentWriteTransaction(), [
        ...received.map((item, index) => checklistEventOp(item, scans[index]!, { clerkId: clerk.id, at })),
        ...caseEventOps(caseId, result.events, clerk, at),
      ]),
    ]);
    return { case: after, event: result.events[0]! };
  });
}

/**
 * The cases among `cases` that still owe deferred materials, each with those it owes: what its acceptance
 * deferred and its checklist (`records`) still records as deferred. Pure.
 */
export function openDeferralsOf(cases: readonly CaseRow[], records: readonly ChecklistRecordRow[]): OpenDeferral[] {
  const statusOf = new Map(records.map((record) => [`${record.caseId}|${record.key}`, record.status]));
  return cases.flatMap((row) => {
    const outstanding = outstandingDeferred(openAcceptance(row.state.status), (key) => statusOf.get(`${row.id}|${key}`));
    return outstanding.length === 0 ? [] : [{ caseId: row.id, caseNumber: row.caseNumber, enterpriseName: row.enterprise.name, outstanding }];
  });
}

/** Inside a read: the cases of the hall that may owe deferred materials, with their checklist records. */
export async function deferralSources(db: DeskDatabase): Promise<{ cases: CaseRow[]; records: ChecklistRecordRow[] }> {
  const cases = await db.cases.where('statusCode').anyOf(deferralOpenStatusCodes).toArray();
  const records = cases.length === 0 ? [] : await db.checklistItems.where('caseId').anyOf(cases.map((row) => row.id)).toArray();
  return { cases, records };
}

/**
 * The deferred materials of the hall's cases that are overdue on `today` (`YYYY-MM-DD`), most overdue
 * first, whichever window took each case in (see `overdueDeferredMaterials`).
 */
export async function overdueDeferrals(db: DeskDatabase, today: string): Promise<OverdueDeferredMaterial[]> {
  const { cases, records } = await guardStorage(() => db.transaction('r', [db.cases, db.checklistItems], () => deferralSources(db)));
  return overdueDeferredMaterials(openDeferralsOf(cases, records), today);
}
