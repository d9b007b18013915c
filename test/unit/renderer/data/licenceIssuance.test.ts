import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveDocument, reprintDocument, voidDocument } from '../../../../renderer/src/data/documentArchive/archive';
import {
  casesAwaitingDecision,
  casesAwaitingIssuance,
  checkLicence,
  handOver,
  inHallApprovalBlocker,
  intakeToHandoverMinutes,
  printedLicence,
  recordInHallApproval,
} from '../../../../renderer/src/data/licenceIssuance';
import { applyCommand, createDraftCase } from '../../../../renderer/src/data/cases';
import { caseChecklist, recordChecklistItem } from '../../../../renderer/src/data/caseChecklist';
import { stockReport } from '../../../../renderer/src/data/paperStock';
import { searchCases } from '../../../../renderer/src/data/search/searchCases';
import { settleFreshKeys } from '../../../../renderer/src/data/search/settleKeys';
import { syncOpSchema } from '../../../../renderer/src/protocol/ops';
import { applicantId, closeDatabases, startUpInput } from './dataFixtures';
import {
  acceptedCase,
  approvedAt,
  awaitingIssuance,
  chiefLogin,
  clerkLogin,
  intakeAt,
  issuingDesk,
  licenceDraft,
  licenceInput,
  printAt,
  unwrapResult,
  type IssuingDesk,
} from './issuanceFixtures';

const handoverAt = '2026-11-02T10:52:00+08:00';

afterEach(closeDatabases);

async function ops(desk: IssuingDesk) {
  return (await desk.db.outbox.orderBy('seq').toArray()).map((row) => row.op);
}

describe('checkLicence', () => {
  it('refuses licence data the paper cannot hold, naming the field', () => {
    expect(checkLicence({ ...licenceInput, name: '绵'.repeat(61) })).toMatchObject({ ok: false, field: 'name', message: '最多可填60个字，超出执照版面' });
    expect(checkLicence({ ...licenceInput, uscc: '91510703MA6BQ7K30X' })).toMatchObject({ ok: false, field: 'uscc' });
    expect(checkLicence(licenceInput)).toMatchObject({ ok: true });
  });

  it('refuses licence data entered without 营业期限, or with a term ending before 成立日期, naming the term', () => {
    const { businessTerm: _none, ...withoutTerm } = licenceInput;
    expect(checkLicence(withoutTerm)).toEqual({ ok: false, field: 'businessTerm', message: '请选择营业期限：长期，或至某日' });
    expect(checkLicence({ ...licenceInput, businessTerm: { kind: 'fixed', until: '2026-11-01' } })).toMatchObject({ ok: false, field: 'businessTerm', message: expect.stringContaining('截止日期不能早于起始日期') });
    expect(checkLicence({ ...licenceInput, businessTerm: { kind: 'fixed', until: '2046-11-01' } })).toMatchObject({ ok: true, value: { businessTerm: { kind: 'fixed', until: '2046-11-01' } } });
  });
});

describe('printedLicence', () => {
  it('prints the term as entered', () => {
    expect(printedLicence(unwrapResult(checkLicence(licenceInput)))).toMatchObject({ businessTerm: { kind: 'longTerm' }, qrText: expect.stringContaining(licenceInput.uscc) });
  });

  it('refuses licence data whose 营业期限 HQ did not send, rather than print it blank or as 长期', () => {
    const { businessTerm: _unknown, ...fromOlderHq } = unwrapResult(checkLicence(licenceInput));
    expect(() => printedLicence(fromOlderHq)).toThrow('营业执照登记信息缺少营业期限，不能套打');
  });
});

