import { uuidv7 } from 'uuidv7';
import { documentRequestsOf } from '../../domain/cases/caseEvents';
import type { CaseId } from '../../domain/cases/caseId';
import { isOwnIssuanceConflict } from '../../domain/cases/issuanceConflict';
import { copyMarkText, copyNumberOf, licenceCopyMarkSchema, requestedCopies, type LicenceCopyMark } from '../../domain/cases/licenceCopies';
import { isSuperseded } from '../../domain/cases/standingDecision';
import type { SignedInClerk } from '../../domain/clerks/account';
import { can, type ClerkAction } from '../../domain/clerks/permissions';
import type { DocumentNumber } from '../../domain/documentNumber';
import type { DocumentAction, DocumentKind } from '../../domain/documentEvents';
import { sha256Hex } from '../../domain/sha256';
import { writeWithAudit } from '../audit';
import { actingClerk, type WriteContext } from '../caseWrite';
import { requireApprover, requireReason, verifyChiefApproval, type ChiefCredentials } from '../chiefApproval';
import { chinaIso } from '../clock';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import { readDeskIdentity } from '../desk';
import { issuanceDataMessages } from '../issuanceMessages';
import { dataMessages } from '../messages';
import { appendOps, type OpDraft } from '../outbox';
import { useSheetWithin, voidSheetWithin, type LicenceSheetKind } from '../paperStock';
import type { PrintableKind } from '../printSettings';
import type { CaseRow, DocumentRow } from '../records';
import { Refusal, refusalsAsResults, type ChangeResult } from '../refusal';
import { requirePersonalDataStorable } from '../keyProtection';
import { openDocumentPdf, sealedDocumentPdf } from '../sealedBlobs';
import { currentWriteTransaction } from '../transaction';
import { takeDocumentNumber } from './numbering';

const m = issuanceDataMessages.archive;

/**
 * The archive of every document this desk printed: its 文号, kind, template version, case, the PDF bytes
 * exactly as printed with their SHA-256, who printed it on which printer and how many copies, and its
 * status (printed / voided with reason / superseded). Each archive write carries its `documentEvent` op
 * for HQ (and, for a licence, the paper's `licenceSheetEvent`) in the same transaction.
 */

const licenceSheetKindOf: Partial<Record<DocumentKind, LicenceSheetKind>> = { licenceOriginal: 'original', licenceCopy: 'copy' };
const licenceLabels: Partial<Record<DocumentKind, string>> = { licenceOriginal: '营业执照正本', licenceCopy: '营业执照副本' };

export function isLicenceKind(kind: DocumentKind): kind is 'licenceOriginal' | 'licenceCopy' {
  return licenceSheetKindOf[kind] !== undefined;
}

/** Documents of no case: the calibration sheet, the printed 督办台账. */
function isCaseless(kind: PrintableKind): kind is 'calibrationSheet' | 'ledgerReport' {
  return kind === 'calibrationSheet' || kind === 'ledgerReport';
}

/** Who may print each kind: licences the issuing window, the calibration sheet the chief, the ledger who supervises it, notices the counter. */
function printPermission(kind: PrintableKind): ClerkAction {
  if (isLicenceKind(kind)) return 'licence.print';
  if (kind === 'ledgerReport') return 'ledger.supervise';
  return kind === 'calibrationSheet' ? 'printer.calibrate' : 'case.counterDecision';
}

/** `clerk` as `actingClerk` read it: the stored role decides, never the session's copy. */
function canPrint(clerk: SignedInClerk, kind: PrintableKind): boolean {
  return can(clerk.role, printPermission(kind));
}

/** A document drawn and about to be printed. */
export interface DocumentDraft {
  kind: PrintableKind;
  /** Null for the calibration sheet. */
  caseId: CaseId | null;
  /** The timeline event that asked for a notice; null for licences and the calibration sheet. */
  eventSeq: number | null;
  /** The number drawn into the PDF (from `nextDocumentNumber`). */
  documentNumber: DocumentNumber;
  /** `kind/version` of the template, as the generator reports it. */
  templateVersion: string;
  pdf: Uint8Array;
  /** As the generator reported it; checked against the bytes. */
  sha256: string;
  copies: number;
  printerName: string;
  /** The pre-printed sheet a licence goes on; null for everything else. */
  licenceSheetSerial: string | null;
  /** Which 副本 a `licenceCopy` is (副本 2/3); absent for a case that asked for one, and for every other kind. */
  licenceCopy?: LicenceCopyMark | null;
}

