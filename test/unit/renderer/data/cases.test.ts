import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { syncOpSchema } from '../../../../renderer/src/protocol/ops';
import bundledCatalogue from '../../../../resources/catalogue/default.json';
import { verifyAuditLog } from '../../../../renderer/src/data/audit';
import { installReference } from '../../../../renderer/src/data/catalogueStore';
import { caseChecklist, caseChecklistWithDropped, progressOf } from '../../../../renderer/src/data/caseChecklist';
import { applyCommand, caseOwnsEnterprise, createDraftCase, findCaseByNumber, getCase, getEnterprise, updateIntake } from '../../../../renderer/src/data/cases';
import { DataError } from '../../../../renderer/src/data/dataError';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import { recordChecklistItem } from '../../../../renderer/src/data/caseChecklist';
import type { CaseRow } from '../../../../renderer/src/data/records';
import { searchCases } from '../../../../renderer/src/data/search/searchCases';
import { settleFreshKeys } from '../../../../renderer/src/data/search/settleKeys';
import type { SignedInClerk } from '../../../../renderer/src/domain/clerks/account';
import type { ChecklistItemKey } from '../../../../renderer/src/domain/catalogue/checklist';
import { addAccount, applicantId, beforeNationalDay, closeDatabases, existingUscc, freshDatabase, readyDesk, startUpInput } from './dataFixtures';

afterEach(closeDatabases);

