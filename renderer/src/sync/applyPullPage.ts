import { z } from 'zod';
import { chinaIso } from '../data/clock';
import { commitmentCheckRowOf } from '../data/commitments';
import { applyPulledLedgerChanges } from '../data/ledger/ledgerPull';
import { guardStorage } from '../data/dataError';
import type { DeskDatabase } from '../data/db';
import { noteIssuanceConflictsWithin } from '../data/issuanceConflicts';
import type { CaseConflict, CaseRow, ChecklistRecordRow, EnterpriseRow } from '../data/records';
import { caseSearchKeys } from '../data/search/keys';
import { keyedIn, type Keyed } from '../data/search/keyTiers';
import { keepHqCaseValues, keepWaitingEvents, takeWaitingEvents, writePullCursor } from '../data/syncState';
import {
  caseEventRecordSchema,
  checklistEventRecordSchema,
  handoverRecordSchema,
  type CaseEventRecord,
  type ChecklistEventRecord,
  type HandoverRecord,
} from '../domain/cases/caseEventRecords';
import { paperEventOf } from '../domain/cases/caseHistory';
import type { CaseEvent } from '../domain/cases/caseEvents';
import { caseIdSchema, type CaseId } from '../domain/cases/caseId';
import type { HqDecision } from '../domain/cases/hqDecision';
import { parseCaseNumber } from '../domain/cases/caseNumber';
import { caseFields, type CasePatch, type CaseRecord } from '../domain/cases/caseRecord';
import { runningDueDate } from '../domain/cases/dueStatus';
import { checklistItemKeySchema, type ChecklistItemKey } from '../domain/catalogue/checklist';
import type { Catalogue } from '../domain/catalogue/schema';
import { clerkIdSchema, type ClerkId } from '../domain/clerks/clerkId';
import { documentEventRecordSchema, licenceSheetEventRecordSchema, type DocumentEventRecord, type LicenceSheetEventRecord } from '../domain/documentEvents';
import type { PullChange, PullResponse } from '../protocol/pull';
import { pickFields, unsentCaseFields, withDeskFields } from './deskFields';

/**
 * Applies one page of HQ's changes for this desk's hall to the local database, in one transaction with
 * the page's cursor (ARCHITECTURE.md, "The sync contract"), so a page is either wholly applied and remembered or not at all, and
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
 * (pages before, even): they wait in `syncState` until it arrives. Another window's document,
 * licence-sheet and handover events of a case are kept on the case for its history (the case's status
 * carries the outcome), and HQ's `delete` is not applied: nothing local is deleted on a pulled change.
 */
export async function applyPullPage(db: DeskDatabase, page: PullResponse, context: ApplyContext): Promise<void> {
  await guardStorage(() =>
    db.transaction('rw', [db.cases, db.checklistItems, db.enterprises, db.outbox, db.meta, db.commitmentChecks, db.ledgerItems, db.ledgerFollowUps], async () => {
      const work = await PageWork.read(db, page, context);
      // Another window's 核查 results are kept by their own id: nothing of the case they name has to be here yet.
      const checks = page.changes.flatMap((change) =>
        change.op === 'upsert' && change.entity === 'commitmentCheck' && notKnownHere(change.data.deskId, context) ? [commitmentCheckRowOf(change.data)] : [],
      );
      for (const change of page.changes) {
        if (change.op === 'delete') continue;
        if (change.entity === 'case') work.applyCase(change);
        else if (change.entity === 'caseEvent' && notKnownHere(change.data.deskId, context)) work.applyEvent({ entity: 'caseEvent', data: change.data });
        else if (change.entity === 'checklistEvent' && notKnownHere(change.data.deskId, context)) work.applyEvent({ entity: 'checklistEvent', data: change.data });
        else {
          const paper = paperEventOfCase(change);
          if (paper !== null && notKnownHere(paper.data.deskId, context)) work.applyEvent(paper);
        }
      }
      await Promise.all([work.write(db), db.commitmentChecks.bulkPut(checks)]);
      // After the page's cases: a pulled ledger item takes its green-card flag from its case.
      await applyPulledLedgerChanges(db, page.changes, context);
      await writePullCursor(db, context.deskId, page.nextCursor);
    }),
  );
}

export interface ApplyContext {
  /** This desk on HQ: its own events are already in the local timeline. */
  deskId: string;
  /**
   * The desk was restored from a backup: its own events made after the backup are not in the local
   * timeline, so its own events are merged too (one already there is recognised and skipped).
   */
  restored?: boolean;
  /** The catalogue in use, for the promised time limit of a case first seen here (read before the transaction). */
  catalogue: Catalogue;
}