describe('recordInHallApproval', () => {
  it('is the chief’s: a clerk is refused and the case stays accepted', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    expect(await recordInHallApproval(desk.db, row.id, licenceInput, { clerk: desk.clerk, deskEnrolled: false })).toEqual({ ok: false, message: '记录准予须由首席代表操作' });
    expect((await desk.db.cases.get(row.id))!.statusCode).toBe('accepted');
    expect((await casesAwaitingDecision(desk.db)).map((c) => c.id)).toEqual([row.id]);
  });

  it('takes an accepted case through review and approval to 待出证 with its licence data, in one write', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const before = await desk.db.outbox.count();
    const approved = unwrapResult(await recordInHallApproval(desk.db, row.id, licenceInput, { clerk: desk.chief, at: approvedAt, deskEnrolled: false }));
    expect(approved.statusCode).toBe('awaitingIssuance');
    expect(approved.licence).toMatchObject({ uscc: licenceInput.uscc, name: '绵阳星辰科技有限公司' });
    expect(approved.state.timeline.slice(-3).map((event) => event.type)).toEqual(['reviewStarted', 'approved', 'readyForIssuance']);
    const newOps = (await ops(desk)).slice(before);
    expect(newOps.map((op) => op.entity)).toEqual(['case', 'caseEvent', 'caseEvent', 'caseEvent']);
    // Licence data is HQ's to send: the desk keeps the chief's entry locally and never pushes it.
    expect(JSON.stringify(newOps)).not.toContain('licence');
    expect((await casesAwaitingIssuance(desk.db)).map((c) => c.id)).toEqual([row.id]);
    expect(await recordInHallApproval(desk.db, row.id, licenceInput, { clerk: desk.chief, deskEnrolled: false })).toMatchObject({ ok: false, message: expect.stringContaining('不能记录准予') });
  });

  it('makes the case findable by the USCC of the licence, even when its keys had settled', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    await settleFreshKeys(desk.db, 10);
    unwrapResult(await recordInHallApproval(desk.db, row.id, licenceInput, { clerk: desk.chief, at: approvedAt, deskEnrolled: false }));
    expect((await searchCases(desk.db, licenceInput.uscc)).hits.map((hit) => hit.case.id)).toEqual([row.id]);
    expect((await searchCases(desk.db, licenceInput.uscc.slice(-6))).hits.map((hit) => hit.case.id)).toEqual([row.id]);
  });

  it('takes the licence data again for a 待出证 case whose licence lacks 营业期限, and only then', async () => {
    const desk = await issuingDesk();
    const row = await awaitingIssuance(desk);
    const { businessTerm: _unknown, ...withoutTerm } = row.licence!;
    await desk.db.cases.update(row.id, { licence: withoutTerm });
    const fixed = { kind: 'fixed', until: '2046-11-01' } as const;
    const completed = unwrapResult(await recordInHallApproval(desk.db, row.id, { ...licenceInput, businessTerm: fixed }, { clerk: desk.chief, at: printAt, deskEnrolled: false }));
    expect(completed).toMatchObject({ statusCode: 'awaitingIssuance', licence: { uscc: licenceInput.uscc, businessTerm: fixed } });
    expect(await recordInHallApproval(desk.db, row.id, licenceInput, { clerk: desk.chief, deskEnrolled: false })).toMatchObject({ ok: false, message: expect.stringContaining('不能记录准予') });
  });

  it('is refused on a desk enrolled with HQ, whose decisions come by sync: nothing is written', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const before = { ops: await desk.db.outbox.count(), audit: await desk.db.auditLog.count() };
    expect(await recordInHallApproval(desk.db, row.id, licenceInput, { clerk: desk.chief, at: approvedAt, deskEnrolled: true })).toEqual({
      ok: false,
      message: '本窗口已接入市级系统，审批结果由市级系统作出并随同步到达，不能在厅内记录准予',
    });
    expect(await desk.db.cases.get(row.id)).toMatchObject({ statusCode: 'accepted', licence: null });
    expect({ ops: await desk.db.outbox.count(), audit: await desk.db.auditLog.count() }).toEqual(before);
  });

  it('is refused, and not offered, for a case HQ holds, even on a desk no longer enrolled', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    // As a pull from an earlier enrolment left it: HQ's version and case number on the row.
    await desk.db.cases.update(row.id, { hqVersion: 2, hqCaseNumber: 'HQ-MY-2026-000007' });
    expect(await casesAwaitingDecision(desk.db)).toEqual([]);
    expect(await recordInHallApproval(desk.db, row.id, licenceInput, { clerk: desk.chief, at: approvedAt, deskEnrolled: false })).toEqual({
      ok: false,
      message: '该办件已在市级系统办理，审批结果由市级系统作出，不能在厅内记录准予',
    });
    expect((await desk.db.cases.get(row.id))!.statusCode).toBe('accepted');
  });
});

