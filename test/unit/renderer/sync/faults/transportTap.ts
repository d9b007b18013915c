import type { HqResult } from '../../../../../electron/ipc/hq';
import { hqMessages } from '../../../../../electron/main/hq/messages';
import type { SyncOp } from '../../../../../renderer/src/protocol/ops';
import type { PullResponse } from '../../../../../renderer/src/protocol/pull';
import type { PushResponse } from '../../../../../renderer/src/protocol/push';
import type { SyncTransport } from '../../../../../renderer/src/sync/transport';

const offlineFailure = { ok: false, failure: { kind: 'network', message: hqMessages.network } } as const;

/** One push the engine made: what it sent, whether HQ has answered it, and what the engine was told (unset while in flight or lost). */
export interface TappedPush {
  ops: SyncOp[];
  answeredByHq: boolean;
  answer?: HqResult<PushResponse>;
}

/**
 * Sits between the sync engine and the main process's HQ client, to break the network the way a hall's
 * network breaks and to see what the engine sends:
 * - `offline`: every call fails as an unplugged cable does (the client's own `network` failure);
 * - `loseNextAnswer('network')`: the next push reaches HQ and commits, but its answer never arrives;
 * - `loseNextAnswer('never')`: the same, and the call never returns (the page dies while waiting);
 * - `beforePush` / `beforePull`: run before a push or pull reaches HQ (two windows meeting there, a clerk
 *   saving while a pull is under way…).
 * HQ's own faults (5xx, hang after commit, cut-off bodies) come from the reference HQ's fault plan.
 */
export class TransportTap implements SyncTransport {
  offline = false;
  readonly pushes: TappedPush[] = [];
  beforePush: (() => Promise<void>) | null = null;
  /** Runs after each answered push, before the engine sees the answer. */
  afterPush: ((push: TappedPush) => Promise<void>) | null = null;
  beforePull: (() => Promise<void>) | null = null;
  private lose: 'network' | 'never' | null = null;

  constructor(private readonly inner: SyncTransport) {}

  loseNextAnswer(how: 'network' | 'never'): void {
    this.lose = how;
  }

  /** How many ops the engine handed to push, over all requests. */
  get opsPushed(): number {
    return this.pushes.reduce((sum, push) => sum + push.ops.length, 0);
  }

  config: SyncTransport['config'] = () => this.inner.config();

  push: SyncTransport['push'] = async (input) => {
    if (this.offline) return offlineFailure;
    const tapped: TappedPush = { ops: input.ops, answeredByHq: false };
    this.pushes.push(tapped);
    await this.beforePush?.();
    const lose = this.lose;
    this.lose = null;
    const answer = await this.inner.push(input);
    tapped.answeredByHq = true;
    if (lose === 'never') return new Promise<never>(() => undefined);
    if (lose === 'network') return offlineFailure;
    tapped.answer = answer;
    await this.afterPush?.(tapped);
    return answer;
  };

  pull: SyncTransport['pull'] = async (input): Promise<HqResult<PullResponse>> => {
    if (this.offline) return offlineFailure;
    await this.beforePull?.();
    return this.inner.pull(input);
  };

  reference: SyncTransport['reference'] = async (input) => (this.offline ? offlineFailure : this.inner.reference(input));
  hasBlob: SyncTransport['hasBlob'] = async (input) => (this.offline ? offlineFailure : this.inner.hasBlob(input));
  putBlob: SyncTransport['putBlob'] = async (input) => (this.offline ? offlineFailure : this.inner.putBlob(input));
  getBlob: SyncTransport['getBlob'] = async (input) => (this.offline ? offlineFailure : this.inner.getBlob(input));
}

/** A meeting point for `count` callers: each call waits until all have arrived, then all go on together. */
export function meeting(count: number): () => Promise<void> {
  const arrived: (() => void)[] = [];
  return () =>
    new Promise<void>((resolve) => {
      arrived.push(resolve);
      if (arrived.length === count) for (const release of arrived) release();
    });
}
