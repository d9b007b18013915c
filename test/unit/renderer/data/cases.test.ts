import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import bundledCatalogue from '../../../../resources/catalogue/default.json';
import { verifyAuditLog } from '../../../../renderer/src/data/audit';
import { installReference } from '../../../../renderer/src/data/catalogueStore';
import { caseChecklist, progressOf } from '../../../../renderer/src/data/caseChecklist';
import { applyCommand, createDraftCase, findCaseByNumber } from '../../../../renderer/src/data/cases';
import { DataError } from '../../../../renderer/src/data/dataError';
import { recordChecklistItem } from '../../../../renderer/src/data/caseChecklist';
import { syncOpSchema } from '../../../../renderer/src/protocol/ops';
import type { ChecklistItemKey } from '../../../../renderer/src/domain/catalogue/checklist';
import { addAccount, applicantId, beforeNationalDay, closeDatabases, existingUscc, freshDatabase, readyDesk, startUpInput } from './dataFixtures';
import { created, receiveEverything, storedCounts } from './caseWorkFixtures';

afterEach(closeDatabases);

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
