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
import { latestSchemaVersion } from '../../../renderer/src/data/schema';
import { readPullCursor } from '../../../renderer/src/data/syncState';
import { newClerkId } from '../../../renderer/src/domain/clerks/clerkId';
import { pullInputSchema, pushInputSchema, referenceInputSchema } from '../../../renderer/src/sync/hqBridge';
import { pullResponseSchema, schemaVersionHeader } from '../../../renderer/src/sync/protocol';
import { pullChanges } from '../../../renderer/src/sync/pullChanges';
import { pushOutbox } from '../../../renderer/src/sync/pushOutbox';
import { defaultPushLimits } from '../../../renderer/src/sync/syncContext';
import type { SyncTransport } from '../../../renderer/src/sync/transport';
import { assertChromium, chromiumArgs, chromiumPath } from '../../e2e/chromium';
import { enrolmentCode, HqHarness } from '../../hq/support/harness';
import { OutboxReadMeter } from '../outboxReadMeter';
import { anchorOf, round, summarise } from '../stats';
import type { BenchHqMethod, PushMeasure, SyncBenchApi } from '../syncPage/syncBenchApi';
import { casesOps, changesPerCase, numbered, opsPerCase, seedBatch, seedOutbox, type Workload } from '../syncWorkload';
import type { BenchResult, BenchSuite } from '../types';

/**
 * Sync with the reference HQ over loopback (DESIGN §5): push 10,000 ops from a desk's outbox through the
 * engine's push phase, and pull 50,000 changes of the hall into a desk. HQ is the real reference server
 * on SQLite. The desk side runs twice for the push: in Node on fake-indexeddb (also the desk side of the
 * pull), and in Chromium's IndexedDB with the HQ client in Node behind an exposed binding, as the app
 * reaches the main process over IPC. Each figure has its anchor in the same run: the same work done with
 * plain `fetch` — the engine's push request bytes posted to a fresh HQ, the same pull pages fetched —
 * which is the floor for HQ and loopback on this machine.
 *
 * "Ops held in memory": the engine holds one batch (the ops of one push request) while it marks, sends
 * and records it, and reads the outbox in pieces beside it; so at most the largest push plus the largest
 * single read of the outbox (measured under Dexie, a DBCore middleware). DESIGN §5 allows 1,000.
 */
const pushOpsTotal = Number(process.env['BENCH_SYNC_PUSH_OPS'] ?? 10_000);
const pullChangesTotal = Number(process.env['BENCH_SYNC_PULL_CHANGES'] ?? 50_000);
const pushRounds = Number(process.env['BENCH_SYNC_PUSH_ROUNDS'] ?? 3);
const pullRounds = Number(process.env['BENCH_SYNC_PULL_ROUNDS'] ?? 1);
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
  const client = createHqClient({ settings: memorySettingsStore(), secrets: memorySecretStore(), schemaVersion: latestSchemaVersion, fetch: fetchImpl });
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
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', [schemaVersionHeader]: String(latestSchemaVersion) },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`push: ${response.status} ${text.slice(0, 200)}`);
}

/** Where the desk side of a push runs: its outbox is seeded, then the engine pushes it through `client`. */
interface DeskSide {
  seed(workload: Workload, total: number): Promise<void>;
  push(client: HqClient): Promise<PushMeasure>;
}

