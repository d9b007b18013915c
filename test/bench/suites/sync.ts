import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { build } from 'vite';
import { createHqClient, type HqClient } from '../../../electron/main/hq/hqClient';
import { memorySecretStore } from '../../../electron/main/hq/secretStore';
import { memorySettingsStore } from '../../../electron/main/hq/settingsStore';
import { appOrigin, createAppRequestHandler } from '../../../electron/main/security/appProtocol';
import { DeskDatabase } from '../../../renderer/src/data/db';
import { protocolVersion } from '../../../renderer/src/protocol/version';
import { readPullCursor } from '../../../renderer/src/data/syncState';
import { newClerkId } from '../../../renderer/src/domain/clerks/clerkId';
import { pullResponseSchema } from '../../../renderer/src/protocol/pull';
import { schemaVersionHeader } from '../../../renderer/src/protocol/version';
import { pullChanges } from '../../../renderer/src/sync/pullChanges';
import { pushOutbox } from '../../../renderer/src/sync/pushOutbox';
import { defaultPushLimits } from '../../../renderer/src/sync/syncContext';
import type { SyncTransport } from '../../../renderer/src/sync/transport';
import { assertChromium, chromiumArgs, chromiumPath } from '../../e2e/chromium';
import { enrolmentCode, HqHarness } from '../../hq/support/harness';
import { OutboxReadMeter } from '../outboxReadMeter';
import { anchorOf, round, summarise } from '../stats';
import type { PushMeasure, SyncBenchApi } from '../syncPage/syncBenchApi';
import { casesOps, changesPerCase, numbered, opsPerCase, seedBatch, seedOutbox, type Workload } from '../syncWorkload';
import type { BenchResult, BenchSuite } from '../types';

/**
 * Sync with the reference HQ over loopback (ARCHITECTURE.md, "Figures"): push 10,000 ops from a desk's outbox through the
 * engine's push phase, and pull 50,000 changes of the hall into a desk. HQ is the real reference server
 * on SQLite. The desk side runs twice for the push: in Chromium's IndexedDB (a bench page holding the
 * desk database, the engine and the main process's HQ client; the app adds an IPC hop per request), and
 * in Node on fake-indexeddb (also the desk side of the pull). Each figure has its anchor in the same run: the same work done with
 * plain `fetch` — the engine's push request bytes posted to a fresh HQ, the same pull pages fetched —
 * which is the floor for HQ and loopback on this machine.
 *
 * "Ops held in memory": the engine holds the batch in flight (the ops of one push request) and, while it
 * is on its way, reads the previous batch back to store HQ's answer to it (of an answered batch it keeps
 * only the seqs and HQ's results); it reads the outbox in pieces. So at most the largest push plus the
 * largest single read of the outbox (measured under Dexie, a DBCore middleware). The figure allows 1,000.
 */
const pushOpsTotal = Number(process.env['BENCH_SYNC_PUSH_OPS'] ?? 10_000);
const pullChangesTotal = Number(process.env['BENCH_SYNC_PULL_CHANGES'] ?? 50_000);
const pushRounds = Number(process.env['BENCH_SYNC_PUSH_ROUNDS'] ?? 3);
const pullRounds = Number(process.env['BENCH_SYNC_PULL_ROUNDS'] ?? 1);
/** Where the desk side of the push runs: `chromium`, `node` or both (comma-separated). */
const pushSides = (process.env['BENCH_SYNC_PUSH_SIDES'] ?? 'chromium,node').split(',');
const memoryLimit = 1000;
const hallCode = 'MY';
const businessDate = '2026-11-26';
const syncPageDir = resolve(__dirname, '../../../out/bench-sync');

let databases = 0;

function newWorkload(deskCode: string): Workload {
  return { hallCode, deskCode, clerkId: newClerkId(), businessDate };
}