async function created(db: DeskDatabase, clerk: SignedInClerk, at = beforeNationalDay, input = startUpInput()): Promise<CaseRow> {
  const result = await createDraftCase(db, input, { clerk, at });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

async function storedCounts(db: DeskDatabase) {
  return {
    cases: await db.cases.count(),
    checklist: await db.checklistItems.count(),
    enterprises: await db.enterprises.count(),
    outbox: await db.outbox.count(),
    audit: await db.auditLog.count(),
    counters: await db.counters.toArray(),
  };
}

async function receiveEverything(db: DeskDatabase, row: CaseRow, clerk: SignedInClerk, at: string) {
  for (const item of await caseChecklist(db, row.id)) {
    if (item.item.required && item.status === 'missing') {
      const result = await recordChecklistItem(db, row.id, item.key, { status: 'received', form: item.item.form, copies: item.item.copies, pages: 2 }, { clerk, at });
      if (!result.ok) throw new Error(result.message);
    }
  }
}

describe('createDraftCase', () => {
  it('takes a case in with a desk case number, the checklist the answers call for, ops for HQ and an audit entry', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);

    expect(row).toMatchObject({ caseNumber: 'MY01-20260929-0001', statusCode: 'drafting', dueDate: '', clerkId: clerk.id, queueTicket: 'A023' });
    expect(row.createdAt).toBe('2026-09-29T10:00:00.000+08:00');
    expect(row.state.timeline).toEqual([expect.objectContaining({ type: 'opened', seq: 1, clerkId: clerk.id })]);

    const names = (await caseChecklist(db, row.id)).map((item) => item.item.name);
    expect(names).toEqual(expect.arrayContaining([expect.stringContaining('租赁'), expect.stringContaining('营业执照')]));
    expect(names.join()).toContain('产权');
    const keys = (await caseChecklist(db, row.id)).map((item) => item.key);
    expect(keys).toContain('510700-0001/premises-lease');
    expect(keys).toContain('510700-0001/premises-owner-title');
    expect(keys).toContain('510700-0001/shareholder-company-licence');
    expect(keys).not.toContain('510700-0001/premises-own-title');

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((op) => [op.seq, op.entity, op.state])).toEqual([
      [1, 'case', 'pending'],
      [2, 'caseEvent', 'pending'],
    ]);
    for (const op of outbox) expect(syncOpSchema.safeParse(op.op).success).toBe(true);
    expect(outbox[0]!.op.payload).toMatchObject({ caseNumber: row.caseNumber, visits: 1, matterCodes: row.matterCodes });

    expect(await db.auditLog.toArray()).toEqual([expect.objectContaining({ action: 'case.open', subject: `case:${row.id}`, clerkId: clerk.id })]);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
    expect(await db.enterprises.count()).toBe(1);
    // Nothing is recorded yet, so no item rows: the checklist is rebuilt from the catalogue when read.
    expect(await db.checklistItems.count()).toBe(0);
    expect(progressOf(await caseChecklist(db, row.id))).toMatchObject({ requiredReceived: 0 });
  });

  it('keeps the checklist of the catalogue version the case was taken in under after HQ sends a new one', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    const before = await caseChecklist(db, row.id);
    const next = structuredClone(bundledCatalogue) as { version: string; matters: Array<{ materials: Array<{ name: string }> }> };
    next.version = '2026.12.1';
    next.matters[0]!.materials[0]!.name = '公司登记（备案）申请书（2027版）';
    expect(await installReference(db, 'catalogue', next, { source: 'hq', hqVersion: 2 })).toMatchObject({ ok: true });
    expect(await caseChecklist(db, row.id)).toEqual(before);
    const newer = await created(db, clerk);
    expect(newer.catalogueVersion).toBe('2026.12.1');
    expect((await caseChecklist(db, newer.id)).map((item) => item.item.name)).toContain('公司登记（备案）申请书（2027版）');
  });

  it('numbers each business day from 0001, by the hall clock (+08:00) whatever offset the time came with', async () => {
    const { db, clerk } = await readyDesk();
    expect((await created(db, clerk, '2026-11-27T09:00:00+08:00')).caseNumber).toBe('MY01-20261127-0001');
    expect((await created(db, clerk, '2026-11-27T15:59:00Z')).caseNumber).toBe('MY01-20261127-0002');
    expect((await created(db, clerk, '2026-11-27T16:00:00Z')).caseNumber).toBe('MY01-20261128-0001');
  });

  it('keeps case numbers and the outbox sequence gapless when many intakes are saved at once', async () => {
    const { db, clerk } = await readyDesk();
    const rows = await Promise.all(Array.from({ length: 12 }, () => created(db, clerk)));
    expect(rows.map((row) => row.caseNumber).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `MY01-20260929-${String(i + 1).padStart(4, '0')}`));
    expect((await db.outbox.orderBy('seq').keys()).map(Number)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, head: { seq: 12 } });
  });

  it('refuses an applicant ID with a wrong check digit, naming the field, and stores nothing', async () => {
    const { db, clerk } = await readyDesk();
    const wrong = applicantId.slice(0, 17) + (applicantId.endsWith('0') ? '1' : '0');
    const result = await createDraftCase(db, startUpInput({ applicant: { ...startUpInput().applicant, idNumber: wrong } }), { clerk, at: beforeNationalDay });
    expect(result).toMatchObject({ ok: false, field: 'applicantIdNumber', message: expect.stringMatching(/^申请人证件号码：.*校验/) });
    expect(await storedCounts(db)).toMatchObject({ cases: 0, outbox: 0, audit: 0 });
  });

  it('refuses a malformed mobile number and an agent without authorisation', async () => {
    const { db, clerk } = await readyDesk();
    const base = startUpInput();
    expect(await createDraftCase(db, startUpInput({ applicant: { ...base.applicant, phone: '12345' } }), { clerk })).toMatchObject({ ok: false, field: 'applicantPhone' });
    expect(await createDraftCase(db, startUpInput({ agent: { ...base.agent!, authorisation: '  ' } }), { clerk })).toMatchObject({ ok: false, field: 'agentAuthorisation' });
  });

  it('keeps markup in names as plain text and refuses control characters', async () => {
    const { db, clerk } = await readyDesk();
    const html = '<script>alert(1)</script>星辰科技';
    const row = await created(db, clerk, beforeNationalDay, startUpInput({ enterprise: { kind: 'new', name: html, uscc: null, address: null } }));
    expect(row.enterprise.name).toBe(html);
    const bad = await createDraftCase(db, startUpInput({ applicant: { ...startUpInput().applicant, name: '王\u0007小明' } }), { clerk });
    expect(bad).toMatchObject({ ok: false, field: 'applicantName', message: expect.stringContaining('控制字符') });
  });

  it('refuses to take cases in before the desk has its hall and desk codes', async () => {
    const db = freshDatabase();
    const clerk = await addAccount(db, 'clerk', '李受理');
    expect(await createDraftCase(db, startUpInput(), { clerk })).toMatchObject({ ok: false, message: expect.stringContaining('大厅代码') });
    expect(await db.cases.count()).toBe(0);
  });

  it('refuses a disabled account and an admin, whatever role the session claims', async () => {
    const { db } = await readyDesk();
    const disabled = await addAccount(db, 'clerk', '停用', false);
    const admin = await addAccount(db, 'admin', '管理员');
    expect(await createDraftCase(db, startUpInput(), { clerk: disabled })).toMatchObject({ ok: false, message: '您没有受理办件的权限' });
    expect(await createDraftCase(db, startUpInput(), { clerk: { ...admin, role: 'clerk' } })).toMatchObject({ ok: false, message: '您没有受理办件的权限' });
    expect(await db.cases.count()).toBe(0);
  });

  it('reuses a known enterprise and refuses to register its USCC again', async () => {
    const { db, clerk } = await readyDesk();
    const known = await created(db, clerk, beforeNationalDay, startUpInput({ enterprise: { kind: 'new', name: '绵阳老字号商贸有限公司', uscc: existingUscc, address: null } }));
    const again = await created(db, clerk, beforeNationalDay, startUpInput({ enterprise: { kind: 'existing', id: known.enterpriseId! } }));
    expect(again.enterprise).toEqual(known.enterprise);
    const duplicate = await createDraftCase(db, startUpInput({ enterprise: { kind: 'new', name: '另一家', uscc: existingUscc.toLowerCase(), address: null } }), { clerk });
    expect(duplicate).toMatchObject({ ok: false, field: 'uscc', message: expect.stringContaining('绵阳老字号商贸有限公司') });
    expect(await db.enterprises.count()).toBe(1);
  });

  it('stores nothing — case, checklist, enterprise, number, ops, audit — when an op fails the sync protocol mid-write', async () => {
    const { db, clerk } = await readyDesk();
    await created(db, clerk);
    const before = await storedCounts(db);
    // Question ids must be identifiers on the wire; the domain ignores an unknown answer, so only the op check catches it.
    const result = await createDraftCase(db, startUpInput({ answers: { ...startUpInput().answers, '9lives': true } }), { clerk, at: beforeNationalDay });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('同步') });
    expect(await storedCounts(db)).toEqual(before);
    expect((await created(db, clerk)).caseNumber).toBe('MY01-20260929-0002');
  });

  it('stores nothing and says the disk is full when storage runs out mid-write', async () => {
    const { db, clerk } = await readyDesk();
    await created(db, clerk);
    const before = await storedCounts(db);
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.outbox.hook('creating', quota);
    const failure = createDraftCase(db, startUpInput(), { clerk, at: beforeNationalDay });
    await expect(failure).rejects.toBeInstanceOf(DataError);
    await expect(failure).rejects.toThrow('本机存储空间已满');
    db.outbox.hook('creating').unsubscribe(quota);
    expect(await storedCounts(db)).toEqual(before);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, head: { seq: 1 } });
  });
});

