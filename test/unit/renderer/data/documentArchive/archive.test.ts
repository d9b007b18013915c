import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../../../renderer/src/data/audit';
import { archiveDocument, archivedPdf, caseDocuments, reprintDocument, voidDocument, type DocumentDraft } from '../../../../../renderer/src/data/documentArchive/archive';
import { nextDocumentNumber } from '../../../../../renderer/src/data/documentArchive/numbering';
import type { CaseRow } from '../../../../../renderer/src/data/records';
import { sha256Hex } from '../../../../../renderer/src/domain/sha256';
import { syncOpSchema } from '../../../../../renderer/src/protocol/ops';
import { closeDatabases } from '../dataFixtures';
import { acceptedCase, chiefLogin, clerkLogin, fakePdf, issuingDesk, unwrapResult, type IssuingDesk } from '../issuanceFixtures';

afterEach(closeDatabases);

const printAt = '2026-11-02T09:30:00+08:00';

async function receiptDraft(desk: IssuingDesk, row: CaseRow, seed = 'receipt'): Promise<DocumentDraft> {
  const pdf = fakePdf(seed);
  const accepted = row.state.timeline.find((event) => event.type === 'accepted')!;
  return {
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
  };
}

async function opsOf(desk: IssuingDesk, entity: string) {
  return (await desk.db.outbox.orderBy('seq').toArray()).filter((row) => row.entity === entity);
}

