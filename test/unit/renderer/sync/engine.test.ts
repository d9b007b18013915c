import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHqClient } from '../../../../electron/main/hq/hqClient';
import { memorySecretStore } from '../../../../electron/main/hq/secretStore';
import { memorySettingsStore } from '../../../../electron/main/hq/settingsStore';
import { protocolVersion } from '../../../../renderer/src/protocol/version';
import { readSyncStatus } from '../../../../renderer/src/data/syncState';
import { createSyncEngine, runSyncPass, type SyncEngine, type Timers } from '../../../../renderer/src/sync/engine';
import { inPageLocks } from '../../../../renderer/src/sync/syncLock';
import { licenceData } from '../../../hq/support/fixtures';
import { enrolmentCode, HqHarness } from '../../../hq/support/harness';
import { closeDatabases } from '../data/dataFixtures';
import { acceptedCase, draftCase, enrolledDesk, outboxStates, type SyncDesk } from './syncFixtures';

let hq: HqHarness;
const engines: SyncEngine[] = [];
beforeEach(async () => {
  hq = await new HqHarness().start();
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.stop()));
  await closeDatabases();
  await hq.dispose();
});

describe('runSyncPass', () => {
  it('pushes everything, pulls HQ\'s approval and notes the time of the sync', async () => {
    const desk = await enrolledDesk(hq);
    const row = await acceptedCase(desk);
    await draftCase(desk);
    expect(await runSyncPass(desk.ctx)).toEqual({ kind: 'synced' });
    expect(Object.keys(await outboxStates(desk.db))).toEqual(['applied']);
    await hq.operator.approve(row.id, licenceData());
    const now = new Date('2026-11-28T15:30:00+08:00');
    expect(await runSyncPass({ ...desk.ctx, now: () => now })).toEqual({ kind: 'synced' });
    expect(await desk.db.cases.get(row.id)).toMatchObject({ statusCode: 'awaitingIssuance', licence: { uscc: licenceData().uscc } });
    expect(await readSyncStatus(desk.db)).toMatchObject({ lastSyncAt: '2026-11-28T15:30:00.000+08:00', lastError: null, paused: null });
  });

  it('heals a lost answer: HQ committed, the desk timed out, the next pass gets duplicates and nothing is applied twice', async () => {
    const desk = await enrolledDesk(hq);
    const impatient = createHqClient({ settings: memorySettingsStore(), secrets: memorySecretStore(), protocolVersion, timeoutMs: 300 });
    await impatient.enrol({ baseUrl: hq.url, hallCode: 'MY', deskCode: '01', enrolmentCode });
    const ctx = { ...desk.ctx, transport: impatient };
    await acceptedCase(desk);
    const total = await desk.db.outbox.count();
    await hq.operator.setFaults({ afterCommit: { route: 'push', count: 1, mode: 'hang', hangMs: 2000 } });
    expect(await runSyncPass(ctx)).toMatchObject({ kind: 'failed', message: expect.stringContaining('没有应答') });
    expect(await outboxStates(desk.db)).toEqual({ pending: total });
    expect(await runSyncPass(ctx)).toEqual({ kind: 'synced' });
    expect((await desk.db.outbox.toArray()).every((row) => row.result?.status === 'duplicate' && row.state === 'applied')).toBe(true);
    expect(await hq.operator.ops(desk.deskId)).toHaveLength(total);
    expect((await hq.operator.listCases()).total).toBe(1);
  });

  it('pauses on 401 without deleting anything, and resumes after the desk enrols again', async () => {
    const desk = await enrolledDesk(hq);
    await draftCase(desk);
    await hq.operator.expireToken(desk.deskId);
    expect(await runSyncPass(desk.ctx)).toMatchObject({ kind: 'paused', reason: 'unauthorized' });
    expect(await readSyncStatus(desk.db)).toMatchObject({ paused: { reason: 'unauthorized', message: expect.stringContaining('重新注册') } });
    expect(await desk.db.cases.count()).toBe(1);
    expect(await outboxStates(desk.db)).toEqual({ pending: await desk.db.outbox.count() });
    await desk.hq.enrol({ baseUrl: hq.url, hallCode: 'MY', deskCode: '01', enrolmentCode });
    expect(await runSyncPass(desk.ctx)).toEqual({ kind: 'synced' });
    expect((await readSyncStatus(desk.db)).paused).toBeNull();
  });

  it('pauses when HQ requires a newer desk', async () => {
    const desk = await enrolledDesk(hq);
    await hq.operator.setMinSchemaVersion(protocolVersion + 1);
    expect(await runSyncPass(desk.ctx)).toMatchObject({ kind: 'paused', reason: 'deskTooOld', message: expect.stringContaining('升级') });
  });

  it('does nothing before the desk is enrolled', async () => {
    const desk = await enrolledDesk(hq);
    const stranger = createHqClient({ settings: memorySettingsStore(), secrets: memorySecretStore(), protocolVersion });
    expect(await runSyncPass({ ...desk.ctx, transport: stranger })).toEqual({ kind: 'notEnrolled' });
    expect((await readSyncStatus(desk.db)).lastError).toBeNull();
  });
});