/** The main process's HQ client (fetch injectable), enrolled with HQ. */
async function enrolledClient(hq: HqHarness, deskCode: string, fetchImpl: typeof fetch = fetch): Promise<{ client: HqClient; deskId: string }> {
  const client = createHqClient({ settings: memorySettingsStore(), secrets: memorySecretStore(), protocolVersion, fetch: fetchImpl });
  const enrolled = await client.enrol({ baseUrl: hq.url, hallCode, deskCode, enrolmentCode });
  if (!enrolled.ok) throw new Error(enrolled.failure.message);
  return { client, deskId: enrolled.value.deskId };
}

/** A desk database in Node, on its own fake-indexeddb. */
function nodeDatabase(): DeskDatabase {
  return new DeskDatabase(`bench-sync-${++databases}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** HQ's lastSeq for the desk, through the operator API. */
async function hqLastSeq(hq: HqHarness, deskId: string): Promise<number> {
  return (await hq.operator.desks()).find((desk) => desk.deskId === deskId)?.lastSeq ?? 0;
}

async function enrolPlain(hq: HqHarness, deskCode: string): Promise<{ deskId: string; token: string }> {
  const response = await fetch(`${hq.url}/v1/desks/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hallCode, deskCode, enrolmentCode }),
  });
  if (!response.ok) throw new Error(`enrol: ${response.status}`);
  return (await response.json()) as { deskId: string; token: string };
}

async function postPlain(hq: HqHarness, token: string, body: string): Promise<void> {
  const response = await fetch(`${hq.url}/v1/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', [schemaVersionHeader]: String(protocolVersion) },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`push: ${response.status} ${text.slice(0, 200)}`);
}

/** Where the desk side of a push runs: a fresh desk is seeded and enrolled, then the engine pushes its outbox. */
interface DeskSide {
  prepare(hq: HqHarness, workload: Workload, total: number): Promise<{ deskId: string }>;
  push(): Promise<PushMeasure>;
}

function nodeSide(): DeskSide {
  let desk: { db: DeskDatabase; client: HqClient; meter: OutboxReadMeter; bodies: string[] } | null = null;
  return {
    async prepare(hq, workload, total) {
      const meter = new OutboxReadMeter();
      const db = nodeDatabase();
      db.use(meter.middleware);
      await db.meta.put({ key: 'deskIdentity', value: { hallCode, deskCode: workload.deskCode } });
      await seedOutbox(db, workload, total);
      const bodies: string[] = [];
      const recordingFetch: typeof fetch = (input, init) => {
        if (typeof init?.body === 'string' && String(input).endsWith('/v1/sync/push')) bodies.push(init.body);
        return fetch(input, init);
      };
      const { client, deskId } = await enrolledClient(hq, workload.deskCode, recordingFetch);
      desk = { db, client, meter, bodies };
      return { deskId };
    },
    async push() {
      if (desk === null) throw new Error('prepare first');
      const { db, client, meter, bodies } = desk;
      let largestPush = 0;
      const transport: SyncTransport = {
        ...client,
        push: (input) => {
          largestPush = Math.max(largestPush, input.ops.length);
          return client.push(input);
        },
      };
      meter.largestRead = 0;
      const start = performance.now();
      const failure = await pushOutbox({ db, transport, now: () => new Date(), limits: defaultPushLimits });
      const ms = performance.now() - start;
      db.close();
      desk = null;
      return { ms, failure: failure?.message ?? null, largestRead: meter.largestRead, largestPush, bodies };
    },
  };
}

async function buildSyncPage(): Promise<void> {
  const root = resolve(__dirname, '../syncPage');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: syncPageDir,
      emptyOutDir: true,
      assetsDir: 'bench-assets',
      modulePreload: { polyfill: false },
      rolldownOptions: { input: { sync: resolve(root, 'sync.html') } },
    },
  });
}

/**
 * The built page through the app's own request handler, on a free port, without the app's CSP: the page
 * holds the HQ client and connects to HQ itself, which the app's renderer never does.
 */
async function servePage(): Promise<Server> {
  const handle = createAppRequestHandler(syncPageDir, (path) => readFile(path));
  const server = createServer((req, res) => {
    void handle(new Request(`${appOrigin}${req.url ?? '/'}`)).then(async (response) => {
      response.headers.delete('content-security-policy');
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  return server;
}

/** The bench page in Chromium: the desk, the engine and the HQ client all in the page. */
async function chromiumSide(browser: Browser, origin: string): Promise<DeskSide> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${origin}/sync.html`);
  await page.waitForFunction(() => document.documentElement.dataset['benchReady'] === 'true');
  const call = <M extends keyof SyncBenchApi>(method: M, ...args: Parameters<SyncBenchApi[M]>) =>
    page.evaluate(([name, values]) => (window.__syncBench[name] as (...a: unknown[]) => Promise<unknown>)(...values), [method, args] as const) as ReturnType<SyncBenchApi[M]>;
  return {
    prepare: (hq, workload, total) => call('prepare', { url: hq.url, enrolmentCode }, workload, total),
    push: () => call('push'),
  };
}