/**
 * Who took in a case pulled from another desk, until its `opened` event is seen: a v7-shaped id no account
 * ever has (its timestamp is zero), so screens show 未知 rather than a wrong name.
 */
/** An event the local timeline may lack: another desk's, or any after a restore. */
function notKnownHere(deskId: string, context: ApplyContext): boolean {
  return context.restored === true || deskId !== context.deskId;
}

export const unknownClerkId: ClerkId = clerkIdSchema.parse('00000000-0000-7000-8000-000000000000');

/**
 * The author of the timeline entries the desk records for HQ's decisions: HQ's staff are no clerks of
 * the hall, so the entry names the decider itself (`decidedBy`) and stamps this id no account ever has.
 */
export const hqClerkId: ClerkId = clerkIdSchema.parse('00000000-0000-7000-8000-000000000001');

type CaseChange = Extract<PullChange, { entity: 'case'; op: 'upsert' }>;

/** The timeline entry of HQ's decision, after the case's last entry. */
function hqDecisionEvent(decision: HqDecision, timeline: readonly CaseEvent[]): CaseEvent {
  const base = { seq: Math.max(0, ...timeline.map((event) => event.seq)) + 1, at: chinaIso(decision.decidedAt), clerkId: hqClerkId, decidedBy: decision.decidedBy };
  return decision.kind === 'approved'
    ? { ...base, type: 'approved', note: null }
    : // The desk prints nothing for HQ's denial: HQ serves its decision on the applicant.
      { ...base, type: 'denied', reason: decision.reason, documents: [], ...(decision.legalBasis !== undefined && { legalBasis: decision.legalBasis }) };
}

/** The case, knowing the name and window of another window's clerk from one of their events (when it came with them). */
function withClerkName(row: CaseRow, record: { clerkId: string; clerkName?: string | undefined; deskCode?: string | undefined }): CaseRow {
  const named = record.clerkName === undefined ? row : { ...row, otherClerkNames: { ...row.otherClerkNames, [record.clerkId]: record.clerkName } };
  return record.deskCode === undefined ? named : { ...named, otherClerkDesks: { ...row.otherClerkDesks, [record.clerkId]: record.deskCode } };
}

/** Whether the case already knows what this event says of its clerk. */
function knowsClerk(row: CaseRow, record: { clerkId: string; clerkName?: string | undefined; deskCode?: string | undefined }): boolean {
  return (
    (record.clerkName === undefined || row.otherClerkNames?.[record.clerkId] === record.clerkName) &&
    (record.deskCode === undefined || row.otherClerkDesks?.[record.clerkId] === record.deskCode)
  );
}

/** Whether the timeline already records HQ's decision (a page applied again, or a later version of the case). */
function recordsDecision(timeline: readonly CaseEvent[], decision: HqDecision): boolean {
  return timeline.some((event) => event.type === decision.kind && event.clerkId === hqClerkId && Date.parse(event.at) === Date.parse(decision.decidedAt));
}

/** A conflict flagged by a push, with HQ's value and (when HQ says) who set it. */
function learnHqValue(conflict: CaseConflict, record: CaseRecord): CaseConflict {
  const hqBy = record.fieldAuthors?.[conflict.field];
  return { ...conflict, hqValue: record[conflict.field], ...(hqBy !== undefined && { hqBy }) };
}

function laterIso(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : chinaIso(b);
}

/** The longest promised limit of the case's matters, as intake sets it (the case is due when its slowest matter is). */
function promisedWorkingDays(catalogue: Catalogue, matterCodes: readonly string[]): number {
  return Math.max(0, ...catalogue.matters.filter((matter) => matterCodes.includes(matter.code)).map((matter) => matter.promisedLimitDays));
}

/** An event of another desk, as it waits for its case (read back through its schema: storage is a boundary). */
const waitingEventSchema = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('caseEvent'), data: caseEventRecordSchema }),
  z.object({ entity: z.literal('checklistEvent'), data: checklistEventRecordSchema }),
  z.object({ entity: z.literal('documentEvent'), data: documentEventRecordSchema.extend({ caseId: caseIdSchema }) }),
  z.object({ entity: z.literal('licenceSheetEvent'), data: licenceSheetEventRecordSchema.extend({ caseId: caseIdSchema }) }),
  z.object({ entity: z.literal('handover'), data: handoverRecordSchema }),
]);
/** A document, licence-sheet or handover event of a case (those of no case, a blank sheet voided say, are no case's history). */
type PaperEvent =
  | { entity: 'documentEvent'; data: DocumentEventRecord & { caseId: CaseId } }
  | { entity: 'licenceSheetEvent'; data: LicenceSheetEventRecord & { caseId: CaseId } }
  | { entity: 'handover'; data: HandoverRecord };
