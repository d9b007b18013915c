import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { caseChecklist, recordChecklistItem } from '../../../../renderer/src/data/caseChecklist';
import { casePaperEvents } from '../../../../renderer/src/data/casePaperEvents';
import { applyCommand } from '../../../../renderer/src/data/cases';
import { caseCommitmentChecks, commitmentCheckTasks, recordCommitmentCheck } from '../../../../renderer/src/data/commitments';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import type { CaseRow, CommitmentCheckRow } from '../../../../renderer/src/data/records';
import { addWorkingDays } from '../../../../renderer/src/domain/calendar';
import { defaultCommitmentCheckDays } from '../../../../renderer/src/domain/cases/commitments';
import type { ChecklistItemKey } from '../../../../renderer/src/domain/catalogue/checklist';
import type { SignedInClerk } from '../../../../renderer/src/domain/clerks/account';
import { created, receiveEverything, storedCounts } from './caseWorkFixtures';
import { addAccount, beforeNationalDay, closeDatabases, readyDesk, startUpInput } from './dataFixtures';

afterEach(closeDatabases);

/** 自有房产未取得产权证明: the catalogue lets a signed commitment replace the 场所证明. */
const premisesKey = '510700-0001/premises-own-no-title' as ChecklistItemKey;
const notCommittable = 'shared:legal-rep-id' as ChecklistItemKey;
const untitledPremises = () => startUpInput({ answers: { ...startUpInput().answers, premises: 'owned_untitled' } });
const acceptedAt = '2026-09-30T10:00:00+08:00';
const checkedAt = '2026-10-12T15:00:00+08:00';

async function commit(db: DeskDatabase, row: CaseRow, clerk: SignedInClerk) {
  const result = await recordChecklistItem(db, row.id, premisesKey, { status: 'committed' }, { clerk, at: beforeNationalDay });
  if (!result.ok) throw new Error(result.message);
}

/** A case whose premises certificate was replaced by a commitment, everything else received, accepted. */
async function acceptedWithCommitment() {
  const desk = await readyDesk();
  const row = await created(desk.db, desk.clerk, beforeNationalDay, untitledPremises());
  await commit(desk.db, row, desk.clerk);
  await receiveEverything(desk.db, row, desk.clerk, beforeNationalDay);
  const accepted = await applyCommand(desk.db, row.id, { type: 'accept' }, { clerk: desk.clerk, at: acceptedAt });
  if (!accepted.ok) throw new Error(accepted.message);
  return { ...desk, row };
}

describe('marking an item 承诺 at intake', () => {
  it('is recorded where the catalogue allows it, with a checklist op for HQ', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk, beforeNationalDay, untitledPremises());
    await commit(db, row, clerk);
    expect((await caseChecklist(db, row.id)).find((item) => item.key === premisesKey)?.status).toBe('committed');
    const op = (await db.outbox.orderBy('seq').last())!.op;
    expect(op.entity === 'checklistEvent' && op.payload.status).toBe('committed');
  });

  it('is refused for a material that allows no commitment, leaving nothing behind', async () => {
    const { db, clerk } = await readyDesk();
    const row = await created(db, clerk, beforeNationalDay, untitledPremises());
    const before = await storedCounts(db);
    const result = await recordChecklistItem(db, row.id, notCommittable, { status: 'committed' }, { clerk, at: beforeNationalDay });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('不适用告知承诺') });
    expect(await storedCounts(db)).toEqual(before);
  });

  it('lets the case be accepted without the document', async () => {
    const { db, row } = await acceptedWithCommitment();
    expect((await db.cases.get(row.id))!.statusCode).toBe('accepted');
  });
});