describe('the audit log of case work', () => {
  it('shows an edited or deleted entry about a case when verified', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    await recordChecklistItem(db, row.id, 'shared:articles-of-association' as ChecklistItemKey, { status: 'received' }, { clerk });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, head: { seq: 2 } });
    await db.auditLog.update(1, { details: { matterCodes: [], bundleCode: null, queueTicket: null } });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, kind: 'edited', brokenAtSeq: 1 });
    await db.auditLog.delete(2);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: false, brokenAtSeq: 1 });
  });
});

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
    expect(changed.ok && changed.value).toMatchObject({ searchKeys: [], freshKeys: expect.arrayContaining(['n:欧阳']) });
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
    expect(await getEnterprise(db, row.enterpriseId!)).toMatchObject({ name: '绵阳星辰智能科技有限公司', freshKeys: expect.arrayContaining(['n:智能']) });
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

describe('recordChecklistItem', () => {
  it('records status, form, copies, pages and note, and tells HQ with a checklist event', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    const key = 'shared:articles-of-association' as ChecklistItemKey;
    const result = await recordChecklistItem(db, row.id, key, { status: 'received', form: 'original', copies: 1, pages: 12, note: '全体股东签字' }, { clerk, at: beforeNationalDay });
    expect(result).toMatchObject({ ok: true, value: { status: 'received', pages: 12, checkedBy: clerk.id, checkedAt: '2026-09-29T10:00:00.000+08:00' } });
    const op = (await db.outbox.orderBy('seq').last())!;
    expect(op.entity).toBe('checklistEvent');
    expect(op.op.payload).toMatchObject({ caseId: row.id, materialKey: key, status: 'received', pages: 12, note: '全体股东签字', attachments: [] });
    expect(progressOf(await caseChecklist(db, row.id)).requiredReceived).toBe(1);
    expect(await db.checklistItems.count()).toBe(1);
  });

  it('needs a deadline for a deferred item and clears it for any other status', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    const key = '510700-0001/premises-owner-title' as ChecklistItemKey;
    expect(await recordChecklistItem(db, row.id, key, { status: 'deferred' }, { clerk })).toMatchObject({ ok: false, field: 'deferredUntil' });
    expect(await recordChecklistItem(db, row.id, key, { status: 'deferred', deferredUntil: '2026-10-09' }, { clerk })).toMatchObject({ ok: true, value: { deferredUntil: '2026-10-09' } });
    expect(await recordChecklistItem(db, row.id, key, { status: 'received' }, { clerk })).toMatchObject({ ok: true, value: { deferredUntil: null } });
  });

  it('refuses an item the checklist does not hold and impossible counts', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    expect(await recordChecklistItem(db, row.id, 'nope/none' as ChecklistItemKey, { status: 'received' }, { clerk })).toMatchObject({ ok: false });
    expect(await recordChecklistItem(db, row.id, 'shared:articles-of-association' as ChecklistItemKey, { pages: -1 }, { clerk })).toMatchObject({ ok: false, field: 'pages' });
    expect(await db.outbox.count()).toBe(2);
  });
});