type PulledEvent = { entity: 'caseEvent'; data: CaseEventRecord } | { entity: 'checklistEvent'; data: ChecklistEventRecord } | PaperEvent;

function paperEventOfCase(change: PullChange): PaperEvent | null {
  if (change.op !== 'upsert') return null;
  if (change.entity === 'handover') return { entity: 'handover', data: change.data };
  if (change.entity === 'documentEvent' && change.data.caseId !== null) return { entity: 'documentEvent', data: { ...change.data, caseId: change.data.caseId } };
  if (change.entity === 'licenceSheetEvent' && change.data.caseId !== null) return { entity: 'licenceSheetEvent', data: { ...change.data, caseId: change.data.caseId } };
  return null;
}

function sameEvent(a: CaseEvent, b: CaseEvent): boolean {
  return a.type === b.type && a.clerkId === b.clerkId && Date.parse(a.at) === Date.parse(b.at);
}

const checklistRecordKey = (caseId: string, key: string) => JSON.stringify([caseId, key]);

/**
 * One page being applied, inside its transaction. Every row the page can touch is read up front, a few
 * requests for the whole page (its cases, the events that waited for them, the checklist records its
 * events may replace, the enterprises of the cases it creates, the clerk's unacknowledged changes to its
 * cases); the changes are then applied in memory, in the page's order, and what changed is written back
 * together at the end. So a page costs a handful of requests rather than several per change, and the
 * apply loop itself awaits nothing (a long run of awaits that reach no IndexedDB request would lose
 * Dexie's transaction zone).
 */
class PageWork {
  private readonly dirtyCases = new Set<CaseId>();
  private readonly dirtyRecords = new Set<string>();
  /** Events of this page whose case the desk does not hold (yet), by case. */
  private readonly waiting = new Map<string, Map<string, PulledEvent>>();
  /** HQ's values of the fields kept back, per case (none: the case's row of them is cleared). */
  private readonly hqValues = new Map<string, CasePatch>();

  private constructor(
    private readonly context: ApplyContext,
    private readonly unsent: Map<string, Set<string>>,
    private readonly cases: Map<CaseId, CaseRow | undefined>,
    /** Events that waited (from earlier pages) for the cases this page creates, taken out of storage. */
    private readonly waited: Map<string, { eventId: string; event: PulledEvent }[]>,
    private readonly records: Map<string, ChecklistRecordRow | undefined>,
    /** Enterprises the hall has seen, by USCC, for the cases this page creates. */
    private readonly enterprises: Map<string, EnterpriseRow | undefined>,
  ) {}

  static async read(db: DeskDatabase, page: PullResponse, context: ApplyContext): Promise<PageWork> {
    const upserts = page.changes.filter((change): change is CaseChange => change.entity === 'case' && change.op === 'upsert');
    const caseIds = new Set<CaseId>(upserts.map((change) => change.data.id));
    for (const change of page.changes) {
      if ((change.entity === 'caseEvent' || change.entity === 'checklistEvent') && change.op === 'upsert') caseIds.add(change.data.caseId);
      const paper = paperEventOfCase(change);
      if (paper !== null && notKnownHere(paper.data.deskId, context)) caseIds.add(paper.data.caseId);
    }
    const ids = [...caseIds];
    const [rows, unsent] = await Promise.all([db.cases.bulkGet(ids), unsentCaseFields(db, upserts.map((change) => change.data.id))]);
    const cases = new Map(ids.map((id, index) => [id, rows[index]]));
    // A case the desk lacks is created by its upsert in this page: the events that waited for it are handed over.
    const taken = await takeWaitingEvents(db, [...new Set(upserts.filter((change) => cases.get(change.data.id) === undefined).map((change) => change.data.id))]);
    const waited = new Map<string, { eventId: string; event: PulledEvent }[]>();
    for (const [caseId, events] of taken) {
      waited.set(
        caseId,
        events.flatMap(({ eventId, event }) => {
          const parsed = waitingEventSchema.safeParse(event);
          return parsed.success ? [{ eventId, event: parsed.data }] : [];
        }),
      );
    }
    // An event kept under one case but naming another goes where it names, as it would if applied alone.
    const named = [...new Set([...waited.values()].flatMap((events) => events.map(({ event }) => event.data.caseId)))].filter((caseId) => !cases.has(caseId));
    const namedRows = await db.cases.bulkGet(named);
    named.forEach((caseId, index) => cases.set(caseId, namedRows[index]));

    const recordKeys = new Map<string, [CaseId, ChecklistItemKey]>();
    const noteRecord = (caseId: CaseId, materialKey: string) => {
      const key = checklistItemKeySchema.safeParse(materialKey);
      if (key.success) recordKeys.set(checklistRecordKey(caseId, key.data), [caseId, key.data]);
    };
    for (const change of page.changes) if (change.entity === 'checklistEvent' && change.op === 'upsert') noteRecord(change.data.caseId, change.data.materialKey);
    for (const events of waited.values()) {
      for (const { event } of events) if (event.entity === 'checklistEvent') noteRecord(event.data.caseId, event.data.materialKey);
    }
    const keys = [...recordKeys.values()];
    const usccs = [...new Set(upserts.filter((change) => cases.get(change.data.id) === undefined).flatMap((change) => change.data.enterprise.uscc ?? []))];
    const [existing, enterpriseRows] = await Promise.all([
      db.checklistItems.bulkGet(keys),
      Promise.all(usccs.map((uscc) => db.enterprises.where('uscc').equals(uscc).first())),
    ]);
    const records = new Map(keys.map(([caseId, key], index) => [checklistRecordKey(caseId, key), existing[index]]));
    const enterprises = new Map(usccs.map((uscc, index) => [uscc, enterpriseRows[index]]));
    return new PageWork(context, unsent, cases, waited, records, enterprises);
  }

