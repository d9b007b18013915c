import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../../../../renderer/src/data/db';
import {
  assignLedgerItem,
  closeLedgerItem,
  escalateCase,
  recordLedgerFollowUp,
  setLedgerDueDate,
} from '../../../../../renderer/src/data/ledger/ledgerCommands';
import { readLedgerItem } from '../../../../../renderer/src/data/ledger/ledgerQueries';
import type { SignedInClerk } from '../../../../../renderer/src/domain/clerks/account';
import { ledgerItemIdOf, type LedgerItemId } from '../../../../../renderer/src/domain/ledger/ledgerItem';
import { storedCounts } from '../caseWorkFixtures';
import { addAccount, closeDatabases, readyDesk } from '../dataFixtures';
import { acceptedCase } from './ledgerFixtures';

afterEach(closeDatabases);

const at = (time: string, date = '2026-10-12') => `${date}T${time}+08:00`;
const owner = { department: '市场监管局登记科', liaisonName: '周专员', liaisonPhone: '13800138000' };

async function counts(db: DeskDatabase) {
  return { ...(await storedCounts(db)), items: await db.ledgerItems.count(), followUps: await db.ledgerFollowUps.count() };
}

async function escalated(): Promise<{ db: DeskDatabase; clerk: SignedInClerk; chief: SignedInClerk; id: LedgerItemId }> {
  const desk = await readyDesk();
  const row = await acceptedCase(desk.db, desk.clerk);
  const result = await escalateCase(desk.db, row.id, '企业反映审批进度缓慢', { clerk: desk.clerk, at: at('09:00:00') });
  if (!result.ok) throw new Error(result.message);
  return { ...desk, id: result.value.id };
}

describe('escalateCase (提请专班督办)', () => {
  it('lets a clerk escalate a case with a reason: the item, its op and the audit entry are written together', async () => {
    const { db, clerk } = await readyDesk();
    const row = await acceptedCase(db, clerk);
    const result = await escalateCase(db, row.id, '  企业反映审批进度缓慢 ', { clerk, at: at('09:00:00') });
    expect(result).toMatchObject({ ok: true, value: { id: ledgerItemIdOf('escalated', row.id), source: 'escalated', status: 'open', reason: '企业反映审批进度缓慢', owner: null } });
    // Promised for 8 October, already past on Monday 12 October: three working days from then (13–15).
    expect(row.dueDate).toBe('2026-10-08');
    expect(result.ok && result.value.dueDate).toBe('2026-10-15');
    const last = (await db.outbox.orderBy('seq').last())!;
    expect(last.op).toMatchObject({ entity: 'ledgerItem', type: 'upsert', entityId: ledgerItemIdOf('escalated', row.id), payload: { status: 'open' } });
    expect(last.op).not.toHaveProperty('baseVersion');
    expect((await db.auditLog.orderBy('seq').last())!).toMatchObject({ action: 'ledger.escalate', subject: `case:${row.id}` });
    // Escalated on the 7th, the promised date is still ahead and is the deadline.
    const other = await acceptedCase(db, clerk);
    const early = await escalateCase(db, other.id, '企业急需营业执照', { clerk, at: at('09:00:00', '2026-10-07') });
    expect(early.ok && early.value.dueDate).toBe('2026-10-08');
  });

  it('refuses an escalation without a reason, leaving nothing behind', async () => {
    const { db, clerk } = await readyDesk();
    const row = await acceptedCase(db, clerk);
    const before = await counts(db);
    expect(await escalateCase(db, row.id, '   ', { clerk, at: at('09:00:00') })).toEqual({ ok: false, message: '须填写理由', field: 'reason' });
    expect(await counts(db)).toEqual(before);
  });

  it('refuses a second escalation while the first is open, and reopens a closed one', async () => {
    const { db, clerk, chief, id } = await escalated();
    const caseId = (await db.ledgerItems.get(id))!.caseId;
    expect(await escalateCase(db, caseId, '再次反映', { clerk, at: at('10:00:00') })).toMatchObject({ ok: false, message: '该办件已提请专班督办，事项尚未办结' });
    expect((await closeLedgerItem(db, id, '已协调审批科室办结', { clerk: chief, at: at('11:00:00') })).ok).toBe(true);
    const again = await escalateCase(db, caseId, '再次反映', { clerk, at: at('12:00:00') });
    expect(again).toMatchObject({ ok: true, value: { status: 'open', result: null, reason: '再次反映', createdAt: at('09:00:00') } });
    expect(again.ok && again.value.previous?.status).toBe('closed');
  });
});