interface PushRound extends Omit<PushMeasure, 'bodies'> {
  anchorMs: number;
}

/**
 * One round: the engine pushes the seeded outbox to a fresh HQ, its request bodies recorded on the way;
 * then those bytes are posted with plain fetch to another fresh HQ (the desk id swapped for the one HQ
 * gave there, same length), where HQ does the same work.
 */
async function pushRound(side: DeskSide): Promise<PushRound> {
  const hq = await new HqHarness().start();
  let measure: PushMeasure;
  let deskId: string;
  try {
    deskId = (await side.prepare(hq, newWorkload('01'), pushOpsTotal)).deskId;
    measure = await side.push();
    if (measure.failure !== null) throw new Error(`push failed: ${measure.failure}`);
    if ((await hqLastSeq(hq, deskId)) !== pushOpsTotal) throw new Error('HQ did not receive every op');
  } finally {
    await hq.dispose();
  }

  const floorHq = await new HqHarness().start();
  try {
    const plain = await enrolPlain(floorHq, '01');
    const sameBytes = measure.bodies.map((body) => body.replaceAll(deskId, plain.deskId));
    const start = performance.now();
    for (const body of sameBytes) await postPlain(floorHq, plain.token, body);
    const anchorMs = performance.now() - start;
    if ((await hqLastSeq(floorHq, plain.deskId)) !== pushOpsTotal) throw new Error('the anchor did not deliver every op');
    return { ms: measure.ms, failure: null, largestRead: measure.largestRead, largestPush: measure.largestPush, anchorMs };
  } finally {
    await floorHq.dispose();
  }
}

interface PullRound {
  engineMs: number;
  anchorMs: number;
  pages: number;
  changes: number;
}

/** One round: another desk of the hall pushes the changes with plain fetch, then a fresh desk pulls them all. */
async function pullRound(): Promise<PullRound> {
  const hq = await new HqHarness().start();
  try {
    const pusher = await enrolPlain(hq, '09');
    const workload = newWorkload('09');
    const cases = Math.ceil(pullChangesTotal / changesPerCase);
    let seq = 1;
    for (let first = 1; first <= cases; first += seedBatch / opsPerCase) {
      const ops = numbered(casesOps(workload, first, Math.min(cases, first + seedBatch / opsPerCase - 1)), seq);
      seq += ops.length;
      await postPlain(hq, pusher.token, JSON.stringify({ deskId: pusher.deskId, schemaVersion: protocolVersion, ops }));
    }

    // The floor: the same pages, fetched and read with plain fetch.
    let pages = 0;
    let changes = 0;
    let lastCursor = 0;
    const anchorStart = performance.now();
    for (let more = true; more; pages++) {
      const response = await fetch(`${hq.url}/v1/sync/pull?cursor=${lastCursor}&limit=500`, { headers: { authorization: `Bearer ${pusher.token}` } });
      const page = pullResponseSchema.parse(await response.json());
      changes += page.changes.length;
      lastCursor = page.nextCursor;
      more = page.hasMore;
    }
    const anchorMs = performance.now() - anchorStart;

    const db = nodeDatabase();
    await db.meta.put({ key: 'deskIdentity', value: { hallCode, deskCode: '01' } });
    const { client, deskId } = await enrolledClient(hq, '01');
    const start = performance.now();
    const failure = await pullChanges({ db, transport: client, now: () => new Date(), limits: defaultPushLimits }, deskId);
    const engineMs = performance.now() - start;
    if (failure !== null) throw new Error(`pull failed: ${failure.message}`);
    if ((await readPullCursor(db, deskId)) !== lastCursor) throw new Error('the desk did not pull every change');
    if ((await db.cases.count()) !== cases) throw new Error('the desk does not hold every case it pulled');
    db.close();
    return { engineMs, anchorMs, pages, changes };
  } finally {
    await hq.dispose();
  }
}

