import type { AuditAnchorPoints } from '../data/auditAnchors';
import { callDesk, type GetBlobOutput, type HqConfig, type HqResult } from '../platform/desk';
import type { PutBlobResponse } from '../protocol/blobs';
import type { SyncOp } from '../protocol/ops';
import type { PullResponse } from '../protocol/pull';
import type { PushResponse } from '../protocol/push';
import type { ReferenceKind, ReferenceResponse } from '../protocol/reference';

/**
 * How the sync engine reaches HQ. In the app it is the main process over IPC (which holds the token);
 * Node tests bind it to the main process's HQ client directly; fault tests may wrap either.
 */
export interface SyncTransport {
  config(): Promise<HqConfig>;
  /** The ops, with what the desk states of its audit log (see `auditAnchorPoints`). */
  push(input: { ops: SyncOp[] } & AuditAnchorPoints): Promise<HqResult<PushResponse>>;
  pull(input: { cursor: number; limit: number }): Promise<HqResult<PullResponse>>;
  reference(input: { kind: ReferenceKind; since: number | null }): Promise<HqResult<ReferenceResponse>>;
  hasBlob(input: { sha256: string }): Promise<HqResult<{ present: boolean }>>;
  putBlob(input: { sha256: string; bytes: Uint8Array<ArrayBuffer> }): Promise<HqResult<PutBlobResponse>>;
  /** A purged blob back from HQ; the main process accepts only bytes that hash to `sha256`. */
  getBlob(input: { sha256: string }): Promise<HqResult<GetBlobOutput>>;
}

/** The app's transport: `window.desk`. An IPC-level refusal (a bug, not HQ) throws `DeskError`. */
export function ipcTransport(): SyncTransport {
  return {
    config: () => callDesk('hqGetConfig'),
    push: (input) => callDesk('hqPush', input),
    pull: (input) => callDesk('hqPull', input),
    reference: (input) => callDesk('hqReference', input),
    hasBlob: (input) => callDesk('hqHasBlob', input),
    putBlob: (input) => callDesk('hqPutBlob', input),
    getBlob: (input) => callDesk('hqGetBlob', input),
  };
}
