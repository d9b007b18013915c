import { appOrigin } from './appProtocol';

/** Minimal shapes of Electron's WebContents and Session that the guards touch. */
export interface NavigationEventLike {
  preventDefault(): void;
}
export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEventLike, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: NavigationEventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}
export interface SessionLike {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean): void;
}

/** The app is one page: in-page navigation to our own origin is fine, leaving it never is. */
export function isAllowedNavigation(url: string, devOrigin?: string): boolean {
  try {
    const parsed = new URL(url);
    const origin = parsed.protocol === 'app:' ? `app://${parsed.host}` : parsed.origin;
    return origin === appOrigin || (devOrigin !== undefined && origin === devOrigin);
  } catch {
    return false;
  }
}

/** Denies navigation away, new windows and <webview>; external links go through `openExternal`. */
export function guardWebContents(contents: WebContentsLike, devOrigin?: string): void {
  const refuseNavigation = (event: NavigationEventLike, url: string) => {
    if (!isAllowedNavigation(url, devOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** No camera, microphone, geolocation, notifications or anything else unless listed here (nothing is). */
export function denyAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
