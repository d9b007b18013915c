import { channels, channelKeys, type ChannelKey } from './channels';
import { contract, type Handlers, type IpcResult } from './contract';
import { RefusedError } from './errors';
import { ipcMessages } from './messages';

/** The parts of Electron's `IpcMainInvokeEvent` the wrapper reads; injected so tests need no Electron. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}
export interface RegisterOptions {
  /** Origins allowed to call, e.g. `app://desk`; the dev server's origin only in development. */
  trustedOrigins: readonly string[];
  onUnexpectedError?: (channel: string, error: unknown) => void;
}

/** A sender is trusted only when it is the top frame of a page served from one of our origins. */
export function isTrustedSender(event: InvokeEventLike, trustedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  const origin = url.protocol === 'app:' ? `app://${url.host}` : url.origin;
  return trustedOrigins.includes(origin);
}

export type Dispatch = (event: InvokeEventLike, channel: ChannelKey, rawInput: unknown) => Promise<IpcResult<unknown>>;

/** Checks the sender, parses the input and runs the handler, always answering with an envelope. */
export function createDispatch(handlers: Handlers, options: RegisterOptions): Dispatch {
  return async (event, key, rawInput) => {
    if (!isTrustedSender(event, options.trustedOrigins)) {
      return { ok: false, error: { code: 'untrusted_sender', message: ipcMessages.untrustedSender } };
    }
    const parsed = contract[key].input.safeParse(rawInput);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '参数'}：${i.message}`).join('；');
      return { ok: false, error: { code: 'invalid_input', message: ipcMessages.invalidInput(issues) } };
    }
    try {
      const handler = handlers[key] as (input: unknown) => unknown;
      const value = contract[key].output.parse(await handler(parsed.data));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof RefusedError) return { ok: false, error: { code: 'refused', message: error.message } };
      options.onUnexpectedError?.(channels[key], error);
      return { ok: false, error: { code: 'failed', message: ipcMessages.failed } };
    }
  };
}

/** Registers every contract channel on `ipcMain` through the one checking wrapper. */
export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers, options: RegisterOptions): Dispatch {
  const dispatch = createDispatch(handlers, options);
  for (const key of channelKeys) {
    ipcMain.handle(channels[key], (event, input) => dispatch(event, key, input));
  }
  return dispatch;
}
