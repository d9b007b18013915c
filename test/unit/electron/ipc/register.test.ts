import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../../../electron/ipc/channels';
import type { Handlers } from '../../../../electron/ipc/contract';
import { RefusedError } from '../../../../electron/ipc/errors';
import { printJobIdSchema } from '../../../../electron/ipc/printing';
import { createDispatch, isTrustedSender, registerIpc, type InvokeEventLike } from '../../../../electron/ipc/register';

const trusted = ['app://desk'];
const topFrame = (url: string): InvokeEventLike => ({ senderFrame: { url, parent: null } });

const notEnrolled = { ok: false, failure: { kind: 'notEnrolled', message: '未注册' } } as const;

function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    appInfo: () => ({ version: '1.0.0', dataFolder: '/data', platform: 'linux', runtime: 'test' }),
    openExternal: async () => ({ opened: true }),
    listPrinters: async () => [],
    printPdf: async ({ printer }) => ({ state: 'completed', jobId: printJobIdSchema.parse(`${printer}-1`) }),
    printJobState: async ({ jobId }) => ({ state: 'completed', jobId }),
    dataKey: async () => ({ state: 'unavailable', problem: 'noEncryption' }),
    hqGetConfig: async () => ({ enrolment: null, tokenAvailable: false }),
    hqEnrol: async () => notEnrolled,
    hqPush: async () => notEnrolled,
    hqPull: async () => notEnrolled,
    hqReference: async () => notEnrolled,
    hqPutBlob: async () => notEnrolled,
    hqHasBlob: async () => notEnrolled,
    hqGetBlob: async () => notEnrolled,
    hqCloseDay: async () => notEnrolled,
    hqClaimIssuance: async () => notEnrolled,
    hqReleaseIssuance: async () => notEnrolled,
    hqQueueCall: async () => notEnrolled,
    hqQueueAct: async () => notEnrolled,
    backupGetFolder: async () => ({ folder: null }),
    backupChooseFolder: async () => ({ folder: null }),
    backupOpen: async () => ({ writeId: '0193a6f0-0000-7000-8000-000000000000' }),
    backupAppend: async ({ bytes }) => ({ written: bytes.byteLength }),
    backupClose: async () => ({ fileName: 'yct-MY01-20261126-180000.yctbak', pruned: [] }),
    backupAbort: async () => ({ aborted: true as const }),
    backupList: async () => [],
    backupRead: async () => ({ bytes: new Uint8Array(0), done: true }),
    backupChooseFile: async () => ({ fileName: null }),
    cameraDialog: async ({ open }) => ({ open }),
    backupSecretGet: async () => ({ state: 'none' }),
    backupSecretSet: async () => ({ setAt: '2026-11-26T10:00:00.000Z' }),
    backupDataKey: async () => ({ key: null }),
    backupAdoptDataKey: async () => ({ adopted: true as const }),
    dataKeyInUse: async () => ({ marked: true as const }),
    saveExport: async () => ({ saved: false as const }),
    ...overrides,
  };
}

describe('isTrustedSender', () => {
  it('accepts the top frame of app://desk', () => {
    expect(isTrustedSender(topFrame('app://desk/index.html'), trusted)).toBe(true);
  });

  it.each([
    ['another app host', 'app://evil/index.html'],
    ['a file URL', 'file:///etc/passwd'],
    ['an https page', 'https://desk/index.html'],
    ['a garbage URL', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedSender(topFrame(url), trusted)).toBe(false);
  });

  it('refuses a sub-frame even on our own origin', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://desk/index.html', parent: {} } }, trusted)).toBe(false);
  });

  it('refuses an event whose frame is gone', () => {
    expect(isTrustedSender({ senderFrame: null }, trusted)).toBe(false);
  });
});

describe('dispatch', () => {
  it('runs the handler for a trusted sender and wraps its answer', async () => {
    const dispatch = createDispatch(fakeHandlers(), { trustedOrigins: trusted });
    await expect(dispatch(topFrame('app://desk/'), 'appInfo', undefined)).resolves.toEqual({
      ok: true,
      value: { version: '1.0.0', dataFolder: '/data', platform: 'linux', runtime: 'test' },
    });
  });

  it('refuses a wrong sender without running the handler', async () => {
    const openExternal = vi.fn(async () => ({ opened: true as const }));
    const dispatch = createDispatch(fakeHandlers({ openExternal }), { trustedOrigins: trusted });
    const result = await dispatch(topFrame('https://evil.example/'), 'openExternal', { url: 'https://www.gov.cn/' });
    expect(result).toEqual({ ok: false, error: { code: 'untrusted_sender', message: '请求来源不受信任，已拒绝。' } });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each([
    ['a number for the URL', { url: 42 }],
    ['an extra field', { url: 'https://www.gov.cn/', shell: true }],
    ['no payload', undefined],
    ['an over-long URL', { url: `https://www.gov.cn/${'a'.repeat(3000)}` }],
  ])('refuses a bad payload (%s) with an invalid_input error in Chinese', async (_label, input) => {
    const openExternal = vi.fn(async () => ({ opened: true as const }));
    const dispatch = createDispatch(fakeHandlers({ openExternal }), { trustedOrigins: trusted });
    const result = await dispatch(topFrame('app://desk/'), 'openExternal', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^请求内容不符合要求/) } });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('passes a refusal message through to the renderer', async () => {
    const dispatch = createDispatch(
      fakeHandlers({
        openExternal: () => {
          throw new RefusedError('不允许');
        },
      }),
      { trustedOrigins: trusted },
    );
    await expect(dispatch(topFrame('app://desk/'), 'openExternal', { url: 'https://x/' })).resolves.toEqual({
      ok: false,
      error: { code: 'refused', message: '不允许' },
    });
  });

  it('hides an unexpected error behind a generic message and reports it to the main log', async () => {
    const onUnexpectedError = vi.fn();
    const dispatch = createDispatch(
      fakeHandlers({
        appInfo: () => {
          throw new Error('disk on fire at /secret/path');
        },
      }),
      { trustedOrigins: trusted, onUnexpectedError },
    );
    const result = await dispatch(topFrame('app://desk/'), 'appInfo', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
    expect(onUnexpectedError).toHaveBeenCalledWith(channels.appInfo, expect.any(Error));
  });

  it('refuses an answer that breaks the contract instead of sending it', async () => {
    const dispatch = createDispatch(
      fakeHandlers({ appInfo: () => ({ version: 1 }) as never }),
      { trustedOrigins: trusted },
    );
    await expect(dispatch(topFrame('app://desk/'), 'appInfo', undefined)).resolves.toMatchObject({ ok: false, error: { code: 'failed' } });
  });
});

describe('registerIpc', () => {
  it('registers exactly one listener per contract channel', () => {
    const registered: string[] = [];
    registerIpc({ handle: (channel) => registered.push(channel) }, fakeHandlers(), { trustedOrigins: trusted });
    expect(registered.sort()).toEqual(Object.values(channels).sort());
  });

  it('routes each registered channel through the sender check', async () => {
    const listeners = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    registerIpc({ handle: (channel, listener) => listeners.set(channel, listener) }, fakeHandlers(), { trustedOrigins: trusted });
    for (const listener of listeners.values()) {
      await expect(listener(topFrame('https://evil.example/'), undefined)).resolves.toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    }
  });
});