/** Timers the test fires by hand: the loop's waits are recorded, never slept. */
function manualTimers() {
  const pending = new Set<{ ms: number; fire: () => void }>();
  const timers: Timers = {
    setTimeout: (fire, ms) => {
      const timer = { ms, fire };
      pending.add(timer);
      return timer;
    },
    clearTimeout: (handle) => pending.delete(handle as { ms: number; fire: () => void }),
  };
  return {
    timers,
    /** The wait the loop is in, once it is in one. */
    waiting: async () => {
      await vi.waitFor(() => expect(pending.size).toBe(1));
      return [...pending][0]!;
    },
    count: () => pending.size,
    fire: () => {
      const [timer] = pending;
      pending.delete(timer!);
      timer!.fire();
    },
  };
}

function engineFor(desk: SyncDesk, extra: Partial<Parameters<typeof createSyncEngine>[0]> = {}): SyncEngine {
  const engine = createSyncEngine({ db: desk.db, transport: desk.ctx.transport, openChannel: null, network: null, watchOutbox: false, random: () => 0.5, ...extra });
  engines.push(engine);
  return engine;
}

describe('the sync loop', () => {
  it('waits a while after a good pass, backs off with jitter after failures, and retries at once when the network returns', async () => {
    const desk = await enrolledDesk(hq);
    const clock = manualTimers();
    const network = new EventTarget();
    const engine = engineFor(desk, { timers: clock.timers, network, locks: inPageLocks(), idleMs: 30_000 });
    await hq.operator.setFaults({ failNext: { route: 'any', count: 3, status: 503 } });
    engine.start();
    expect((await clock.waiting()).ms).toBe(750); // 1 s ceiling, half plus half of 0.5
    clock.fire();
    await vi.waitFor(async () => expect((await readSyncStatus(desk.db)).lastError?.message).toContain('503'));
    expect((await clock.waiting()).ms).toBe(1500);
    clock.fire();
    expect((await clock.waiting()).ms).toBe(3000);
    // The network comes back: no waiting out the backoff.
    network.dispatchEvent(new Event('online'));
    expect((await clock.waiting()).ms).toBe(30_000);
    expect(await readSyncStatus(desk.db)).toMatchObject({ lastError: null, lastSyncAt: expect.any(String) });
  });

  it('stores when the next retry comes after a failure, for the status bar, and clears it once a pass succeeds', async () => {
    const desk = await enrolledDesk(hq);
    const clock = manualTimers();
    const network = new EventTarget();
    const now = () => new Date('2026-12-07T04:00:00.000Z');
    const engine = engineFor(desk, { timers: clock.timers, network, locks: inPageLocks(), idleMs: 30_000, now });
    await hq.operator.setFaults({ failNext: { route: 'any', count: 2, status: 503 } });
    engine.start();
    expect((await clock.waiting()).ms).toBe(750);
    expect(await readSyncStatus(desk.db)).toMatchObject({ nextAttemptAt: '2026-12-07T12:00:00.750+08:00', lastError: { message: expect.stringContaining('503') } });
    clock.fire();
    await vi.waitFor(async () => expect((await readSyncStatus(desk.db)).nextAttemptAt).toBe('2026-12-07T12:00:01.500+08:00'));
    network.dispatchEvent(new Event('online'));
    expect((await clock.waiting()).ms).toBe(30_000);
    expect(await readSyncStatus(desk.db)).toMatchObject({ nextAttemptAt: null, lastError: null });
  });

  it('runs a pass when asked and reports its outcome, counting new ops', async () => {
    const desk = await enrolledDesk(hq);
    const clock = manualTimers();
    const engine = engineFor(desk, { timers: clock.timers, locks: inPageLocks() });
    engine.start();
    await clock.waiting();
    await draftCase(desk);
    expect(await engine.runPass()).toEqual({ kind: 'synced' });
    expect(Object.keys(await outboxStates(desk.db))).toEqual(['applied']);
  });

  it('sends ops as soon as they are written while the desk is in sync', async () => {
    const desk = await enrolledDesk(hq);
    const clock = manualTimers();
    const engine = engineFor(desk, { timers: clock.timers, locks: inPageLocks(), watchOutbox: true });
    engine.start();
    await clock.waiting();
    await draftCase(desk);
    await vi.waitFor(async () => expect(Object.keys(await outboxStates(desk.db))).toEqual(['applied']));
  });

  it('lets one engine run the loop at a time; another takes over when it stops', async () => {
    const desk = await enrolledDesk(hq);
    const locks = inPageLocks();
    const first = manualTimers();
    const second = manualTimers();
    const leader = engineFor(desk, { timers: first.timers, locks });
    const follower = engineFor(desk, { timers: second.timers, locks });
    leader.start();
    await first.waiting();
    follower.start();
    expect(await follower.runPass()).toEqual({ kind: 'elsewhere' });
    await leader.stop();
    await second.waiting();
    expect(await follower.runPass()).toEqual({ kind: 'synced' });
  });

  it('waits for a person while paused, and syncs again when asked', async () => {
    const desk = await enrolledDesk(hq);
    const clock = manualTimers();
    const engine = engineFor(desk, { timers: clock.timers, locks: inPageLocks() });
    await hq.operator.expireToken(desk.deskId);
    engine.start();
    await vi.waitFor(async () => expect((await readSyncStatus(desk.db)).paused?.reason).toBe('unauthorized'));
    // No timer: a paused loop does not retry by itself.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(clock.count()).toBe(0);
    await desk.hq.enrol({ baseUrl: hq.url, hallCode: 'MY', deskCode: '01', enrolmentCode });
    engine.syncNow();
    await vi.waitFor(async () => expect((await readSyncStatus(desk.db)).paused).toBeNull());
  });
});
