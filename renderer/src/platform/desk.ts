import type { ChannelKey } from '../../../electron/ipc/channels';
import type { ChannelInput, ChannelOutput, DeskApi, IpcErrorCode, IpcResult } from '../../../electron/ipc/contract';

declare global {
  interface Window {
    desk: DeskApi;
  }
}

/** A refused or failed IPC call, carrying the main process's code and Chinese message. */
export class DeskError extends Error {
  override readonly name = 'DeskError';
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new DeskError(result.error.code, result.error.message);
}

/** Calls a main-process channel through `window.desk` and unwraps its envelope. */
export async function callDesk<K extends ChannelKey>(
  key: K,
  ...input: ChannelInput<K> extends undefined ? [] : [ChannelInput<K>]
): Promise<ChannelOutput<K>> {
  const fn = window.desk[key] as (arg?: unknown) => Promise<IpcResult<ChannelOutput<K>>>;
  return unwrap(await fn(input[0]));
}

export type { ChannelInput, ChannelOutput } from '../../../electron/ipc/contract';
/** What the main process answers the sync engine's HQ calls. */
export type { GetBlobOutput, HqConfig, HqFailure, HqResult } from '../../../electron/ipc/hq';
