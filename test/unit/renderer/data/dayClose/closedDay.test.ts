import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyCommand, createDraftCase } from '../../../../../renderer/src/data/cases';
import { caseChecklist, recordChecklistItem } from '../../../../../renderer/src/data/caseChecklist';
import { readDaySnapshot } from '../../../../../renderer/src/data/dayClose/snapshot';
import { archivedPdf } from '../../../../../renderer/src/data/documentArchive/archive';
import { sha256Hex } from '../../../../../renderer/src/domain/sha256';
import { closeDatabases, startUpInput } from '../dataFixtures';
import { issuingDesk, unwrapResult, type IssuingDesk } from '../issuanceFixtures';
import { day, markAllApplied, reconcile, sign, workedDay } from './dayCloseFixtures';
import { signedWithdrawalRequest } from '../../domain/cases/caseFixtures';

afterEach(closeDatabases);

const refusal = '2026年11月2日已日结（首席代表已签字），当日不能再办理受理、决定、材料登记、打印或交付，请于下一个工作日办理。';

async function closedDesk(): Promise<{ desk: IssuingDesk; draft: Awaited<ReturnType<typeof workedDay>>['draft']; reportId: string }> {
  const desk = await issuingDesk();
  const { draft } = await workedDay(desk);
  await markAllApplied(desk.db);
  unwrapResult(await reconcile(desk, await readDaySnapshot(desk.db, day)));
  const closed = unwrapResult(await sign(desk));
  return { desk, draft, reportId: closed.report.documentId };
}

describe('a signed day stays closed', () => {
  it('refuses a new intake on the closed business day, and writes nothing', async () => {
    const { desk } = await closedDesk();
    const cases = await desk.db.cases.count();
    const ops = await desk.db.outbox.count();
    const refused = await createDraftCase(desk.db, startUpInput({ queueTicket: 'A031' }), { clerk: desk.clerk, at: '2026-11-02T17:45:00+08:00' });
    expect(refused).toEqual({ ok: false, message: refusal });
    expect(await desk.db.cases.count()).toBe(cases);
    expect(await desk.db.outbox.count()).toBe(ops);
  });

  it('refuses decisions and checklist entries dated on the closed day', async () => {
    const { desk, draft } = await closedDesk();
    const at = '2026-11-02T18:00:00+08:00';
    expect(await applyCommand(desk.db, draft.id, { type: 'withdraw', reason: '申请人撤回', request: signedWithdrawalRequest }, { clerk: desk.clerk, at })).toEqual({ ok: false, message: refusal });
    const item = (await caseChecklist(desk.db, draft.id)).find((entry) => entry.status === 'missing')!;
    expect(await recordChecklistItem(desk.db, draft.id, item.key, { status: 'received', form: item.item.form, copies: item.item.copies, pages: 1 }, { clerk: desk.clerk, at })).toEqual({
      ok: false,
      message: refusal,
    });
  });

  it('takes work in again once the date turns, numbered on the new business day', async () => {
    const { desk } = await closedDesk();
    const next = unwrapResult(await createDraftCase(desk.db, startUpInput({ queueTicket: 'A001' }), { clerk: desk.clerk, at: '2026-11-03T08:30:00+08:00' }));
    expect(next.caseNumber).toMatch(/-20261103-0001$/);
  });

  it('keeps the closed day’s figures and its archived report as signed after later work', async () => {
    const { desk, reportId } = await closedDesk();
    const before = await readDaySnapshot(desk.db, day);
    const bytes = async () => sha256Hex((await archivedPdf((await desk.db.documents.get(reportId))!))!);
    const hash = await bytes();
    await createDraftCase(desk.db, startUpInput({ queueTicket: 'A032' }), { clerk: desk.clerk, at: '2026-11-02T18:10:00+08:00' });
    unwrapResult(await createDraftCase(desk.db, startUpInput({ queueTicket: 'A001' }), { clerk: desk.clerk, at: '2026-11-03T08:30:00+08:00' }));
    const after = await readDaySnapshot(desk.db, day);
    expect(after.totals).toEqual(before.totals);
    expect(after.cases).toEqual(before.cases);
    expect(await bytes()).toBe(hash);
  });
  it('shows the closed day’s page as signed: pending work and figures from the signed record, not from later writes', async () => {
    const { desk, draft } = await closedDesk();
    const signed = await readDaySnapshot(desk.db, day);
    // Later work: the open draft is withdrawn the next day, another window's case reaches the desk by
    // sync as a draft, and the report's own op is still unsent.
    unwrapResult(await applyCommand(desk.db, draft.id, { type: 'withdraw', reason: '申请人撤回', request: signedWithdrawalRequest }, { clerk: desk.clerk, at: '2026-11-03T08:40:00+08:00' }));
    const pulled = unwrapResult(await createDraftCase(desk.db, startUpInput({ queueTicket: 'A002' }), { clerk: desk.clerk, at: '2026-11-03T08:45:00+08:00' }));
    await desk.db.cases.update(pulled.id, { createdAt: '2026-11-02T16:00:00+08:00' });
    const after = await readDaySnapshot(desk.db, day);
    expect(signed.drafting.map((line) => line.caseNumber)).toEqual([draft.caseNumber]);
    expect(signed.unprinted).toHaveLength(2);
    for (const key of ['totals', 'figures', 'outbox', 'cases', 'drafting', 'deferredDue', 'unprinted', 'lastSeq'] as const) expect(after[key]).toEqual(signed[key]);
    expect(signed.outbox.pending).toBe(0);
  });
});

describe('the day report’s status section and case list', () => {
  it('count the same cases in the same statuses: each case as the day’s own ops left it', async () => {
    const desk = await issuingDesk();
    const { accepted, draft } = await workedDay(desk);
    const withdrawn = unwrapResult(await createDraftCase(desk.db, startUpInput({ queueTicket: 'A025' }), { clerk: desk.clerk, at: '2026-11-02T12:00:00+08:00' }));
    unwrapResult(await applyCommand(desk.db, withdrawn.id, { type: 'withdraw', reason: '申请人撤回', request: signedWithdrawalRequest }, { clerk: desk.clerk, at: '2026-11-02T12:10:00+08:00' }));
    // HQ's later approval reaches the case row by sync; the day's own work left it accepted.
    await desk.db.cases.update(accepted.id, { statusCode: 'approved' });

    const snapshot = await readDaySnapshot(desk.db, day);
    const listed: Record<string, number> = {};
    for (const line of snapshot.cases) if (line.statusCode !== null) listed[line.statusCode] = (listed[line.statusCode] ?? 0) + 1;
    expect(listed).toEqual(snapshot.totals.casesByStatus);
    expect(snapshot.totals.casesByStatus).toEqual({ accepted: 1, drafting: 1, withdrawn: 1 });
    expect(snapshot.cases.find((line) => line.id === draft.id)?.statusCode).toBe('drafting');
  });
});
