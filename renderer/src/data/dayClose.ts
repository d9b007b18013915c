import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { CaseId } from '../domain/cases/caseId';
import type { CaseStatusCode } from '../domain/cases/caseStatus';
import { businessDateOf, formatChineseDate, isoDateSchema, isoDateTimeSchema, toChinaCalendarDate } from '../domain/chineseDate';
import type { SignedInClerk } from '../domain/clerks/account';
import { clerkIdSchema } from '../domain/clerks/clerkId';
import { dayFiguresOf, type DayFigures } from '../domain/dayClose/dayFigures';
import { dayTotalsOf, dayTotalsSchema, type DayTotals, type DayTotalsOp } from '../domain/dayClose/dayTotals';
import { dayCloseMessages } from '../domain/dayClose/messages';
import {
  closeBlockers,
  deferredDueOf,
  unprintedDocumentsOf,
  type DayCloseBlocker,
  type DeferredItem,
  type UnprintedDocument,
} from '../domain/dayClose/pendingWork';
import type { DeskIdentity } from '../domain/desk';
import { formatDocumentNumber, type DocumentNumber } from '../domain/documentNumber';
import { sha256Hex } from '../domain/sha256';
import { closeDayResponseSchema, type CloseDayResponse } from '../protocol/closeDay';
import { writeWithAudit } from './audit';
import { actingClerk } from './caseWrite';
import { requireApprover, verifyChiefApproval, type ChiefCredentials } from './chiefApproval';
import { chinaIso } from './clock';
import { requirePermission } from './clerks';
import { nextDocumentSeq } from './counters';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { readDeskIdentity, requireDeskIdentity } from './desk';
import { agencyCodeFor, requireIssuingAgency } from './issuingAgency';
import { appendOps, outboxCounts } from './outbox';
import { isPrintableKind } from './printSettings';
import type { CaseRow, ChecklistRecordRow, DocumentRow, OutboxState } from './records';
import { Refusal, refusalsAsResults, type ChangeResult } from './refusal';
import { requestResend } from './syncState';
import { currentWriteTransaction } from './transaction';

/**
 * The end-of-day close (日结, DESIGN §4): what the day's work came to, what is still open, and the record
 * of the close itself — HQ's reconciliation, then the chief's signature with the archived day report.
 *
 * The figures HQ reconciles are computed from this desk's outbox ops of the business day with the very
 * function HQ uses on its copy (`dayTotalsOf`), so both sides agree whenever they hold the same ops. The
 * report's other figures (by matter, time to handover, one-visit share) come from the case rows.
 */

const m = dayCloseMessages;

// ---------------------------------------------------------------------------------------------
// The closed-day record (one meta row per business day)

const attemptSchema = z.object({
  lastSeq: z.int().min(0),
  totals: dayTotalsSchema,
  at: isoDateTimeSchema,
  by: clerkIdSchema,
});
export type CloseAttempt = z.infer<typeof attemptSchema>;

const differenceSchema = z.object({ field: z.string(), desk: z.unknown(), hq: z.unknown() });
export type DayDifference = z.infer<typeof differenceSchema>;

export const dayCloseRecordSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('mismatch'),
    businessDate: isoDateSchema,
    attempt: attemptSchema,
    differences: z.array(differenceSchema),
    missing: z.object({ fromSeq: z.int().min(1), toSeq: z.int().min(1) }).nullable(),
  }),
  z.object({ status: z.literal('reconciled'), businessDate: isoDateSchema, attempt: attemptSchema }),
  z.object({
    status: z.literal('closed'),
    businessDate: isoDateSchema,
    attempt: attemptSchema,
    signedBy: z.object({ id: clerkIdSchema, name: z.string() }),
    signedAt: isoDateTimeSchema,
    report: z.object({ documentId: z.string(), documentNumber: z.string(), sha256: z.string() }),
  }),
]);
export type DayCloseRecord = z.infer<typeof dayCloseRecordSchema>;

