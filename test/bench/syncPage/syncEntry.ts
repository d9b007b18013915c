/**
 * The `sync` bench page: the desk side of a push in Chromium — the app's database schema in Chromium's
 * IndexedDB and the sync engine's push phase — with the HQ client in Node behind an exposed binding, as
 * the app reaches the main process over IPC. Built by `test/bench/suites/sync.ts` with Vite, never shipped.
 */
import Dexie from 'dexie';
import { DeskDatabase } from '../../../renderer/src/data/db';
import type { HqConfig, HqResult } from '../../../renderer/src/sync/hqBridge';
import type { PullResponse, PushResponse, ReferenceResponse } from '../../../renderer/src/sync/protocol';
import { pushOutbox } from '../../../renderer/src/sync/pushOutbox';
import { defaultPushLimits } from '../../../renderer/src/sync/syncContext';
import type { SyncTransport } from '../../../renderer/src/sync/transport';
import { OutboxReadMeter } from '../outboxReadMeter';
import { seedOutbox } from '../syncWorkload';
import type { BenchHqMethod, SyncBenchApi } from './syncBenchApi';

declare global {
  interface Window {
    benchHq(method: BenchHqMethod, input: unknown): Promise<unknown>;
    __syncBench: SyncBenchApi;
  }
}

const name = 'sync-bench';
let db: DeskDatabase | null = null;
let meter = new OutboxReadMeter();
let largestPush = 0;

const noBlobs = () => Promise.reject(new Error('the sync bench sends no attachments'));

const transport: SyncTransport = {
  config: () => window.benchHq('config', null) as Promise<HqConfig>,
  push: (input) => {
    largestPush = Math.max(largestPush, input.ops.length);
    return window.benchHq('push', input) as Promise<HqResult<PushResponse>>;
  },
  pull: (input) => window.benchHq('pull', input) as Promise<HqResult<PullResponse>>,
  reference: (input) => window.benchHq('reference', input) as Promise<HqResult<ReferenceResponse>>,
  hasBlob: noBlobs,
  putBlob: noBlobs,
};

window.__syncBench = {
  async seed(workload, total) {
    db?.close();
    await Dexie.delete(name);
    meter = new OutboxReadMeter();
    db = new DeskDatabase(name);
    db.use(meter.middleware);
    await db.meta.put({ key: 'deskIdentity', value: { hallCode: workload.hallCode, deskCode: workload.deskCode } });
    await seedOutbox(db, workload, total);
  },

  async push() {
    if (db === null) throw new Error('seed first');
    meter.largestRead = 0;
    largestPush = 0;
    const start = performance.now();
    const failure = await pushOutbox({ db, transport, now: () => new Date(), limits: defaultPushLimits });
    return { ms: performance.now() - start, failure: failure?.message ?? null, largestRead: meter.largestRead, largestPush };
  },
};

document.documentElement.dataset['benchReady'] = 'true';
