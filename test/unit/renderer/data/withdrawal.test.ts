import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../../renderer/src/data/audit';
import { archiveDocument } from '../../../../renderer/src/data/documentArchive/archive';
import { nextDocumentNumber } from '../../../../renderer/src/data/documentArchive/numbering';
import type { CaseRow } from '../../../../renderer/src/data/records';
import { liveCaseDocuments, withdrawCase, type WrittenWithdrawalRequest } from '../../../../renderer/src/data/withdrawal';
import { sha256Hex } from '../../../../renderer/src/domain/sha256';
import { syncOpSchema } from '../../../../renderer/src/protocol/ops';
import { closeDatabases } from './dataFixtures';
import { acceptedCase, awaitingIssuance, fakePdf, intakeAt, issuingDesk, unwrapResult, type IssuingDesk } from './issuanceFixtures';

afterEach(closeDatabases);

const printAt = '2026-11-02T09:30:00+08:00';
const withdrawAt = '2026-11-03T10:00:00+08:00';

async function printReceipt(desk: IssuingDesk, row: CaseRow) {
  const pdf = fakePdf('receipt');
  const accepted = row.state.timeline.find((event) => event.type === 'accepted')!;
  return unwrapResult(
    await archiveDocument(
      desk.db,
      {
        kind: 'receipt',
        caseId: row.id,
        eventSeq: accepted.seq,
        documentNumber: unwrapResult(await nextDocumentNumber(desk.db, 'receipt', printAt)),
        templateVersion: 'receipt/1',
        pdf,
        sha256: await sha256Hex(pdf),
        copies: 1,
        printerName: 'DeskPDF',
        licenceSheetSerial: null,
      },
      { clerk: desk.clerk, at: printAt },
    ),
  );
}

async function signedForm(): Promise<WrittenWithdrawalRequest> {
  const pdf = fakePdf('withdrawal-request');
  return { kind: 'signedForm', pdf, sha256: await sha256Hex(pdf), templateVersion: 'withdrawalRequest/1', signedAtCounter: true };
}

const outbox = async (desk: IssuingDesk) => (await desk.db.outbox.orderBy('seq').toArray()).map((row) => row.op);

