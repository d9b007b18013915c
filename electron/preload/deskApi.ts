import { channelKeys, channels } from '../ipc/channels';
import type { DeskApi } from '../ipc/contract';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/** One function per contract entry, each forwarding its single argument and nothing else. */
export function buildDeskApi(invoke: Invoke): DeskApi {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const key of channelKeys) {
    const channel = channels[key];
    api[key] = (input?: unknown) => invoke(channel, input);
  }
  return Object.freeze(api) as unknown as DeskApi;
}
