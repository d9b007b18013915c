import { describe, expect, it, vi } from 'vitest';
import { RefusedError } from '../../../../../electron/ipc/errors';
import { createHandlers, type HandlerDeps } from '../../../../../electron/main/handlers';

const deps = (overrides: Partial<HandlerDeps> = {}): HandlerDeps => ({
  appVersion: '0.1.0',
  dataFolder: '/home/clerk/.config/一窗通',
  platform: 'linux',
  runtime: 'Electron 45',
  openExternal: vi.fn(async () => undefined),
  ...overrides,
});

describe('appInfo handler', () => {
  it('reports version, data folder, platform and runtime', async () => {
    await expect(createHandlers(deps()).appInfo(undefined)).toEqual({
      version: '0.1.0',
      dataFolder: '/home/clerk/.config/一窗通',
      platform: 'linux',
      runtime: 'Electron 45',
    });
  });

  it('names an unlisted OS "other" rather than leaking an unexpected value', () => {
    expect(createHandlers(deps({ platform: 'freebsd' })).appInfo(undefined)).toMatchObject({ platform: 'other' });
  });
});

describe('openExternal handler', () => {
  it('opens an allow-listed URL through the injected shell', async () => {
    const openExternal = vi.fn(async () => undefined);
    await expect(createHandlers(deps({ openExternal })).openExternal({ url: 'https://www.gov.cn/' })).resolves.toEqual({ opened: true });
    expect(openExternal).toHaveBeenCalledWith('https://www.gov.cn/');
  });

  it('refuses anything else without touching the shell', async () => {
    const openExternal = vi.fn(async () => undefined);
    await expect(createHandlers(deps({ openExternal })).openExternal({ url: 'https://evil.example/' })).rejects.toBeInstanceOf(RefusedError);
    expect(openExternal).not.toHaveBeenCalled();
  });
});