export type ArchiveField = 'documentNumber' | 'licenceSheetSerial' | 'copies' | 'printerName' | 'approval';

/** A licence printed again while one of the same kind is still valid: the chief approves, with a reason. */
export interface LicenceReprint {
  credentials: ChiefCredentials;
  reason: string;
}

const MAX_COPIES = 20;

/** The `documentEvent` op telling HQ what became of an archived document (`print`: a reprint's copies and printer). */
export function documentEventOp(row: DocumentRow, action: DocumentAction, reason: string | null, clerk: SignedInClerk, at: string, print?: { copies: number; printerName: string }): OpDraft {
  return {
    entity: 'documentEvent',
    entityId: uuidv7(),
    payload: {
      caseId: row.caseId,
      documentNumber: row.documentNumber,
      kind: row.kind,
      action,
      sha256: row.sha256,
      templateVersion: row.templateVersion,
      copies: print?.copies ?? (action === 'voided' ? 0 : row.copies),
      printerName: print?.printerName ?? (action === 'voided' ? null : row.printerName),
      licenceSheetSerial: row.licenceSheetSerial,
      ...(row.kind === 'licenceCopy' ? { licenceCopy: row.licenceCopy ?? null } : {}),
      reason,
    },
    clerkId: clerk.id,
    at,
  };
}

async function requireCaseRow(db: DeskDatabase, caseId: CaseId | null): Promise<CaseRow> {
  if (caseId === null) throw new Refusal(m.noCase);
  const row = await db.cases.get(caseId);
  if (row === undefined) throw new Refusal(dataMessages.cases.notFound);
  return row;
}

/**
 * Printed documents of this case and kind that are still valid: of one event (a notice), or of one
 * 副本 of the set (each 副本 has its own sheet, voided and reprinted on its own).
 */
async function liveDocuments(db: DeskDatabase, caseId: CaseId, kind: DocumentKind, of: { eventSeq?: number; copyNumber?: number } = {}): Promise<DocumentRow[]> {
  const rows = await db.documents.where('caseId').equals(caseId).toArray();
  return rows.filter(
    (row) =>
      row.kind === kind &&
      row.status === 'printed' &&
      (of.eventSeq === undefined || row.eventSeq === of.eventSeq) &&
      (of.copyNumber === undefined || copyNumberOf(row) === of.copyNumber),
  );
}

/** The 副本 mark a draft of `kind` is archived with for the case: null for other kinds, refused when stale. */
function copyMarkFor(draft: DocumentDraft, row: CaseRow): LicenceCopyMark | null {
  if (draft.kind !== 'licenceCopy') {
    if (draft.licenceCopy != null) throw new Refusal(m.copyMarkOnCopyOnly);
    return null;
  }
  const mark = draft.licenceCopy ?? { number: 1, of: 1 };
  const requested = requestedCopies(row);
  const parsed = licenceCopyMarkSchema.safeParse(mark);
  if (!parsed.success || parsed.data.of !== requested) throw new Refusal(m.copyCountChanged(requested));
  return parsed.data;
}

function checkPrint(copies: number, printerName: string): void {
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) throw new Refusal<ArchiveField>(m.copiesInvalid, 'copies');
  if (printerName.trim() === '') throw new Refusal<ArchiveField>(m.printerMissing, 'printerName');
}

/**
 * Archives a drawn document before it is printed: the row with its bytes, the `documentEvent` op and,
 * for a licence, the sheet marked used with its op, in one transaction with the audit entry. Refused
 * (nothing written) when the clerk may not print the kind, the number has moved on, the case did not
 * ask for the document or already has it, or the licence sheet is not an in-stock sheet of its kind.
 */
