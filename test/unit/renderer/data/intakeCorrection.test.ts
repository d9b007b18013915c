import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../../renderer/src/data/audit';
import { caseChecklist, caseChecklistWithDropped, recordChecklistItem } from '../../../../renderer/src/data/caseChecklist';
import { caseOwnsEnterprise } from '../../../../renderer/src/data/caseEnterprise';
import { applyCommand, getCase, getEnterprise } from '../../../../renderer/src/data/cases';
import { updateIntake } from '../../../../renderer/src/data/intakeCorrection';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import { searchCases } from '../../../../renderer/src/data/search/searchCases';
import { settleFreshKeys } from '../../../../renderer/src/data/search/settleKeys';
import { syncOpSchema } from '../../../../renderer/src/protocol/ops';
import type { ChecklistItemKey } from '../../../../renderer/src/domain/catalogue/checklist';
import { applicantId, beforeNationalDay, closeDatabases, existingUscc, readyDesk, startUpInput } from './dataFixtures';
import { created, receiveEverything, storedCounts } from './caseWorkFixtures';
import { searchKeyerNow } from '../../../../renderer/src/data/crypto/deskKeys';
import { keyedKey } from '../../../../renderer/src/data/search/keys';

afterEach(closeDatabases);

describe('updateIntake', () => {
  const lease = '510700-0001/premises-lease' as ChecklistItemKey;
  const ownTitle = '510700-0001/premises-own-title' as ChecklistItemKey;
  const correctedAt = '2026-09-29T10:20:00+08:00';

  async function lastOps(db: DeskDatabase, count: number) {
    return (await db.outbox.orderBy('seq').toArray()).slice(-count).map((row) => row.op);
  }

  it('rebuilds the checklist when answers change and keeps what was recorded under each item key', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    await recordChecklistItem(db, row.id, lease, { status: 'received', form: 'original_and_copy', copies: 1, pages: 4, note: '租期三年' }, { clerk });

    const owned = await updateIntake(db, row.id, { answers: { ...row.answers, premises: 'owned_titled' } }, { clerk });
    expect(owned.ok).toBe(true);
    const keysOwned = (await caseChecklist(db, row.id)).map((item) => item.key);
    expect(keysOwned).toContain(ownTitle);
    expect(keysOwned).not.toContain(lease);

    await updateIntake(db, row.id, { answers: row.answers }, { clerk });
    const back = (await caseChecklist(db, row.id)).find((item) => item.key === lease);
    expect(back).toMatchObject({ status: 'received', pages: 4, note: '租期三年', checkedBy: clerk.id });
  });

  it('shows a recorded item the new answers no longer need as no longer needed, with its record', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    await recordChecklistItem(db, row.id, lease, { status: 'received', form: 'original_and_copy', copies: 1, pages: 4 }, { clerk });
    expect((await caseChecklistWithDropped(db, row.id)).dropped).toEqual([]);

    await updateIntake(db, row.id, { answers: { ...row.answers, premises: 'owned_titled' } }, { clerk });
    const { items, dropped } = await caseChecklistWithDropped(db, row.id);
    expect(dropped).toEqual([{ key: lease, name: expect.stringContaining('租赁'), record: expect.objectContaining({ status: 'received', pages: 4 }) }]);
    // An item nothing was recorded for simply leaves the list; the new item starts missing.
    expect(dropped.map((item) => item.key)).not.toContain('510700-0001/premises-owner-title');
    expect(items.find((item) => item.key === ownTitle)).toMatchObject({ status: 'missing', checkedBy: null });
  });

  it('records the correction on the timeline with what the checklist gained and lost, and sends it to HQ', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    const result = await updateIntake(
      db,
      row.id,
      { answers: { ...row.answers, premises: 'owned_titled' }, applicant: { ...startUpInput().applicant, phone: '13912345678' } },
      { clerk, at: correctedAt },
    );
    if (!result.ok) throw new Error(result.message);
    const event = result.value.state.timeline.at(-1);
    expect(event).toMatchObject({
      seq: 2,
      type: 'intakeCorrected',
      clerkId: clerk.id,
      at: '2026-09-29T10:20:00.000+08:00',
      fields: ['applicant.phone', 'answers'],
      addedItems: [{ materialKey: ownTitle, name: expect.stringContaining('产权') }],
      droppedItems: [
        { materialKey: lease, name: expect.stringContaining('租赁') },
        { materialKey: '510700-0001/premises-owner-title', name: expect.stringContaining('产权') },
      ],
    });
    expect(result.value).toMatchObject({ statusCode: 'drafting', applicant: { phone: '13912345678' }, updatedAt: '2026-09-29T10:20:00.000+08:00' });

    const [caseOp, eventOp] = await lastOps(db, 2);
    expect(caseOp).toMatchObject({ entity: 'case', entityId: row.id });
    expect(Object.keys(caseOp!.payload).sort()).toEqual(['answers', 'applicant']);
    expect(eventOp).toMatchObject({ entity: 'caseEvent', payload: { caseId: row.id, event: { type: 'intakeCorrected', seq: 2 } } });
    for (const op of [caseOp, eventOp]) expect(syncOpSchema.safeParse(op).success).toBe(true);
  });

  it('audits each correction, naming what changed, in the hash chain', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    await updateIntake(db, row.id, { queueTicket: 'b-105' }, { clerk, at: correctedAt });
    await updateIntake(db, row.id, { answers: { ...row.answers, premises: 'owned_titled' } }, { clerk, at: correctedAt });
    const entries = (await db.auditLog.orderBy('seq').toArray()).filter((entry) => entry.action === 'case.updateIntake');
    expect(entries.map((entry) => entry.details)).toEqual([
      { caseNumber: row.caseNumber, fields: ['queueTicket'], addedItems: [], droppedItems: [] },
      { caseNumber: row.caseNumber, fields: ['answers'], addedItems: [ownTitle], droppedItems: [lease, '510700-0001/premises-owner-title'] },
    ]);
    expect(entries.every((entry) => entry.clerkId === clerk.id && entry.subject === `case:${row.id}`)).toBe(true);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it('sends HQ only the fields that changed, and refuses a correction that changes nothing', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    await updateIntake(db, row.id, { queueTicket: 'b-105' }, { clerk });
    const [caseOp] = await lastOps(db, 2);
    expect(caseOp?.payload).toEqual({ queueTicket: 'B-105' });
    const before = await storedCounts(db);
    // Answers in another order, with the options ticked in another order, are the same answers.
    const reordered = { employeeCount: 3, ...row.answers, shareholderKinds: ['company', 'natural_person'] };
    for (const patch of [{ queueTicket: 'B-105' }, { answers: reordered }, { selection: startUpInput().selection }, {}]) {
      expect(await updateIntake(db, row.id, patch, { clerk })).toEqual({ ok: false, message: '受理信息没有变化，无需保存。' });
    }
    expect(await storedCounts(db)).toEqual(before);
  });

  it('re-indexes the case when a party changes, in the fresh index even when its keys had settled', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    await settleFreshKeys(db, 10);
    const changed = await updateIntake(db, row.id, { applicant: { ...startUpInput().applicant, name: '欧阳娜娜' } }, { clerk });
    expect(changed.ok && changed.value).toMatchObject({ searchKeys: [], freshKeys: expect.arrayContaining([keyedKey('n:欧阳', searchKeyerNow())]) });
    expect((await searchCases(db, '欧阳娜娜')).hits.map((hit) => hit.case.id)).toEqual([row.id]);
    expect((await searchCases(db, row.applicant.name)).hits).toEqual([]);
  });

  it('refuses an invalid ID number or mobile, naming the field, and stores nothing', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    const before = await storedCounts(db);
    const wrongDigit = applicantId.slice(0, 17) + (applicantId.endsWith('1') ? '2' : '1');
    expect(await updateIntake(db, row.id, { applicant: { ...startUpInput().applicant, idNumber: wrongDigit } }, { clerk })).toMatchObject({
      ok: false,
      field: 'applicantIdNumber',
      message: expect.stringMatching(/^申请人证件号码：.*校验/),
    });
    expect(await updateIntake(db, row.id, { queueTicket: 'C1', applicant: { ...startUpInput().applicant, phone: '1234' } }, { clerk })).toMatchObject({
      ok: false,
      field: 'applicantPhone',
    });
    expect(await storedCounts(db)).toEqual(before);
    expect(await getCase(db, row.id)).toEqual(row);
  });

  it('corrects the name of the enterprise registered with the case, in the register too', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    expect(await caseOwnsEnterprise(db, row)).toBe(true);
    const enterprise = { kind: 'correct' as const, name: '绵阳星辰智能科技有限公司', uscc: null, address: '绵阳市涪城区长虹大道中段18号' };
    const result = await updateIntake(db, row.id, { enterprise }, { clerk });
    expect(result).toMatchObject({ ok: true, value: { enterpriseId: row.enterpriseId, enterprise: { name: '绵阳星辰智能科技有限公司' } } });
    expect(result.ok && result.value.state.timeline.at(-1)).toMatchObject({ type: 'intakeCorrected', fields: ['enterprise.name'] });
    expect(await db.enterprises.count()).toBe(1);
    expect(await getEnterprise(db, row.enterpriseId!)).toMatchObject({ name: '绵阳星辰智能科技有限公司', freshKeys: expect.arrayContaining([keyedKey('n:智能', searchKeyerNow())]) });
    const [caseOp] = await lastOps(db, 2);
    expect(caseOp?.payload).toEqual({ enterprise: { name: '绵阳星辰智能科技有限公司', uscc: null, address: '绵阳市涪城区长虹大道中段18号', greenCard: false } });
  });

  it('refuses to correct an enterprise other cases use, or to give it another enterprise\'s USCC', async () => {
    const { db, clerk } = await readyDesk();
    const known = await created(db, clerk, beforeNationalDay, startUpInput({ enterprise: { kind: 'new', name: '绵阳老字号餐饮有限公司', uscc: existingUscc, address: null } }));
    const second = await created(db, clerk, beforeNationalDay, startUpInput({ enterprise: { kind: 'existing', id: known.enterpriseId! } }));
    expect(await caseOwnsEnterprise(db, second)).toBe(false);
    const before = await storedCounts(db);
    expect(await updateIntake(db, second.id, { enterprise: { kind: 'correct', name: '改名', uscc: existingUscc, address: null } }, { clerk })).toEqual({
      ok: false,
      message: '该企业还有其他办件，不能在此修改企业的登记信息；如选错了企业，请“更换企业”',
    });
    const third = await created(db, clerk);
    expect(await updateIntake(db, third.id, { enterprise: { kind: 'correct', name: '绵阳星辰科技有限公司', uscc: existingUscc, address: null } }, { clerk })).toMatchObject({
      ok: false,
      field: 'uscc',
      message: expect.stringContaining('绵阳老字号餐饮有限公司'),
    });
    expect(await db.enterprises.get(known.enterpriseId!)).toMatchObject({ name: '绵阳老字号餐饮有限公司' });
    expect((await storedCounts(db)).enterprises).toBe(before.enterprises + 1);
  });

  it('moves the case to another enterprise and drops the one registered with it, which nothing else uses', async () => {
    const { db, clerk } = await readyDesk();
    const known = await created(db, clerk, beforeNationalDay, startUpInput({ enterprise: { kind: 'new', name: '绵阳老字号餐饮有限公司', uscc: existingUscc, address: null } }));
    const row = await created(db, clerk);
    const result = await updateIntake(db, row.id, { enterprise: { kind: 'existing', id: known.enterpriseId! } }, { clerk });
    expect(result).toMatchObject({ ok: true, value: { enterpriseId: known.enterpriseId, enterprise: { name: '绵阳老字号餐饮有限公司', uscc: existingUscc } } });
    expect(result.ok && result.value.state.timeline.at(-1)).toMatchObject({ fields: ['enterprise'] });
    expect(await db.enterprises.get(row.enterpriseId!)).toBeUndefined();
    // The enterprise it moved to is shared now: the first case can no longer correct it either.
    expect(await caseOwnsEnterprise(db, known)).toBe(false);
  });

  it('corrects a case awaiting correction without counting a visit', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    const missing = (await caseChecklist(db, row.id)).filter((item) => item.item.required && item.status === 'missing');
    await applyCommand(db, row.id, { type: 'issueCorrectionNotice', items: missing.map((item) => ({ materialKey: item.key })) }, { clerk, at: beforeNationalDay });
    const result = await updateIntake(db, row.id, { queueTicket: 'B-007' }, { clerk, at: '2026-10-08T09:00:00+08:00' });
    expect(result).toMatchObject({ ok: true, value: { statusCode: 'awaitingCorrection', queueTicket: 'B-007' } });
    expect(result.ok && result.value.state).toMatchObject({ visits: 1, timeline: [{ type: 'opened' }, { type: 'correctionNoticeIssued' }, { type: 'intakeCorrected', seq: 3 }] });
  });

  it('refuses a correction planned on a case another window changed meanwhile', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    const results = await Promise.all([updateIntake(db, row.id, { queueTicket: 'C1' }, { clerk }), updateIntake(db, row.id, { queueTicket: 'C2' }, { clerk })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, message: '办件的登记信息刚在另一窗口被修改，请刷新后重试' });
    expect((await getCase(db, row.id))?.state.timeline).toHaveLength(2);
  });

  it('refuses intake changes once the case is decided, and stores nothing', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    await receiveEverything(db, row, clerk, beforeNationalDay);
    expect((await applyCommand(db, row.id, { type: 'accept' }, { clerk, at: beforeNationalDay })).ok).toBe(true);
    const before = await storedCounts(db);
    expect(await updateIntake(db, row.id, { queueTicket: 'C1' }, { clerk })).toMatchObject({ ok: false, message: '办件已受理，不能再修改登记信息' });
    expect(await storedCounts(db)).toEqual(before);

    const refused = await created(db, clerk);
    await applyCommand(db, refused.id, { type: 'refuse', reason: '申请事项不属于本中心职权范围' }, { clerk });
    expect(await updateIntake(db, refused.id, { answers: { ...row.answers, premises: 'owned_titled' } }, { clerk })).toMatchObject({
      ok: false,
      message: '办件不予受理，不能再修改登记信息',
    });
  });
});
