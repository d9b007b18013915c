import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hqMessages } from '../../../../../electron/main/hq/messages';
import { createDraftCase } from '../../../../../renderer/src/data/cases';
import { DataError } from '../../../../../renderer/src/data/dataError';
import { readPullCursor } from '../../../../../renderer/src/data/syncState';
import { HqHarness } from '../../../../hq/support/harness';
import { startUpInput } from '../../data/dataFixtures';
import { acceptedCase, draftCase } from '../syncFixtures';
import { expectDelivered, FaultDesk, hqOpsOf, outboxStateCounts } from './faultDesk';

/** Fault tests of the page going away (ARCHITECTURE.md, "The sync contract"): mid-write, between a push and its answer, mid pull page. */

let hq: HqHarness;
const desks: FaultDesk[] = [];
beforeEach(async () => {
  hq = await new HqHarness().start();
});
afterEach(async () => {
  await Promise.all(desks.splice(0).map((desk) => desk.dispose()));
  await hq.dispose();
});

async function enrol(deskCode = '01'): Promise<FaultDesk> {
  const desk = await FaultDesk.enrol(hq, deskCode);
  desks.push(desk);
  return desk;
}

describe('the page killed', () => {
  it('mid-transaction: nothing of the interrupted write is kept, and the outbox seq stays contiguous', async () => {
    const desk = await enrol();
    await draftCase(desk);
    const before = { cases: await desk.db.cases.count(), items: await desk.db.checklistItems.count(), ops: await desk.db.outbox.count() };
    // The case row, its checklist and the seq counter are written in the transaction before its ops.
    desk.storage.failNextWrite('outbox', 'killed');
    await expect(createDraftCase(desk.db, startUpInput({ queueTicket: 'A024' }), { clerk: desk.clerk })).rejects.toBeInstanceOf(DataError);
    expect(desk.storage.struck).toBe(1);

    desk.restart();
    expect(await desk.db.cases.count()).toBe(before.cases);
    expect(await desk.db.checklistItems.count()).toBe(before.items);
    expect(await desk.db.outbox.count()).toBe(before.ops);
    expect((await desk.db.cases.toArray()).some((row) => row.queueTicket === 'A024')).toBe(false);

    await draftCase(desk);
    const seqs = (await desk.db.outbox.orderBy('seq').keys()) as number[];
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
    expect(await desk.pass()).toEqual({ kind: 'synced' });
    await expectDelivered(hq, desk);
    expect((await hq.operator.listCases()).total).toBe(2);
  });

  it('after a push reached HQ, before its answer: the ops stay 送出未确认 and are sent again after the restart, as duplicates', async () => {
    const desk = await enrol();
    await acceptedCase(desk);
    const total = await desk.db.outbox.count();
    desk.tap.loseNextAnswer('never');
    void desk.pass();
    await vi.waitFor(async () => expect(await hqOpsOf(hq, desk.deskId)).toHaveLength(total));

    desk.restart();
    expect(await outboxStateCounts(desk.db)).toEqual({ sending: total });
    expect(await desk.pass()).toEqual({ kind: 'synced' });
    const rows = await desk.db.outbox.toArray();
    expect(rows.every((row) => row.result?.status === 'duplicate' && row.state === 'applied' && row.attempts === 2)).toBe(true);
    await expectDelivered(hq, desk);
  });

  it('mid pull page: the cursor stays at the last whole page, and the page is applied once on the next pass', async () => {
    const mine = await enrol('01');
    const theirs = await enrol('02');
    expect(await mine.pass()).toEqual({ kind: 'synced' });
    const cursor = await readPullCursor(mine.db, mine.deskId);
    const theirCase = await acceptedCase(theirs);
    expect(await theirs.pass()).toEqual({ kind: 'synced' });

    // Their case arrives with its checklist, written after the case row in the page's transaction.
    mine.storage.failNextWrite('checklistItems', 'killed');
    expect(await mine.pass()).toMatchObject({ kind: 'failed' });
    expect(mine.storage.struck).toBe(1);
    mine.restart();
    expect(await readPullCursor(mine.db, mine.deskId)).toBe(cursor);
    expect(await mine.db.cases.get(theirCase.id)).toBeUndefined();

    expect(await mine.pass()).toEqual({ kind: 'synced' });
    expect(await readPullCursor(mine.db, mine.deskId)).toBeGreaterThan(cursor);
    expect(await mine.db.cases.get(theirCase.id)).toMatchObject({ statusCode: 'accepted', caseNumber: theirCase.caseNumber });
    expect(await mine.db.checklistItems.where('caseId').equals(theirCase.id).count()).toBe(await theirs.db.checklistItems.where('caseId').equals(theirCase.id).count());
    await expectDelivered(hq, mine);
    await expectDelivered(hq, theirs);
  });

  it('a pull page cut off in transit is not applied and the cursor does not move', async () => {
    const mine = await enrol('01');
    const theirs = await enrol('02');
    expect(await mine.pass()).toEqual({ kind: 'synced' });
    const cursor = await readPullCursor(mine.db, mine.deskId);
    const theirCase = await draftCase(theirs);
    expect(await theirs.pass()).toEqual({ kind: 'synced' });

    await hq.operator.setFaults({ truncateNext: { route: 'pull', count: 1 } });
    expect(await mine.pass()).toEqual({ kind: 'failed', message: hqMessages.badResponse });
    expect(await readPullCursor(mine.db, mine.deskId)).toBe(cursor);
    expect(await mine.db.cases.get(theirCase.id)).toBeUndefined();

    expect(await mine.pass()).toEqual({ kind: 'synced' });
    expect(await mine.db.cases.get(theirCase.id)).toMatchObject({ caseNumber: theirCase.caseNumber });
    await expectDelivered(hq, mine);
    await expectDelivered(hq, theirs);
  });
});