export async function archiveDocument(
  db: DeskDatabase,
  draft: DocumentDraft,
  context: WriteContext,
  reprint: LicenceReprint | null = null,
): Promise<ChangeResult<DocumentRow, ArchiveField>> {
  const at = chinaIso(context.at ?? new Date());
  const checked = await refusalsAsResults<{ reason: string | null }, ArchiveField>(async () => {
    checkPrint(draft.copies, draft.printerName);
    if ((await sha256Hex(draft.pdf)) !== draft.sha256) throw new Refusal(m.bytesChanged);
    if (isLicenceKind(draft.kind) && (draft.licenceSheetSerial === null || draft.licenceSheetSerial.trim() === '')) {
      throw new Refusal<ArchiveField>(m.sheetRequired, 'licenceSheetSerial');
    }
    return { reason: reprint === null ? null : requireReason(reprint.reason) };
  });
  if (!checked.ok) return checked;
  let approver: SignedInClerk | null = null;
  if (reprint !== null) {
    const approval = await verifyChiefApproval(db, reprint.credentials, { action: 'licence.reprint', requestedBy: context.clerk, now: new Date(at) });
    if (!approval.ok) return { ok: false, message: approval.message, field: 'approval' };
    approver = approval.value;
  }
  const reason = checked.value.reason;
  const audit = {
    at,
    clerkId: context.clerk.id,
    action: approver === null ? 'document.print' : 'document.reprintLicence',
    subject: draft.caseId === null ? `document:${draft.kind}` : `case:${draft.caseId}`,
    details: {
      documentNumber: draft.documentNumber,
      kind: draft.kind,
      sha256: draft.sha256,
      printerName: draft.printerName,
      copies: draft.copies,
      licenceSheetSerial: draft.licenceSheetSerial,
      approvedBy: approver?.id ?? null,
      reason,
    },
  };
  const tables = [db.clerks, db.cases, db.checklistItems, db.documents, db.licenceSheets, db.counters, db.outbox];
  return refusalsAsResults<DocumentRow, ArchiveField>(() =>
    guardStorage(async () => {
      // Sealed before the transaction opens (an IndexedDB transaction commits across a WebCrypto await).
      const sealed = await sealedDocumentPdf(draft.pdf);
      const { value } = await writeWithAudit(db, tables, audit, async () => {
        // The archived PDF names the applicant.
        const [clerk] = await Promise.all([actingClerk(db, context.clerk), requirePersonalDataStorable(db)]);
        if (!canPrint(clerk, draft.kind)) throw new Refusal(m.notPermitted);
        const tx = currentWriteTransaction();
        const documentNumber = await takeDocumentNumber(db, draft.kind, at);
        if (documentNumber !== draft.documentNumber) throw new Refusal<ArchiveField>(m.numberMoved, 'documentNumber');
        const ops: OpDraft[] = [];
        let action: DocumentAction = 'printed';
        let serial: string | null = null;
        let copyMark: LicenceCopyMark | null = null;
        const sheetKind = licenceSheetKindOf[draft.kind];
        if (sheetKind !== undefined) {
          const row = await requireCaseRow(db, draft.caseId);
          if (row.statusCode !== 'awaitingIssuance') throw new Refusal(m.notAwaitingIssuance);
          if (row.licence === null) throw new Refusal(m.noLicenceData);
          copyMark = copyMarkFor(draft, row);
          const live = await liveDocuments(db, row.id, draft.kind, copyMark === null ? {} : { copyNumber: copyMark.number });
          const label = copyMark === null ? licenceLabels[draft.kind]! : `${licenceLabels[draft.kind]!}（${copyMarkText(copyMark)}）`;
          if (live.length > 0 && approver === null) throw new Refusal<ArchiveField>(m.licenceLive(label, live[0]!.documentNumber), 'approval');
          if (approver !== null) {
            await requireApprover(db, approver, 'licence.reprint');
            for (const old of live) await db.documents.put({ ...old, status: 'superseded' });
            if (live.length > 0) action = 'reprinted';
          }
          const used = await useSheetWithin(tx, { serial: draft.licenceSheetSerial!, kind: sheetKind, caseId: row.id, documentNumber, clerk, at });
          serial = used.serial;
          ops.push(used.op);
        } else if (draft.kind === 'commitmentLetter') {
          // Printed at intake, for the items marked 承诺; one stands at a time (void it to print another).
          const row = await requireCaseRow(db, draft.caseId);
          const committed = await db.checklistItems.where('caseId').equals(row.id).filter((record) => record.status === 'committed').count();
          if (committed === 0) throw new Refusal(m.nothingCommitted);
          const live = await liveDocuments(db, row.id, draft.kind);
          if (live.length > 0) throw new Refusal(m.alreadyPrinted(live[0]!.documentNumber));
        } else if (!isCaseless(draft.kind)) {
          const row = await requireCaseRow(db, draft.caseId);
          const asked = documentRequestsOf(row.state.timeline).some((request) => request.eventSeq === draft.eventSeq && request.kind === draft.kind);
          if (!asked) throw new Refusal(m.notRequested);
          if (row.statusCode === 'withdrawn') throw new Refusal(m.caseWithdrawn);
          // HQ kept another window's decision: what this one asked for is no longer to be handed out.
          const decision = row.state.timeline.find((event) => event.seq === draft.eventSeq);
          if (decision !== undefined && isSuperseded(decision, row.state)) throw new Refusal(m.supersededDecision);
          const live = await liveDocuments(db, row.id, draft.kind, { eventSeq: draft.eventSeq! });
          if (live.length > 0) throw new Refusal(m.alreadyPrinted(live[0]!.documentNumber));
        }
        const archived: DocumentRow = {
          ...sealed,
          caseId: isCaseless(draft.kind) ? null : draft.caseId,
          eventSeq: isLicenceKind(draft.kind) || isCaseless(draft.kind) || draft.kind === 'commitmentLetter' ? null : draft.eventSeq,
          documentNumber,
          kind: draft.kind,
          templateVersion: draft.templateVersion,
          sha256: draft.sha256,
          copies: draft.copies,
          printerName: draft.printerName.trim(),
          licenceSheetSerial: serial,
          ...(copyMark === null ? {} : { licenceCopy: copyMark }),
          status: 'printed',
          voidReason: null,
          printedBy: clerk.id,
          printedAt: at,
        };
        await db.documents.add(archived);
        await appendOps(tx, [documentEventOp(archived, action, reason, clerk, at), ...ops]);
        return archived;
      });
      return value;
    }),
  );
}