describe('applyCommand', () => {
  it('accepts a complete case with the due date counted across the National Day holiday', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk, '2026-09-30T09:00:00+08:00');
    await receiveEverything(db, row, clerk, '2026-09-30T09:30:00+08:00');
    const result = await applyCommand(db, row.id, { type: 'accept' }, { clerk, at: '2026-09-30T10:00:00+08:00' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // 设立登记 promises 1 working day; 10-01…10-07 are off, so the first working day after 09-30 is 10-08.
    expect(result.value.case).toMatchObject({ statusCode: 'accepted', dueDate: '2026-10-08' });
    expect(result.value.events.map((event) => event.type)).toEqual(['accepted']);
    const ops = (await db.outbox.orderBy('seq').toArray()).slice(-2);
    expect(ops.map((op) => op.entity)).toEqual(['case', 'caseEvent']);
    expect(Object.keys(ops[0]!.op.payload)).toEqual(['status']);
    expect((await db.auditLog.orderBy('seq').last())?.action).toBe('case.accept');
    expect((await findCaseByNumber(db, row.caseNumber.toLowerCase()))?.dueDate).toBe('2026-10-08');
  });

  it('refuses to accept while required materials are missing, and changes nothing', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    const before = await storedCounts(db);
    const result = await applyCommand(db, row.id, { type: 'accept' }, { clerk });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('「') });
    expect(await storedCounts(db)).toEqual(before);
  });

  it('continues the same case after a one-time correction notice and counts the second visit', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    const missing = (await caseChecklist(db, row.id)).filter((item) => item.item.required && item.status === 'missing');
    const notice = await applyCommand(db, row.id, { type: 'issueCorrectionNotice', items: missing.map((item) => ({ materialKey: item.key })) }, { clerk, at: beforeNationalDay });
    expect(notice).toMatchObject({ ok: true, value: { case: { statusCode: 'awaitingCorrection' } } });

    await receiveEverything(db, row, clerk, '2026-10-08T09:00:00+08:00');
    const accepted = await applyCommand(db, row.id, { type: 'accept' }, { clerk, at: '2026-10-08T09:30:00+08:00' });
    expect(accepted.ok && accepted.value.case.state.visits).toBe(2);
    expect(accepted.ok && accepted.value.events.map((event) => event.type)).toEqual(['applicantReturned', 'accepted']);
  });

  it('refuses an illegal transition with the state machine\'s message', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk);
    expect(await applyCommand(db, row.id, { type: 'complete', collector: { name: '王小明', idNumber: applicantId } }, { clerk })).toMatchObject({
      ok: false,
      message: expect.stringContaining('登记中'),
    });
    expect(await applyCommand(db, row.id, { type: 'refuse', reason: ' ' }, { clerk })).toMatchObject({ ok: false });
  });

  it('lets only the chief decide, by the stored role', async () => {
    const { db, clerk, chief } = await readyDesk();
    const row = await created(db, clerk, '2026-09-30T09:00:00+08:00');
    await receiveEverything(db, row, clerk, '2026-09-30T09:00:00+08:00');
    await applyCommand(db, row.id, { type: 'accept' }, { clerk, at: '2026-09-30T09:10:00+08:00' });
    await applyCommand(db, row.id, { type: 'startReview' }, { clerk, at: '2026-09-30T09:20:00+08:00' });
    expect(await applyCommand(db, row.id, { type: 'approve' }, { clerk: { ...clerk, role: 'chief' } })).toMatchObject({ ok: false, message: expect.stringContaining('首席代表') });
    expect(await applyCommand(db, row.id, { type: 'approve' }, { clerk: chief })).toMatchObject({ ok: true, value: { case: { statusCode: 'approved', dueDate: '' } } });
  });
});
