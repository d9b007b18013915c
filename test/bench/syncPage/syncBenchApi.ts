import type { Workload } from '../syncWorkload';

/** What one engine push of the whole outbox came to. */
export interface PushMeasure {
  ms: number;
  /** Null when every op was acknowledged, else why the engine stopped. */
  failure: string | null;
  largestRead: number;
  largestPush: number;
  /** The push request bodies exactly as sent, for the plain-fetch anchor. */
  bodies: string[];
}

/** What the `sync` bench page exposes on `window.__syncBench` (the suite drives it through Playwright). */
export interface SyncBenchApi {
  /** A fresh desk: its database with `total` ops in the outbox (written through `appendOps`), enrolled with HQ. */
  prepare(hq: { url: string; enrolmentCode: string }, workload: Workload, total: number): Promise<{ deskId: string }>;
  /** Times the engine's push phase over the whole outbox. */
  push(): Promise<PushMeasure>;
}
