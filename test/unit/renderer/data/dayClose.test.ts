import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { caseChecklist, recordChecklistItem } from '../../../../renderer/src/data/caseChecklist';
import { applyCommand, createDraftCase } from '../../../../renderer/src/data/cases';
import {
  closeDay,
  readDaySnapshot,
  recordReconciliation,
  verifyDaySigner,
  type DayReportDraft,
  type DaySnapshot,
} from '../../../../renderer/src/data/dayClose';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import { nextDocumentNumber } from '../../../../renderer/src/data/documentArchive';
import type { OutboxRow } from '../../../../renderer/src/data/records';
import { readResendFrom } from '../../../../renderer/src/data/syncState';
import type { SignedInClerk } from '../../../../renderer/src/domain/clerks/account';
import { caseStatusCodes } from '../../../../renderer/src/domain/cases/caseStatus';
import { newCaseId } from '../../../../renderer/src/domain/cases/caseId';
import { newClerkId } from '../../../../renderer/src/domain/clerks/clerkId';
import { documentActions, type DocumentKind } from '../../../../renderer/src/domain/documentEvents';
import { sha256Hex } from '../../../../renderer/src/domain/sha256';
import type { OpId, SyncEntity, SyncOp } from '../../../../renderer/src/protocol/ops';
import { closeDatabases, freshDatabase, startUpInput } from './dataFixtures';
import { acceptedCase, chiefLogin, clerkLogin, fakePdf, issuingDesk, unwrapResult, type IssuingDesk } from './issuanceFixtures';

afterEach(closeDatabases);

const day = '2026-11-02';
const clerkId = newClerkId();

/** An outbox row as a sync op of `entity` with `payload`, written directly: the totals read ops leniently, as sent. */
function opRow(seq: number, entity: SyncEntity, at: string, payload: Record<string, unknown>, entityId: string = uuidv7()): OutboxRow {
  const op = { opId: uuidv7() as OpId, seq, type: entity === 'case' ? 'upsert' : 'append', entity, entityId, payload, clerkId, at } as unknown as SyncOp;
  return { seq, opId: op.opId, entity, entityId, op, state: 'applied', attempts: 1, lastError: null, createdAt: at, sentAt: at, result: null };
}

describe('readDaySnapshot totals', () => {
  it('counts the day’s ops by last status per case, document action, licence serial and handover, in China time', async () => {
    const db = freshDatabase();
    const rows: OutboxRow[] = [];
    const add = (entity: SyncEntity, at: string, payload: Record<string, unknown>, entityId?: string) => rows.push(opRow(rows.length + 1, entity, at, payload, entityId));
    // One case ending the day in each status; one of them passes through two statuses first.
    const cases = caseStatusCodes.map(() => newCaseId());
    caseStatusCodes.forEach((code, i) => add('case', '2026-11-02T09:00:00+08:00', { status: { code }, matterCodes: ['M'] }, cases[i]));
    add('case', '2026-11-02T09:30:00+08:00', { status: { code: 'accepted' } }, cases[0]);
    add('case', '2026-11-02T09:40:00+08:00', { status: { code: 'drafting' } }, cases[0]);
    // A case op that sets no status counts for no status.
    add('case', '2026-11-02T09:45:00+08:00', { visits: 2 }, newCaseId());
    const kinds: DocumentKind[] = ['receipt', 'acceptanceNotice', 'licenceOriginal', 'licenceCopy', 'calibrationSheet'];
    for (const kind of kinds) for (const action of documentActions) add('documentEvent', '2026-11-02T10:00:00+08:00', { kind, action, caseId: null });
    add('licenceSheetEvent', '2026-11-02T10:10:00+08:00', { serial: 'B0002', action: 'used' });
    add('licenceSheetEvent', '2026-11-02T10:11:00+08:00', { serial: 'A0001', action: 'used' });
    add('licenceSheetEvent', '2026-11-02T10:12:00+08:00', { serial: 'A0001', action: 'voided' });
    add('licenceSheetEvent', '2026-11-02T10:13:00+08:00', { serial: 'A0002', action: 'used' });
    add('handover', '2026-11-02T11:00:00+08:00', { caseId: cases[9] });
    // Written in UTC: 16:30Z on the 1st is 00:30 on the 2nd in the hall, and 16:00Z on the 2nd is the 3rd.
    add('handover', '2026-11-01T16:30:00Z', { caseId: cases[9] });
    add('handover', '2026-11-02T16:00:00Z', { caseId: cases[9] });
    add('handover', '2026-11-01T23:59:00+08:00', { caseId: cases[9] });
    await db.outbox.bulkAdd(rows);

    const snapshot = await readDaySnapshot(db, day);
    expect(snapshot.lastSeq).toBe(rows.length);
    expect(snapshot.totals).toMatchObject({
      ops: rows.length - 2,
      casesByStatus: Object.fromEntries(caseStatusCodes.map((code) => [code, code === 'drafting' ? 1 : 1])),
      documents: { printed: kinds.length, reprinted: kinds.length, voided: kinds.length },
      licenceSheets: { used: ['A0001', 'A0002', 'B0002'], voided: ['A0001'] },
      handovers: 2,
    });
    expect(snapshot.blockers).toEqual([]);
  });
});

