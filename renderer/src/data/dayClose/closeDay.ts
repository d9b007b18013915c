import { formatChineseDate } from '../../domain/chineseDate';
import type { SignedInClerk } from '../../domain/clerks/account';
import { dayCloseMessages } from '../../domain/dayClose/messages';
import type { DocumentNumber } from '../../domain/documentNumber';
import { dayTotalsSchema, type DayTotals } from '../../domain/dayClose/dayTotals';
import { explainUnprinted, type UnprintedReason } from '../../domain/dayClose/unprintedReasons';
import { sha256Hex } from '../../domain/sha256';
import { closeDayResponseSchema, type CloseDayResponse } from '../../protocol/closeDay';
import { writeWithAudit } from '../audit';
import { actingClerk } from '../caseWrite';
import { requireApprover, verifyChiefApproval, type ChiefCredentials } from '../chiefApproval';
import { chinaIso } from '../clock';
import { requirePermission } from '../clerks';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import { documentEventOp } from '../documentArchive/archive';
import { takeDocumentNumber } from '../documentArchive/numbering';
import { appendOps } from '../outbox';
import type { DocumentRow } from '../records';
import { Refusal, refusalsAsResults, type ChangeResult } from '../refusal';
import { sealedDocumentPdf } from '../sealedBlobs';
import { requestResend } from '../syncState';
import { currentWriteTransaction } from '../transaction';
import { readDayCloseRecordWithin, storeDayCloseRecordWithin, type CloseAttempt, type DayCloseRecord } from './record';
import { readDaySnapshot, signedDayPage, type DaySnapshot } from './snapshot';

/**
 * Closing the business day (日结): HQ's reconciliation of the day's figures, then the chief's signature
 * with the archived day report.
 */

const m = dayCloseMessages;

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
      : { status: 'mismatch', businessDate: exchange.businessDate, attempt, differences: response.differences ?? [], missing: response.missing ?? null, reasons: response.reasons ?? [] };
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
        const stored = await readDayCloseRecordWithin(db, exchange.businessDate);
        if (stored?.status === 'closed') throw new Refusal(m.alreadyClosed(formatChineseDate(exchange.businessDate)));
        await storeDayCloseRecordWithin(db, record);
        // HQ lacks ops this desk holds as acknowledged: the next push sends them again from the first one.
        if (record.status === 'mismatch' && record.missing !== null) await requestResend(db, record.missing.fromSeq);
      });
      return record;
    }),
  );
}

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

export interface DayCloseInput {
  businessDate: string;
  chief: SignedInClerk;
  signedAt: string;
  report: DayReportDraft;
  /** The day the report was drawn from, kept with the signature as the closed day's page (read afresh when absent). */
  day?: DaySnapshot;
  /** The chief's reason for each document of the day's decisions left unprinted. */
  unprintedReasons?: readonly UnprintedReason[];
}

/**
 * Closes the day: the chief's signature, the archived report (row, bytes, SHA-256) and its
 * `documentEvent` op, in one transaction with the audit entry, so a day is never closed without its
 * report nor a report archived for an open day. The day's page is kept in the record, so the closed
 * day shows what was signed. Refused unless HQ reconciled the day and no op was written since (the
 * reconciled figures would no longer be the day's), while a document the day's decisions asked for is
 * unprinted without the chief's reason, and when already closed.
 */
export async function closeDay(db: DeskDatabase, input: DayCloseInput, clerk: SignedInClerk): Promise<ChangeResult<Extract<DayCloseRecord, { status: 'closed' }>>> {
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
    // Read before the write: a print or any other op written after this reading moves the outbox's last
    // seq, which the write below refuses, so the list checked here is the day's list at signing. A day
    // not reconciled (or already closed) is refused below for that, the more basic reason.
    const current = await readDaySnapshot(db, input.businessDate);
    const unprinted = explainUnprinted(current.unprinted, input.unprintedReasons ?? []);
    if (current.record?.status === 'reconciled' && !unprinted.ok) throw new Refusal(unprinted.message);
    const day = signedDayPage(input.day ?? current, unprinted.ok ? unprinted.explained : []);
    // Sealed before the transaction opens (an IndexedDB transaction commits across a WebCrypto await).
    const sealed = await sealedDocumentPdf(report.pdf);
    return guardStorage(async () => {
      const { value } = await writeWithAudit(db, [db.clerks, db.documents, db.counters, db.outbox], audit, async () => {
        const acting = await actingClerk(db, clerk);
        await requireApprover(db, input.chief, 'dayClose.sign');
        const stored = await readDayCloseRecordWithin(db, input.businessDate);
        if (stored?.status === 'closed') throw new Refusal(m.alreadyClosed(formatChineseDate(input.businessDate)));
        if (stored?.status !== 'reconciled') throw new Refusal(m.notReconciled);
        const last = await db.outbox.orderBy('seq').last();
        if ((last?.seq ?? 0) !== stored.attempt.lastSeq) throw new Refusal(m.changedSinceReconciled);
        const documentNumber = await takeDocumentNumber(db, 'dayReport', at);
        if (documentNumber !== report.documentNumber) throw new Refusal(m.numberMoved);
        const row: DocumentRow = {
          ...sealed,
          caseId: null,
          eventSeq: null,
          documentNumber,
          kind: 'dayReport',
          templateVersion: report.templateVersion,
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
        await appendOps(currentWriteTransaction(), [documentEventOp(row, 'printed', null, acting, at)]);
        const closed: Extract<DayCloseRecord, { status: 'closed' }> = {
          status: 'closed',
          businessDate: input.businessDate,
          attempt: stored.attempt,
          signedBy: { id: input.chief.id, name: input.chief.displayName },
          signedAt: at,
          report: { documentId: row.id, documentNumber, sha256: row.sha256 },
          day,
        };
        await storeDayCloseRecordWithin(db, closed);
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