describe('recordCommitmentCheck', () => {
  it('records 属实 with its op and an entry of the case history', async () => {
    const { db, clerk, row } = await acceptedWithCommitment();
    const result = await recordCommitmentCheck(db, row.id, premisesKey, { outcome: 'truthful', action: null }, { clerk, at: checkedAt });
    expect(result.ok).toBe(true);
    const [check] = await caseCommitmentChecks(db, row.id);
    expect(check).toMatchObject({ caseId: row.id, materialKey: premisesKey, name: '住所使用证明：房产管理部门或村（居）委会出具的场所证明', outcome: 'truthful', action: null, clerkId: clerk.id, deskCode: '01', at: '2026-10-12T15:00:00.000+08:00' });
    const op = (await db.outbox.orderBy('seq').last())!.op;
    expect(op).toMatchObject({ entity: 'commitmentCheck', type: 'append', entityId: check!.id, payload: { outcome: 'truthful', materialKey: premisesKey } });
    const history = await casePaperEvents(db, (await db.cases.get(row.id))!, '01');
    expect(history.filter((event) => event.entity === 'commitmentCheck').map((event) => event.id)).toEqual([check!.id]);
    expect((await db.auditLog.orderBy('seq').last())!.action).toBe('commitment.check');
  });

  it('records 不属实 with the action taken, and refuses it without one', async () => {
    const { db, clerk, row } = await acceptedWithCommitment();
    const before = await storedCounts(db);
    const bare = await recordCommitmentCheck(db, row.id, premisesKey, { outcome: 'untruthful', action: '  ' }, { clerk, at: checkedAt });
    expect(bare).toEqual({ ok: false, message: '核查结果为不属实的，请写明采取的处理措施' });
    expect(await storedCounts(db)).toEqual(before);
    const result = await recordCommitmentCheck(db, row.id, premisesKey, { outcome: 'untruthful', action: '责令限期改正，逾期依法撤销登记' }, { clerk, at: checkedAt });
    expect(result.ok && result.value.action).toBe('责令限期改正，逾期依法撤销登记');
  });

  it('is refused a second time for the same material', async () => {
    const { db, clerk, row } = await acceptedWithCommitment();
    await recordCommitmentCheck(db, row.id, premisesKey, { outcome: 'truthful', action: null }, { clerk, at: checkedAt });
    const again = await recordCommitmentCheck(db, row.id, premisesKey, { outcome: 'untruthful', action: '撤销登记' }, { clerk, at: checkedAt });
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining('已登记核查结果（属实）') });
  });

  it('is refused before acceptance, for an item not committed, and to an admin', async () => {
    const { db, clerk } = await readyDesk();
    const drafting = await created(db, clerk, beforeNationalDay, untitledPremises());
    await commit(db, drafting, clerk);
    expect(await recordCommitmentCheck(db, drafting.id, premisesKey, { outcome: 'truthful', action: null }, { clerk, at: checkedAt })).toMatchObject({
      ok: false,
      message: expect.stringContaining('受理后才开始核查'),
    });
    const { db: other, clerk: otherClerk, row } = await acceptedWithCommitment();
    expect(await recordCommitmentCheck(other, row.id, notCommittable, { outcome: 'truthful', action: null }, { clerk: otherClerk, at: checkedAt })).toMatchObject({
      ok: false,
      message: expect.stringContaining('不是以告知承诺代替的材料'),
    });
    const admin = await addAccount(other, 'admin', '管理员');
    expect(await recordCommitmentCheck(other, row.id, premisesKey, { outcome: 'truthful', action: null }, { clerk: admin, at: checkedAt })).toEqual({
      ok: false,
      message: '您没有登记告知承诺核查结果的权限',
    });
  });
});

describe('commitmentCheckTasks', () => {
  it('lists the open check with its due date, overdue after it, and drops it once recorded', async () => {
    const { db, clerk, row } = await acceptedWithCommitment();
    const due = addWorkingDays('2026-09-30', defaultCommitmentCheckDays);
    expect(await commitmentCheckTasks(db, '2026-10-12')).toEqual([
      expect.objectContaining({ caseId: row.id, caseNumber: row.caseNumber, materialKey: premisesKey, acceptedOn: '2026-09-30', dueDate: due, state: 'open' }),
    ]);
    const after = addWorkingDays(due, 1);
    expect((await commitmentCheckTasks(db, after))[0]!.state).toBe('overdue');
    await recordCommitmentCheck(db, row.id, premisesKey, { outcome: 'truthful', action: null }, { clerk, at: checkedAt });
    expect(await commitmentCheckTasks(db, after)).toEqual([]);
  });

  it('counts the 20 working days from acceptance by the hall calendar, skipping the National Day holiday', async () => {
    const { db } = await acceptedWithCommitment();
    // Accepted on 9月30日: twenty calendar days would end on 10月20日; the holiday and weekends push it to 11月3日.
    const [onDueDay] = await commitmentCheckTasks(db, '2026-11-03');
    expect(onDueDay).toMatchObject({ dueDate: '2026-11-03', state: 'open' });
    expect((await commitmentCheckTasks(db, '2026-11-04'))[0]).toMatchObject({ dueDate: '2026-11-03', state: 'overdue' });
  });

  it('drops a check another window recorded, as pulled', async () => {
    const { db, row } = await acceptedWithCommitment();
    const pulled: CommitmentCheckRow = {
      id: '01900000-0000-7000-8000-000000000001',
      caseId: row.id,
      materialKey: premisesKey,
      name: '住所使用证明',
      outcome: 'truthful',
      action: null,
      clerkId: 'clerk-02',
      clerkName: '赵六',
      deskCode: '02',
      at: checkedAt,
    };
    await db.commitmentChecks.put(pulled);
    expect(await commitmentCheckTasks(db, '2026-10-12')).toEqual([]);
  });

  it('has nothing for a case still at the counter', async () => {
    const { db, clerk } = await readyDesk();
    await commit(db, await created(db, clerk, beforeNationalDay, untitledPremises()), clerk);
    expect(await commitmentCheckTasks(db, '2026-10-12')).toEqual([]);
  });
});