/** A draft and an accepted case on the day; every op still pending. */
async function workedDay(desk: IssuingDesk) {
  const accepted = await acceptedCase(desk, '2026-11-02T09:00:00+08:00');
  const draft = unwrapResult(await createDraftCase(desk.db, startUpInput({ queueTicket: 'A024' }), { clerk: desk.clerk, at: '2026-11-02T11:00:00+08:00' }));
  return { accepted, draft };
}

/**
 * As if HQ had applied every op. Rewritten whole rather than updated: the outbox's update guard currently
 * takes array fields of a payload for edits (reported to the data helper).
 */
async function markAllApplied(db: DeskDatabase) {
  await db.transaction('rw', db.outbox, async () => {
    const rows = await db.outbox.toArray();
    await db.outbox.clear();
    await db.outbox.bulkAdd(rows.map((row) => ({ ...row, state: 'applied' as const })));
  });
}

async function reportDraft(desk: IssuingDesk, seed = 'report'): Promise<DayReportDraft> {
  const pdf = fakePdf(seed);
  return {
    documentNumber: unwrapResult(await nextDocumentNumber(desk.db, 'dayReport', '2026-11-02T17:30:00+08:00')),
    templateVersion: 'dayReport/1',
    pdf,
    sha256: await sha256Hex(pdf),
    printerName: 'DeskPDF',
    copies: 1,
  };
}

async function reconcile(desk: IssuingDesk, snapshot: DaySnapshot, status: 'reconciled' | 'mismatch' = 'reconciled') {
  const response =
    status === 'reconciled'
      ? { status }
      : { status, differences: [{ field: 'lastSeq', desk: snapshot.lastSeq, hq: snapshot.lastSeq - 2 }], missing: { fromSeq: snapshot.lastSeq - 1, toSeq: snapshot.lastSeq } };
  return recordReconciliation(desk.db, { businessDate: day, lastSeq: snapshot.lastSeq, totals: snapshot.totals, response }, desk.clerk, new Date('2026-11-02T17:20:00+08:00'));
}

async function sign(desk: IssuingDesk, chief: SignedInClerk = desk.chief, report?: DayReportDraft) {
  return closeDay(desk.db, { businessDate: day, chief, signedAt: '2026-11-02T17:30:00+08:00', report: report ?? (await reportDraft(desk)) }, desk.clerk);
}

describe('readDaySnapshot of a worked day', () => {
  it('shows the day’s cases, drafts still open, documents not printed, and refuses while ops are unsynced', async () => {
    const desk = await issuingDesk();
    const { accepted, draft } = await workedDay(desk);
    const snapshot = await readDaySnapshot(desk.db, day);
    expect(snapshot.cases.map((line) => [line.caseNumber, line.statusCode])).toEqual([
      [accepted.caseNumber, 'accepted'],
      [draft.caseNumber, 'drafting'],
    ]);
    expect(snapshot.totals.casesByStatus).toEqual({ accepted: 1, drafting: 1 });
    expect(snapshot.totals.casesByMatter).toEqual(Object.fromEntries(accepted.matterCodes.map((code) => [code, 2])));
    expect(snapshot.drafting.map((line) => line.caseNumber)).toEqual([draft.caseNumber]);
    expect(snapshot.unprinted.map((doc) => [doc.caseNumber, doc.kind])).toEqual([
      [accepted.caseNumber, 'acceptanceNotice'],
      [accepted.caseNumber, 'receipt'],
    ]);
    expect(snapshot.outbox.pending).toBe(snapshot.lastSeq);
    expect(snapshot.blockers).toEqual([expect.objectContaining({ kind: 'unsynced', pending: snapshot.lastSeq, sending: 0 })]);
  });

  it('lists 容缺 materials due by the day that the checklist still records as deferred', async () => {
    const desk = await issuingDesk();
    const { db, clerk } = desk;
    const at = '2026-10-30T09:00:00+08:00';
    const row = unwrapResult(await createDraftCase(db, startUpInput(), { clerk, at }));
    const items = (await caseChecklist(db, row.id)).filter((item) => item.item.required && item.status === 'missing');
    const deferred = items.find((item) => item.item.deferrable);
    const received = items.filter((item) => item !== deferred);
    for (const item of received) unwrapResult(await recordChecklistItem(db, row.id, item.key, { status: 'received', form: item.item.form, copies: item.item.copies, pages: 1 }, { clerk, at }));
    unwrapResult(await recordChecklistItem(db, row.id, deferred!.key, { status: 'deferred', deferredUntil: '2026-11-02' }, { clerk, at }));
    unwrapResult(
      await applyCommand(db, row.id, { type: 'acceptWithDeferral', undertaking: '申请人承诺按期补交', deadlines: [{ materialKey: deferred!.key, deadline: '2026-11-02' }] }, { clerk, at }),
    );
    expect((await readDaySnapshot(db, '2026-11-01')).deferredDue).toEqual([]);
    expect((await readDaySnapshot(db, day)).deferredDue).toEqual([{ caseNumber: row.caseNumber, material: deferred!.item.name, deadline: '2026-11-02' }]);
  });
});

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
    expect(new Uint8Array(await archived.pdf.arrayBuffer())).toEqual(report.pdf);
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

  it('refuses a damaged closed-day record rather than reading it as never closed', async () => {
    const db = freshDatabase();
    await db.meta.put({ key: `dayClose:${day}`, value: { status: 'closed', businessDate: day } });
    await expect(readDaySnapshot(db, day)).rejects.toThrow();
  });
});
