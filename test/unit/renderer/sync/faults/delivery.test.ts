import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hqMessages } from '../../../../../electron/main/hq/messages';
import { readSyncStatus } from '../../../../../renderer/src/data/syncState';
import { inPageLocks } from '../../../../../renderer/src/sync/syncLock';
import { HqHarness } from '../../../../hq/support/harness';
import { acceptedCase, draftCase } from '../syncFixtures';
import { deskTime, expectDelivered, FaultDesk, hqOpsOf, outboxStateCounts, stopHq } from './faultDesk';
import { meeting } from './transportTap';

/** Fault tests of delivery (ARCHITECTURE.md, "The sync contract"): HQ or the network fails around a push, and still every op lands once. */

let hq: HqHarness;
const desks: FaultDesk[] = [];
beforeEach(async () => {
  hq = await new HqHarness().start();
});
afterEach(async () => {
  await Promise.all(desks.splice(0).map((desk) => desk.dispose()));
  await hq.dispose();
});

async function enrol(deskCode = '01', options: Parameters<typeof FaultDesk.enrol>[2] = {}): Promise<FaultDesk> {
  const desk = await FaultDesk.enrol(hq, deskCode, options);
  desks.push(desk);
  return desk;
}

/** Retries every second or so while HQ is away: a few dozen passes over the day's work, not hundreds. */
const shortBackoff = { baseMs: 300, maxMs: 1000 };

describe('HQ or the network fails around a push', () => {
  it('HQ down for a day of work: every op waits in the outbox, then arrives exactly once when HQ is back', async () => {
    const desk = await enrol();
    const port = await stopHq(hq);
    const network = new EventTarget();
    desk.engine({ backoff: shortBackoff, network, locks: inPageLocks(), idleMs: 60_000 }).start();

    // A morning and an afternoon at the counter, the loop retrying all the while.
    const times = ['09:05', '09:40', '10:20', '11:10', '11:45', '13:35', '14:20', '15:05', '15:50', '16:40'];
    for (const time of times) await acceptedCase(desk, deskTime('2026-11-26', time));
    await draftCase(desk, deskTime('2026-11-26', '17:20'));

    const total = await desk.db.outbox.count();
    expect(total).toBeGreaterThan(200);
    await vi.waitFor(async () => expect((await readSyncStatus(desk.db)).lastError?.message).toBe(hqMessages.network));
    const waiting = await outboxStateCounts(desk.db);
    expect((waiting['pending'] ?? 0) + (waiting['sending'] ?? 0)).toBe(total);

    await hq.start({ port });
    network.dispatchEvent(new Event('online'));
    // The loop's next pass (at once, on `online`) ends in sync.
    await vi.waitFor(async () => expect(await readSyncStatus(desk.db)).toMatchObject({ lastError: null, lastSyncAt: expect.any(String) }), { timeout: 20_000, interval: 100 });
    expect(await outboxStateCounts(desk.db)).toEqual({ applied: total });
    await expectDelivered(hq, desk);
    expect((await hq.operator.listCases({ originDeskId: desk.deskId })).total).toBe(times.length + 1);
  });

  it('5xx after k of n ops: the k stay acknowledged, the rest are sent on the next pass, none twice', async () => {
    const desk = await enrol('01', { limits: { maxOps: 10, maxBytes: 1024 * 1024 } });
    await acceptedCase(desk);
    await acceptedCase(desk);
    const n = await desk.db.outbox.count();
    const k = 20;
    desk.tap.afterPush = async () => {
      if (desk.tap.opsPushed === k) await hq.operator.setFaults({ failNext: { route: 'push', count: 1, status: 503 } });
    };

    expect(await desk.pass()).toEqual({ kind: 'failed', message: hqMessages.serverError(503) });
    const rows = await desk.db.outbox.orderBy('seq').toArray();
    expect(rows.slice(0, k).every((row) => row.state === 'applied')).toBe(true);
    expect(rows.slice(k).map((row) => row.state)).toEqual(Array(n - k).fill('pending'));
    expect(rows[k]?.lastError).toBe(hqMessages.serverError(503));
    expect(await hqOpsOf(hq, desk.deskId)).toHaveLength(k);

    desk.tap.afterPush = null;
    expect(await desk.pass()).toEqual({ kind: 'synced' });
    await expectDelivered(hq, desk);
    expect(desk.tap.opsPushed).toBe(n + 10);
  });

  it.each([
    { mode: 'hang' as const, message: hqMessages.timeout(1), expected: 'the desk times out' },
    { mode: 'error' as const, message: hqMessages.serverError(500), expected: 'HQ answers 500' },
  ])('HQ commits a push and then $expected: the resend is answered as duplicates and nothing is applied twice', async ({ mode, message }) => {
    const desk = await enrol('01', { timeoutMs: 1000 });
    await acceptedCase(desk);
    const total = await desk.db.outbox.count();
    await hq.operator.setFaults({ afterCommit: { route: 'push', count: 1, mode, hangMs: 3000 } });

    expect(await desk.pass()).toEqual({ kind: 'failed', message });
    expect(await outboxStateCounts(desk.db)).toEqual({ pending: total });
    expect(await hqOpsOf(hq, desk.deskId)).toHaveLength(total);

    expect(await desk.pass()).toEqual({ kind: 'synced' });
    const rows = await desk.db.outbox.toArray();
    expect(rows.every((row) => row.state === 'applied' && row.result?.status === 'duplicate' && row.result.originalStatus === 'applied')).toBe(true);
    await expectDelivered(hq, desk);
    expect((await hq.operator.listCases()).total).toBe(1);
  });
});

describe('the same batch sent twice at once', () => {
  it('two windows asked to sync at the same moment: the sync lock lets one push and every op is sent once', async () => {
    const desk = await enrol();
    await acceptedCase(desk);
    const total = await desk.db.outbox.count();
    const locks = inPageLocks();
    const other = desk.secondWindow();
    const first = desk.engine({ locks });
    const second = desk.engine({ locks, db: other.db, transport: other.tap });

    const outcomes = await Promise.all([first.runPass(), second.runPass()]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['elsewhere', 'synced']);
    expect(desk.tap.opsPushed + other.tap.opsPushed).toBe(total);
    await expectDelivered(hq, desk);
  });

  it('two pushes of the same ops in flight together (no lock): HQ applies one, answers the other as duplicates', async () => {
    const desk = await enrol();
    await acceptedCase(desk);
    const total = await desk.db.outbox.count();
    const other = desk.secondWindow();
    // Both windows' pushes wait for each other, then reach HQ together.
    const meet = meeting(2);
    desk.tap.beforePush = meet;
    other.tap.beforePush = meet;

    expect(await Promise.all([desk.pass(), other.pass()])).toEqual([{ kind: 'synced' }, { kind: 'synced' }]);
    const answers = [...desk.tap.pushes, ...other.tap.pushes].map((push) => (push.answer?.ok ? [...new Set(push.answer.value.results.map((result) => result.status))] : []));
    expect(answers.sort()).toEqual([['applied'], ['duplicate']]);
    await expectDelivered(hq, desk);
    expect(await outboxStateCounts(desk.db)).toEqual({ applied: total });
  });
});
