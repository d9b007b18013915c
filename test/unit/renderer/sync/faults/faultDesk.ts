import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect } from 'vitest';
import { createHqClient, type HqClient } from '../../../../../electron/main/hq/hqClient';
import { memorySecretStore } from '../../../../../electron/main/hq/secretStore';
import { memorySettingsStore } from '../../../../../electron/main/hq/settingsStore';
import { DeskDatabase } from '../../../../../renderer/src/data/db';
import { protocolVersion } from '../../../../../renderer/src/protocol/version';
import { readSyncStatus } from '../../../../../renderer/src/data/syncState';
import type { SignedInClerk } from '../../../../../renderer/src/domain/clerks/account';
import { createSyncEngine, runSyncPass, type PassOutcome, type SyncEngine, type SyncEngineOptions } from '../../../../../renderer/src/sync/engine';
import { defaultPushLimits, type PushLimits, type SyncContext } from '../../../../../renderer/src/sync/syncContext';
import type { OpSummary } from '../../../../hq/operatorProtocol';
import { enrolmentCode, type HqHarness } from '../../../../hq/support/harness';
import { addAccount } from '../../data/dataFixtures';
import { StorageFaults } from './storageFaults';
import { TransportTap } from './transportTap';

export const hallCode = 'MY';

export interface FaultDeskOptions {
  /** How far the desk's clock is off (ms; negative = behind). */
  clockOffsetMs?: number;
  /** The HQ client's request timeout (ms). */
  timeoutMs?: number;
  limits?: PushLimits;
}

/** A second window of a desk: its own database object on the desk's IndexedDB, its own network tap. */
export interface DeskWindow {
  db: DeskDatabase;
  tap: TransportTap;
  pass(): Promise<PassOutcome>;
}

let deskCounter = 0;

/**
 * One counter desk as the fault suite runs it: its own IndexedDB (a separate fake-indexeddb factory, so
 * two desks never share a database), the main process's real HQ client bound to the engine directly (no
 * Electron, no IPC) behind a `TransportTap`, storage faults installed under Dexie, and a clock that may
 * be off. `restart` is the page reloading: the same IndexedDB opened afresh by a new database object,
 * while the main process (the HQ client and its token) lives on.
 */
export class FaultDesk {
  private readonly idb = new IDBFactory();
  private readonly name = `fault-desk-${++deskCounter}`;
  readonly storage = new StorageFaults();
  db: DeskDatabase;
  tap: TransportTap;
  private readonly engines: SyncEngine[] = [];
  private readonly windows: DeskDatabase[] = [];

  /** The clerk signed in at this desk (set up with the desk). */
  clerk!: SignedInClerk;
  /** How far the desk's clock is off now (ms); someone may set it right mid-test. */
  clockOffsetMs: number;

  private constructor(
    readonly deskCode: string,
    readonly client: HqClient,
    readonly deskId: string,
    private readonly options: FaultDeskOptions,
  ) {
    this.db = this.open();
    this.tap = new TransportTap(client);
    this.clockOffsetMs = options.clockOffsetMs ?? 0;
  }

  static async enrol(hq: HqHarness, deskCode: string, options: FaultDeskOptions = {}): Promise<FaultDesk> {
    const client = createHqClient({
      settings: memorySettingsStore(),
      secrets: memorySecretStore(),
      protocolVersion,
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    });
    const enrolled = await client.enrol({ baseUrl: hq.url, hallCode, deskCode, enrolmentCode });
    if (!enrolled.ok) throw new Error(enrolled.failure.message);
    const desk = new FaultDesk(deskCode, client, enrolled.value.deskId, options);
    await desk.db.meta.put({ key: 'deskIdentity', value: { hallCode, deskCode } });
    desk.clerk = await addAccount(desk.db, 'clerk', `受理员${deskCode}`);
    return desk;
  }

  private open(): DeskDatabase {
    const db = new DeskDatabase(this.name, { indexedDB: this.idb, IDBKeyRange });
    db.use(this.storage.middleware);
    return db;
  }

  /** The desk's clock. */
  now(): Date {
    return new Date(Date.now() + this.clockOffsetMs);
  }

  context(): SyncContext {
    return { db: this.db, transport: this.tap, now: () => this.now(), limits: this.options.limits ?? defaultPushLimits };
  }

  /** One sync pass (push, pull, reference data), as the loop runs it. */
  pass(): Promise<PassOutcome> {
    return runSyncPass(this.context());
  }

