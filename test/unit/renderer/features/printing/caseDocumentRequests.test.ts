import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caseChecklist, catalogueForCase, recordChecklistItem } from '../../../../../renderer/src/data/caseChecklist';
import { applyCommand, createDraftCase } from '../../../../../renderer/src/data/cases';
import { recordSupplement } from '../../../../../renderer/src/data/deferredSupplement';
import { readIssuingAgency } from '../../../../../renderer/src/data/issuingAgency';
import type { CaseRow } from '../../../../../renderer/src/data/records';
import { createPdfEngine, type PdfEngine } from '../../../../../renderer/src/documents/engine';
import { nodeFontSource } from '../../../../../renderer/src/documents/fonts/nodeFontSource';
import { generateDocument } from '../../../../../renderer/src/documents/generateDocument';
import { documentRequestSchema } from '../../../../../renderer/src/documents/schemas';
import type { CaseDocumentKind } from '../../../../../renderer/src/domain/cases/caseDocuments';
import { formatDocumentNumber } from '../../../../../renderer/src/domain/documentNumber';
import { caseDocumentRequest, type CaseDocumentSources } from '../../../../../renderer/src/features/printing/caseDocumentRequests';
import { uscc } from '../../../../fixtures/identities';
import { PdfTools } from '../../documents/pdfTools';
import { closeDatabases, startUpInput } from '../../data/dataFixtures';
import { acceptedCase, intakeAt, issuingDesk, unwrapResult, type IssuingDesk } from '../../data/issuanceFixtures';

let engine: PdfEngine;
let tools: PdfTools;
beforeAll(async () => {
  [engine, tools] = await Promise.all([createPdfEngine(nodeFontSource), PdfTools.create()]);
});
afterAll(() => tools.dispose());
afterEach(closeDatabases);

const number = (agencyCode: string) => formatDocumentNumber({ agencyCode, year: 2026, deskTag: 'MY01', sequence: 7 });
const issuedAt = '2026-11-02T09:40:00+08:00';

async function sourcesOf(desk: IssuingDesk, row: CaseRow): Promise<CaseDocumentSources> {
  const [items, loaded, agency] = await Promise.all([caseChecklist(desk.db, row.id), catalogueForCase(desk.db, row), readIssuingAgency(desk.db)]);
  return { row, items, catalogue: loaded.catalogue, agency: agency!, clerkName: '张三' };
}

function decision(row: CaseRow, kind: CaseDocumentKind): number {
  return row.state.timeline.find((event) => 'documents' in event && event.documents.some((document) => document.kind === kind))!.seq;
}

