import { mkdirSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

/** A stand-in for the `electron` module, as much of it as the main process touches, recording what it is asked. */
export function fakeElectron(options: { isPackaged: boolean; gotLock: boolean }) {
  const appListeners = new Map<string, Listener[]>();
  const windows: FakeWindow[] = [];
  const folders = mkdtempSync(join(tmpdir(), 'desk-main-wiring-'));
  const paths = { userData: join(folders, 'userData'), temp: join(folders, 'temp') };
  Object.values(paths).forEach((path) => mkdirSync(path));

  class FakeWindow {
    minimized = false;
    readonly restore = vi.fn(() => {
      this.minimized = false;
    });
    readonly focus = vi.fn();
    readonly show = vi.fn();
    readonly loadURL = vi.fn(async () => undefined);
    readonly once = vi.fn();
    readonly webContents = { on: vi.fn() };
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      windows.push(this);
    }
    isMinimized() {
      return this.minimized;
    }
  }

  const electron = {
    app: {
      isPackaged: options.isPackaged,
      requestSingleInstanceLock: vi.fn(() => options.gotLock),
      quit: vi.fn(),
      enableSandbox: vi.fn(),
      on: vi.fn((event: string, listener: Listener) => {
        appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
      }),
      whenReady: vi.fn(async () => undefined),
      getPath: (name: keyof typeof paths) => paths[name],
      getVersion: () => '0.1.0',
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: vi.fn() },
    Menu: {
      setApplicationMenu: vi.fn(),
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn() },
  };

  return {
    electron,
    windows,
    paths,
    /** Runs the app's listeners for `event` as Electron would. */
    emit: (event: string, ...args: unknown[]) => (appListeners.get(event) ?? []).forEach((listener) => listener(...args)),
    listens: (event: string) => appListeners.has(event),
  };
}
export type FakeElectron = ReturnType<typeof fakeElectron>;

/** Lets the `whenReady` callback and what it starts run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A WebContents stand-in that records which events the main process listens to. */
function fakeContents() {
  const events = new Set<string>();
  return {
    events,
    contents: { on: (event: string) => events.add(event), setWindowOpenHandler: vi.fn(), closeDevTools: vi.fn() },
  };
}

/**
 * What the main process must do at start, whether run from the sources or from the built bundle: `start`
 * runs the main entry against the given fake Electron.
 */
