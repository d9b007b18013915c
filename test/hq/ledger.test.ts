import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseIdSchema } from '../../renderer/src/domain/cases/caseId';
import { ledgerItemIdOf, type LedgerItem } from '../../renderer/src/domain/ledger/ledgerItem';
import { pullResponseSchema, type PullChange } from '../../renderer/src/protocol/pull';
import { pushResponseSchema } from '../../renderer/src/protocol/push';
import { acceptedStatus, at, documentPayload, Outbox } from './support/fixtures';
import { HqHarness, type TestDesk } from './support/harness';

let hq: HqHarness;
let deskA: TestDesk;
let deskB: TestDesk;
let otherHall: TestDesk;

beforeEach(async () => {
  hq = await new HqHarness().start();
  deskA = await hq.enrol('FC', '03');
  deskB = await hq.enrol('FC', '05');
  otherHall = await hq.enrol('GL', '01');
});
afterEach(() => hq.dispose());

function overdueItem(caseId: string, overrides: Partial<Record<keyof LedgerItem, unknown>> = {}): Record<string, unknown> {
  return {
    id: ledgerItemIdOf('overdue', caseIdSchema.parse(caseId)),
    source: 'overdue',
    caseId,
    subject: null,
    owner: null,
    dueDate: '2026-12-01',
    reason: null,
    status: 'open',
    result: null,
    createdAt: at('09:00:00', '2026-12-02'),
    updatedAt: at('09:00:00', '2026-12-02'),
    previous: null,
    ...overrides,
  };
}

const owner = { department: '市场监管局登记科', liaisonName: '周专员', liaisonPhone: '13800138000' };

async function statuses(desk: TestDesk, ops: unknown[]): Promise<string[]> {
  const pushed = pushResponseSchema.parse((await desk.push(ops)).body);
  return pushed.results.map((result) => result.status);
}

async function pulled(desk: TestDesk): Promise<PullChange[]> {
  return pullResponseSchema.parse((await desk.pull('?cursor=0&limit=500')).body).changes;
}

/** A desk's case of hall FC, accepted, with its own outbox. */
async function caseOf(desk: TestDesk): Promise<{ caseId: string; outbox: Outbox }> {
  const outbox = new Outbox();
  const caseId = uuidv7();
  expect(await statuses(desk, [outbox.newCase(desk, 1, { status: acceptedStatus() }, caseId)])).toEqual(['applied']);
  return { caseId, outbox };
}

