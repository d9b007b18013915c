import { attachScan } from '../../../../../renderer/src/data/attachments';
import { caseChecklist } from '../../../../../renderer/src/data/caseChecklist';
import { applyCommand } from '../../../../../renderer/src/data/cases';
import { archiveDocument } from '../../../../../renderer/src/data/documentArchive/archive';
import { nextDocumentNumber } from '../../../../../renderer/src/data/documentArchive/numbering';
import type { CaseRow, DocumentRow } from '../../../../../renderer/src/data/records';
import { sha256Hex } from '../../../../../renderer/src/domain/sha256';
import { signedWithdrawalRequest } from '../../domain/cases/caseFixtures';
import { acceptedCase, draftCase } from '../../sync/syncFixtures';
import { fakePdf, unwrapResult, type IssuingDesk } from '../issuanceFixtures';

export const takenInAt = '2026-11-26T10:00:00+08:00';

/** A draft case with one scan attached (its text makes the bytes, so each case's scan is its own unless `text` is shared). */
export async function caseWithScan(desk: IssuingDesk, text: string): Promise<{ row: CaseRow; sha256: string }> {
  const row = await draftCase(desk, takenInAt);
  const item = (await caseChecklist(desk.db, row.id))[0]!;
  const scan = new Blob([`%PDF-1.7\n${text}\n%%EOF`], { type: 'application/pdf' });
  const attached = unwrapResult(await attachScan(desk.db, row.id, item.key, scan, { name: '扫描件.pdf', type: 'application/pdf' }, { clerk: desk.clerk, at: takenInAt }));
  return { row, sha256: attached.sha256 };
}

/** An accepted case with its 受理通知书 printed and archived. */
export async function caseWithReceipt(desk: IssuingDesk, seed: string): Promise<{ row: CaseRow; document: DocumentRow }> {
  const row = await acceptedCase(desk, takenInAt);
  const pdf = fakePdf(seed);
  const accepted = row.state.timeline.find((event) => event.type === 'accepted')!;
  const documentNumber = unwrapResult(await nextDocumentNumber(desk.db, 'receipt', takenInAt));
  const draft = { kind: 'receipt', caseId: row.id, eventSeq: accepted.seq, documentNumber, templateVersion: 'receipt/1', pdf, sha256: await sha256Hex(pdf), copies: 1, printerName: 'DeskPDF', licenceSheetSerial: null } as const;
  const document = unwrapResult(await archiveDocument(desk.db, draft, { clerk: desk.clerk, at: takenInAt }));
  return { row, document };
}

/** The applicant withdraws the case at `at`: the case is closed from then on. */
export async function withdrawAt(desk: IssuingDesk, row: CaseRow, at: string): Promise<void> {
  unwrapResult(await applyCommand(desk.db, row.id, { type: 'withdraw', reason: '申请人撤回', request: signedWithdrawalRequest }, { clerk: desk.clerk, at }));
}