describe('inHallApprovalBlocker', () => {
  /** A case accepted with one required material deferred (容缺受理), not yet brought in. */
  async function deferredCase(desk: IssuingDesk) {
    const { db, clerk } = desk;
    const row = unwrapResult(await createDraftCase(db, startUpInput(), { clerk, at: intakeAt }));
    const items = (await caseChecklist(db, row.id)).filter((item) => item.item.required && item.status === 'missing');
    const deferred = items.find((item) => item.item.deferrable)!;
    for (const item of items.filter((other) => other !== deferred)) {
      unwrapResult(await recordChecklistItem(db, row.id, item.key, { status: 'received', form: item.item.form, copies: item.item.copies, pages: 1 }, { clerk, at: intakeAt }));
    }
    unwrapResult(await recordChecklistItem(db, row.id, deferred.key, { status: 'deferred', deferredUntil: '2026-11-03' }, { clerk, at: intakeAt }));
    const accepted = await applyCommand(
      db,
      row.id,
      { type: 'acceptWithDeferral', undertaking: '申请人承诺按期补交', deadlines: [{ materialKey: deferred.key, deadline: '2026-11-03' }] },
      { clerk, at: intakeAt },
    );
    return { row: unwrapResult(accepted).case, deferredName: deferred.item.name };
  }

  it('finds nothing in the way of an accepted case with every material in', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    expect(await inHallApprovalBlocker(desk.db, row.id, { clerk: desk.chief, at: approvedAt, deskEnrolled: false })).toBeNull();
  });

  it('names the 容缺 materials still outstanding, as the approval would refuse, and writes nothing', async () => {
    const desk = await issuingDesk();
    const { row, deferredName } = await deferredCase(desk);
    const before = { ops: await desk.db.outbox.count(), audit: await desk.db.auditLog.count() };
    const blocker = await inHallApprovalBlocker(desk.db, row.id, { clerk: desk.chief, at: approvedAt, deskEnrolled: false });
    expect(blocker).toContain(deferredName);
    expect(await recordInHallApproval(desk.db, row.id, licenceInput, { clerk: desk.chief, at: approvedAt, deskEnrolled: false })).toEqual({ ok: false, message: blocker });
    expect({ ops: await desk.db.outbox.count(), audit: await desk.db.auditLog.count() }).toEqual(before);
    expect((await desk.db.cases.get(row.id))!.statusCode).toBe('acceptedWithDeferral');
  });

  it('says why on an enrolled desk, for a case HQ holds, and for a case past approval', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const context = { clerk: desk.chief, at: approvedAt, deskEnrolled: false };
    expect(await inHallApprovalBlocker(desk.db, row.id, { ...context, deskEnrolled: true })).toContain('本窗口已接入市级系统');
    const issued = await awaitingIssuance(desk);
    expect(await inHallApprovalBlocker(desk.db, issued.id, context)).toContain('不能记录准予');
    await desk.db.cases.update(row.id, { hqVersion: 2, hqCaseNumber: 'HQ-MY-2026-000007' });
    expect(await inHallApprovalBlocker(desk.db, row.id, context)).toBe('该办件已在市级系统办理，审批结果由市级系统作出，不能在厅内记录准予');
  });
});