describe('archiveDocument', () => {
  it('archives a notice with its bytes, SHA-256 and number, and its documentEvent op, in one transaction with the audit entry', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const draft = await receiptDraft(desk, row);
    const archived = unwrapResult(await archiveDocument(desk.db, draft, { clerk: desk.clerk, at: printAt }));

    expect(archived).toMatchObject({
      caseId: row.id,
      kind: 'receipt',
      documentNumber: '绵市监企收字〔2026〕第MY01-0001号',
      sha256: draft.sha256,
      status: 'printed',
      printerName: 'DeskPDF',
      copies: 1,
      printedBy: desk.clerk.id,
      printedAt: '2026-11-02T09:30:00.000+08:00',
    });
    expect(await archivedPdf((await caseDocuments(desk.db, row.id))[0]!)).toEqual(draft.pdf);
    const [op] = await opsOf(desk, 'documentEvent');
    expect(syncOpSchema.safeParse(op!.op).success).toBe(true);
    expect(op!.op.payload).toMatchObject({ action: 'printed', documentNumber: archived.documentNumber, sha256: draft.sha256, reason: null, caseId: row.id });
    expect((await desk.db.auditLog.toArray()).at(-1)).toMatchObject({ action: 'document.print', clerkId: desk.clerk.id });
    expect(await verifyAuditLog(desk.db)).toMatchObject({ ok: true });
    // The number is taken: the next one follows it.
    expect(unwrapResult(await nextDocumentNumber(desk.db, 'receipt', printAt))).toBe('绵市监企收字〔2026〕第MY01-0002号');
  });

  it('refuses a draft whose number another print has taken meanwhile, writing nothing, so the caller draws it again', async () => {
    const desk = await issuingDesk();
    const one = await acceptedCase(desk);
    const two = await acceptedCase(desk, '2026-11-02T09:10:00+08:00');
    const first = await receiptDraft(desk, one, 'one');
    const second = await receiptDraft(desk, two, 'two');
    expect(second.documentNumber).toBe(first.documentNumber);
    unwrapResult(await archiveDocument(desk.db, first, { clerk: desk.clerk, at: printAt }));
    const outboxBefore = await desk.db.outbox.count();

    expect(await archiveDocument(desk.db, second, { clerk: desk.clerk, at: printAt })).toEqual({ ok: false, message: expect.any(String), field: 'documentNumber' });
    expect(await caseDocuments(desk.db, two.id)).toEqual([]);
    expect(await desk.db.outbox.count()).toBe(outboxBefore);
    const redrawn = { ...second, documentNumber: unwrapResult(await nextDocumentNumber(desk.db, 'receipt', printAt)) };
    expect(unwrapResult(await archiveDocument(desk.db, redrawn, { clerk: desk.clerk, at: printAt })).documentNumber).toBe('绵市监企收字〔2026〕第MY01-0002号');
  });

  it('refuses bytes that do not match the SHA-256 the generator reported', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const draft = await receiptDraft(desk, row);
    const result = await archiveDocument(desk.db, { ...draft, pdf: fakePdf('tampered') }, { clerk: desk.clerk, at: printAt });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('校验值') });
    expect(await desk.db.documents.count()).toBe(0);
  });

  it('refuses a document of a decision HQ did not keep (another window’s notice stands)', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const draft = await receiptDraft(desk, row);
    await desk.db.cases.put({ ...row, state: { ...row.state, status: { code: 'awaitingCorrection', noticeIssuedAt: '2026-11-02T09:00:00+08:00' } }, statusCode: 'awaitingCorrection' });
    expect(await archiveDocument(desk.db, draft, { clerk: desk.clerk, at: printAt })).toMatchObject({ ok: false, message: '这一决定已被市级系统按其他窗口的决定取代，其文书不能再打印' });
    expect(await desk.db.documents.count()).toBe(0);
  });

  it('refuses a document the case decision did not ask for, and a second print of the same notice', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const draft = await receiptDraft(desk, row);
    const refusal = await archiveDocument(desk.db, { ...draft, kind: 'refusalNotice', documentNumber: unwrapResult(await nextDocumentNumber(desk.db, 'refusalNotice', printAt)) }, { clerk: desk.clerk, at: printAt });
    expect(refusal).toMatchObject({ ok: false, message: '该办件的这一决定没有要求出具此文书' });

    unwrapResult(await archiveDocument(desk.db, draft, { clerk: desk.clerk, at: printAt }));
    const again = await receiptDraft(desk, row, 'again');
    expect(await archiveDocument(desk.db, again, { clerk: desk.clerk, at: printAt })).toMatchObject({ ok: false, message: expect.stringContaining('请使用“重印”') });
  });

  it('archives the printed 督办台账 as a document of no case, with a 督字 number, for the chief and the admin only', async () => {
    const desk = await issuingDesk();
    const ledgerDraft = async (): Promise<DocumentDraft> => {
      const pdf = fakePdf('ledger');
      return {
        kind: 'ledgerReport',
        caseId: null,
        eventSeq: null,
        documentNumber: unwrapResult(await nextDocumentNumber(desk.db, 'ledgerReport', printAt)),
        templateVersion: 'ledgerReport/1',
        pdf,
        sha256: await sha256Hex(pdf),
        copies: 1,
        printerName: 'DeskPDF',
        licenceSheetSerial: null,
      };
    };
    expect(await archiveDocument(desk.db, await ledgerDraft(), { clerk: desk.clerk, at: printAt })).toMatchObject({ ok: false, message: '您没有打印此类文书的权限' });
    const archived = unwrapResult(await archiveDocument(desk.db, await ledgerDraft(), { clerk: desk.chief, at: printAt }));
    expect(archived).toMatchObject({ kind: 'ledgerReport', caseId: null, eventSeq: null, documentNumber: '绵市监企督字〔2026〕第MY01-0001号', printedBy: desk.chief.id });
    const [op] = await opsOf(desk, 'documentEvent');
    expect(syncOpSchema.safeParse(op!.op).success).toBe(true);
    expect(op!.op.payload).toMatchObject({ kind: 'ledgerReport', caseId: null, action: 'printed' });
    expect(unwrapResult(await archiveDocument(desk.db, await ledgerDraft(), { clerk: desk.admin, at: printAt })).documentNumber).toBe('绵市监企督字〔2026〕第MY01-0002号');
  });

  it('refuses the admin, who runs the machine but does not issue documents', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const result = await archiveDocument(desk.db, await receiptDraft(desk, row), { clerk: desk.admin, at: printAt });
    expect(result).toMatchObject({ ok: false, message: '您没有打印此类文书的权限' });
  });

  it('refuses zero copies and a missing printer before anything is stored', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const draft = await receiptDraft(desk, row);
    expect(await archiveDocument(desk.db, { ...draft, copies: 0 }, { clerk: desk.clerk })).toMatchObject({ ok: false, field: 'copies' });
    expect(await archiveDocument(desk.db, { ...draft, printerName: ' ' }, { clerk: desk.clerk })).toMatchObject({ ok: false, field: 'printerName' });
    expect(await desk.db.documents.count()).toBe(0);
  });
});