function nodeSide(): DeskSide {
  let db: DeskDatabase | null = null;
  let meter = new OutboxReadMeter();
  return {
    async seed(workload, total) {
      db?.close();
      meter = new OutboxReadMeter();
      db = nodeDatabase();
      db.use(meter.middleware);
      await db.meta.put({ key: 'deskIdentity', value: { hallCode, deskCode: workload.deskCode } });
      await seedOutbox(db, workload, total);
    },
    async push(client) {
      if (db === null) throw new Error('seed first');
      let largestPush = 0;
      const transport: SyncTransport = {
        config: () => client.config(),
        push: (input) => {
          largestPush = Math.max(largestPush, input.ops.length);
          return client.push(input);
        },
        pull: (input) => client.pull(input),
        reference: (input) => client.reference(input),
        hasBlob: (input) => client.hasBlob(input),
        putBlob: (input) => client.putBlob(input),
      };
      meter.largestRead = 0;
      const start = performance.now();
      const failure = await pushOutbox({ db, transport, now: () => new Date(), limits: defaultPushLimits });
      const ms = performance.now() - start;
      db.close();
      db = null;
      return { ms, failure: failure?.message ?? null, largestRead: meter.largestRead, largestPush };
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

/** The built page through the app's own request handler (its CSP included), on a free port. */
async function servePage(): Promise<Server> {
  const handle = createAppRequestHandler(syncPageDir, (path) => readFile(path));
  const server = createServer((req, res) => {
    void handle(new Request(`${appOrigin}${req.url ?? '/'}`)).then(async (response) => {
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

/** The page in Chromium, its transport bound to whichever HQ client the current round pushes through. */
async function chromiumSide(browser: Browser, origin: string): Promise<DeskSide> {
  const page = await (await browser.newContext()).newPage();
  let current: HqClient | null = null;
  await page.exposeFunction('benchHq', (method: BenchHqMethod, input: unknown) => {
    if (current === null) throw new Error('no HQ client bound');
    switch (method) {
      case 'config':
        return current.config();
      case 'push':
        return current.push(pushInputSchema.parse(input));
      case 'pull':
        return current.pull(pullInputSchema.parse(input));
      case 'reference':
        return current.reference(referenceInputSchema.parse(input));
    }
  });
  await page.goto(`${origin}/sync.html`);
  await page.waitForFunction(() => document.documentElement.dataset['benchReady'] === 'true');
  const call = <M extends keyof SyncBenchApi>(method: M, ...args: Parameters<SyncBenchApi[M]>) =>
    page.evaluate(([name, values]) => (window.__syncBench[name] as (...a: unknown[]) => Promise<unknown>)(...values), [method, args] as const) as ReturnType<SyncBenchApi[M]>;
  return {
    seed: (workload, total) => call('seed', workload, total),
    async push(client) {
      current = client;
      try {
        return await call('push');
      } finally {
        current = null;
      }
    },
  };
}

interface PushRound extends PushMeasure {
  anchorMs: number;
}

/**
 * One round: the engine pushes the seeded outbox to a fresh HQ, its request bodies recorded on the way;
 * then those bytes are posted with plain fetch to another fresh HQ (the desk id swapped for the one HQ
 * gave there, same length), where HQ does the same work.
 */
async function pushRound(side: DeskSide): Promise<PushRound> {
  const bodies: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    if (typeof init?.body === 'string' && String(input).endsWith('/v1/sync/push')) bodies.push(init.body);
    return fetch(input, init);
  };
  const hq = await new HqHarness().start();
  let measure: PushMeasure;
  let deskId: string;
  try {
    const enrolled = await enrolledClient(hq, '01', recordingFetch);
    deskId = enrolled.deskId;
    await side.seed(newWorkload('01'), pushOpsTotal);
    measure = await side.push(enrolled.client);
    if (measure.failure !== null) throw new Error(`push failed: ${measure.failure}`);
    if ((await hqLastSeq(hq, deskId)) !== pushOpsTotal) throw new Error('HQ did not receive every op');
  } finally {
    await hq.dispose();
  }

  const floorHq = await new HqHarness().start();
  try {
    const plain = await enrolPlain(floorHq, '01');
    const sameBytes = bodies.map((body) => body.replaceAll(deskId, plain.deskId));
    const start = performance.now();
    for (const body of sameBytes) await postPlain(floorHq, plain.token, body);
    const anchorMs = performance.now() - start;
    if ((await hqLastSeq(floorHq, plain.deskId)) !== pushOpsTotal) throw new Error('the anchor did not deliver every op');
    return { ...measure, anchorMs };
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
      await postPlain(hq, pusher.token, JSON.stringify({ deskId: pusher.deskId, schemaVersion: latestSchemaVersion, ops }));
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
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  const results: BenchResult[] = [];
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    results.push(pushResult("in Chromium's IndexedDB, HQ client in Node as over IPC", await measurePushes('Chromium', await chromiumSide(browser, origin))));
    results.push(pushResult('on fake-indexeddb in Node', await measurePushes('Node', nodeSide())));
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
