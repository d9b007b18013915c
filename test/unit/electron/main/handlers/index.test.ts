import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { RefusedError } from '../../../../../electron/ipc/errors';
import { printJobIdSchema, printJobSchema } from '../../../../../electron/ipc/printing';
import { createBackupFiles, memoryBackupFolderStore } from '../../../../../electron/main/backup/backupFiles';
import { createBackupSecretStore } from '../../../../../electron/main/backup/backupSecret';
import { createDispatch } from '../../../../../electron/ipc/register';
import { createDataKeyGrant } from '../../../../../electron/main/dataKey/dataKeyGrant';
import { adoptDataKey, loadDataKey } from '../../../../../electron/main/dataKey/dataKeyStore';
import { diskKeyFile, memoryKeyFile } from '../../../../../electron/main/dataKey/keyFile';
import { createHandlers, type HandlerDeps } from '../../../../../electron/main/handlers';
import { createCameraGate } from '../../../../../electron/main/security/cameraPermission';
import { createHqClient } from '../../../../../electron/main/hq/hqClient';
import { memorySecretStore } from '../../../../../electron/main/hq/secretStore';
import { memorySettingsStore } from '../../../../../electron/main/hq/settingsStore';
import type { PrintService } from '../../../../../electron/main/printing/service';
import { fakeSafeStorage } from '../../../../fixtures/fakeSafeStorage';

const printService = (): PrintService => ({
  listPrinters: vi.fn(async () => [{ name: 'DeskPDF', isDefault: true, state: 'idle' as const }]),
  print: vi.fn(async (job) => ({ state: 'completed' as const, jobId: printJobIdSchema.parse(`${job.printer}-7`) })),
  jobState: vi.fn(async (jobId) => ({ state: 'queued' as const, jobId, reason: '正在打印，尚未完成。' })),
});