  private caseRow(id: CaseId): CaseRow | undefined {
    if (!this.cases.has(id)) throw new Error(`case ${id} was not read for this page`);
    return this.cases.get(id);
  }

  private putCase(row: CaseRow): void {
    this.cases.set(row.id, row);
    this.dirtyCases.add(row.id);
  }

  applyCase(change: CaseChange): void {
    const record = change.data;
    const local = this.caseRow(record.id);
    if (local === undefined) {
      this.createCase(change);
      return;
    }
    // An older version than one already applied (the page is replayed, or HQ sent versions out of order).
    if (local.hqVersion !== null && change.version <= local.hqVersion) return;
    const keep = this.unsent.get(record.id) ?? new Set<string>();
    // HQ's values of the fields kept back, in case HQ resolves the clerk's change as a conflict.
    this.hqValues.set(record.id, pickFields(record, caseFields.filter((field) => keep.has(field))));
    const hqOwned: Pick<CaseRow, 'hqCaseNumber' | 'decision' | 'licence' | 'hqVersion' | 'conflicts' | 'issuanceConflict' | 'fieldAuthors' | 'updatedAt'> = {
      hqCaseNumber: record.hqCaseNumber,
      // HQ sends the flag while it stands; a version without it clears it.
      issuanceConflict: record.issuanceConflict ?? null,
      decision: record.decision,
      // Before the desk fields are written: they re-key the case, and the licence's USCC is one of its keys.
      licence: record.licence,
      hqVersion: change.version,
      // A conflict flagged by a push learns the value that stood on HQ, and who set it.
      conflicts: local.conflicts.map((conflict) => (conflict.hqValue === undefined ? learnHqValue(conflict, record) : conflict)),
      fieldAuthors: record.fieldAuthors,
      updatedAt: laterIso(local.updatedAt, record.updatedAt),
    };
    this.putCase(withDeskFields({ ...local, ...hqOwned }, pickFields(record, caseFields.filter((field) => !keep.has(field)))));
    this.recordDecision(record.id, record.decision);
  }

  /** Adds HQ's decision to the case's timeline, once, with who decided and when. */
  private recordDecision(id: CaseId, decision: HqDecision | null): void {
    const row = this.caseRow(id)!;
    if (decision === null || recordsDecision(row.state.timeline, decision)) return;
    const timeline = row.state.timeline;
    this.putCase({ ...row, state: { ...row.state, timeline: [...timeline, hqDecisionEvent(decision, timeline)] } });
  }