const recordKey = (businessDate: string) => `dayClose:${businessDate}`;

async function readRecord(db: DeskDatabase, businessDate: string): Promise<DayCloseRecord | null> {
  const row = await db.meta.get(recordKey(businessDate));
  if (row === undefined) return null;
  // A damaged record must not read as "never closed": that would allow closing twice.
  return dayCloseRecordSchema.parse(row.value);
}

export async function readDayCloseRecord(db: DeskDatabase, businessDate: string): Promise<DayCloseRecord | null> {
  return guardStorage(() => readRecord(db, businessDate));
}

// ---------------------------------------------------------------------------------------------
// The day as it stands

/** A case the day's work touched, as the day report lists it. */
export interface DayCaseLine {
  id: CaseId;
  caseNumber: string;
  enterpriseName: string;
  matterCodes: string[];
  statusCode: CaseStatusCode;
  visits: number;
  createdAt: string;
}

export interface DraftingCase {
  caseNumber: string;
  enterpriseName: string;
  createdAt: string;
}

export interface DaySnapshot {
  businessDate: string;
  /** The desk's highest outbox seq: what HQ's lastSeq must equal. */
  lastSeq: number;
  /** What is sent to HQ: the reconciled figures of the day's ops plus the report's own figures. */
  totals: DayTotals;
  figures: DayFigures;
  outbox: Record<OutboxState, number>;
  /** Cases of the day's ops, by case number. */
  cases: DayCaseLine[];
  /** Every case still 登记中, whatever day it was opened. */
  drafting: DraftingCase[];
  deferredDue: DeferredItem[];
  unprinted: UnprintedDocument[];
  record: DayCloseRecord | null;
  /** Why the close cannot be tried now (HQ's reachability shows only when it is tried). */
  blockers: DayCloseBlocker[];
}

/** Statuses in which 容缺 materials may still be awaited. */
const deferralOpenStatuses: CaseStatusCode[] = ['acceptedWithDeferral', 'underReview'];

function caseIdOf(op: DayTotalsOp): string | null {
  if (op.entity === 'case') return op.entityId;
  const caseId = typeof op.payload === 'object' && op.payload !== null ? (op.payload as { caseId?: unknown }).caseId : null;
  return typeof caseId === 'string' ? caseId : null;
}

/** The day's ops (by the China business date of each op's own `at`) and the highest seq, in one pass. */
async function dayOps(db: DeskDatabase, businessDate: string): Promise<{ ops: DayTotalsOp[]; lastSeq: number }> {
  const ops: DayTotalsOp[] = [];
  let lastSeq = 0;
  // Ops are not indexed by time (and may carry any offset), so the close reads them all once.
  await db.outbox.each((row) => {
    lastSeq = Math.max(lastSeq, row.seq);
    if (businessDateOf(row.op.at) === businessDate) ops.push({ seq: row.seq, entity: row.entity, entityId: row.entityId, payload: row.op.payload });
  });
  return { ops, lastSeq };
}

/**
 * The 容缺 materials each case undertook to bring (named in its acceptance) that its checklist still
 * records as deferred: brought ones are recorded as received.
 */
function stillDeferred(cases: readonly CaseRow[], records: readonly ChecklistRecordRow[]): DeferredItem[] {
  const deferredKeys = new Set(records.filter((record) => record.status === 'deferred').map((record) => `${record.caseId}|${record.key}`));
  return cases.flatMap((row) => {
    const { status } = row.state;
    const materials = 'acceptance' in status && status.acceptance !== null ? (status.acceptance.deferral?.materials ?? []) : [];
    return materials
      .filter((material) => deferredKeys.has(`${row.id}|${material.materialKey}`))
      .map((material) => ({ caseNumber: row.caseNumber, material: material.name, deadline: material.deadline }));
  });
}

/**
 * Whether this desk took the case in: the desk its case number names. A case of another window of the
 * hall reaches this desk by sync (to issue its licence, say); its intake, drafts and 容缺 are that
 * window's to report.
 */