const deps = (overrides: Partial<HandlerDeps> = {}): HandlerDeps => ({
  appVersion: '0.1.0',
  dataFolder: '/home/clerk/.config/一窗通',
  platform: 'linux',
  runtime: 'Electron 45',
  openExternal: vi.fn(async () => undefined),
  printService: printService(),
  hq: createHqClient({ settings: memorySettingsStore(), secrets: memorySecretStore(), protocolVersion: 2 }),
  backup: createBackupFiles({ folderStore: memoryBackupFolderStore(), chooseFolder: async () => null, chooseFile: async () => null }),
  dataKey: createDataKeyGrant(() => loadDataKey({ safeStorage: fakeSafeStorage(), platform: 'linux', file: memoryKeyFile() })),
  backupSecret: createBackupSecretStore({ file: memoryKeyFile(), dataKey: async () => new Uint8Array(32).fill(9) }),
  camera: createCameraGate(),
  chooseExportPath: async () => null,
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

describe('printing handlers', () => {
  it('hand the parsed request to the injected print service and return its answer', async () => {
    const service = printService();
    const handlers = createHandlers(deps({ printService: service }));
    const job = printJobSchema.parse({ pdf: new TextEncoder().encode('%PDF-1.7'), printer: 'DeskPDF', copies: 1, paper: 'A4', title: '收件凭证' });
    await expect(handlers.listPrinters(undefined)).resolves.toEqual([{ name: 'DeskPDF', isDefault: true, state: 'idle' }]);
    await expect(handlers.printPdf(job)).resolves.toEqual({ state: 'completed', jobId: 'DeskPDF-7' });
    expect(service.print).toHaveBeenCalledWith(job);
    const jobId = printJobIdSchema.parse('DeskPDF-7');
    await expect(handlers.printJobState({ jobId })).resolves.toMatchObject({ state: 'queued', jobId });
  });
});

describe('dataKey handler', () => {
  const call = (handlers: ReturnType<typeof createHandlers>) =>
    createDispatch(handlers, { trustedOrigins: ['app://desk'] })({ senderFrame: { url: 'app://desk/index.html', parent: null } }, 'dataKey', undefined);

  it('hands the page the 32-byte key through the IPC contract, then refuses to hand it again in that page', async () => {
    const handlers = createHandlers(deps());
    const first = await call(handlers);
    expect(first).toMatchObject({ ok: true, value: { state: 'ready', protection: 'osKeyStore' } });
    expect(first.ok && (first.value as { key: Uint8Array }).key.byteLength).toBe(32);
    expect(await call(handlers)).toEqual({ ok: false, error: { code: 'refused', message: expect.stringContaining('数据密钥') } });
  });

  it('says the key is protected only by a fixed password on a Linux without a key store', async () => {
    const dataKey = createDataKeyGrant(() =>
      loadDataKey({ safeStorage: fakeSafeStorage({ backend: 'basic_text', keyStore: false }), platform: 'linux', file: memoryKeyFile() }),
    );
    expect(await call(createHandlers(deps({ dataKey })))).toMatchObject({ ok: true, value: { state: 'ready', protection: 'fixedPassword' } });
  });
});

describe('backup key handlers', () => {
  const dispatchOf = (handlers: ReturnType<typeof createHandlers>, url = 'app://desk/index.html') => {
    const dispatch = createDispatch(handlers, { trustedOrigins: ['app://desk'] });
    return (key: 'backupDataKey' | 'backupAdoptDataKey' | 'dataKey' | 'dataKeyInUse', input?: unknown) => dispatch({ senderFrame: { url, parent: null } }, key, input);
  };
  const keyFor = (file: ReturnType<typeof memoryKeyFile>) => {
    const options = { safeStorage: fakeSafeStorage(), platform: 'linux' as NodeJS.Platform, file };
    return createDataKeyGrant(() => loadDataKey(options), { adopt: (key) => adoptDataKey(options, key), inUse: memoryKeyFile() });
  };

  it('hands the raw data key for a backup as often as asked, beside the once-per-page key, and never to an untrusted sender', async () => {
    const call = dispatchOf(createHandlers(deps({ dataKey: keyFor(memoryKeyFile()) })));
    const page = await call('dataKey');
    const forBackup = await call('backupDataKey');
    expect(forBackup).toMatchObject({ ok: true });
    expect(forBackup.ok && (forBackup.value as { key: Uint8Array }).key).toEqual(page.ok && (page.value as { key: Uint8Array }).key);
    expect(await call('backupDataKey')).toMatchObject({ ok: true });
    const stranger = dispatchOf(createHandlers(deps()), 'https://evil.example/');
    expect(await stranger('backupDataKey')).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    expect(await stranger('backupAdoptDataKey', { key: new Uint8Array(32) })).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
  });

  it("adopts a restored backup's key: wrapped into the key file, handed to the next page load and kept across restarts", async () => {
    const file = memoryKeyFile();
    const grant = keyFor(file);
    const call = dispatchOf(createHandlers(deps({ dataKey: grant })));
    await call('dataKey');
    const restored = new Uint8Array(32).fill(7);
    expect(await call('backupAdoptDataKey', { key: restored })).toEqual({ ok: true, value: { adopted: true } });
    grant.newDocument();
    const next = await call('dataKey');
    expect(next.ok && (next.value as { key: Uint8Array }).key).toEqual(restored);
    expect(await loadDataKey({ safeStorage: fakeSafeStorage(), platform: 'linux', file })).toMatchObject({ state: 'ready', key: restored });
  });

  it('adopts on a fresh desk keeping the replaced key file aside, and refuses once the desk has an account, keeping its key', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'yct-adopt-'));
    const options = { safeStorage: fakeSafeStorage(), platform: 'linux' as NodeJS.Platform, file: diskKeyFile(join(folder, 'desk-data-key.json')) };
    const grantOf = () =>
      createDataKeyGrant(() => loadDataKey(options), {
        adopt: (key) => adoptDataKey(options, key, new Date('2026-11-28T02:00:00Z')),
        inUse: diskKeyFile(join(folder, 'desk-data-key.in-use.json')),
      });
    const grant = grantOf();
    const call = dispatchOf(createHandlers(deps({ dataKey: grant })));
    const first = await call('dataKey');
    const own = first.ok ? (first.value as { key: Uint8Array }).key : null;
    const restored = new Uint8Array(32).fill(7);
    expect(await call('backupAdoptDataKey', { key: restored })).toEqual({ ok: true, value: { adopted: true } });
    const kept = join(folder, 'desk-data-key.replaced-2026-11-28T02-00-00-000Z.json');
    expect(await loadDataKey({ ...options, file: diskKeyFile(kept) })).toMatchObject({ state: 'ready', key: own });

    expect(await call('dataKeyInUse')).toEqual({ ok: true, value: { marked: true } });
    // The mark is kept on disk: a restarted main process refuses too.
    const restarted = dispatchOf(createHandlers(deps({ dataKey: grantOf() })));
    for (const caller of [call, restarted]) {
      expect(await caller('backupAdoptDataKey', { key: new Uint8Array(32).fill(8) })).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('已设置过账户') } });
    }
    expect(await loadDataKey(options)).toMatchObject({ state: 'ready', key: restored });
    expect((await readdir(folder)).sort()).toEqual(['desk-data-key.in-use.json', 'desk-data-key.json', 'desk-data-key.replaced-2026-11-28T02-00-00-000Z.json']);
    expect(JSON.parse(await readFile(join(folder, 'desk-data-key.in-use.json'), 'utf8'))).toMatchObject({ format: 1 });
  });

  it('refuses a key of the wrong length, and adoption where no key store can wrap it', async () => {
    const call = dispatchOf(createHandlers(deps({ dataKey: keyFor(memoryKeyFile()) })));
    expect(await call('backupAdoptDataKey', { key: new Uint8Array(16) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const options = { safeStorage: fakeSafeStorage({ keyStore: false }), platform: 'darwin' as NodeJS.Platform, file: memoryKeyFile() };
    const none = dispatchOf(createHandlers(deps({ dataKey: createDataKeyGrant(() => loadDataKey(options), { adopt: (key) => adoptDataKey(options, key), inUse: memoryKeyFile() }) })));
    expect(await none('backupDataKey')).toEqual({ ok: true, value: { key: null } });
    expect(await none('backupAdoptDataKey', { key: new Uint8Array(32) })).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('数据密钥') } });
  });
});