async function measurePushes(label: string, side: DeskSide): Promise<PushRound[]> {
  const rounds: PushRound[] = [];
  for (let i = 0; i < pushRounds; i++) {
    rounds.push(await pushRound(side));
    console.log(`  push (${label}) round ${i + 1}: engine ${round(rounds.at(-1)!.ms, 0)} ms, plain fetch ${round(rounds.at(-1)!.anchorMs, 0)} ms`);
  }
  return rounds;
}

function pushResult(where: string, rounds: PushRound[]): BenchResult {
  const largestPush = Math.max(...rounds.map((r) => r.largestPush));
  const largestRead = Math.max(...rounds.map((r) => r.largestRead));
  const peak = largestPush + largestRead;
  const memory = `ops in memory ≤ ${largestPush} sent + ${largestRead} read = ${peak} (limit ${memoryLimit.toLocaleString('en')}: ${peak <= memoryLimit ? 'met' : 'MISSED'})`;
  const samples = rounds.map((r) => r.ms);
  return {
    suite: 'sync',
    name: `push ${pushOpsTotal.toLocaleString('en')} ops, engine to reference HQ over loopback (desk ${where}; ${memory})`,
    unit: 'ms',
    ...summarise(samples),
    ...anchorOf(samples, 'same request bytes posted with plain fetch', rounds.map((r) => r.anchorMs)),
    target: { stat: 'median', max: 5000 },
  };
}

async function run(): Promise<BenchResult[]> {
  assertChromium();
  await buildSyncPage();
  const server = await servePage();
  // The page speaks to HQ on another port, as the app's main process does; the reference HQ sends no CORS headers.
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, '--disable-web-security'], headless: true });
  const results: BenchResult[] = [];
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (pushSides.includes('chromium')) {
      results.push(pushResult("in Chromium's IndexedDB, engine and HQ client in the page", await measurePushes('Chromium', await chromiumSide(browser, origin))));
    }
    if (pushSides.includes('node')) results.push(pushResult('on fake-indexeddb in Node', await measurePushes('Node', nodeSide())));
  } finally {
    await browser.close();
    server.close();
  }

  const pulls: PullRound[] = [];
  for (let i = 0; i < pullRounds; i++) {
    pulls.push(await pullRound());
    console.log(`  pull round ${i + 1}: engine ${round(pulls.at(-1)!.engineMs, 0)} ms, plain fetch ${round(pulls.at(-1)!.anchorMs, 0)} ms`);
  }
  const pullSamples = pulls.map((r) => r.engineMs);
  results.push({
    suite: 'sync',
    name: `pull ${pulls[0]!.changes.toLocaleString('en')} changes into the desk, ${pulls[0]!.pages} pages (desk on fake-indexeddb in Node; ${round(pulls[0]!.changes / (Math.min(...pullSamples) / 1000), 0)} changes/s at best)`,
    unit: 'ms',
    ...summarise(pullSamples),
    ...anchorOf(pullSamples, 'same pages fetched with plain fetch', pulls.map((r) => r.anchorMs)),
  });
  return results;
}

export const syncSuite: BenchSuite = { name: 'sync', run };
