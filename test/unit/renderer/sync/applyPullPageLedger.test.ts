import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignLedgerItem, closeLedgerItem, escalateCase, recordLedgerFollowUp } from '../../../../renderer/src/data/ledger/ledgerCommands';
import { readLedgerItem, readLedgerPage } from '../../../../renderer/src/data/ledger/ledgerQueries';
import { ledgerItemIdOf } from '../../../../renderer/src/domain/ledger/ledgerItem';
import { pullChanges } from '../../../../renderer/src/sync/pullChanges';
import { pushOutbox } from '../../../../renderer/src/sync/pushOutbox';
import { HqHarness } from '../../../hq/support/harness';
import { addAccount, closeDatabases } from '../data/dataFixtures';
import { acceptedCase, enrolledDesk, intakeDay } from './syncFixtures';

let hq: HqHarness;
beforeEach(async () => {
  hq = await new HqHarness().start();
});
afterEach(async () => {
  await closeDatabases();
  await hq.dispose();
});

const at = (time: string) => `2026-11-27T${time}+08:00`;
const owner = { department: '市场监管局登记科', liaisonName: '周专员', liaisonPhone: '13800138000' };

describe('pulling the hall’s ledger', () => {
  it('brings another window’s item and follow-ups, and sends this window’s changes back to it', async () => {
    const intake = await enrolledDesk(hq, '01');
    const other = await enrolledDesk(hq, '02');
    const otherChief = await addAccount(other.db, 'chief', '赵首席');
    const row = await acceptedCase(intake, intakeDay);
    const escalated = await escalateCase(intake.db, row.id, '企业反映审批进度缓慢', { clerk: intake.clerk, at: at('09:00:00') });
    if (!escalated.ok) throw new Error(escalated.message);
    expect(await pushOutbox(intake.ctx)).toBeNull();

    expect(await pullChanges(other.ctx, other.deskId)).toBeNull();
    const id = ledgerItemIdOf('escalated', row.id);
    expect(await other.db.ledgerItems.get(id)).toMatchObject({ status: 'open', reason: '企业反映审批进度缓慢', hqVersion: 1 });
    expect((await readLedgerPage(other.db, { sort: 'dueDate', page: 1, today: '2026-11-27' })).rows).toMatchObject([{ id, caseNumber: row.caseNumber, status: 'open' }]);

    // The chief at window 02 takes it on; window 01 sees the owner, the follow-up and the old values.
    expect((await assignLedgerItem(other.db, id, owner, { clerk: otherChief, at: at('10:00:00') })).ok).toBe(true);
    expect((await recordLedgerFollowUp(other.db, id, { at: at('10:30:00'), by: '周专员', text: '已电话督促审批科室' }, { clerk: otherChief, at: at('11:00:00') })).ok).toBe(true);
    expect(await pushOutbox(other.ctx)).toBeNull();
    expect(await pullChanges(intake.ctx, intake.deskId)).toBeNull();
    const seen = await readLedgerItem(intake.db, id, '2026-11-27');
    expect(seen).toMatchObject({ item: { owner, status: 'supervising', previous: { owner: null, status: 'open' }, hqVersion: 2 } });
    expect(seen?.followUps).toMatchObject([{ itemId: id, by: '周专员', text: '已电话督促审批科室', deskCode: '02', recordedAt: '2026-11-27T11:00:00.000+08:00' }]);

    // Window 02's own follow-up is not duplicated when it pulls its own change back.
    expect(await pullChanges(other.ctx, other.deskId)).toBeNull();
    expect(await other.db.ledgerFollowUps.count()).toBe(1);
  });

  it('keeps a change this window has not had answered over the state HQ sends meanwhile', async () => {
    const intake = await enrolledDesk(hq, '01');
    const other = await enrolledDesk(hq, '02');
    const chief = await addAccount(intake.db, 'chief', '钱首席');
    const otherChief = await addAccount(other.db, 'chief', '赵首席');
    const row = await acceptedCase(intake, intakeDay);
    const escalated = await escalateCase(intake.db, row.id, '企业反映审批进度缓慢', { clerk: intake.clerk, at: at('09:00:00') });
    if (!escalated.ok) throw new Error(escalated.message);
    expect(await pushOutbox(intake.ctx)).toBeNull();
    expect(await pullChanges(other.ctx, other.deskId)).toBeNull();
    const id = escalated.value.id;

    expect((await assignLedgerItem(other.db, id, owner, { clerk: otherChief, at: at('10:00:00') })).ok).toBe(true);
    expect(await pushOutbox(other.ctx)).toBeNull();
    // Window 01 closes it before hearing of the assignment, and pulls before pushing.
    expect((await closeLedgerItem(intake.db, id, '已协调办结', { clerk: chief, at: at('10:30:00') })).ok).toBe(true);
    expect(await pullChanges(intake.ctx, intake.deskId)).toBeNull();
    expect(await intake.db.ledgerItems.get(id)).toMatchObject({ status: 'closed', result: '已协调办结', hqVersion: 2 });

    // Once pushed, the close is the last write at HQ, and both windows end with it.
    expect(await pushOutbox(intake.ctx)).toBeNull();
    expect(await pullChanges(intake.ctx, intake.deskId)).toBeNull();
    expect(await pullChanges(other.ctx, other.deskId)).toBeNull();
    for (const db of [intake.db, other.db]) {
      expect(await db.ledgerItems.get(id)).toMatchObject({ status: 'closed', result: '已协调办结', owner, previous: { status: 'supervising' }, hqVersion: 3 });
    }
  });
});