describe('reprintDocument', () => {
  it('hands back the archived bytes unchanged (same SHA-256) and records a reprinted op with the reason', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const draft = await receiptDraft(desk, row);
    const archived = unwrapResult(await archiveDocument(desk.db, draft, { clerk: desk.clerk, at: printAt }));

    const reprint = unwrapResult(await reprintDocument(desk.db, archived.id, { reason: '申请人遗失，补打一份', copies: 2, printerName: 'DeskPDF' }, { clerk: desk.clerk }));
    expect(reprint.pdf).toEqual(draft.pdf);
    expect(await sha256Hex(reprint.pdf)).toBe(archived.sha256);
    const ops = await opsOf(desk, 'documentEvent');
    expect(ops.map((op) => op.op.payload)).toEqual([
      expect.objectContaining({ action: 'printed' }),
      expect.objectContaining({ action: 'reprinted', documentNumber: archived.documentNumber, sha256: archived.sha256, copies: 2, reason: '申请人遗失，补打一份' }),
    ]);
    expect(await desk.db.documents.count()).toBe(1);
  });

  it('refuses a reprint without a reason', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const archived = unwrapResult(await archiveDocument(desk.db, await receiptDraft(desk, row), { clerk: desk.clerk, at: printAt }));
    expect(await reprintDocument(desk.db, archived.id, { reason: '  ', copies: 1, printerName: 'DeskPDF' }, { clerk: desk.clerk })).toEqual({ ok: false, message: '须写明原因' });
    expect(await opsOf(desk, 'documentEvent')).toHaveLength(1);
  });
});

describe('voidDocument', () => {
  it('is refused without the chief: a clerk’s own password or a wrong chief password changes nothing', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const archived = unwrapResult(await archiveDocument(desk.db, await receiptDraft(desk, row), { clerk: desk.clerk, at: printAt }));

    const byClerk = await voidDocument(desk.db, archived.id, '文号打错', clerkLogin, { clerk: desk.clerk });
    expect(byClerk).toEqual({ ok: false, message: '“张三”不是首席代表，不能批准此操作', field: 'approval' });
    const wrongPassword = await voidDocument(desk.db, archived.id, '文号打错', { ...chiefLogin, password: 'wrong-password-1' }, { clerk: desk.clerk });
    expect(wrongPassword).toMatchObject({ ok: false, message: '首席代表登录名或密码不正确' });
    expect((await desk.db.documents.get(archived.id))!.status).toBe('printed');
    expect(await opsOf(desk, 'documentEvent')).toHaveLength(1);
    const refusals = (await desk.db.auditLog.toArray()).filter((entry) => entry.action === 'approval.refused');
    expect(refusals.map((entry) => entry.details)).toEqual([
      expect.objectContaining({ loginName: 'zhangsan', reason: 'notPermitted' }),
      expect.objectContaining({ loginName: 'lishouxi', reason: 'wrongCredentials' }),
    ]);
  });

  it('voids with the chief’s password and a reason, and tells HQ', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const archived = unwrapResult(await archiveDocument(desk.db, await receiptDraft(desk, row), { clerk: desk.clerk, at: printAt }));
    expect(await voidDocument(desk.db, archived.id, '', chiefLogin, { clerk: desk.clerk })).toEqual({ ok: false, message: '须写明原因' });

    const voided = unwrapResult(await voidDocument(desk.db, archived.id, '打印时卡纸，内容残缺', chiefLogin, { clerk: desk.clerk }));
    expect(voided).toMatchObject({ status: 'voided', voidReason: '打印时卡纸，内容残缺' });
    expect((await opsOf(desk, 'documentEvent')).at(-1)!.op.payload).toMatchObject({ action: 'voided', reason: '打印时卡纸，内容残缺', copies: 0 });
    expect((await desk.db.auditLog.toArray()).at(-1)).toMatchObject({ action: 'document.void', details: expect.objectContaining({ approvedBy: desk.chief.id }) });
    // A voided notice can be drawn and printed again under a new number.
    const redrawn = await receiptDraft(desk, row, 'redrawn');
    expect(unwrapResult(await archiveDocument(desk.db, redrawn, { clerk: desk.clerk })).documentNumber).toBe('绵市监企收字〔2026〕第MY01-0002号');
    expect(await reprintDocument(desk.db, archived.id, { reason: '再打', copies: 1, printerName: 'DeskPDF' }, { clerk: desk.clerk })).toMatchObject({ ok: false, message: expect.stringContaining('已作废') });
  });
});

