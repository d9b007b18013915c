import { caseDocumentKinds, type CaseDocumentKind } from '../domain/cases/caseDocuments';
import type { CaseId } from '../domain/cases/caseId';
import { withdrawalRequestBytes, type LiveCaseDocument, type WithdrawalRequest } from '../domain/cases/withdrawal';
import { sha256Hex } from '../domain/sha256';
import { checkScan, type ScanMeta } from './attachments';
import { caseSubject, checkIntake, runCaseWrite, type CaseChange, type WriteContext } from './caseWrite';
import { commandWithin, readCommandSetting, type CommandOutcome } from './cases';
import { chinaIso } from './clock';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { documentEventOp } from './documentArchive/archive';
import { dataMessages } from './messages';
import { appendOps } from './outbox';
import type { DocumentRow } from './records';
import { Refusal } from './refusal';
import { sealedBlobRow } from './sealedBlobs';
import { currentWriteTransaction } from './transaction';

const m = dataMessages.withdrawal;

/** The applicant's written request as the counter has it: a scan of their letter, or the printed 撤回申请 they signed. */
export type WrittenWithdrawalRequest =
  | { kind: 'scan'; file: Blob; meta: ScanMeta }
  | { kind: 'signedForm'; pdf: Uint8Array; sha256: string; templateVersion: string; signedAtCounter: true };

export interface WithdrawalInput {
  reason: string;
  request: WrittenWithdrawalRequest;
}

const isCaseDocument = (row: DocumentRow): row is DocumentRow & { kind: CaseDocumentKind } => (caseDocumentKinds as readonly string[]).includes(row.kind);

/** The case's printed notices and receipts that are still valid: a withdrawal makes them void. */
export async function liveCaseDocuments(db: DeskDatabase, caseId: CaseId): Promise<(DocumentRow & { kind: CaseDocumentKind })[]> {
  const rows = await guardStorage(() => db.documents.where('caseId').equals(caseId).toArray());
  return rows.filter((row) => row.status === 'printed').filter(isCaseDocument).sort((a, b) => a.printedAt.localeCompare(b.printedAt));
}

/** As the withdrawal's confirmation lists them. */
export function asLiveDocuments(rows: readonly (DocumentRow & { kind: CaseDocumentKind })[]): LiveCaseDocument[] {
  return rows.map((row) => ({ kind: row.kind, documentNumber: row.documentNumber }));
}

/** The request's bytes, checked, and how the withdrawal names them. */
async function checkRequest(written: WrittenWithdrawalRequest): Promise<{ request: WithdrawalRequest; bytes: Uint8Array; mediaType: string }> {
  if (written.kind === 'scan') {
    const { bytes, mediaType, fileName } = await checkScan(written.file, written.meta);
    const view = new Uint8Array(bytes);
    const scan = { sha256: await sha256Hex(view), fileName, mediaType, size: view.byteLength };
    return { request: { kind: 'scan', scan }, bytes: view, mediaType };
  }
  if ((await sha256Hex(written.pdf)) !== written.sha256) throw new Refusal(m.formChanged);
  const request: WithdrawalRequest = { kind: 'signedForm', sha256: written.sha256, templateVersion: written.templateVersion, signedAtCounter: written.signedAtCounter };
  return { request, bytes: written.pdf, mediaType: 'application/pdf' };
}

/**
 * 撤回: the applicant withdraws the case in writing. In one transaction: the written request's bytes are
 * kept (and later sent to HQ, which the withdrawal's event names them for), the case goes to 已撤回 through
 * the state machine (which says from which statuses it may), the notices and receipts printed for it are
 * voided with their ops for HQ, and the act is logged. Refused, nothing is written.
 */
export async function withdrawCase(
  db: DeskDatabase,
  caseId: CaseId,
  input: WithdrawalInput,
  context: WriteContext,
): Promise<CaseChange<CommandOutcome & { voided: DocumentRow[] }>> {
  const checked = await checkIntake(() => checkRequest(input.request));
  if (!checked.ok) return checked;
  const { request, bytes, mediaType } = checked.value;
  // Sealed before the transaction opens (an IndexedDB transaction commits across a WebCrypto await).
  const blobRow = await sealedBlobRow(withdrawalRequestBytes(request), bytes, mediaType);
  const at = chinaIso(context.at ?? new Date());
  const setting = await readCommandSetting(db, caseId);
  if (setting === undefined) return { ok: false, message: dataMessages.cases.notFound };
  const audit = {
    at,
    clerkId: context.clerk.id,
    action: 'case.withdraw',
    subject: caseSubject(caseId),
    details: { caseNumber: setting.existing.caseNumber, request },
  };
  return runCaseWrite(
    db,
    audit,
    async () => {
      const outcome = await commandWithin(db, caseId, { type: 'withdraw', reason: input.reason, request }, setting, { clerk: context.clerk, at });
      const [stored, live] = await Promise.all([db.blobs.get(blobRow.sha256), liveCaseDocuments(db, caseId)]);
      const voided = live.map((row): DocumentRow => ({ ...row, status: 'voided', voidReason: m.voidReason }));
      await Promise.all([
        stored === undefined ? db.blobs.add(blobRow) : undefined,
        db.documents.bulkPut(voided),
        appendOps(currentWriteTransaction(), voided.map((row) => documentEventOp(row, 'voided', m.voidReason, outcome.clerk, at))),
      ]);
      return { case: outcome.case, events: outcome.events, voided };
    },
    [db.documents],
  );
}
