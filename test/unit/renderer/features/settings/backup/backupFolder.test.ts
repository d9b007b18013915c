import 'fake-indexeddb/auto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelKeys } from '../../../../../../electron/ipc/channels';
import { createDispatch } from '../../../../../../electron/ipc/register';
import { createBackupFiles, memoryBackupFolderStore } from '../../../../../../electron/main/backup/backupFiles';
import { createBackupSecretStore } from '../../../../../../electron/main/backup/backupSecret';
import { memoryKeyFile } from '../../../../../../electron/main/dataKey/keyFile';
import { createDataKeyGrant } from '../../../../../../electron/main/dataKey/dataKeyGrant';
import { createHandlers } from '../../../../../../electron/main/handlers';
import { createCameraGate } from '../../../../../../electron/main/security/cameraPermission';
import { createHqClient } from '../../../../../../electron/main/hq/hqClient';
import { memorySecretStore } from '../../../../../../electron/main/hq/secretStore';
import { memorySettingsStore } from '../../../../../../electron/main/hq/settingsStore';
import { restoreBackup } from '../../../../../../renderer/src/data/backup/restoreBackup';
import { backupFileName, backupToFolder, folderBackupSource } from '../../../../../../renderer/src/features/settings/backup/backupFolder';
import { callDesk } from '../../../../../../renderer/src/platform/desk';
import { contentsOf, passphrase } from '../../../data/backup/backupFixtures';
import { closeDatabases, freshDatabase, readyDesk } from '../../../data/dataFixtures';

const folders: string[] = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  await closeDatabases();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** `window.desk` bound to the real IPC wrapper and handlers, the folder dialog answering with a temp folder. */
function bindDesk(): string {
  const folder = mkdtempSync(join(tmpdir(), 'yct-backup-folder-'));
  folders.push(folder);
  const dispatch = createDispatch(
    createHandlers({
      appVersion: '0.1.0',
      dataFolder: '/tmp/desk',
      platform: 'linux',
      runtime: 'test',
      camera: createCameraGate(),
      openExternal: async () => undefined,
      printService: { listPrinters: async () => [], print: async () => Promise.reject(new Error('unused')), jobState: async () => Promise.reject(new Error('unused')) },
      hq: createHqClient({ settings: memorySettingsStore(), secrets: memorySecretStore(), protocolVersion: 2 }),
      backup: createBackupFiles({ folderStore: memoryBackupFolderStore(), chooseFolder: async () => folder, chooseFile: async () => null }),
      dataKey: createDataKeyGrant(async () => ({ state: 'unavailable', problem: 'noEncryption' })),
      backupSecret: createBackupSecretStore({ file: memoryKeyFile(), dataKey: async () => null }),
      chooseExportPath: async () => null,
    }),
    { trustedOrigins: ['app://desk'] },
  );
  const desk = Object.fromEntries(channelKeys.map((key) => [key, (input?: unknown) => dispatch({ senderFrame: { url: 'app://desk/index.html', parent: null } }, key, input)]));
  vi.stubGlobal('window', { desk });
  return folder;
}

describe('backups in the chosen folder', { timeout: 180_000 }, () => {
  it('names a backup after its desk and the China time it was taken', () => {
    expect(backupFileName('MY', '01', new Date('2026-11-26T10:05:09Z'))).toBe('yct-MY01-20261126-180509.yctbak');
  });

  it('writes a backup through the main process, keeps the newest N, and restores from it', async () => {
    const folder = bindDesk();
    await callDesk('backupChooseFolder');
    const { db } = await readyDesk();
    const progress: number[] = [];
    const first = await backupToFolder(db, { passphrase, keep: 1, now: new Date('2026-11-25T10:00:00Z') });
    const second = await backupToFolder(db, { passphrase, keep: 1, now: new Date('2026-11-26T10:00:00Z'), onProgress: (done) => progress.push(done) });
    expect(second.pruned).toEqual([first.fileName]);
    expect(readdirSync(folder)).toEqual([second.fileName]);
    expect(progress.at(-1)).toBe(3);

    const fresh = freshDatabase();
    await restoreBackup(fresh, folderBackupSource(second.fileName), { passphrase, thisDesk: null, acceptOtherDesk: false });
    expect((await contentsOf(fresh)).clerks).toEqual((await contentsOf(db)).clerks);
  });

  it('leaves no file behind when the backup fails', async () => {
    const folder = bindDesk();
    await callDesk('backupChooseFolder');
    const db = freshDatabase();
    await expect(backupToFolder(db, { passphrase, keep: 3 })).rejects.toThrow('本机尚未设置大厅代码和窗口号');
    expect(readdirSync(folder)).toEqual([]);
  });
});