describe('ledger items on HQ', () => {
  it('stores an item and its follow-up and sends both to every desk of the hall, and to no other hall', async () => {
    const { caseId, outbox } = await caseOf(deskA);
    const item = overdueItem(caseId);
    const followUpId = uuidv7();
    const followUp = { itemId: item['id'], at: at('15:00:00', '2026-12-02'), by: '周专员', text: '已电话督促审批科室' };
    expect(await statuses(deskA, [outbox.op('ledgerItem', String(item['id']), item as never), outbox.op('ledgerFollowUp', followUpId, followUp as never, { at: at('16:00:00', '2026-12-02') })])).toEqual([
      'applied',
      'applied',
    ]);

    const seenByB = await pulled(deskB);
    expect(seenByB.find((change) => change.entity === 'ledgerItem')).toMatchObject({ entityId: item['id'], version: 1, data: { status: 'open', dueDate: '2026-12-01' } });
    // The follow-up keeps when it was done; when it was recorded travels beside it.
    expect(seenByB.find((change) => change.entity === 'ledgerFollowUp')).toMatchObject({
      entityId: followUpId,
      data: { itemId: item['id'], by: '周专员', text: '已电话督促审批科室', deskCode: '03', recordedAt: at('16:00:00', '2026-12-02') },
    });
    expect(Date.parse((seenByB.find((change) => change.entity === 'ledgerFollowUp')!.data as { at: string }).at)).toBe(Date.parse(followUp.at));
    expect((await pulled(otherHall)).filter((change) => change.entity === 'ledgerItem' || change.entity === 'ledgerFollowUp')).toEqual([]);
  });

  it('lets the last writer win on owner, due date and status, keeping the values replaced in previous', async () => {
    const { caseId, outbox } = await caseOf(deskA);
    const id = String(overdueItem(caseId)['id']);
    await statuses(deskA, [outbox.op('ledgerItem', id, overdueItem(caseId) as never)]);
    const b = new Outbox();
    const assigned = overdueItem(caseId, { owner, status: 'supervising', updatedAt: at('10:00:00', '2026-12-03') });
    expect(await statuses(deskB, [b.op('ledgerItem', id, assigned as never, { baseVersion: 1 })])).toEqual(['applied']);
    const extended = overdueItem(caseId, { dueDate: '2026-12-09', reason: '审批科室需补充核实', status: 'open', updatedAt: at('11:00:00', '2026-12-03') });
    expect(await statuses(deskA, [outbox.op('ledgerItem', id, extended as never, { baseVersion: 1 })])).toEqual(['applied']);

    const item = (await pulled(deskB)).find((change) => change.entity === 'ledgerItem');
    expect(item).toMatchObject({ version: 3, data: { owner: null, dueDate: '2026-12-09', status: 'open', previous: { owner, dueDate: '2026-12-01', status: 'supervising' } } });
  });

  it('keeps HQ’s value of a field the writer did not change, and takes a change made before the desk heard back (baseVersion 0)', async () => {
    const { caseId, outbox } = await caseOf(deskA);
    const id = String(overdueItem(caseId)['id']);
    await statuses(deskA, [outbox.op('ledgerItem', id, overdueItem(caseId) as never)]);
    const b = new Outbox();
    await statuses(deskB, [b.op('ledgerItem', id, overdueItem(caseId, { owner, status: 'supervising', previous: { owner: null, dueDate: '2026-12-01', status: 'open' } }) as never, { baseVersion: 1 })]);
    // Desk A closes the item as it knew it (no owner): its `previous` shows it changed the status only.
    const closed = overdueItem(caseId, { status: 'closed', result: '已协调办结', previous: { owner: null, dueDate: '2026-12-01', status: 'open' } });
    expect(await statuses(deskA, [outbox.op('ledgerItem', id, closed as never, { baseVersion: 0 })])).toEqual(['applied']);
    expect((await pulled(deskB)).find((change) => change.entity === 'ledgerItem')).toMatchObject({
      version: 3,
      data: { owner, status: 'closed', result: '已协调办结', previous: { owner, status: 'supervising' } },
    });
  });

  it('keeps the item a desk created first when another desk derives the same item', async () => {
    const { caseId, outbox } = await caseOf(deskA);
    const id = String(overdueItem(caseId)['id']);
    await statuses(deskA, [outbox.op('ledgerItem', id, overdueItem(caseId, { owner, status: 'supervising' }) as never)]);
    const b = new Outbox();
    // Desk B has not pulled yet: its create (no baseVersion) must not undo A's assignment.
    expect(await statuses(deskB, [b.op('ledgerItem', id, overdueItem(caseId) as never)])).toEqual(['applied']);
    expect((await pulled(deskB)).find((change) => change.entity === 'ledgerItem')).toMatchObject({ version: 1, data: { owner, status: 'supervising' } });
  });

  it('refuses malformed items and follow-ups as rejected, and the queue moves on', async () => {
    const { caseId, outbox } = await caseOf(deskA);
    const id = String(overdueItem(caseId)['id']);
    const unknownCase = uuidv7();
    const pushed = pushResponseSchema.parse(
      (
        await deskA.push([
          // Closed without a result.
          outbox.op('ledgerItem', id, overdueItem(caseId, { status: 'closed' }) as never),
          // An id that is not the one its source and case make.
          outbox.op('ledgerItem', ledgerItemIdOf('greenCard', caseIdSchema.parse(caseId)), overdueItem(caseId, { id: ledgerItemIdOf('greenCard', caseIdSchema.parse(caseId)) }) as never),
          // An item of a case HQ does not know.
          outbox.op('ledgerItem', String(overdueItem(unknownCase)['id']), overdueItem(unknownCase) as never),
          // A follow-up of an item HQ does not hold.
          outbox.op('ledgerFollowUp', uuidv7(), { itemId: id, at: at(), by: '周专员', text: '督促' } as never),
          // The upsert entity sent as an append.
          { ...outbox.op('ledgerItem', id, overdueItem(caseId) as never), type: 'append' },
          outbox.op('ledgerItem', id, overdueItem(caseId) as never),
        ])
      ).body,
    );
    expect(pushed.results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'applied']);
    expect(pushed.results[0]?.reason).toContain('办结督办事项须填写办理结果');
    expect(pushed.results[1]?.reason).toBe('督办事项编号与其来源、办件和对应事项不符');
    expect(pushed.results[2]?.reason).toBe('市级系统中没有该办件（可能其新建操作已被拒绝）');
    expect(pushed.results[3]?.reason).toBe('市级系统中没有该督办事项（可能其新建操作已被拒绝）');
  });

  it('archives a printed 督办台账 (ledgerReport, a document of no case) and relays it to the hall', async () => {
    const outbox = new Outbox();
    const id = uuidv7();
    const printed = documentPayload({ caseId: null, kind: 'ledgerReport', documentNumber: '绵市监督字〔2026〕第FC03-0001号' });
    expect(await statuses(deskA, [outbox.op('documentEvent', id, printed)])).toEqual(['applied']);
    expect((await pulled(deskB)).filter((change) => change.entity === 'documentEvent')).toMatchObject([{ entityId: id, data: { kind: 'ledgerReport', documentNumber: '绵市监督字〔2026〕第FC03-0001号' } }]);
    expect(await statuses(deskA, [outbox.op('documentEvent', uuidv7(), { ...printed, kind: 'ledgerSummary' as never })])).toEqual(['rejected']);
  });

  it('refuses an item of another hall’s case', async () => {
    const { caseId } = await caseOf(deskA);
    const foreign = new Outbox();
    const pushed = pushResponseSchema.parse((await otherHall.push([foreign.op('ledgerItem', String(overdueItem(caseId)['id']), overdueItem(caseId) as never)])).body);
    expect(pushed.results[0]).toMatchObject({ status: 'rejected', reason: '该办件属于其他大厅，本窗口不能修改' });
  });
});
