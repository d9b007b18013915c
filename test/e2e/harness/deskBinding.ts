import type { BrowserContext, Page } from '@playwright/test';
import { channels } from '../../../electron/ipc/channels';
import { registerIpc, type IpcMainLike } from '../../../electron/ipc/register';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackupFiles, memoryBackupFolderStore } from '../../../electron/main/backup/backupFiles';
import { createBackupSecretStore } from '../../../electron/main/backup/backupSecret';
import { createDataKeyGrant } from '../../../electron/main/dataKey/dataKeyGrant';
import { adoptDataKey, loadDataKey, type KeySafeStorage } from '../../../electron/main/dataKey/dataKeyStore';
import { memoryKeyFile, type KeyFile } from '../../../electron/main/dataKey/keyFile';
import { createHandlers, type HandlerDeps } from '../../../electron/main/handlers';
import { createCameraGate, type CameraGate } from '../../../electron/main/security/cameraPermission';
import { createHqClient, type HqClient } from '../../../electron/main/hq/hqClient';
import { memorySecretStore } from '../../../electron/main/hq/secretStore';
import { memorySettingsStore } from '../../../electron/main/hq/settingsStore';
import { protocolVersion } from '../../../renderer/src/protocol/version';
import { createPrintService } from '../../../electron/main/printing/printService';
import { fakeSafeStorage } from '../../fixtures/fakeSafeStorage';

export interface BoundDesk {
  /** URLs the app asked the OS to open, in order. */
  openedExternally: string[];
  /** The desk's HQ client in the main process (what 注册本窗口 and the sync engine call). */
  hq: HqClient;
  /** Whether the page told the main process its document-camera dialog is open. */
  camera: CameraGate;
}

/** The data key of the desks a worker opens on the default key store (see `bindDesk`). */
const workerKeyFile = memoryKeyFile();

/**
 * The wrapped data key of each browser context (one profile: one desk, one key), so a page opened again in
 * the same context opens what an earlier page sealed, and the test can read the key as the app would.
 */
const keyFiles = new WeakMap<BrowserContext, { file: KeyFile; safeStorage: KeySafeStorage; inUse: KeyFile }>();

/** The raw data key of `page`'s browser context, unwrapped as the main process does (a page must have been bound). */
export async function deskDataKey(page: Page): Promise<Uint8Array> {
  const stored = keyFiles.get(page.context());
  if (stored === undefined) throw new Error('no desk was bound in this browser context');
  const loaded = await loadDataKey({ ...stored, platform: 'linux' });
  if (loaded.state !== 'ready') throw new Error(`the data key is unavailable: ${loaded.problem}`);
  return loaded.key;
}

/**
 * Binds `window.desk` in the page to the real IPC wrapper and handlers running in this test process.
 * Only Electron adapters are swapped: the sender is the Playwright frame, `openExternal` records, and the
 * HQ token is kept in memory instead of `safeStorage`, and the data key is wrapped into memory by a
 * stand-in for `safeStorage` (a Linux with a key store unless `safeStorage` says otherwise), one key per
 * browser context (see `deskDataKey`); each page load
 * may take it once, as in the app (a navigation request of the main frame is a new page load). Printing is the real service, so on a machine with
 * CUPS it prints (see `cups.ts` for a cups-pdf queue). The HQ client is the real one, enrolled with the
 * reference HQ through 设置 or, before the page opens, by the `counterDesk` fixture.
 */
export async function bindDesk(
  page: Page,
  trustedOrigin: string,
  overrides: Partial<HandlerDeps> = {},
  keyStore?: KeySafeStorage,
): Promise<BoundDesk> {
  const openedExternally: string[] = [];
  const safeStorage = keyStore ?? fakeSafeStorage();
  // A desk on the default key store shares the worker's data key: it restores databases the worker seeded
  // (counterDesk.ts), whose sealed rows open only under the key they were sealed with. A desk on a key store
  // of its own keeps one key per browser context, so a page opened again opens what an earlier one sealed.
  const file = keyStore === undefined ? workerKeyFile : (keyFiles.get(page.context())?.file ?? memoryKeyFile());
  // The in-use mark is the profile's own (a context's), as the app keeps it beside its key file.
  const inUse = keyFiles.get(page.context())?.inUse ?? memoryKeyFile();
  keyFiles.set(page.context(), { file, safeStorage, inUse });
  const keyFile = { safeStorage, platform: 'linux' as NodeJS.Platform, file };
  const dataKey = createDataKeyGrant(() => loadDataKey(keyFile), { adopt: (key) => adoptDataKey(keyFile, key), inUse });
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      dataKey.newDocument();
      camera.setOpen(false);
    }
  });
  const camera = createCameraGate();
  const hq = createHqClient({ settings: memorySettingsStore(), secrets: memorySecretStore(), protocolVersion });
  const listeners = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  registerIpc(
    { handle: (channel, listener) => listeners.set(channel, listener) },
    createHandlers({
      appVersion: '0.1.0-e2e',
      dataFolder: '/tmp/yichuangtong-e2e',
      platform: process.platform,
      runtime: 'Chromium（端到端测试）',
      openExternal: async (url) => {
        openedExternally.push(url);
      },
      printService: createPrintService(process.platform),
      hq,
      // The folder dialog answers with a fresh temporary folder of this desk.
      backup: createBackupFiles({ folderStore: memoryBackupFolderStore(), chooseFolder: async () => mkdtempSync(join(tmpdir(), 'yct-backup-e2e-')), chooseFile: async () => null }),
      dataKey,
      backupSecret: createBackupSecretStore({ file: memoryKeyFile(), dataKey: () => dataKey.forBackup() }),
      camera,
      // The save dialog answers with the suggested name in a fresh temporary folder (the app shows where it saved).
      chooseExportPath: async (suggestedName) => join(mkdtempSync(join(tmpdir(), 'yct-export-e2e-')), suggestedName),
      ...overrides,
    }),
    { trustedOrigins: [trustedOrigin] },
  );

  await page.exposeBinding('__deskInvoke', async (source, channel: string, input: unknown) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: { url: source.frame.url(), parent: source.frame.parentFrame() } }, input);
  });
  // Stands in for the preload: one function per channel, forwarding one argument.
  await page.addInitScript((map: Record<string, string>) => {
    const invoke = (window as unknown as { __deskInvoke: (c: string, i: unknown) => Promise<unknown> }).__deskInvoke;
    const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const [key, channel] of Object.entries(map)) api[key] = (input?: unknown) => invoke(channel, input);
    Object.defineProperty(window, 'desk', { value: Object.freeze(api), enumerable: true });
  }, channels as Record<string, string>);
  return { openedExternally, hq: overrides.hq ?? hq, camera: overrides.camera ?? camera };
}
