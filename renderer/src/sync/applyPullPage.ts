import { z } from 'zod';
import { chinaIso } from '../data/clock';
import { guardStorage } from '../data/dataError';
import type { DeskDatabase } from '../data/db';
import type { CaseRow, ChecklistRecordRow } from '../data/records';
import { caseSearchKeys } from '../data/search/keys';
import { keepHqCaseValues, keepWaitingEvent, takeWaitingEvents, writePullCursor } from '../data/syncState';
import type { CaseEvent } from '../domain/cases/caseEvents';
import { parseCaseNumber } from '../domain/cases/caseNumber';
import { runningDueDate } from '../domain/cases/dueStatus';
import { checklistItemKeySchema } from '../domain/catalogue/checklist';
import type { Catalogue } from '../domain/catalogue/schema';
import { clerkIdSchema, type ClerkId } from '../domain/clerks/clerkId';
import { pickFields, unsentCaseFields, withDeskFields } from './deskFields';
import {
  caseEventRecordSchema,
  caseFields,
  checklistEventRecordSchema,
  type CaseEventRecord,
  type ChecklistEventRecord,
  type PullChange,
  type PullResponse,
} from './protocol';

/**
 * Applies one page of HQ's changes for this desk's hall to the local database, in one transaction with
 * the page's cursor (DESIGN §4), so a page is either wholly applied and remembered or not at all, and
 * applying it again changes nothing.
 *
 * Ownership decides who wins. HQ-owned fields (HQ case number, decision, licence data) always take HQ's
 * value. Desk-owned fields take HQ's value too — it holds every change the desk pushed and resolved the
 * conflicts its way — except fields of ops this desk has not had acknowledged yet: those keep the local
 * value, which HQ will judge when it arrives. So an approval turns the case into 待出证 with the licence
 * data at every desk of the hall, while a clerk's unsent change is never overwritten.
 *
 * Cases of other desks of the hall are created here, with their timeline and what was recorded on their
 * checklist merged, so any window can continue them or issue the licence.
 * HQ's stream keeps only each entity's latest state, so a case's events often come before the case
 * (pages before, even): they wait in `syncState` until it arrives. Documents, licence-sheet and handover
 * events stay with the desk that printed them (the case's status carries the outcome), and HQ's
 * `delete` is not applied: nothing local is deleted on a pulled change.
 */
export async function applyPullPage(db: DeskDatabase, page: PullResponse, context: ApplyContext): Promise<void> {
  await guardStorage(() =>
    db.transaction('rw', [db.cases, db.checklistItems, db.enterprises, db.outbox, db.meta], async () => {
      const unsent = page.changes.some((change) => change.entity === 'case') ? await unsentCaseFields(db) : new Map<string, Set<string>>();
      for (const change of page.changes) {
        if (change.op === 'delete') continue;
        if (change.entity === 'case') await applyCase(db, change, unsent.get(change.entityId) ?? new Set(), context);
        else if (change.entity === 'caseEvent' && change.data.deskId !== context.deskId) await applyEvent(db, { entity: 'caseEvent', data: change.data });
        else if (change.entity === 'checklistEvent' && change.data.deskId !== context.deskId) await applyEvent(db, { entity: 'checklistEvent', data: change.data });
      }
      await writePullCursor(db, context.deskId, page.nextCursor);
    }),
  );
}

export interface ApplyContext {
  /** This desk on HQ: its own events are already in the local timeline. */
  deskId: string;
  /** The catalogue in use, for the promised time limit of a case first seen here (read before the transaction). */
  catalogue: Catalogue;
}

/**
 * Who took in a case pulled from another desk, until its `opened` event is seen: a v7-shaped id no account
 * ever has (its timestamp is zero), so screens show 未知 rather than a wrong name.
 */
export const unknownClerkId: ClerkId = clerkIdSchema.parse('00000000-0000-7000-8000-000000000000');

type CaseChange = Extract<PullChange, { entity: 'case'; op: 'upsert' }>;

function laterIso(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : chinaIso(b);
}

async function applyCase(db: DeskDatabase, change: CaseChange, keep: ReadonlySet<string>, context: ApplyContext): Promise<void> {
  const record = change.data;
  const local = await db.cases.get(record.id);
  if (local === undefined) {
    await createCase(db, change, context);
    return;
  }
  // An older version than one already applied (the page is replayed, or HQ sent versions out of order).
  if (local.hqVersion !== null && change.version <= local.hqVersion) return;
  const next = withDeskFields(local, pickFields(record, caseFields.filter((field) => !keep.has(field))));
  // HQ's values of the fields kept back, in case HQ resolves the clerk's change as a conflict.
  await keepHqCaseValues(db, record.id, pickFields(record, caseFields.filter((field) => keep.has(field))));
  next.hqCaseNumber = record.hqCaseNumber;
  next.decision = record.decision;
  next.licence = record.licence;
  next.hqVersion = change.version;
  // A conflict flagged by a push learns the value that stood on HQ.
  next.conflicts = local.conflicts.map((conflict) => (conflict.hqValue === undefined ? { ...conflict, hqValue: record[conflict.field] } : conflict));
  next.updatedAt = laterIso(local.updatedAt, record.updatedAt);
  await db.cases.put(next);
}