describe('supervising an item', () => {
  it('refuses a clerk, by the stored account, whatever role the session claims', async () => {
    const { db, clerk, id } = await escalated();
    const before = await counts(db);
    const refusal = '受理员无权督办台账事项，需由首席代表或管理员操作。';
    expect(await assignLedgerItem(db, id, owner, { clerk })).toEqual({ ok: false, message: refusal });
    expect(await assignLedgerItem(db, id, owner, { clerk: { ...clerk, role: 'chief' } })).toEqual({ ok: false, message: refusal });
    expect(await closeLedgerItem(db, id, '已办结', { clerk })).toEqual({ ok: false, message: refusal });
    expect(await recordLedgerFollowUp(db, id, { by: '周专员', text: '督促' }, { clerk })).toEqual({ ok: false, message: refusal });
    expect(await setLedgerDueDate(db, id, '2026-10-20', '延期', { clerk })).toEqual({ ok: false, message: refusal });
    expect(await counts(db)).toEqual(before);
  });

  it('lets the chief and the admin assign an owner: 督办中, the old values in previous, one op', async () => {
    const { db, chief, id } = await escalated();
    const dueDate = (await db.ledgerItems.get(id))!.dueDate;
    const assigned = await assignLedgerItem(db, id, owner, { clerk: chief, at: at('10:00:00') });
    expect(assigned).toMatchObject({ ok: true, value: { owner, ownerDepartment: owner.department, status: 'supervising', previous: { owner: null, dueDate, status: 'open' } } });
    expect((await db.outbox.orderBy('seq').last())!.op).toMatchObject({ entity: 'ledgerItem', payload: { owner, status: 'supervising' } });
    const admin = await addAccount(db, 'admin', '钱管理');
    expect((await assignLedgerItem(db, id, { ...owner, liaisonName: null, liaisonPhone: null }, { clerk: admin, at: at('11:00:00') })).ok).toBe(true);
    expect(await assignLedgerItem(db, id, { department: ' ', liaisonName: null, liaisonPhone: null }, { clerk: chief })).toMatchObject({ ok: false, field: 'owner', message: '须填写责任单位' });
  });

  it('moves a due date only with a reason', async () => {
    const { db, chief, id } = await escalated();
    const before = await counts(db);
    expect(await setLedgerDueDate(db, id, '2026-10-20', ' ', { clerk: chief })).toEqual({ ok: false, message: '须填写理由', field: 'reason' });
    expect(await setLedgerDueDate(db, id, '20.10.2026', '延期', { clerk: chief })).toMatchObject({ ok: false, field: 'dueDate' });
    expect(await counts(db)).toEqual(before);
    const moved = await setLedgerDueDate(db, id, '2026-10-20', '需外省协查', { clerk: chief, at: at('10:00:00') });
    expect(moved).toMatchObject({ ok: true, value: { dueDate: '2026-10-20', reason: '需外省协查', status: 'open' } });
  });

  it('records a follow-up with its op, turning an open item 督办中 in the same write', async () => {
    const { db, chief, id } = await escalated();
    const before = await db.outbox.count();
    const result = await recordLedgerFollowUp(db, id, { at: at('08:30:00'), by: '周专员', text: '已电话督促审批科室' }, { clerk: chief, at: at('10:00:00') });
    expect(result).toMatchObject({ ok: true, value: { item: { status: 'supervising' }, followUp: { itemId: id, by: '周专员', text: '已电话督促审批科室', deskCode: '01' } } });
    const ops = (await db.outbox.orderBy('seq').toArray()).slice(before).map((row) => row.op);
    expect(ops.map((op) => op.entity)).toEqual(['ledgerFollowUp', 'ledgerItem']);
    expect(ops[0]).toMatchObject({ type: 'append', payload: { itemId: id, by: '周专员' } });
    // A second follow-up on an item already 督办中 is the follow-up alone.
    await recordLedgerFollowUp(db, id, { by: '周专员', text: '审批科室已受理' }, { clerk: chief, at: at('15:00:00') });
    expect((await db.outbox.orderBy('seq').last())!.op.entity).toBe('ledgerFollowUp');
    const detail = await readLedgerItem(db, id, '2026-10-12');
    expect(detail?.followUps.map((followUp) => followUp.text)).toEqual(['已电话督促审批科室', '审批科室已受理']);
    expect(await recordLedgerFollowUp(db, id, { by: '周专员', text: ' ' }, { clerk: chief })).toMatchObject({ ok: false, field: 'text' });
  });

  it('closes only with a result, and a closed item takes no more changes', async () => {
    const { db, chief, id } = await escalated();
    const before = await counts(db);
    expect(await closeLedgerItem(db, id, '  ', { clerk: chief })).toEqual({ ok: false, message: '办结督办事项须填写办理结果', field: 'result' });
    expect(await counts(db)).toEqual(before);
    const closed = await closeLedgerItem(db, id, '已协调审批科室当日办结', { clerk: chief, at: at('16:00:00') });
    expect(closed).toMatchObject({ ok: true, value: { status: 'closed', result: '已协调审批科室当日办结', previous: { status: 'open' } } });
    expect(await assignLedgerItem(db, id, owner, { clerk: chief })).toMatchObject({ ok: false, message: '该督办事项已办结，不能再修改' });
    expect(await closeLedgerItem(db, id, '再次办结', { clerk: chief })).toMatchObject({ ok: false, message: '该督办事项已办结，不能再修改' });
  });

  it('refuses an item this desk does not hold', async () => {
    const { db, chief } = await readyDesk();
    const missing = ledgerItemIdOf('overdue', '0190d5f4-0000-7000-8000-000000000001' as never);
    expect(await closeLedgerItem(db, missing, '办结', { clerk: chief })).toMatchObject({ ok: false, message: '找不到该督办事项，可能尚未同步到本窗口' });
  });
});
