import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { caseChecklist, recordChecklistItem } from '../../../../renderer/src/data/caseChecklist';
import { applyCommand, createDraftCase } from '../../../../renderer/src/data/cases';
import { readDaySnapshot } from '../../../../renderer/src/data/dayClose/snapshot';
import { overdueDeferrals, recordSupplement } from '../../../../renderer/src/data/deferredSupplement';
import { recordInHallApproval } from '../../../../renderer/src/data/licenceIssuance';
import type { CaseId } from '../../../../renderer/src/domain/cases/caseId';
import { closeDatabases, startUpInput } from './dataFixtures';
import { issuingDesk, licenceInput, unwrapResult, type IssuingDesk } from './issuanceFixtures';

afterEach(closeDatabases);

const acceptedAt = '2026-10-30T09:00:00+08:00';
/** Two working days later (Monday), when the applicant brings the deferred material. */
const broughtAt = '2026-11-03T10:30:00+08:00';

/** A 企业开办 case accepted with deferral: every required material received but one deferrable, deferred to 11-02. */
async function deferredCase(desk: IssuingDesk) {
  const { db, clerk } = desk;
  const row = unwrapResult(await createDraftCase(db, startUpInput(), { clerk, at: acceptedAt }));
  const items = (await caseChecklist(db, row.id)).filter((item) => item.item.required && item.status === 'missing');
  const deferred = items.find((item) => item.item.deferrable)!;
  for (const item of items.filter((candidate) => candidate !== deferred)) {
    unwrapResult(await recordChecklistItem(db, row.id, item.key, { status: 'received', form: item.item.form, copies: item.item.copies, pages: 1 }, { clerk, at: acceptedAt }));
  }
  unwrapResult(await recordChecklistItem(db, row.id, deferred.key, { status: 'deferred', deferredUntil: '2026-11-02' }, { clerk, at: acceptedAt }));
  unwrapResult(
    await applyCommand(db, row.id, { type: 'acceptWithDeferral', undertaking: '申请人承诺按期补交', deadlines: [{ materialKey: deferred.key, deadline: '2026-11-02' }] }, { clerk, at: acceptedAt }),
  );
  return { row, deferred };
}

const outboxOf = async (desk: IssuingDesk, caseId: CaseId) =>
  (await desk.db.outbox.toArray()).filter((row) => (row.op.payload as { caseId?: string }).caseId === caseId || row.entityId === caseId);

describe('recordSupplement (补交)', () => {
  it('records the deferred material received, appends the 补交 entry asking for the receipt, and sends both to HQ', async () => {
    const desk = await issuingDesk();
    const { row, deferred } = await deferredCase(desk);
    const before = (await outboxOf(desk, row.id)).length;

    const outcome = unwrapResult(await recordSupplement(desk.db, row.id, [{ key: deferred.key, form: 'copy', copies: 1, pages: 3 }], { clerk: desk.clerk, at: broughtAt }));

    expect(outcome.case.statusCode).toBe('acceptedWithDeferral');
    expect(outcome.event).toMatchObject({
      type: 'deferredMaterialsReceived',
      materials: [{ materialKey: deferred.key, name: deferred.item.name, deadline: '2026-11-02', late: true }],
      documents: [{ kind: 'supplementaryReceipt' }],
    });
    const item = (await caseChecklist(desk.db, row.id)).find((candidate) => candidate.key === deferred.key)!;
    expect(item).toMatchObject({ status: 'received', form: 'copy', copies: 1, pages: 3, deferredUntil: null });
    const ops = (await outboxOf(desk, row.id)).slice(before);
    expect(ops.map((op) => op.entity)).toEqual(['checklistEvent', 'caseEvent']);
    expect(ops[0]!.op.payload).toMatchObject({ materialKey: deferred.key, status: 'received', pages: 3 });
    expect(ops[1]!.op.payload).toMatchObject({ caseId: row.id, event: { type: 'deferredMaterialsReceived' } });
  });

  it('refuses a material already brought, one that was never deferred, and bad counts, changing nothing', async () => {
    const desk = await issuingDesk();
    const { row, deferred } = await deferredCase(desk);
    const other = (await caseChecklist(desk.db, row.id)).find((item) => item.status === 'received')!;
    const context = { clerk: desk.clerk, at: broughtAt };

    const notDeferred = await recordSupplement(desk.db, row.id, [{ key: other.key, form: 'original', copies: 1, pages: 1 }], context);
    expect(notDeferred).toEqual({ ok: false, message: `「${other.item.name}」不是本办件容缺受理时约定补交的材料。` });
    const badCount = await recordSupplement(desk.db, row.id, [{ key: deferred.key, form: 'copy', copies: 100, pages: 1 }], context);
    expect(badCount.ok).toBe(false);
    const outboxBefore = await desk.db.outbox.count();
    expect((await caseChecklist(desk.db, row.id)).find((item) => item.key === deferred.key)!.status).toBe('deferred');

    unwrapResult(await recordSupplement(desk.db, row.id, [{ key: deferred.key, form: 'copy', copies: 1, pages: 1 }], context));
    const again = await recordSupplement(desk.db, row.id, [{ key: deferred.key, form: 'copy', copies: 1, pages: 1 }], context);
    expect(again).toEqual({ ok: false, message: `容缺材料「${deferred.item.name}」已经补交，无需再次登记。` });
    expect(await desk.db.outbox.count()).toBe(outboxBefore + 2);
  });

  it('lets the case go on to approval and issuance once every deferred material is in, and the day no longer lists it', async () => {
    const desk = await issuingDesk();
    const { row, deferred } = await deferredCase(desk);
    const approval = { clerk: desk.chief, at: broughtAt, deskEnrolled: false };

    const refused = await recordInHallApproval(desk.db, row.id, licenceInput, approval);
    expect(refused).toMatchObject({ ok: false, message: `以下容缺材料尚未补齐，不能出证：「${deferred.item.name}」。` });
    expect((await readDaySnapshot(desk.db, '2026-11-03')).deferredDue.map((item) => item.material)).toEqual([deferred.item.name]);

    unwrapResult(await recordSupplement(desk.db, row.id, [{ key: deferred.key, form: 'copy', copies: 1, pages: 2 }], { clerk: desk.clerk, at: broughtAt }));
    expect((await readDaySnapshot(desk.db, '2026-11-03')).deferredDue).toEqual([]);
    const approved = unwrapResult(await recordInHallApproval(desk.db, row.id, licenceInput, approval));
    expect(approved.statusCode).toBe('awaitingIssuance');
  });
});

describe('overdueDeferrals', () => {
  it('lists a deferred material once its deadline has passed, until it is brought', async () => {
    const desk = await issuingDesk();
    const { row, deferred } = await deferredCase(desk);
    expect(await overdueDeferrals(desk.db, '2026-11-02')).toEqual([]);
    expect(await overdueDeferrals(desk.db, '2026-11-03')).toEqual([
      { caseId: row.id, caseNumber: row.caseNumber, enterpriseName: row.enterprise.name, materialKey: deferred.key, name: deferred.item.name, deadline: '2026-11-02' },
    ]);
    unwrapResult(await recordSupplement(desk.db, row.id, [{ key: deferred.key, form: 'copy', copies: 1, pages: 1 }], { clerk: desk.clerk, at: broughtAt }));
    expect(await overdueDeferrals(desk.db, '2026-11-03')).toEqual([]);
  });
});