describe('licence printing on stock paper', () => {
  it('uses an in-stock sheet of the right kind, marking it used with a licenceSheetEvent in the archive write', async () => {
    const desk = await issuingDesk();
    const row = await awaitingIssuance(desk);
    const wrongKind = await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceOriginal', 'B5107000001'), { clerk: desk.clerk, at: printAt });
    expect(wrongKind).toEqual({ ok: false, message: '编号 B5107000001 是副本用纸，与所打证照不符' });
    const unknown = await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceOriginal', 'A5107000099'), { clerk: desk.clerk, at: printAt });
    expect(unknown).toMatchObject({ ok: false, message: expect.stringContaining('不在本机库存中') });

    const archived = unwrapResult(await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceOriginal', 'a5107000001'), { clerk: desk.clerk, at: printAt }));
    expect(archived).toMatchObject({ kind: 'licenceOriginal', licenceSheetSerial: 'A5107000001', documentNumber: '绵市监企照字〔2026〕第MY01-0001号', eventSeq: null });
    expect(await desk.db.licenceSheets.get('A5107000001')).toMatchObject({ state: 'used', caseId: row.id, documentNumber: archived.documentNumber });
    const tail = (await ops(desk)).slice(-2);
    for (const op of tail) expect(syncOpSchema.safeParse(op).success).toBe(true);
    expect(tail.map((op) => [op.entity, (op.payload as { action: string }).action])).toEqual([
      ['documentEvent', 'printed'],
      ['licenceSheetEvent', 'used'],
    ]);
    const reused = await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceCopy', 'A5107000001'), { clerk: desk.clerk, at: printAt });
    expect(reused).toMatchObject({ ok: false, message: expect.stringContaining('是正本用纸') });
  });

  it('refuses a second licence of a kind without the chief, and with the chief supersedes the first as a reprint', async () => {
    const desk = await issuingDesk();
    const row = await awaitingIssuance(desk);
    const first = unwrapResult(await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceOriginal', 'A5107000001'), { clerk: desk.clerk, at: printAt }));

    const again = await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceOriginal', 'A5107000002'), { clerk: desk.clerk, at: printAt });
    expect(again).toMatchObject({ ok: false, field: 'approval', message: expect.stringContaining('须首席代表批准') });
    const byClerk = await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceOriginal', 'A5107000002'), { clerk: desk.clerk, at: printAt }, { credentials: clerkLogin, reason: '字迹偏淡' });
    expect(byClerk).toMatchObject({ ok: false, field: 'approval' });
    expect((await desk.db.licenceSheets.get('A5107000002'))!.state).toBe('inStock');

    const reprint = unwrapResult(
      await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceOriginal', 'A5107000002'), { clerk: desk.clerk, at: printAt }, { credentials: chiefLogin, reason: '字迹偏淡，重新套打' }),
    );
    expect((await desk.db.documents.get(first.id))!.status).toBe('superseded');
    expect(reprint.status).toBe('printed');
    const documentOps = (await ops(desk)).filter((op) => op.entity === 'documentEvent');
    expect(documentOps.at(-1)!.payload).toMatchObject({ action: 'reprinted', reason: '字迹偏淡，重新套打', licenceSheetSerial: 'A5107000002' });
  });

  it('refuses to reprint a licence from its archive: it must go on a new sheet', async () => {
    const desk = await issuingDesk();
    const row = await awaitingIssuance(desk);
    const archived = unwrapResult(await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceCopy', 'B5107000001'), { clerk: desk.clerk, at: printAt }));
    expect(await reprintDocument(desk.db, archived.id, { reason: '再打一份', copies: 1, printerName: 'DeskPDF' }, { clerk: desk.chief })).toMatchObject({
      ok: false,
      message: expect.stringContaining('新的空白证书'),
    });
  });

  it('voids a spoiled licence with its sheet (chief only), after which a new serial is used and the stock still balances', async () => {
    const desk = await issuingDesk();
    const row = await awaitingIssuance(desk);
    const spoiled = unwrapResult(await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceCopy', 'B5107000001'), { clerk: desk.clerk, at: printAt }));
    expect(await voidDocument(desk.db, spoiled.id, '卡纸，字段错位', clerkLogin, { clerk: desk.clerk })).toMatchObject({ ok: false, field: 'approval' });
    unwrapResult(await voidDocument(desk.db, spoiled.id, '卡纸，字段错位', chiefLogin, { clerk: desk.clerk }));
    expect(await desk.db.licenceSheets.get('B5107000001')).toMatchObject({ state: 'voided', reason: '卡纸，字段错位', approvedBy: desk.chief.id });
    expect((await ops(desk)).slice(-2).map((op) => [op.entity, (op.payload as { action: string }).action])).toEqual([
      ['documentEvent', 'voided'],
      ['licenceSheetEvent', 'voided'],
    ]);

    unwrapResult(await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceCopy', 'B5107000002'), { clerk: desk.clerk, at: printAt }));
    const report = await stockReport(desk.db);
    expect(report.copy).toMatchObject({ received: 5, used: 1, voided: 1, inStock: 3, balanced: true });
    expect(report.original).toMatchObject({ received: 5, used: 0, voided: 0, inStock: 5, balanced: true });
  });
});

describe('handOver', () => {
  it('is refused until both 正本 and 副本 are printed, and for a collector whose ID number is wrong', async () => {
    const desk = await issuingDesk();
    const row = await awaitingIssuance(desk);
    unwrapResult(await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceOriginal', 'A5107000001'), { clerk: desk.clerk, at: printAt }));
    const collector = { role: 'applicant' as const, name: '王小明', idNumber: applicantId };
    expect(await handOver(desk.db, row.id, collector, { clerk: desk.clerk, at: handoverAt })).toEqual({ ok: false, message: '尚未套打：营业执照副本，不能交付' });
    const wrongDigit = `${applicantId.slice(0, 17)}${applicantId.endsWith('0') ? '1' : '0'}`;
    expect(await handOver(desk.db, row.id, { ...collector, idNumber: wrongDigit }, { clerk: desk.clerk })).toMatchObject({ ok: false, field: 'collectorIdNumber' });
    expect(await handOver(desk.db, row.id, { ...collector, name: ' ' }, { clerk: desk.clerk })).toMatchObject({ ok: false, field: 'collectorName' });
    expect((await desk.db.cases.get(row.id))!.statusCode).toBe('awaitingIssuance');
  });

  it('hands over to a collector with any identity document, its number checked by its kind and sent with the kind', async () => {
    const desk = await issuingDesk();
    const row = await awaitingIssuance(desk);
    unwrapResult(await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceOriginal', 'A5107000001'), { clerk: desk.clerk, at: printAt }));
    unwrapResult(await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceCopy', 'B5107000001'), { clerk: desk.clerk, at: printAt }));
    const collector = { role: 'other' as const, name: 'John Smith', idKind: 'passport' as const, idNumber: 'ep1234567', nationality: '' };
    expect(await handOver(desk.db, row.id, collector, { clerk: desk.clerk, at: handoverAt })).toEqual({ ok: false, message: '领取人证件：请选择护照的国籍', field: 'collectorIdNumber' });
    expect(await handOver(desk.db, row.id, { ...collector, idKind: 'hkMacaoPermit' }, { clerk: desk.clerk, at: handoverAt })).toMatchObject({
      ok: false,
      message: '领取人证件：港澳居民来往内地通行证号码应为H（香港）或M（澳门）加8位数字，旧版为H或M加10位数字',
    });

    unwrapResult(await handOver(desk.db, row.id, { ...collector, nationality: 'gb' }, { clerk: desk.clerk, at: handoverAt }));
    const handover = (await ops(desk)).at(-1)!;
    expect(syncOpSchema.safeParse(handover).success).toBe(true);
    expect(handover.payload).toMatchObject({ collectorName: 'John Smith', collectorIdKind: 'passport', collectorIdNumber: 'EP1234567', collectorNationality: 'GBR' });
  });

  it('completes the case through the state machine, tells HQ who collected which licences, and records the time from intake', async () => {
    const desk = await issuingDesk();
    const row = await awaitingIssuance(desk);
    const original = unwrapResult(await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceOriginal', 'A5107000001'), { clerk: desk.clerk, at: printAt }));
    const copy = unwrapResult(await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceCopy', 'B5107000001'), { clerk: desk.clerk, at: printAt }));

    const done = unwrapResult(await handOver(desk.db, row.id, { role: 'applicant', name: '王小明', idNumber: applicantId.toLowerCase() }, { clerk: desk.clerk, at: handoverAt }));
    expect(done.case.statusCode).toBe('completed');
    expect(done.case.state.status).toMatchObject({ code: 'completed', completedAt: '2026-11-02T10:52:00.000+08:00', collector: { name: '王小明', idNumber: applicantId } });
    // Intake at 09:00, handover at 10:52: 全程用时 1小时52分.
    expect(done.elapsedMinutes).toBe(112);
    expect(intakeToHandoverMinutes((await desk.db.cases.get(row.id))!)).toBe(112);
    const tail = (await ops(desk)).slice(-3);
    for (const op of tail) expect(syncOpSchema.safeParse(op).success).toBe(true);
    expect(tail.map((op) => op.entity)).toEqual(['case', 'caseEvent', 'handover']);
    expect(tail[2]!.payload).toEqual({
      caseId: row.id,
      collectorName: '王小明',
      collectorIdNumber: applicantId,
      collectorIdKind: 'residentId',
      collectorRole: 'applicant',
      documentNumbers: [original.documentNumber, copy.documentNumber],
    });
    expect((await desk.db.auditLog.toArray()).at(-1)).toMatchObject({ action: 'case.handover', details: expect.objectContaining({ elapsedMinutes: 112 }) });
    expect(await casesAwaitingIssuance(desk.db)).toEqual([]);
    // A handed-over licence is not voided at the desk.
    expect(await voidDocument(desk.db, original.id, '发现错字', chiefLogin, { clerk: desk.clerk })).toMatchObject({ ok: false, message: '办件已办结，不能作废已交付的证照' });
  });
});
