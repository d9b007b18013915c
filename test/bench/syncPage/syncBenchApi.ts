import type { Workload } from '../syncWorkload';

/** The HQ client methods the page's transport reaches through the exposed binding (as the app does over IPC). */
export type BenchHqMethod = 'config' | 'push' | 'pull' | 'reference';

/** What one engine push of the whole outbox came to. */
export interface PushMeasure {
  ms: number;
  /** Null when every op was acknowledged, else why the engine stopped. */
  failure: string | null;
  largestRead: number;
  largestPush: number;
}

/** What the `sync` bench page exposes on `window.__syncBench` (the suite drives it through Playwright). */
export interface SyncBenchApi {
  /** A fresh desk database holding `total` ops in its outbox, written through `appendOps`. */
  seed(workload: Workload, total: number): Promise<void>;
  /** Times the engine's push phase over the whole outbox. */
  push(): Promise<PushMeasure>;
}