describe('cameraDialog handler', () => {
  it('opens and closes the camera gate the permission handler reads', async () => {
    const camera = createCameraGate();
    const handlers = createHandlers(deps({ camera }));
    expect(await handlers.cameraDialog({ open: true })).toEqual({ open: true });
    expect(camera.isOpen()).toBe(true);
    expect(await handlers.cameraDialog({ open: false })).toEqual({ open: false });
    expect(camera.isOpen()).toBe(false);
  });
});

describe('saveExport handler', () => {
  const dispatchOf = (handlers: ReturnType<typeof createHandlers>) => {
    const dispatch = createDispatch(handlers, { trustedOrigins: ['app://desk'] });
    return (input: unknown) => dispatch({ senderFrame: { url: 'app://desk/index.html', parent: null } }, 'saveExport', input);
  };
  const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

  it('writes the bytes where the person chose, offering the suggested name, and leaves nothing beside it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'export-'));
    const chooseExportPath = vi.fn(async (name: string) => join(folder, name));
    const call = dispatchOf(createHandlers(deps({ chooseExportPath })));
    expect(await call({ suggestedName: '督办台账-2026-10-12.xlsx', bytes: xlsx })).toEqual({ ok: true, value: { saved: true, path: join(folder, '督办台账-2026-10-12.xlsx') } });
    expect(chooseExportPath).toHaveBeenCalledWith('督办台账-2026-10-12.xlsx');
    expect(new Uint8Array(await readFile(join(folder, '督办台账-2026-10-12.xlsx')))).toEqual(xlsx);
    expect(await readdir(folder)).toEqual(['督办台账-2026-10-12.xlsx']);
  });

  it('answers saved: false when the dialog is cancelled, writing nothing', async () => {
    const call = dispatchOf(createHandlers(deps()));
    expect(await call({ suggestedName: '督办台账.xlsx', bytes: xlsx })).toEqual({ ok: true, value: { saved: false } });
  });

  it('refuses a name with a folder in it, and bytes that are no spreadsheet, before any dialog opens', async () => {
    const chooseExportPath = vi.fn(async () => '/tmp/never.xlsx');
    const call = dispatchOf(createHandlers(deps({ chooseExportPath })));
    expect(await call({ suggestedName: '../../etc/督办台账.xlsx', bytes: xlsx })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call({ suggestedName: '督办台账.xlsx', bytes: new TextEncoder().encode('%PDF-1.7') })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call({ suggestedName: '督办台账.pdf', bytes: xlsx })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(chooseExportPath).not.toHaveBeenCalled();
  });
});
