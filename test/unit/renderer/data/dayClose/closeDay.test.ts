import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDraftCase } from '../../../../../renderer/src/data/cases';
import { recordReconciliation, verifyDaySigner } from '../../../../../renderer/src/data/dayClose/closeDay';
import { readDaySnapshot } from '../../../../../renderer/src/data/dayClose/snapshot';
import { readResendFrom } from '../../../../../renderer/src/data/syncState';
import { closeDatabases, startUpInput } from '../dataFixtures';
import { chiefLogin, clerkLogin, fakePdf, issuingDesk, unwrapResult } from '../issuanceFixtures';
import { day, markAllApplied, reasonsForUnprinted, reconcile, reconciledWorkedDay, reportDraft, sign, workedDay } from './dayCloseFixtures';

afterEach(closeDatabases);

describe('recordReconciliation and closeDay', () => {
  it('keeps the day open on a mismatch, with HQ’s differences and missing seqs, and asks for those seqs to be sent again', async () => {
    const desk = await issuingDesk();
    await workedDay(desk);
    const snapshot = await readDaySnapshot(desk.db, day);
    expect(await readResendFrom(desk.db)).toBeNull();
    const record = unwrapResult(await reconcile(desk, snapshot, 'mismatch'));
    expect(record).toMatchObject({ status: 'mismatch', missing: { fromSeq: snapshot.lastSeq - 1, toSeq: snapshot.lastSeq } });
    expect(await readResendFrom(desk.db)).toBe(snapshot.lastSeq - 1);
    expect(await sign(desk)).toEqual({ ok: false, message: '须先与市级系统对账一致，才能签字日结。' });
    expect((await readDaySnapshot(desk.db, day)).record?.status).toBe('mismatch');
  });

  it('asks for nothing to be sent again when HQ holds every op and only the totals differ', async () => {
    const desk = await issuingDesk();
    await workedDay(desk);
    const snapshot = await readDaySnapshot(desk.db, day);
    const response = { status: 'mismatch' as const, differences: [{ field: 'documentsPrinted', desk: 2, hq: 1 }] };
    const record = unwrapResult(await recordReconciliation(desk.db, { businessDate: day, lastSeq: snapshot.lastSeq, totals: snapshot.totals, response }, desk.clerk));
    expect(record).toMatchObject({ status: 'mismatch', missing: null });
    expect(await readResendFrom(desk.db)).toBeNull();
  });

  it('lets only a chief sign: a clerk’s own password is refused', async () => {
    const desk = await issuingDesk();
    expect(await verifyDaySigner(desk.db, clerkLogin, desk.clerk)).toEqual({ ok: false, message: '“张三”不是首席代表，不能批准此操作' });
    expect(await verifyDaySigner(desk.db, { ...chiefLogin, password: 'wrong#2026Pass' }, desk.clerk)).toMatchObject({ ok: false, message: '首席代表登录名或密码不正确' });
    expect(await verifyDaySigner(desk.db, chiefLogin, desk.clerk)).toEqual({ ok: true, value: desk.chief });
    expect(await sign(desk, desk.clerk)).toMatchObject({ ok: false, message: '“张三”不是首席代表，不能批准此操作' });
  });

  it('closes a reconciled day with the chief’s signature and the archived report and its op, once only', async () => {
    const desk = await issuingDesk();
    await workedDay(desk);
    await markAllApplied(desk.db);
    const snapshot = await readDaySnapshot(desk.db, day);
    unwrapResult(await reconcile(desk, snapshot));
    const report = await reportDraft(desk);
    const closed = unwrapResult(await sign(desk, desk.chief, report));
    expect(closed).toMatchObject({ status: 'closed', signedBy: { id: desk.chief.id, name: '李首席' }, signedAt: '2026-11-02T17:30:00.000+08:00' });
    expect(closed.report.documentNumber).toBe(report.documentNumber);
    expect(report.documentNumber).toBe('绵市监企日字〔2026〕第MY01-0001号');

    const archived = (await desk.db.documents.get(closed.report.documentId))!;
    expect(archived).toMatchObject({ kind: 'dayReport', caseId: null, sha256: report.sha256, printedBy: desk.clerk.id, status: 'printed' });
    expect(new Uint8Array(await archived.pdf!.arrayBuffer())).toEqual(report.pdf);
    const last = (await desk.db.outbox.orderBy('seq').last())!;
    expect(last).toMatchObject({ seq: snapshot.lastSeq + 1, state: 'pending', entity: 'documentEvent' });
    expect(last.op.payload).toMatchObject({ kind: 'dayReport', action: 'printed', documentNumber: report.documentNumber, caseId: null });

    const after = await readDaySnapshot(desk.db, day);
    expect(after.record?.status).toBe('closed');
    expect(after.blockers.map((blocker) => blocker.kind)).toContain('closed');
    expect(await sign(desk)).toEqual({ ok: false, message: '2026年11月2日已日结，不能重复日结。' });
    expect(await reconcile(desk, after)).toEqual({ ok: false, message: '2026年11月2日已日结，不能重复日结。' });
  });

  it('refuses to sign when work was written after HQ reconciled, and when the report bytes changed', async () => {
    const desk = await issuingDesk();
    await workedDay(desk);
    await markAllApplied(desk.db);
    unwrapResult(await reconcile(desk, await readDaySnapshot(desk.db, day)));
    const report = await reportDraft(desk);
    expect(await sign(desk, desk.chief, { ...report, pdf: fakePdf('tampered') })).toEqual({ ok: false, message: '日结报表内容与生成时不一致，请重新生成。' });
    unwrapResult(await createDraftCase(desk.db, startUpInput({ queueTicket: 'A030' }), { clerk: desk.clerk, at: '2026-11-02T17:25:00+08:00' }));
    expect(await sign(desk, desk.chief, report)).toEqual({ ok: false, message: '对账后本窗口又产生了新的业务数据，请重新推送并对账后再签字。' });
    expect(await desk.db.documents.where('kind').equals('dayReport').count()).toBe(0);
  });

  it('refuses the signature while a document the day’s decisions asked for is unprinted and the chief gave no reason for it', async () => {
    const desk = await issuingDesk();
    const { accepted } = await reconciledWorkedDay(desk);
    const [notice, receipt] = await reasonsForUnprinted(desk);
    const refused = await sign(desk, desk.chief, undefined, [notice!]);
    expect(refused).toEqual({
      ok: false,
      message: `当日已作出决定的文书尚有 1 份未打印（${accepted.caseNumber} 收件凭证）：请先打印，或由首席代表逐份填写未打印的原因后再签字。`,
    });
    expect(await sign(desk, desk.chief, undefined, [notice!, { ...receipt!, reason: '   ' }])).toMatchObject({ ok: false });
    expect((await readDaySnapshot(desk.db, day)).record?.status).toBe('reconciled');
    expect(await desk.db.documents.where('kind').equals('dayReport').count()).toBe(0);
  });

  it('closes the day once the chief records why each unprinted document was not printed, and keeps the reasons in the record', async () => {
    const desk = await issuingDesk();
    const { accepted } = await reconciledWorkedDay(desk);
    const [notice, receipt] = await reasonsForUnprinted(desk);
    const closed = unwrapResult(await sign(desk, desk.chief, undefined, [{ ...notice!, reason: '打印机卡纸，次日补发' }, { ...receipt!, reason: '申请人已离开' }]));
    expect(closed.day?.unprinted).toEqual([
      { caseId: accepted.id, caseNumber: accepted.caseNumber, eventSeq: notice!.eventSeq, kind: 'acceptanceNotice', reason: '打印机卡纸，次日补发' },
      { caseId: accepted.id, caseNumber: accepted.caseNumber, eventSeq: receipt!.eventSeq, kind: 'receipt', reason: '申请人已离开' },
    ]);
    expect((await readDaySnapshot(desk.db, day)).unprinted).toEqual(closed.day?.unprinted);
  });
});
