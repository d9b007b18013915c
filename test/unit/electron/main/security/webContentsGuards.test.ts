import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, guardWebContents, isAllowedNavigation, type WebContentsLike } from '../../../../../electron/main/security/webContentsGuards';

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => {
      openHandler = handler;
    },
  } as unknown as WebContentsLike;
  return { contents, listeners, open: (url: string) => openHandler?.({ url }) };
}

describe('navigation guard', () => {
  it('allows staying on app://desk', () => {
    expect(isAllowedNavigation('app://desk/index.html#/cases')).toBe(true);
  });

  it.each(['https://example.com/', 'file:///etc/passwd', 'app://other/', 'javascript:alert(1)', 'garbage'])('refuses navigating to %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('allows the dev server origin only when one is given', () => {
    expect(isAllowedNavigation('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/')).toBe(false);
  });

  it('prevents will-navigate and will-redirect away from the app, and lets in-app ones through', () => {
    const { contents, listeners } = fakeContents();
    guardWebContents(contents);
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = { preventDefault: vi.fn() };
      listeners.get(name)!(away, 'https://evil.example/');
      expect(away.preventDefault).toHaveBeenCalled();
      const inside = { preventDefault: vi.fn() };
      listeners.get(name)!(inside, 'app://desk/index.html');
      expect(inside.preventDefault).not.toHaveBeenCalled();
    }
  });

  it('denies every new window and every <webview>', () => {
    const { contents, listeners, open } = fakeContents();
    guardWebContents(contents);
    expect(open('https://www.gov.cn/')).toEqual({ action: 'deny' });
    expect(open('app://desk/index.html')).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((wc: unknown, permission: string) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => {
        request = h;
      },
      setPermissionCheckHandler: (h) => {
        check = h;
      },
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!(null, permission)).toBe(false);
    }
  });
});