describe('caseDocumentRequest', () => {
  it('draws the receipt of an accepted case with every material received, its due date, window and clerk', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const sources = await sourcesOf(desk, row);
    const result = caseDocumentRequest('receipt', decision(row, 'receipt'), sources, number('绵市监企收'), issuedAt);
    if (!result.ok) throw new Error(result.message);
    const request = documentRequestSchema.parse(result.request);
    expect(request).toMatchObject({
      kind: 'receipt',
      caseNumber: row.caseNumber,
      applicantName: '王小明（拟设立的绵阳星辰科技有限公司）',
      window: '企业开办综合窗口 1号',
      clerkName: '张三',
      // The applicant is named as the applicant; the agent who brought the application on a line of their own.
      applicant: { name: row.applicant.name },
      agent: { name: row.agent!.name },
      deferred: [],
    });
    if (request.kind !== 'receipt') throw new Error('not a receipt');
    const received = sources.items.filter((item) => item.status === 'received');
    expect(request.materials.map((material) => material.name)).toEqual(received.map((item) => item.item.name));

    const pdf = await generateDocument(request, engine);
    const text = await tools.text(pdf.bytes);
    expect(text).toContain(row.caseNumber);
    expect(text).toContain('绵市监企收字〔2026〕第MY01-0007号');
    expect(text).toContain('企业开办综合窗口1号');
    expect(text).toContain('代理人');
    expect(text).toContain(row.agent!.name);
  });

  it('prints the 专员 of a green-card enterprise on its receipt, and no 专员 line for others', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const sources = await sourcesOf(desk, row);
    const seq = decision(row, 'receipt');
    const withLiaison = caseDocumentRequest('receipt', seq, { ...sources, greenCardLiaison: { name: '陈专员', phone: '13800005555' } }, number('绵市监企收'), issuedAt);
    if (!withLiaison.ok) throw new Error(withLiaison.message);
    expect(documentRequestSchema.parse(withLiaison.request)).toMatchObject({ greenCardLiaison: { name: '陈专员', phone: '138 0000 5555' } });
    expect(await tools.text((await generateDocument(withLiaison.request, engine)).bytes)).toContain('绿卡专员陈专员联系电话13800005555'); // pdftotext's text, spaces removed

    const without = caseDocumentRequest('receipt', seq, sources, number('绵市监企收'), issuedAt);
    if (!without.ok) throw new Error(without.message);
    expect(documentRequestSchema.parse(without.request)).toMatchObject({ greenCardLiaison: null });
    expect(await tools.text((await generateDocument(without.request, engine)).bytes)).not.toContain('绿卡专员');
  });

  it('draws the acceptance notice with the promised due date, and refuses kinds the decision did not ask for', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const sources = await sourcesOf(desk, row);
    const seq = decision(row, 'acceptanceNotice');
    const accepted = caseDocumentRequest('acceptanceNotice', seq, sources, number('绵市监企受'), issuedAt);
    expect(accepted.ok && documentRequestSchema.parse(accepted.request)).toMatchObject({ kind: 'acceptanceNotice', submittedAt: row.createdAt });
    expect(caseDocumentRequest('refusalNotice', seq, sources, number('绵市监企不受'), issuedAt)).toEqual({ ok: false, message: '该办件的这一决定没有要求出具此文书' });
  });

  it('addresses the notice to the applicant by name, with the enterprise, never to the agent', async () => {
    const desk = await issuingDesk();
    const row = await acceptedCase(desk);
    const sources = await sourcesOf(desk, row);
    const seq = decision(row, 'acceptanceNotice');
    const founding = caseDocumentRequest('acceptanceNotice', seq, sources, number('绵市监企受'), issuedAt);
    if (!founding.ok) throw new Error(founding.message);
    const text = await tools.text((await generateDocument(founding.request, engine)).bytes);
    expect(text).toContain('王小明（拟设立的绵阳星辰科技有限公司）：');
    expect(text).not.toContain('陈代办');

    const registered = { ...row, enterprise: { ...row.enterprise, uscc: uscc('510703', 'MA6BQ7K3') } };
    const existing = caseDocumentRequest('acceptanceNotice', seq, { ...sources, row: registered }, number('绵市监企受'), issuedAt);
    expect(existing.ok && existing.request).toMatchObject({ applicantName: '王小明（绵阳星辰科技有限公司）' });
  });

  it('lists every missing material on the one-time notice with its legal basis', async () => {
    const desk = await issuingDesk();
    const row = unwrapResult(await createDraftCase(desk.db, startUpInput(), { clerk: desk.clerk, at: intakeAt }));
    const items = await caseChecklist(desk.db, row.id);
    const first = items.find((item) => item.item.required)!;
    unwrapResult(await recordChecklistItem(desk.db, row.id, first.key, { status: 'received', form: first.item.form, copies: 1, pages: 1 }, { clerk: desk.clerk, at: intakeAt }));
    const missing = items.filter((item) => item.item.required && item.key !== first.key && item.status === 'missing');
    const noticed = unwrapResult(
      await applyCommand(desk.db, row.id, { type: 'issueCorrectionNotice', items: missing.map((item) => ({ materialKey: item.key })) }, { clerk: desk.clerk, at: intakeAt }),
    ).case;
    const result = caseDocumentRequest('correctionNotice', decision(noticed, 'correctionNotice'), await sourcesOf(desk, noticed), number('绵市监企补'), issuedAt);
    if (!result.ok) throw new Error(result.message);
    const request = documentRequestSchema.parse(result.request);
    if (request.kind !== 'correctionNotice') throw new Error('not a correction notice');
    expect(request.items.map((item) => item.material)).toEqual(missing.map((item) => item.item.name));
    expect(request.items[0]!.legalBasis).toBe(missing[0]!.item.legalBasis.join('；'));
    expect(request.items[0]!.requirement).toMatch(/^未提交。请提交/);
  });

  it('draws a refusal notice with the reason and the appeal bodies from the issuing agency', async () => {
    const desk = await issuingDesk();
    const row = unwrapResult(await createDraftCase(desk.db, startUpInput(), { clerk: desk.clerk, at: intakeAt }));
    const refused = unwrapResult(await applyCommand(desk.db, row.id, { type: 'refuse', reason: '申请事项依法不属于本机关职权范围' }, { clerk: desk.clerk, at: intakeAt })).case;
    const result = caseDocumentRequest('refusalNotice', decision(refused, 'refusalNotice'), await sourcesOf(desk, refused), number('绵市监企不受'), issuedAt);
    expect(result.ok && documentRequestSchema.parse(result.request)).toMatchObject({
      kind: 'rejectionNotice',
      reasons: [{ reason: '申请事项依法不属于本机关职权范围' }],
      appeal: { reviewBody: '绵阳市人民政府', court: '绵阳市涪城区人民法院' },
    });
  });

  it('lists what 容缺 left owed on the receipt, prints the undertaking signed, and draws the 补交收件凭证 once it is brought', async () => {
    const desk = await issuingDesk();
    const context = { clerk: desk.clerk, at: intakeAt };
    const row = unwrapResult(await createDraftCase(desk.db, startUpInput(), context));
    const items = (await caseChecklist(desk.db, row.id)).filter((item) => item.item.required && item.status === 'missing');
    const deferred = items.find((item) => item.item.deferrable)!;
    for (const item of items.filter((candidate) => candidate !== deferred)) {
      unwrapResult(await recordChecklistItem(desk.db, row.id, item.key, { status: 'received', form: item.item.form, copies: 1, pages: 1 }, context));
    }
    unwrapResult(await recordChecklistItem(desk.db, row.id, deferred.key, { status: 'deferred', deferredUntil: '2026-11-03' }, context));
    const undertaking = '本人承诺于2026年11月3日前补交，逾期按撤回处理。';
    const accepted = unwrapResult(
      await applyCommand(desk.db, row.id, { type: 'acceptWithDeferral', undertaking, deadlines: [{ materialKey: deferred.key, deadline: '2026-11-03' }] }, context),
    ).case;

    const receipt = caseDocumentRequest('receipt', decision(accepted, 'receipt'), await sourcesOf(desk, accepted), number('绵市监企收'), issuedAt);
    const receiptRequest = receipt.ok ? documentRequestSchema.parse(receipt.request) : null;
    if (receiptRequest?.kind !== 'receipt') throw new Error('no receipt');
    expect(receiptRequest.deferred).toEqual([{ name: deferred.item.name, deadline: '2026-11-03' }]);
    expect(receiptRequest.materials.map((material) => material.name)).not.toContain(deferred.item.name);
    const receiptText = await tools.text((await generateDocument(receiptRequest, engine)).bytes);
    expect(receiptText).toContain('容缺后补材料');
    expect(receiptText).toContain('2026年11月3日');

    const notice = caseDocumentRequest('deferralAcceptanceNotice', decision(accepted, 'deferralAcceptanceNotice'), await sourcesOf(desk, accepted), number('绵市监企容受'), issuedAt);
    expect(notice.ok && documentRequestSchema.parse(notice.request)).toMatchObject({ kind: 'deferredAcceptanceNotice', undertaking });

    const supplied = unwrapResult(
      await recordSupplement(desk.db, row.id, [{ key: deferred.key, form: 'copy', copies: 1, pages: 2 }], { clerk: desk.clerk, at: '2026-11-04T10:00:00+08:00' }),
    ).case;
    const seq = decision(supplied, 'supplementaryReceipt');
    const result = caseDocumentRequest('supplementaryReceipt', seq, await sourcesOf(desk, supplied), number('绵市监企补收'), issuedAt);
    if (!result.ok) throw new Error(result.message);
    const request = documentRequestSchema.parse(result.request);
    expect(request).toMatchObject({
      kind: 'supplementaryReceipt',
      issuedAt: '2026-11-04T10:00:00.000+08:00',
      acceptedAt: '2026-11-02T09:00:00.000+08:00',
      materials: [{ name: deferred.item.name, form: '复印件', copies: 1, pages: 2, deadline: '2026-11-03', late: true }],
      outstanding: [],
      applicant: { name: row.applicant.name },
    });
    const text = await tools.text((await generateDocument(request, engine)).bytes);
    for (const expected of ['补交收件凭证', deferred.item.name, '（逾期）', '容缺材料已全部补齐', '绵市监企补收字〔2026〕第MY01-0007号']) expect(text).toContain(expected);
    // A receipt is asked for only by the 补交 that brought materials.
    expect(caseDocumentRequest('supplementaryReceipt', decision(supplied, 'receipt'), await sourcesOf(desk, supplied), number('绵市监企补收'), issuedAt)).toEqual({
      ok: false,
      message: '该办件的这一决定没有要求出具此文书',
    });
  });
});