export function mainWiringSpecs(start: (fake: FakeElectron) => Promise<void>) {
  async function run(fake: FakeElectron) {
    await start(fake);
    await settle();
    return fake;
  }
  const started = (options: { isPackaged: boolean; gotLock: boolean }) => run(fakeElectron(options));

  describe('single instance', () => {
    it('asks for the single-instance lock and quits at once, opening nothing, when another desk holds it', async () => {
      const fake = await started({ isPackaged: true, gotLock: false });
      expect(fake.electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
      expect(fake.electron.app.quit).toHaveBeenCalledTimes(1);
      expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
      expect(fake.electron.ipcMain.handle).not.toHaveBeenCalled();
      expect(fake.windows).toEqual([]);
    });

    it('brings the open window back, restored and focused, when the desk is launched a second time', async () => {
      const fake = await started({ isPackaged: true, gotLock: true });
      expect(fake.electron.app.quit).not.toHaveBeenCalled();
      expect(fake.windows).toHaveLength(1);
      const [window] = fake.windows;
      window!.minimized = true;
      fake.emit('second-instance', {}, ['一窗通.exe'], '/');
      expect(window!.restore).toHaveBeenCalledTimes(1);
      expect(window!.focus).toHaveBeenCalledTimes(1);
      expect(fake.windows).toHaveLength(1);
    });
  });

  describe('packaged', () => {
    it('opens the window with DevTools disabled and the secure webPreferences', async () => {
      const fake = await started({ isPackaged: true, gotLock: true });
      expect(fake.windows[0]!.options.webPreferences).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    });

    it(`replaces Electron's default menu (reload, DevTools) with ${process.platform === 'darwin' ? 'the minimal Chinese one' : 'none'}`, async () => {
      const fake = await started({ isPackaged: true, gotLock: true });
      expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
      const [menu] = fake.electron.Menu.setApplicationMenu.mock.calls[0]!;
      if (process.platform === 'darwin') expect(JSON.stringify(menu)).not.toMatch(/toggleDevTools|reload/i);
      else expect(menu).toBeNull();
    });

    it('locks DevTools in every web contents: their shortcuts swallowed, and closed should they open', async () => {
      const fake = await started({ isPackaged: true, gotLock: true });
      const { contents, events } = fakeContents();
      fake.emit('web-contents-created', {}, contents);
      expect(events).toEqual(new Set(['will-navigate', 'will-redirect', 'will-attach-webview', 'before-input-event', 'devtools-opened']));
    });
  });

  describe('camera permission', () => {
    it('grants the camera to the app only between the dialog saying it opened and closed, and a new document closes it', async () => {
      const fake = await started({ isPackaged: true, gotLock: true });
      const session = fake.electron.session.defaultSession;
      const [requestHandler] = session.setPermissionRequestHandler.mock.calls.at(-1) as [(wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void];
      const ask = (details: { requestingUrl: string; mediaTypes: string[] }) => {
        let granted: boolean | undefined;
        requestHandler({}, 'media', (answer) => (granted = answer), details);
        return granted;
      };
      const video = { requestingUrl: 'app://desk/index.html', mediaTypes: ['video'] };
      const dialog = fake.electron.ipcMain.handle.mock.calls.find(([channel]) => channel === 'camera:dialog')?.[1] as (event: unknown, input: unknown) => Promise<unknown>;
      const fromApp = { senderFrame: { url: 'app://desk/index.html', parent: null } };
      expect(ask(video)).toBe(false);
      expect(await dialog(fromApp, { open: true })).toEqual({ ok: true, value: { open: true } });
      expect(ask(video)).toBe(true);
      expect(ask({ ...video, mediaTypes: ['video', 'audio'] })).toBe(false);
      expect(ask({ ...video, requestingUrl: 'https://example.com/' })).toBe(false);
      await dialog(fromApp, { open: false });
      expect(ask(video)).toBe(false);
      // Reloaded with the dialog open: the new page has not opened it.
      await dialog(fromApp, { open: true });
      const navigation = fake.windows[0]!.webContents.on.mock.calls.find(([event]) => event === 'did-start-navigation')?.[1] as (details: unknown) => void;
      navigation({ isMainFrame: true, isSameDocument: false });
      expect(ask(video)).toBe(false);
    });
  });

  describe('temporary print files', () => {
    it('sweeps the print folders a crashed run left in the temporary folder, and keeps a print in flight', async () => {
      const fake = fakeElectron({ isPackaged: true, gotLock: true });
      const leftover = join(fake.paths.temp, 'yichuangtong-print-crashed');
      const inFlight = join(fake.paths.temp, 'yichuangtong-print-printing');
      mkdirSync(leftover);
      mkdirSync(inFlight);
      const dayBefore = new Date(Date.now() - 24 * 3600_000);
      utimesSync(leftover, dayBefore, dayBefore);
      await run(fake);
      // The sweep runs beside the start, not before it: the window does not wait for it.
      await vi.waitFor(() => expect(readdirSync(fake.paths.temp)).toEqual(['yichuangtong-print-printing']));
    });
  });

  describe('run from the sources', () => {
    it('keeps DevTools and the default menu for development', async () => {
      const fake = await started({ isPackaged: false, gotLock: true });
      expect(fake.windows[0]!.options.webPreferences).toMatchObject({ devTools: true });
      expect(fake.electron.Menu.setApplicationMenu).not.toHaveBeenCalled();
      const { contents, events } = fakeContents();
      fake.emit('web-contents-created', {}, contents);
      expect(events.has('devtools-opened')).toBe(false);
      expect(events.has('will-navigate')).toBe(true);
    });
  });
}
