import { appOrigin } from './appProtocol';

/**
 * Whether the document-camera dialog is open. The renderer says so through the `cameraDialog` channel;
 * the permission handler grants the camera only while it is. A new document (start, reload) closes it,
 * so a page that reloaded with the dialog open does not keep the camera.
 */
export interface CameraGate {
  setOpen(open: boolean): void;
  isOpen(): boolean;
}

export function createCameraGate(): CameraGate {
  let open = false;
  return {
    setOpen: (value) => {
      open = value;
    },
    isOpen: () => open,
  };
}

/** What Electron passes with a `media` permission request (`details.mediaTypes`, `details.requestingUrl`). */
export interface PermissionRequestDetailsLike {
  requestingUrl?: string;
  mediaTypes?: readonly string[];
}
/** What Electron passes with a permission check (`requestingOrigin`, `details.mediaType`). */
export interface PermissionCheckDetailsLike {
  mediaType?: string;
}

export interface SessionPermissionsLike {
  setPermissionRequestHandler(
    handler: (wc: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetailsLike) => void,
  ): void;
  setPermissionCheckHandler(handler: (wc: unknown, permission: string, requestingOrigin: string, details: PermissionCheckDetailsLike) => boolean): void;
}

function originOf(url: string | undefined): string | null {
  if (url === undefined || url === '') return null;
  try {
    const parsed = new URL(url);
    // app:// is not a special scheme to the URL parser: its origin reads "null", so build it from the host.
    return parsed.protocol === 'app:' ? `app://${parsed.host}` : parsed.origin;
  } catch {
    return null;
  }
}

/**
 * A `media` request is granted only when it asks for video alone (a microphone never), comes from one of
 * our origins, and the camera dialog is open. Every other permission is refused, as before.
 */
export function isCameraRequestAllowed(
  permission: string,
  details: PermissionRequestDetailsLike,
  gate: CameraGate,
  trustedOrigins: readonly string[] = [appOrigin],
): boolean {
  if (permission !== 'media' || !gate.isOpen()) return false;
  const origin = originOf(details.requestingUrl);
  if (origin === null || !trustedOrigins.includes(origin)) return false;
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'video');
}

/** The synchronous check Chromium makes beside a request (e.g. before listing cameras): the same rule. */
export function isCameraCheckAllowed(
  permission: string,
  requestingOrigin: string,
  details: PermissionCheckDetailsLike,
  gate: CameraGate,
  trustedOrigins: readonly string[] = [appOrigin],
): boolean {
  if (permission !== 'media' || !gate.isOpen()) return false;
  const origin = originOf(requestingOrigin);
  return origin !== null && trustedOrigins.includes(origin) && details.mediaType === 'video';
}

/** Replaces deny-all: the camera for the dialog, nothing else (no microphone, geolocation, notifications…). */
export function installPermissionHandlers(session: SessionPermissionsLike, gate: CameraGate, trustedOrigins: readonly string[] = [appOrigin]): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) => callback(isCameraRequestAllowed(permission, details, gate, trustedOrigins)));
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) => isCameraCheckAllowed(permission, requestingOrigin, details, gate, trustedOrigins));
}
