import { describe, expect, it } from 'vitest';
import {
  createCameraGate,
  installPermissionHandlers,
  isCameraCheckAllowed,
  isCameraRequestAllowed,
  type PermissionCheckDetailsLike,
  type PermissionRequestDetailsLike,
} from '../../../../../electron/main/security/cameraPermission';

const openGate = () => {
  const gate = createCameraGate();
  gate.setOpen(true);
  return gate;
};
const video: PermissionRequestDetailsLike = { requestingUrl: 'app://desk/index.html#/cases/1', mediaTypes: ['video'] };

describe('camera permission (document camera dialog)', () => {
  it('grants video to the app while the dialog is open', () => {
    expect(isCameraRequestAllowed('media', video, openGate())).toBe(true);
  });

  it('refuses once the dialog is closed, and before it ever opened', () => {
    const gate = openGate();
    gate.setOpen(false);
    expect(isCameraRequestAllowed('media', video, gate)).toBe(false);
    expect(isCameraRequestAllowed('media', video, createCameraGate())).toBe(false);
  });

  it('refuses audio, alone or with video, and a request naming no media', () => {
    const gate = openGate();
    expect(isCameraRequestAllowed('media', { ...video, mediaTypes: ['audio'] }, gate)).toBe(false);
    expect(isCameraRequestAllowed('media', { ...video, mediaTypes: ['video', 'audio'] }, gate)).toBe(false);
    expect(isCameraRequestAllowed('media', { ...video, mediaTypes: [] }, gate)).toBe(false);
    expect(isCameraRequestAllowed('media', { requestingUrl: video.requestingUrl }, gate)).toBe(false);
  });

  it.each(['https://example.com/', 'app://other/index.html', 'file:///tmp/page.html', 'http://localhost:5173/', '', 'garbage'])('refuses another origin: %s', (url) => {
    expect(isCameraRequestAllowed('media', { ...video, requestingUrl: url }, openGate())).toBe(false);
  });

  it('grants the dev server only when it is one of the trusted origins', () => {
    const dev = { ...video, requestingUrl: 'http://localhost:5173/' };
    expect(isCameraRequestAllowed('media', dev, openGate(), ['app://desk', 'http://localhost:5173'])).toBe(true);
  });

  it.each(['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'midi'])('refuses %s even while the dialog is open', (permission) => {
    expect(isCameraRequestAllowed(permission, video, openGate())).toBe(false);
  });

  it('answers the permission check by the same rule', () => {
    const gate = openGate();
    expect(isCameraCheckAllowed('media', 'app://desk', { mediaType: 'video' }, gate)).toBe(true);
    expect(isCameraCheckAllowed('media', 'app://desk', { mediaType: 'audio' }, gate)).toBe(false);
    expect(isCameraCheckAllowed('media', 'https://example.com', { mediaType: 'video' }, gate)).toBe(false);
    expect(isCameraCheckAllowed('notifications', 'app://desk', {}, gate)).toBe(false);
    gate.setOpen(false);
    expect(isCameraCheckAllowed('media', 'app://desk', { mediaType: 'video' }, gate)).toBe(false);
  });

  it('installs handlers on the session that follow the dialog', () => {
    type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetailsLike) => void;
    type CheckHandler = (wc: unknown, permission: string, origin: string, details: PermissionCheckDetailsLike) => boolean;
    let request: RequestHandler | undefined;
    let check: CheckHandler | undefined;
    const gate = createCameraGate();
    installPermissionHandlers(
      {
        setPermissionRequestHandler: (handler) => {
          request = handler;
        },
        setPermissionCheckHandler: (handler) => {
          check = handler;
        },
      },
      gate,
    );
    const answers: boolean[] = [];
    request?.(null, 'media', (granted) => answers.push(granted), video);
    gate.setOpen(true);
    request?.(null, 'media', (granted) => answers.push(granted), video);
    request?.(null, 'media', (granted) => answers.push(granted), { ...video, mediaTypes: ['audio'] });
    expect(answers).toEqual([false, true, false]);
    expect(check?.(null, 'media', 'app://desk', { mediaType: 'video' })).toBe(true);
  });
});