export async function getDocument(db: DeskDatabase, id: string): Promise<DocumentRow | undefined> {
  return guardStorage(() => db.documents.get(id));
}

/** The case's documents, oldest first. */
export async function caseDocuments(db: DeskDatabase, caseId: CaseId): Promise<DocumentRow[]> {
  const rows = await guardStorage(() => db.documents.where('caseId').equals(caseId).toArray());
  return rows.sort((a, b) => a.printedAt.localeCompare(b.printedAt));
}

/**
 * Exactly the bytes that were printed, as kept on this desk (opened when sealed); null once purged after the
 * retention period (see `openArchivedPdf` in sync/fetchBack.ts, which asks HQ then).
 */
export async function archivedPdf(row: DocumentRow): Promise<Uint8Array | null> {
  return row.pdf === null ? null : openDocumentPdf({ ...row, pdf: row.pdf });
}

async function requirePrinted(db: DeskDatabase, id: string): Promise<DocumentRow> {
  const row = await db.documents.get(id);
  if (row === undefined) throw new Refusal(m.notFound);
  if (row.status !== 'printed') throw new Refusal(m.notPrinted(issuanceDataMessages.statusLabels[row.status]));
  return row;
}

/**
 * Records a reprint of an archived notice and hands back its archived bytes, which the caller prints:
 * byte for byte the document first printed (same SHA-256), with a `reprinted` op and the reason. A
 * licence is never reprinted from its archive — it goes on a new sheet (`archiveDocument` with the chief).
 * A PDF purged after the retention period is reprinted from `fetched`, the bytes HQ gave back, accepted
 * only when they hash to the archived SHA-256.
 */