  private createCase(change: CaseChange): void {
    const { context } = this;
    const record = change.data;
    const enterprise = record.enterprise.uscc === null ? undefined : this.enterprises.get(record.enterprise.uscc);
    const base: Omit<CaseRow, keyof Keyed> = {
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
      ...(record.licenceCopies === undefined ? {} : { licenceCopies: record.licenceCopies }),
      ...(record.legalRepresentative === undefined ? {} : { legalRepresentative: record.legalRepresentative }),
      ...(record.shareholders === undefined ? {} : { shareholders: record.shareholders }),
      ...(record.queueService === undefined ? {} : { queueService: record.queueService }),
      // Set from the case's `opened` event when it is merged.
      clerkId: unknownClerkId,
      createdAt: chinaIso(record.createdAt),
      updatedAt: chinaIso(record.updatedAt),
      hqCaseNumber: record.hqCaseNumber,
      decision: record.decision,
      licence: record.licence,
      hqVersion: change.version,
      conflicts: [],
      issuanceConflict: record.issuanceConflict ?? null,
      fieldAuthors: record.fieldAuthors,
    };
    // Settled at once: a first pull brings thousands of cases, more than the fresh index is for.
    this.putCase({ ...base, ...keyedIn('settled', caseSearchKeys(base)) });
    // What waited in storage and what waited earlier in this page, once per event (the page's copy is the
    // later one), in the order of the events' ids as storage hands them over.
    const events = new Map<string, PulledEvent>();
    for (const { eventId, event } of this.waited.get(record.id) ?? []) events.set(eventId, event);
    this.waited.delete(record.id);
    for (const [eventId, event] of this.waiting.get(record.id) ?? []) events.set(eventId, event);
    this.waiting.delete(record.id);
    for (const eventId of [...events.keys()].sort()) this.applyEvent(events.get(eventId)!);
    this.recordDecision(record.id, record.decision);
  }

  /** Merges another desk's event into its case, or keeps it until the case arrives. */
  applyEvent(event: PulledEvent): void {
    const row = this.caseRow(event.data.caseId);
    if (row === undefined) {
      const waiting = this.waiting.get(event.data.caseId) ?? new Map<string, PulledEvent>();
      waiting.set(event.data.id, event);
      this.waiting.set(event.data.caseId, waiting);
      return;
    }
    if (event.entity === 'caseEvent') this.mergeCaseEvent(row, event.data);
    else if (event.entity === 'checklistEvent') this.applyChecklistEvent(event.data);
    else this.keepPaperEvent(row, event);
  }

  /** Keeps another window's document, licence-sheet or handover event on its case, once. */
  private keepPaperEvent(row: CaseRow, event: PaperEvent): void {
    const known = row.otherPaperEvents ?? [];
    if (known.some((paper) => paper.id === event.data.id)) return;
    this.putCase({ ...withClerkName(row, event.data), otherPaperEvents: [...known, paperEventOf(event)] });
  }

  /**
   * Adds another desk's timeline entry to the case, once: an entry already present (same kind,
   * clerk and time) is skipped. An entry whose position this desk has used meanwhile goes after the last.
   */
  private mergeCaseEvent(row: CaseRow, record: CaseEventRecord): void {
    const timeline = row.state.timeline;
    if (timeline.some((event) => sameEvent(event, record.event))) return;
    const taken = timeline.some((event) => event.seq === record.event.seq);
    const event: CaseEvent = taken ? { ...record.event, seq: Math.max(0, ...timeline.map((known) => known.seq)) + 1 } : record.event;
    const next: CaseRow = { ...withClerkName(row, record), state: { ...row.state, timeline: [...timeline, event].sort((a, b) => a.seq - b.seq) } };
    if (event.type === 'opened' && row.clerkId === unknownClerkId) next.clerkId = event.clerkId;
    this.putCase(next);
  }

  /**
   * What another desk recorded for a checklist item, unless this desk holds a later record of it. The
   * scans stay with the desk that took them (HQ holds their bytes; the protocol has no download).
   */
  private applyChecklistEvent(record: ChecklistEventRecord): void {
    const key = checklistItemKeySchema.parse(record.materialKey);
    const id = checklistRecordKey(record.caseId, key);
    if (!this.records.has(id)) throw new Error(`checklist record ${id} was not read for this page`);
    const existing = this.records.get(id);
    const row = this.caseRow(record.caseId)!;
    if (!knowsClerk(row, record)) this.putCase(withClerkName(row, record));
    if (existing !== undefined && Date.parse(existing.checkedAt) >= Date.parse(record.at)) return;
    this.records.set(id, {
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
    });
    this.dirtyRecords.add(id);
  }

  /** Writes back what the page changed, and keeps the events whose case has still not arrived. */
  async write(db: DeskDatabase): Promise<void> {
        const stillWaiting = [...this.waiting].flatMap(([caseId, events]) => [...events].map(([eventId, event]) => ({ caseId, eventId, event })));
    const written = [...this.dirtyCases].map((id) => this.cases.get(id)!);
    await Promise.all([
      db.cases.bulkPut(written),
      noteIssuanceConflictsWithin(db, written),
      db.checklistItems.bulkPut([...this.dirtyRecords].map((id) => this.records.get(id)!)),
      keepWaitingEvents(db, stillWaiting),
      ...[...this.hqValues].map(([caseId, values]) => keepHqCaseValues(db, caseId, values)),
    ]);
  }
}