describe('withdrawCase', () => {
  it('withdraws an accepted case on the signed 撤回申请: the form kept for HQ, the receipt voided, every op valid, the act logged', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const receipt = await printReceipt(desk, row);
    const written = await signedForm();
    const before = (await outbox(desk)).length;

    const { case: withdrawn, events, voided } = unwrapResult(await withdrawCase(desk.db, row.id, { reason: '暂缓设立', request: written }, { clerk: desk.clerk, at: withdrawAt }));

    expect(withdrawn.state.status).toMatchObject({ code: 'withdrawn', from: 'accepted', reason: '暂缓设立', acceptance: row.state.status.code === 'accepted' ? row.state.status.acceptance : null });
    const request = { kind: 'signedForm', sha256: written.kind === 'signedForm' ? written.sha256 : '', templateVersion: 'withdrawalRequest/1', signedAtCounter: true };
    expect(events).toEqual([expect.objectContaining({ type: 'withdrawn', from: 'accepted', reason: '暂缓设立', request })]);
    expect(await desk.db.cases.get(row.id)).toMatchObject({ statusCode: 'withdrawn', dueDate: '' });
    expect(voided.map((document) => document.documentNumber)).toEqual([receipt.documentNumber]);
    expect(await desk.db.documents.get(receipt.id)).toMatchObject({ status: 'voided', voidReason: expect.stringContaining('撤回') });
    expect(await liveCaseDocuments(desk.db, row.id)).toEqual([]);
    // The acceptance's other documents can no longer be printed for the withdrawn case.
    const accepted = row.state.timeline.find((event) => event.type === 'accepted')!;
    const notice = fakePdf('notice');
    const late = await archiveDocument(
      desk.db,
      {
        kind: 'acceptanceNotice',
        caseId: row.id,
        eventSeq: accepted.seq,
        documentNumber: unwrapResult(await nextDocumentNumber(desk.db, 'acceptanceNotice', withdrawAt)),
        templateVersion: 'acceptanceNotice/1',
        pdf: notice,
        sha256: await sha256Hex(notice),
        copies: 1,
        printerName: 'DeskPDF',
        licenceSheetSerial: null,
      },
      { clerk: desk.clerk, at: withdrawAt },
    );
    expect(late).toEqual({ ok: false, message: '办件已撤回，其受理文书已作废，不能再打印' });

    const blob = await desk.db.blobs.get(request.sha256);
    expect(blob).toMatchObject({ mediaType: 'application/pdf', uploaded: 0, size: written.kind === 'signedForm' ? written.pdf.byteLength : 0 });

    const ops = (await outbox(desk)).slice(before);
    expect(ops.map((op) => op.entity).sort()).toEqual(['case', 'caseEvent', 'documentEvent']);
    for (const op of ops) expect(syncOpSchema.safeParse(op).success).toBe(true);
    expect(ops.find((op) => op.entity === 'documentEvent')!.payload).toMatchObject({ action: 'voided', documentNumber: receipt.documentNumber });
    expect(ops.find((op) => op.entity === 'caseEvent')!.payload).toMatchObject({ event: { type: 'withdrawn', request } });
    expect((await desk.db.auditLog.toArray()).at(-1)).toMatchObject({ action: 'case.withdraw', clerkId: desk.clerk.id });
    expect(await verifyAuditLog(desk.db)).toMatchObject({ ok: true });
  });

  it('withdraws on a scan of the applicant’s own letter, kept by its hash for HQ', async () => {
    const desk = await issuingDesk();
    const other = await acceptedCase(desk, intakeAt);
    const letter = new Blob([fakePdf('letter') as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
    const scanned = unwrapResult(
      await withdrawCase(desk.db, other.id, { reason: '申请人来信撤回', request: { kind: 'scan', file: letter, meta: { name: '撤回申请书.pdf', type: 'application/pdf' } } }, { clerk: desk.clerk, at: withdrawAt }),
    );
    const sha256 = await sha256Hex(fakePdf('letter'));
    expect(scanned.events[0]).toMatchObject({ type: 'withdrawn', request: { kind: 'scan', scan: { sha256, fileName: '撤回申请书.pdf', mediaType: 'application/pdf' } } });
    expect(await desk.db.blobs.get(sha256)).toMatchObject({ uploaded: 0 });
  });

  it('refuses a withdrawal after the decision, and writes nothing', async () => {
    const desk = await issuingDesk();
    const row = await awaitingIssuance(desk);
    const counts = { ops: await desk.db.outbox.count(), blobs: await desk.db.blobs.count(), audit: await desk.db.auditLog.count() };
    const refused = await withdrawCase(desk.db, row.id, { reason: '', request: await signedForm() }, { clerk: desk.clerk, at: withdrawAt });
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('不能撤回') });
    expect({ ops: await desk.db.outbox.count(), blobs: await desk.db.blobs.count(), audit: await desk.db.auditLog.count() }).toEqual(counts);
    expect((await desk.db.cases.get(row.id))?.statusCode).toBe('awaitingIssuance');
  });

  it('refuses a printed form whose bytes are not those printed, and a scan that is no PDF or image', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const written = await signedForm();
    const tampered = { ...written, pdf: fakePdf('another') } as WrittenWithdrawalRequest;
    expect(await withdrawCase(desk.db, row.id, { reason: '', request: tampered }, { clerk: desk.clerk, at: withdrawAt })).toEqual({ ok: false, message: expect.stringContaining('重新打印') });
    const text = new Blob(['撤回'], { type: 'text/plain' });
    expect(await withdrawCase(desk.db, row.id, { reason: '', request: { kind: 'scan', file: text, meta: { name: 'a.txt', type: 'text/plain' } } }, { clerk: desk.clerk, at: withdrawAt })).toMatchObject({
      ok: false,
    });
    expect((await desk.db.cases.get(row.id))?.statusCode).toBe('accepted');
  });
});