export async function reprintDocument(
  db: DeskDatabase,
  id: string,
  print: { reason: string; copies: number; printerName: string; fetched?: Uint8Array },
  context: WriteContext,
): Promise<ChangeResult<{ row: DocumentRow; pdf: Uint8Array }, ArchiveField>> {
  const at = chinaIso(context.at ?? new Date());
  return refusalsAsResults<{ row: DocumentRow; pdf: Uint8Array }, ArchiveField>(async () => {
    checkPrint(print.copies, print.printerName);
    const stored = await getDocument(db, id);
    const pdf = stored === undefined ? null : ((await archivedPdf(stored)) ?? print.fetched ?? null);
    if (stored !== undefined && (pdf === null || (await sha256Hex(pdf)) !== stored.sha256)) throw new Refusal(m.purgedNotFetched);
    const reason = requireReason(print.reason);
    const audit = { at, clerkId: context.clerk.id, action: 'document.reprint', subject: `document:${id}`, details: { reason, copies: print.copies, printerName: print.printerName } };
    const { value: row } = await guardStorage(() =>
      writeWithAudit(db, [db.clerks, db.documents, db.counters, db.outbox], audit, async () => {
        const clerk = await actingClerk(db, context.clerk);
        const row = await requirePrinted(db, id);
        if (isLicenceKind(row.kind)) throw new Refusal(m.reprintLicence);
        if (!canPrint(clerk, row.kind as PrintableKind)) throw new Refusal(m.notPermitted);
        await appendOps(currentWriteTransaction(), [documentEventOp(row, 'reprinted', reason, clerk, at, { copies: print.copies, printerName: print.printerName.trim() })]);
        return row;
      }),
    );
    return { row, pdf: pdf! };
  });
}

/**
 * Voids a printed document with the chief's approval and a reason; a licence's sheet is voided with it
 * (a spoiled print), and the case may then be printed on a new serial. A licence already handed over
 * (case completed) is not voided at the desk, unless HQ flags this window's issuance as the second one.
 */
export async function voidDocument(
  db: DeskDatabase,
  id: string,
  reasonRaw: string,
  credentials: ChiefCredentials,
  context: WriteContext,
): Promise<ChangeResult<DocumentRow, ArchiveField>> {
  const at = chinaIso(context.at ?? new Date());
  const reason = await refusalsAsResults(async () => requireReason(reasonRaw));
  if (!reason.ok) return reason;
  const approval = await verifyChiefApproval(db, credentials, { action: 'licence.void', requestedBy: context.clerk, now: new Date(at) });
  if (!approval.ok) return { ok: false, message: approval.message, field: 'approval' };
  const chief = approval.value;
  const audit = { at, clerkId: context.clerk.id, action: 'document.void', subject: `document:${id}`, details: { reason: reason.value, approvedBy: chief.id } };
  return refusalsAsResults<DocumentRow, ArchiveField>(() =>
    guardStorage(async () => {
      const { value } = await writeWithAudit(db, [db.clerks, db.cases, db.documents, db.licenceSheets, db.counters, db.outbox], audit, async () => {
        const clerk = await actingClerk(db, context.clerk);
        await requireApprover(db, chief, 'licence.void');
        const row = await requirePrinted(db, id);
        const tx = currentWriteTransaction();
        const ops: OpDraft[] = [];
        if (isLicenceKind(row.kind) && row.caseId !== null) {
          const caseRow = await db.cases.get(row.caseId);
          // Handed over licences stay valid, unless HQ names this window as the second to issue the case.
          const recovered = isOwnIssuanceConflict(caseRow?.issuanceConflict, (await readDeskIdentity(db))?.deskCode ?? null);
          if (caseRow?.statusCode === 'completed' && !recovered) throw new Refusal(m.caseClosed);
        }
        const voided: DocumentRow = { ...row, status: 'voided', voidReason: reason.value };
        await db.documents.put(voided);
        ops.push(documentEventOp(voided, 'voided', reason.value, clerk, at));
        if (row.licenceSheetSerial !== null) ops.push(await voidSheetWithin(tx, { serial: row.licenceSheetSerial, reason: reason.value, approvedBy: chief, clerk, at }));
        await appendOps(tx, ops);
        return voided;
      });
      return value;
    }),
  );
}