  /** The sync loop of this window; stopped by `dispose`. No broadcast channel, no `online` events unless given. */
  engine(options: Partial<SyncEngineOptions> = {}): SyncEngine {
    const engine = createSyncEngine({
      db: this.db,
      transport: this.tap,
      now: () => this.now(),
      limits: this.options.limits ?? defaultPushLimits,
      openChannel: null,
      network: null,
      watchOutbox: false,
      ...options,
    });
    this.engines.push(engine);
    return engine;
  }

  /**
   * The page reloads: the old database object is dropped mid-whatever (a pass waiting on it never
   * resumes), and a new one opens the same IndexedDB. The network tap starts afresh (the machine's
   * network stays as it was).
   */
  restart(): void {
    this.db.close();
    this.db = this.open();
    const offline = this.tap.offline;
    this.tap = new TransportTap(this.client);
    this.tap.offline = offline;
  }

  /** Another window of the same desk: the same IndexedDB and HQ client, its own database object and tap. */
  secondWindow(): DeskWindow {
    const db = this.open();
    const tap = new TransportTap(this.client);
    this.windows.push(db);
    return { db, tap, pass: () => runSyncPass({ ...this.context(), db, transport: tap }) };
  }

  /** Enrols again (after HQ expired the token): same desk id and sequence, a new token. */
  async enrolAgain(hq: HqHarness): Promise<void> {
    const enrolled = await this.client.enrol({ baseUrl: hq.url, hallCode, deskCode: this.deskCode, enrolmentCode });
    if (!enrolled.ok) throw new Error(enrolled.failure.message);
  }

  async dispose(): Promise<void> {
    await Promise.all(this.engines.splice(0).map((engine) => engine.stop()));
    for (const db of [this.db, ...this.windows]) db.close();
  }
}

/** A desk's wall-clock time on a given day, at +08:00 (e.g. `deskTime('2026-11-26', '10:15')`). */
export function deskTime(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** Every op HQ holds for the desk, in seq order (the operator API pages by `afterSeq`). */
export async function hqOpsOf(hq: HqHarness, deskId: string): Promise<OpSummary[]> {
  const all: OpSummary[] = [];
  for (;;) {
    const page = await hq.operator.ops(deskId, { afterSeq: all.at(-1)?.seq ?? 0, limit: 10_000 });
    all.push(...page);
    if (page.length < 10_000) return all;
  }
}

/** The states of the desk's outbox rows, counted. */
export async function outboxStateCounts(db: DeskDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.outbox.each((row) => {
    counts[row.state] = (counts[row.state] ?? 0) + 1;
  });
  return counts;
}

/**
 * What every fault test checks afterwards — nothing lost, nothing applied twice:
 * - the desk's outbox seqs run 1…N without a hole, and every op is acknowledged (none pending or sending);
 * - HQ holds exactly the desk's ops: each opId once, at the seq the desk gave it;
 * - HQ's lastSeq for the desk, and the desk's note of it, equal the desk's highest seq.
 */
export async function expectDelivered(hq: HqHarness, desk: { db: DeskDatabase; deskId: string }): Promise<void> {
  const rows = await desk.db.outbox.orderBy('seq').toArray();
  expect(rows.map((row) => row.seq), 'outbox seqs run 1…N').toEqual(rows.map((_, index) => index + 1));
  expect(
    rows.filter((row) => row.state === 'pending' || row.state === 'sending').map((row) => `${row.seq}:${row.state}`),
    'every op acknowledged by HQ',
  ).toEqual([]);
  const held = await hqOpsOf(hq, desk.deskId);
  expect(new Set(held.map((op) => op.opId)).size, 'each opId once on HQ').toBe(held.length);
  expect(
    held.map((op) => `${op.seq}:${op.opId}`),
    'HQ holds exactly the desk\'s ops at their seqs',
  ).toEqual(rows.map((row) => `${row.seq}:${row.opId}`));
  const summary = (await hq.operator.desks()).find((known) => known.deskId === desk.deskId);
  expect(summary?.lastSeq, 'HQ lastSeq').toBe(rows.length);
  expect((await readSyncStatus(desk.db)).hqLastSeq ?? 0, 'the desk\'s note of HQ lastSeq').toBe(rows.length);
}

/**
 * Stops HQ and answers its port, to start it again where the desks' enrolment points
 * (`hq.start({ port })`). Waits a moment after: clients' keep-alive pools must see the closed sockets,
 * or their first request to the restarted HQ would go down a dead one.
 */
export async function stopHq(hq: HqHarness): Promise<number> {
  const port = Number(new URL(hq.url).port);
  await hq.stop();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return port;
}
