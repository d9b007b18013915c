import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../../../../renderer/src/data/db';
import { assignLedgerItem } from '../../../../../renderer/src/data/ledger/ledgerCommands';
import { refreshDerivedItems } from '../../../../../renderer/src/data/ledger/refreshDerivedItems';
import type { CaseId } from '../../../../../renderer/src/domain/cases/caseId';
import { ledgerItemIdOf } from '../../../../../renderer/src/domain/ledger/ledgerItem';
import { installReference } from '../../../../../renderer/src/data/catalogueStore';
import { closeDatabases, existingUscc, readyDesk, startUpInput } from '../dataFixtures';
import { acceptedCase, itemRow } from './ledgerFixtures';

afterEach(closeDatabases);

const at = (date: string) => `${date}T09:00:00+08:00`;

/** HQ approved the case: its promised clock stops (as a pulled decision leaves it). */
async function approve(db: DeskDatabase, caseId: CaseId): Promise<void> {
  await db.cases
    .where(':id')
    .equals(caseId)
    .modify((row) => {
      const status = row.state.status;
      if (!('acceptance' in status) || status.acceptance === null) throw new Error('not accepted');
      row.state = { ...row.state, status: { code: 'approved', acceptance: status.acceptance, decidedAt: at('2026-10-13') } };
      row.statusCode = 'approved';
      row.dueDate = '';
    });
}

describe('refreshDerivedItems', () => {
  it('creates the items the cases call for, once, with their ops', async () => {
    const { db, clerk } = await readyDesk();
    const row = await acceptedCase(db, clerk);
    // Promised for 8 October: on the day of acceptance, 30 September, the next working day is already the
    // 8th (1–7 October are off), so the case is within one working day of its promised date.
    const first = await refreshDerivedItems(db, { clerk, at: at('2026-09-30') });
    expect(first).toEqual({ ok: true, value: { created: 1, closed: 0 } });
    const id = ledgerItemIdOf('overdue', row.id);
    expect(await db.ledgerItems.get(id)).toMatchObject({ source: 'overdue', caseId: row.id, dueDate: '2026-10-08', status: 'open', greenCard: 0, hqVersion: null });
    expect((await db.outbox.orderBy('seq').last())!.op).toMatchObject({ entity: 'ledgerItem', entityId: id, payload: { status: 'open' } });
    expect((await db.auditLog.orderBy('seq').last())!).toMatchObject({ action: 'ledger.refresh', details: { derived: 1, noLongerApplying: 0 } });

    const before = { outbox: await db.outbox.count(), audit: await db.auditLog.count() };
    expect(await refreshDerivedItems(db, { clerk, at: at('2026-10-12') })).toEqual({ ok: true, value: { created: 0, closed: 0 } });
    expect({ outbox: await db.outbox.count(), audit: await db.auditLog.count() }).toEqual(before);
  });

  it('closes with an automatic result an item nobody acts on once it no longer applies, and leaves one a person acts on', async () => {
    const { db, clerk, chief } = await readyDesk();
    const idle = await acceptedCase(db, clerk);
    const handled = await acceptedCase(db, clerk);
    expect(await refreshDerivedItems(db, { clerk, at: at('2026-10-12') })).toEqual({ ok: true, value: { created: 2, closed: 0 } });
    const owner = { department: '市场监管局登记科', liaisonName: null, liaisonPhone: null };
    expect((await assignLedgerItem(db, ledgerItemIdOf('overdue', handled.id), owner, { clerk: chief, at: at('2026-10-12') })).ok).toBe(true);

    await approve(db, idle.id);
    await approve(db, handled.id);
    expect(await refreshDerivedItems(db, { clerk, at: at('2026-10-13') })).toEqual({ ok: true, value: { created: 0, closed: 1 } });
    expect(await db.ledgerItems.get(ledgerItemIdOf('overdue', idle.id))).toMatchObject({
      status: 'closed',
      result: '事项已不再需要督办（办件已办结或已作出决定），系统自动办结',
      previous: { status: 'open' },
    });
    expect(await db.ledgerItems.get(ledgerItemIdOf('overdue', handled.id))).toMatchObject({ status: 'supervising', result: null });
    expect(await refreshDerivedItems(db, { clerk, at: at('2026-10-14') })).toEqual({ ok: true, value: { created: 0, closed: 0 } });
  });

  it('makes a green-card item for a green-card enterprise’s case, owned by its 专员, and flags its other items', async () => {
    const { db, clerk } = await readyDesk();
    const card = { uscc: existingUscc, enterpriseName: '绵阳星辰科技有限公司', liaisonName: '周专员', liaisonPhone: '13800138000', validUntil: null, priority: 1 };
    expect(await installReference(db, 'greencards', { version: '2026-09', cards: [card] }, { source: 'hq', hqVersion: 1 })).toMatchObject({ ok: true });
    const green = await acceptedCase(db, clerk, startUpInput({ enterprise: { kind: 'new', name: '绵阳星辰科技有限公司', uscc: existingUscc, address: null } }));
    const plain = await acceptedCase(db, clerk);
    expect(await refreshDerivedItems(db, { clerk, at: at('2026-10-12') })).toEqual({ ok: true, value: { created: 3, closed: 0 } });
    expect(await db.ledgerItems.get(ledgerItemIdOf('greenCard', green.id))).toMatchObject({
      dueDate: '2026-10-08',
      owner: { department: '服务绿卡专员', liaisonName: '周专员', liaisonPhone: '13800138000' },
      greenCard: 1,
    });
    expect(await db.ledgerItems.get(ledgerItemIdOf('overdue', green.id))).toMatchObject({ greenCard: 1 });
    expect(await db.ledgerItems.get(ledgerItemIdOf('overdue', plain.id))).toMatchObject({ greenCard: 0 });
    expect(await db.ledgerItems.get(ledgerItemIdOf('greenCard', plain.id))).toBeUndefined();
  });

  it('never touches an escalation', async () => {
    const { db, clerk } = await readyDesk();
    const row = await acceptedCase(db, clerk);
    const escalation = itemRow(row.id, 'escalated', { dueDate: '2026-10-09' });
    await db.ledgerItems.add(escalation);
    await approve(db, row.id);
    await refreshDerivedItems(db, { clerk, at: at('2026-10-13') });
    expect(await db.ledgerItems.get(escalation.id)).toEqual(escalation);
  });
});
