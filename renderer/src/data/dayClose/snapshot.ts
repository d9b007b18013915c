import type { CaseId } from '../../domain/cases/caseId';
import type { CaseStatusCode } from '../../domain/cases/caseStatus';
import { isSuperseded } from '../../domain/cases/standingDecision';
import { businessDateOf } from '../../domain/chineseDate';
import { dayFiguresOf, type DayFigures } from '../../domain/dayClose/dayFigures';
import {
  closeBlockers,
  deferredDueOf,
  unprintedDocumentsOf,
  type DayCloseBlocker,
  type DeferredItem,
  type UnprintedDocument,
} from '../../domain/dayClose/pendingWork';
import { dayStatusesOf, dayTotalsOf, type DayTotals, type DayTotalsOp } from '../../domain/dayClose/dayTotals';
import type { ExplainedDocument } from '../../domain/dayClose/unprintedReasons';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import type { DeskIdentity } from '../../domain/desk';
import { readDeskIdentity } from '../desk';
import { deferralSources, openDeferralsOf } from '../deferredSupplement';
import { outboxCounts } from '../outbox';
import { isPrintableKind } from '../printSettings';
import type { CaseRow, ChecklistRecordRow, OutboxState } from '../records';
import { readDayCloseRecordWithin, type DayCloseRecord, type SignedDayPage } from './record';

/**
 * The business day as it stands, for the 日结 screen and the day report: what the day's work came to and
 * what is still open. The figures HQ reconciles are computed from this desk's outbox ops of the business
 * day with the very function HQ uses on its copy (`dayTotalsOf`), so both sides agree whenever they hold
 * the same ops. The report's other figures (by matter, time to handover, one-visit share) come from the
 * case rows.
 */

/** A case the day's work touched, as the day report lists it. */
export interface DayCaseLine {
  id: CaseId;
  caseNumber: string;
  enterpriseName: string;
  matterCodes: string[];
  /**
   * The status the day's ops left the case in, the same the reconciled `casesByStatus` counts (so the
   * report's status section and its case list agree); null when the day's work set none (a print, say).
   */
  statusCode: CaseStatusCode | null;
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
  /** On a closed day, each with the reason the chief recorded for leaving it unprinted. */
  unprinted: (UnprintedDocument | ExplainedDocument)[];
  record: DayCloseRecord | null;
  /** Why the close cannot be tried now (HQ's reachability shows only when it is tried). */
  blockers: DayCloseBlocker[];
}

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

/** The 容缺 materials the cases still owe (see `openDeferralsOf`), as the day's pending work lists them. */
function stillDeferred(cases: readonly CaseRow[], records: readonly ChecklistRecordRow[]): DeferredItem[] {
  return openDeferralsOf(cases, records).flatMap(({ caseNumber, outstanding }) =>
    outstanding.map((material) => ({ caseNumber, material: material.name, deadline: material.deadline })),
  );
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

function caseLine(row: CaseRow, dayStatuses: ReadonlyMap<string, CaseStatusCode>): DayCaseLine {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    enterpriseName: row.enterprise.name,
    matterCodes: [...row.matterCodes],
    statusCode: dayStatuses.get(row.id) ?? null,
    visits: row.state.visits,
    createdAt: row.createdAt,
  };
}

/** The day's page as it is kept with the chief's signature (`unprinted` with the reasons the chief gave). */
export function signedDayPage(snapshot: DaySnapshot, unprinted: readonly ExplainedDocument[]): SignedDayPage {
  const { totals, figures, outbox, cases, drafting, deferredDue } = snapshot;
  return { totals, figures, outbox, cases, drafting, deferredDue, unprinted: [...unprinted] };
}

/**
 * A closed day as signed: the totals HQ reconciled and the page kept with the signature, whatever was
 * written since (the report's own print, work refused or moved on, a case pulled from another window).
 * Days closed before the page was kept show the reconciled totals over the current lists.
 */
function asSigned(live: DaySnapshot): DaySnapshot {
  const record = live.record;
  if (record?.status !== 'closed') return live;
  const frozen = { ...live, totals: record.attempt.totals, lastSeq: record.attempt.lastSeq };
  return record.day === undefined ? frozen : { ...frozen, ...record.day };
}

/**
 * Everything the 日结 screen and the day report show for `businessDate` (`YYYY-MM-DD`): the day as it
 * stands, or for a closed day, the day as signed.
 */
export async function readDaySnapshot(db: DeskDatabase, businessDate: string): Promise<DaySnapshot> {
  return asSigned(await readLiveDay(db, businessDate));
}

async function readLiveDay(db: DeskDatabase, businessDate: string): Promise<DaySnapshot> {
  return guardStorage(async () => {
    const { ops, lastSeq, caseRows, drafting, deferred, documents, record, takenInHere } = await db.transaction(
      'r',
      [db.outbox, db.cases, db.checklistItems, db.documents, db.meta],
      async () => {
        const day = await dayOps(db, businessDate);
        const takenInHere = takenInAt(await readDeskIdentity(db));
        const ids = [...new Set(day.ops.map(caseIdOf).filter((id): id is string => id !== null))] as CaseId[];
        const caseRows = (await db.cases.bulkGet(ids)).filter((row): row is CaseRow => row !== undefined);
        const owing = await deferralSources(db);
        const openDeferral = owing.cases.filter(takenInHere);
        const records = owing.records;
        return {
          ...day,
          caseRows,
          drafting: (await db.cases.where('statusCode').equals('drafting').toArray()).filter(takenInHere),
          deferred: stillDeferred(openDeferral, records),
          documents: ids.length === 0 ? [] : await db.documents.where('caseId').anyOf(ids).toArray(),
          record: await readDayCloseRecordWithin(db, businessDate),
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
    const dayStatuses = dayStatusesOf(ops);
    const totals: DayTotals = { ...dayTotalsOf(ops), ...figures };
    return {
      businessDate,
      lastSeq,
      totals,
      figures,
      outbox,
      cases: caseRows.map((row) => caseLine(row, dayStatuses)).sort((a, b) => a.caseNumber.localeCompare(b.caseNumber)),
      drafting: drafting
        .map((row) => ({ caseNumber: row.caseNumber, enterpriseName: row.enterprise.name, createdAt: row.createdAt }))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      deferredDue: deferredDueOf(businessDate, deferred),
      unprinted: unprintedDocumentsOf(
        businessDate,
        caseRows.map((row) => ({
          id: row.id,
          caseNumber: row.caseNumber,
          // A decision HQ did not keep (another window's stood) asks for nothing any more.
          timeline: row.state.timeline.filter((event) => ownEvents.get(row.id)?.has(event.seq) === true && !isSuperseded(event, row.state)),
        })),
        documents,
        isPrintableKind,
      ),
      record,
      blockers: closeBlockers(businessDate, { pending: outbox.pending, sending: outbox.sending }, record?.status === 'closed'),
    };
  });
}
