/**
 * The `sync` bench page: the desk side of a push in Chromium — the app's database schema in Chromium's
 * IndexedDB, the sync engine's push phase, and the main process's HQ client speaking HTTP to HQ (in the
 * app it runs in the main process behind IPC; here it runs in the page, so no binding adds its own cost).
 * Built by `test/bench/suites/sync.ts` with Vite, never shipped.
 */
import Dexie from 'dexie';
import type { HqEnrolment } from '../../../electron/ipc/hq';
import { createHqClient, type HqClient } from '../../../electron/main/hq/hqClient';
import type { SecretStore } from '../../../electron/main/hq/secretStore';
import type { HqSettingsStore } from '../../../electron/main/hq/settingsStore';
import { DeskDatabase } from '../../../renderer/src/data/db';
import { protocolVersion } from '../../../renderer/src/protocol/version';
import { pushOutbox } from '../../../renderer/src/sync/pushOutbox';
import { defaultPushLimits } from '../../../renderer/src/sync/syncContext';
import type { SyncTransport } from '../../../renderer/src/sync/transport';
import { OutboxReadMeter } from '../outboxReadMeter';
import { seedOutbox } from '../syncWorkload';
import type { SyncBenchApi } from './syncBenchApi';

declare global {
  interface Window {
    __syncBench: SyncBenchApi;
  }
}

const name = 'sync-bench';
let desk: { db: DeskDatabase; client: HqClient; meter: OutboxReadMeter; bodies: string[] } | null = null;

function memoryStores(): { settings: HqSettingsStore; secrets: SecretStore } {
  let enrolment: HqEnrolment | null = null;
  let token: string | null = null;
  return {
    settings: { read: async () => enrolment, write: async (value) => void (enrolment = value) },
    secrets: { available: () => true, read: async () => token, write: async (value) => void (token = value) },
  };
}

window.__syncBench = {
  async prepare(hq, workload, total) {
    desk?.db.close();
    await Dexie.delete(name);
    const meter = new OutboxReadMeter();
    const db = new DeskDatabase(name);
    db.use(meter.middleware);
    await db.meta.put({ key: 'deskIdentity', value: { hallCode: workload.hallCode, deskCode: workload.deskCode } });
    await seedOutbox(db, workload, total);
    const bodies: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      if (typeof init?.body === 'string' && String(input).endsWith('/v1/sync/push')) bodies.push(init.body);
      return fetch(input, init);
    };
    const client = createHqClient({ ...memoryStores(), protocolVersion, fetch: recordingFetch });
    const enrolled = await client.enrol({ baseUrl: hq.url, hallCode: workload.hallCode, deskCode: workload.deskCode, enrolmentCode: hq.enrolmentCode });
    if (!enrolled.ok) throw new Error(enrolled.failure.message);
    desk = { db, client, meter, bodies };
    return { deskId: enrolled.value.deskId };
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
    return { ms: performance.now() - start, failure: failure?.message ?? null, largestRead: meter.largestRead, largestPush, bodies };
  },
};

document.documentElement.dataset['benchReady'] = 'true';