/** The longest promised limit of the case's matters, as intake sets it (the case is due when its slowest matter is). */
function promisedWorkingDays(catalogue: Catalogue, matterCodes: readonly string[]): number {
  return Math.max(0, ...catalogue.matters.filter((matter) => matterCodes.includes(matter.code)).map((matter) => matter.promisedLimitDays));
}

async function createCase(db: DeskDatabase, change: CaseChange, context: ApplyContext): Promise<void> {
  const record = change.data;
  const enterprise = record.enterprise.uscc === null ? undefined : await db.enterprises.where('uscc').equals(record.enterprise.uscc).first();
  const base: CaseRow = {
    id: record.id,
    caseNumber: record.caseNumber,
    hallCode: record.hallCode,
    deskCode: parseCaseNumber(record.caseNumber)?.deskCode ?? '',
    state: { promisedWorkingDays: promisedWorkingDays(context.catalogue, record.matterCodes), visits: record.visits, status: record.status, timeline: [] },
    statusCode: record.status.code,
    dueDate: runningDueDate(record.status) ?? '',
    enterpriseId: enterprise?.id ?? null,
    enterprise: record.enterprise,
    applicant: record.applicant,
    agent: record.agent,
    // The authorisation's wording is not part of the protocol; the agent's identity is.
    agentAuthorisation: null,
    matterCodes: record.matterCodes,
    bundleCode: record.bundleCode,
    answers: record.answers,
    catalogueVersion: record.catalogueVersion,
    queueTicket: record.queueTicket,
    // Set from the case's `opened` event when it is merged.
    clerkId: unknownClerkId,
    createdAt: chinaIso(record.createdAt),
    updatedAt: chinaIso(record.updatedAt),
    searchKeys: [],
    hqCaseNumber: record.hqCaseNumber,
    decision: record.decision,
    licence: record.licence,
    hqVersion: change.version,
    conflicts: [],
  };
  await db.cases.put({ ...base, searchKeys: caseSearchKeys(base) });
  for (const raw of await takeWaitingEvents(db, record.id)) {
    const event = waitingEventSchema.safeParse(raw);
    if (event.success) await applyEvent(db, event.data);
  }
}

/** An event of another desk, as it waits for its case (read back through its schema: storage is a boundary). */
const waitingEventSchema = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('caseEvent'), data: caseEventRecordSchema }),
  z.object({ entity: z.literal('checklistEvent'), data: checklistEventRecordSchema }),
]);
type PulledEvent = { entity: 'caseEvent'; data: CaseEventRecord } | { entity: 'checklistEvent'; data: ChecklistEventRecord };

/** Merges another desk's event into its case, or keeps it until the case arrives. */
async function applyEvent(db: DeskDatabase, event: PulledEvent): Promise<void> {
  const row = await db.cases.get(event.data.caseId);
  if (row === undefined) {
    await keepWaitingEvent(db, event.data.caseId, event.data.id, event);
    return;
  }
  if (event.entity === 'caseEvent') await mergeCaseEvent(db, row, event.data);
  else await applyChecklistEvent(db, event.data);
}

function sameEvent(a: CaseEvent, b: CaseEvent): boolean {
  return a.type === b.type && a.clerkId === b.clerkId && Date.parse(a.at) === Date.parse(b.at);
}

/**
 * Adds another desk's timeline entry to the case, once: an entry already present (same kind,
 * clerk and time) is skipped. An entry whose position this desk has used meanwhile goes after the last.
 */
async function mergeCaseEvent(db: DeskDatabase, row: CaseRow, record: CaseEventRecord): Promise<void> {
  const timeline = row.state.timeline;
  if (timeline.some((event) => sameEvent(event, record.event))) return;
  const taken = timeline.some((event) => event.seq === record.event.seq);
  const event: CaseEvent = taken ? { ...record.event, seq: Math.max(0, ...timeline.map((known) => known.seq)) + 1 } : record.event;
  const next: CaseRow = { ...row, state: { ...row.state, timeline: [...timeline, event].sort((a, b) => a.seq - b.seq) } };
  if (event.type === 'opened' && row.clerkId === unknownClerkId) next.clerkId = event.clerkId;
  await db.cases.put(next);
}

/**
 * What another desk recorded for a checklist item, unless this desk holds a later record of it. The
 * scans stay with the desk that took them (HQ holds their bytes; the protocol has no download).
 */
async function applyChecklistEvent(db: DeskDatabase, record: ChecklistEventRecord): Promise<void> {
  const key = checklistItemKeySchema.parse(record.materialKey);
  const existing = await db.checklistItems.get([record.caseId, key]);
  if (existing !== undefined && Date.parse(existing.checkedAt) >= Date.parse(record.at)) return;
  const next: ChecklistRecordRow = {
    caseId: record.caseId,
    key,
    status: record.status,
    form: record.form,
    copies: record.copies,
    pages: record.pages,
    deferredUntil: record.deferredUntil,
    note: record.note,
    attachmentIds: existing?.attachmentIds ?? [],
    checkedBy: record.clerkId,
    checkedAt: chinaIso(record.at),
  };
  await db.checklistItems.put(next);
}