function takenInAt(identity: DeskIdentity | null): (row: CaseRow) => boolean {
  return (row) => identity !== null && row.hallCode === identity.hallCode && row.deskCode === identity.deskCode;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * Per case, the timeline positions of the events this desk recorded on the day (its `caseEvent` ops):
 * the documents a decision asks for are printed by the window that took the decision, so another
 * window's decisions, merged into the timeline by sync, are not this desk's to print.
 */
function ownEventSeqs(ops: readonly DayTotalsOp[]): Map<string, Set<number>> {
  const seqs = new Map<string, Set<number>>();
  for (const op of ops) {
    const caseId = op.entity === 'caseEvent' ? field(op.payload, 'caseId') : undefined;
    const seq = field(field(op.payload, 'event'), 'seq');
    if (typeof caseId !== 'string' || typeof seq !== 'number') continue;
    seqs.set(caseId, (seqs.get(caseId) ?? new Set()).add(seq));
  }
  return seqs;
}

function caseLine(row: CaseRow): DayCaseLine {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    enterpriseName: row.enterprise.name,
    matterCodes: [...row.matterCodes],
    statusCode: row.statusCode,
    visits: row.state.visits,
    createdAt: row.createdAt,
  };
}

/** Everything the 日结 screen and the day report show for `businessDate` (`YYYY-MM-DD`). */
export async function readDaySnapshot(db: DeskDatabase, businessDate: string): Promise<DaySnapshot> {
  return guardStorage(async () => {
    const { ops, lastSeq, caseRows, drafting, deferred, documents, record, takenInHere } = await db.transaction(
      'r',
      [db.outbox, db.cases, db.checklistItems, db.documents, db.meta],
      async () => {
        const day = await dayOps(db, businessDate);
        const takenInHere = takenInAt(await readDeskIdentity(db));
        const ids = [...new Set(day.ops.map(caseIdOf).filter((id): id is string => id !== null))] as CaseId[];
        const caseRows = (await db.cases.bulkGet(ids)).filter((row): row is CaseRow => row !== undefined);
        const openDeferral = (await db.cases.where('statusCode').anyOf(deferralOpenStatuses).toArray()).filter(takenInHere);
        const records = openDeferral.length === 0 ? [] : await db.checklistItems.where('caseId').anyOf(openDeferral.map((row) => row.id)).toArray();
        return {
          ...day,
          caseRows,
          drafting: (await db.cases.where('statusCode').equals('drafting').toArray()).filter(takenInHere),
          deferred: stillDeferred(openDeferral, records),
          documents: ids.length === 0 ? [] : await db.documents.where('caseId').anyOf(ids).toArray(),
          record: await readRecord(db, businessDate),
          takenInHere,
        };
      },
    );
    const outbox = await outboxCounts(db);
    const handedOverHere = new Set(ops.filter((op) => op.entity === 'handover').map(caseIdOf));
    const figures = dayFiguresOf(
      businessDate,
      caseRows.map((row) => ({ ...row, takenInHere: takenInHere(row), handedOverHere: handedOverHere.has(row.id) })),
    );
    const ownEvents = ownEventSeqs(ops);
    const totals: DayTotals = { ...dayTotalsOf(ops), ...figures };
    return {
      businessDate,
      lastSeq,
      totals,
      figures,
      outbox,
      cases: caseRows.map(caseLine).sort((a, b) => a.caseNumber.localeCompare(b.caseNumber)),
      drafting: drafting
        .map((row) => ({ caseNumber: row.caseNumber, enterpriseName: row.enterprise.name, createdAt: row.createdAt }))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      deferredDue: deferredDueOf(businessDate, deferred),
      unprinted: unprintedDocumentsOf(
        businessDate,
        caseRows.map((row) => ({
          id: row.id,
          caseNumber: row.caseNumber,
          timeline: row.state.timeline.filter((event) => ownEvents.get(row.id)?.has(event.seq) === true),
        })),
        documents,
        isPrintableKind,
      ),
      record,
      blockers: closeBlockers(businessDate, { pending: outbox.pending, sending: outbox.sending }, record?.status === 'closed'),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Reconciliation

/** What was sent to HQ's close-day and what HQ answered. */
export interface CloseDayExchange {
  businessDate: string;
  lastSeq: number;
  totals: DayTotals;
  response: CloseDayResponse;
}

/**
 * Records HQ's answer to a close-day request: `reconciled` (the chief may now sign) or `mismatch` (the
 * day stays open, with the differences). A mismatch naming missing seqs also asks the sync engine to send
 * again from the first of them, in the same transaction. Refused once the day is closed.
 */
export async function recordReconciliation(
  db: DeskDatabase,
  exchange: CloseDayExchange,
  clerk: SignedInClerk,
  now: Date = new Date(),
): Promise<ChangeResult<DayCloseRecord>> {
  const at = chinaIso(now);
  const response = closeDayResponseSchema.parse(exchange.response);
  const attempt: CloseAttempt = { lastSeq: exchange.lastSeq, totals: dayTotalsSchema.parse(exchange.totals), at, by: clerk.id };
  const record: DayCloseRecord =
    response.status === 'reconciled'
      ? { status: 'reconciled', businessDate: exchange.businessDate, attempt }
      : { status: 'mismatch', businessDate: exchange.businessDate, attempt, differences: response.differences ?? [], missing: response.missing ?? null };
  const audit = {
    at,
    clerkId: clerk.id,
    action: 'dayClose.reconcile',
    subject: `day:${exchange.businessDate}`,
    details: { status: response.status, lastSeq: exchange.lastSeq, differences: record.status === 'mismatch' ? record.differences.map((d) => d.field) : [] },
  };
  return refusalsAsResults(() =>
    guardStorage(async () => {
      await writeWithAudit(db, [db.clerks], audit, async () => {
        await requirePermission(db, clerk, 'dayClose.prepare', m.notPermittedPrepare);
        const stored = await readRecord(db, exchange.businessDate);
        if (stored?.status === 'closed') throw new Refusal(m.alreadyClosed(formatChineseDate(exchange.businessDate)));
        await db.meta.put({ key: recordKey(exchange.businessDate), value: dayCloseRecordSchema.parse(record) });
        // HQ lacks ops this desk holds as acknowledged: the next push sends them again from the first one.
        if (record.status === 'mismatch' && record.missing !== null) await requestResend(db, record.missing.fromSeq);
      });
      return record;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Signature and report

/**
 * The chief representative re-enters login name and password at the desk to sign the close; a clerk's
 * credentials are refused (and audited) whoever is signed in.
 */
export function verifyDaySigner(db: DeskDatabase, credentials: ChiefCredentials, requestedBy: SignedInClerk, now: Date = new Date()): Promise<ChangeResult<SignedInClerk>> {
  return verifyChiefApproval(db, credentials, { action: 'dayClose.sign', requestedBy, now });
}

/** The drawn day report, to archive with the signature. */
export interface DayReportDraft {
  documentNumber: DocumentNumber;
  templateVersion: string;
  pdf: Uint8Array;
  sha256: string;
  /** Where it will print; null when the desk has no printer and the report is only archived. */
  printerName: string | null;
  copies: number;
}

/**
 * Inside a write: the next 文号 of the day report. (Mirrors `takeDocumentNumber` in documentArchive.ts,
 * which is not exported; see the note to its owner.)
 */
async function takeReportNumber(db: DeskDatabase, at: string): Promise<DocumentNumber> {
  const [desk, agency] = await Promise.all([requireDeskIdentity(db), requireIssuingAgency(db)]);
  const year = toChinaCalendarDate(at).year;
  const agencyCode = agencyCodeFor(agency, 'dayReport');
  return formatDocumentNumber({ agencyCode, year, deskTag: `${desk.hallCode}${desk.deskCode}`, sequence: await nextDocumentSeq(currentWriteTransaction(), year, agencyCode) });
}

/**
 * Closes the day: the chief's signature, the archived report (row, bytes, SHA-256) and its
 * `documentEvent` op, in one transaction with the audit entry, so a day is never closed without its
 * report nor a report archived for an open day. Refused unless HQ reconciled the day and no op was
 * written since (the reconciled figures would no longer be the day's), and when already closed.
 */
export async function closeDay(
  db: DeskDatabase,
  input: { businessDate: string; chief: SignedInClerk; signedAt: string; report: DayReportDraft },
  clerk: SignedInClerk,
): Promise<ChangeResult<Extract<DayCloseRecord, { status: 'closed' }>>> {
  const at = chinaIso(input.signedAt);
  const { report } = input;
  const audit = {
    at,
    clerkId: clerk.id,
    action: 'dayClose.sign',
    subject: `day:${input.businessDate}`,
    details: { signedBy: input.chief.id, documentNumber: report.documentNumber, sha256: report.sha256 },
  };
  return refusalsAsResults(async () => {
    if ((await sha256Hex(report.pdf)) !== report.sha256) throw new Refusal(m.bytesChanged);
    return guardStorage(async () => {
      const { value } = await writeWithAudit(db, [db.clerks, db.documents, db.counters, db.outbox], audit, async () => {
        const acting = await actingClerk(db, clerk);
        await requireApprover(db, input.chief, 'dayClose.sign');
        const stored = await readRecord(db, input.businessDate);
        if (stored?.status === 'closed') throw new Refusal(m.alreadyClosed(formatChineseDate(input.businessDate)));
        if (stored?.status !== 'reconciled') throw new Refusal(m.notReconciled);
        const last = await db.outbox.orderBy('seq').last();
        if ((last?.seq ?? 0) !== stored.attempt.lastSeq) throw new Refusal(m.changedSinceReconciled);
        const documentNumber = await takeReportNumber(db, at);
        if (documentNumber !== report.documentNumber) throw new Refusal(m.numberMoved);
        const row: DocumentRow = {
          id: uuidv7(),
          caseId: null,
          eventSeq: null,
          documentNumber,
          kind: 'dayReport',
          templateVersion: report.templateVersion,
          pdf: new Blob([report.pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
          sha256: report.sha256,
          copies: report.copies,
          printerName: report.printerName,
          licenceSheetSerial: null,
          status: 'printed',
          voidReason: null,
          printedBy: acting.id,
          printedAt: at,
        };
        await db.documents.add(row);
        // Mirrors `documentEventOp` in documentArchive.ts for a document of no case.
        await appendOps(currentWriteTransaction(), [
          {
            entity: 'documentEvent',
            entityId: uuidv7(),
            payload: {
              caseId: null,
              documentNumber,
              kind: 'dayReport',
              action: 'printed',
              sha256: row.sha256,
              templateVersion: row.templateVersion,
              copies: row.copies,
              printerName: row.printerName,
              licenceSheetSerial: null,
              reason: null,
            },
            clerkId: acting.id,
            at,
          },
        ]);
        const closed: Extract<DayCloseRecord, { status: 'closed' }> = {
          status: 'closed',
          businessDate: input.businessDate,
          attempt: stored.attempt,
          signedBy: { id: input.chief.id, name: input.chief.displayName },
          signedAt: at,
          report: { documentId: row.id, documentNumber, sha256: row.sha256 },
        };
        await db.meta.put({ key: recordKey(input.businessDate), value: dayCloseRecordSchema.parse(closed) });
        return closed;
      });
      return value;
    });
  });
}

/** The archived day report of a closed day (exactly the bytes printed). */
export async function dayReportDocument(db: DeskDatabase, record: DayCloseRecord): Promise<DocumentRow | undefined> {
  return record.status === 'closed' ? guardStorage(() => db.documents.get(record.report.documentId)) : undefined;
}
