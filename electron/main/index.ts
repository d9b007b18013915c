import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { protocolVersion } from '../../renderer/src/protocol/version';
import { registerIpc } from '../ipc/register';
import { createBackupFiles, jsonFileBackupFolderStore } from './backup/backupFiles';
import { createBackupSecretStore } from './backup/backupSecret';
import { createDataKeyGrant } from './dataKey/dataKeyGrant';
import { adoptDataKey, loadDataKey } from './dataKey/dataKeyStore';
import { diskKeyFile } from './dataKey/keyFile';
import { createHandlers } from './handlers';
import { createHqClient } from './hq/hqClient';
import { safeStorageSecretStore } from './hq/secretStore';
import { jsonFileSettingsStore } from './hq/settingsStore';
import { packagedMenuTemplate } from './menu/appMenu';
import { sweepPrintLeftovers } from './printing/printFolders';
import { createPrintService } from './printing/printService';
import { appOrigin, appScheme, createAppRequestHandler } from './security/appProtocol';
import { lockDevTools } from './security/devTools';
import { createCameraGate, installPermissionHandlers } from './security/cameraPermission';
import { guardWebContents } from './security/webContentsGuards';
import { bringToFront, secureWebPreferences } from './window';

// One desk per profile: a second launch brings the open window forward (see `second-instance`) and ends.
if (app.requestSingleInstanceLock()) startDesk();
else app.quit();

function startDesk(): void {
  // Must run before `ready`: makes app:// a standard, secure origin so IndexedDB, fetch and workers work.
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);

  // The packaged desk has no DevTools; run from the sources (npm start, npm run dev) it keeps them.
  const lockedDown = app.isPackaged;
  const devRendererUrl = !lockedDown ? process.env['ELECTRON_RENDERER_URL'] : undefined;
  const devOrigin = devRendererUrl ? new URL(devRendererUrl).origin : undefined;
  let window: BrowserWindow | undefined;

  app.enableSandbox();

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, devOrigin);
    if (lockedDown) lockDevTools(contents);
  });

  app.on('second-instance', () => {
    if (window) bringToFront(window);
  });

  app.whenReady().then(() => {
    if (lockedDown) {
      const template = packagedMenuTemplate(process.platform);
      Menu.setApplicationMenu(template && Menu.buildFromTemplate(template));
    }
    const trustedOrigins = devOrigin ? [appOrigin, devOrigin] : [appOrigin];
    // Nothing is granted but the camera, for the document-camera dialog while it is open.
    const camera = createCameraGate();
    installPermissionHandlers(session.defaultSession, camera, trustedOrigins);
    protocol.handle(appScheme, createAppRequestHandler(join(__dirname, '../renderer'), (path) => readFile(path)));
    const userData = app.getPath('userData');
    const tempRoot = app.getPath('temp');
    void sweepPrintLeftovers(tempRoot);
    const keyStore = { safeStorage, platform: process.platform, file: diskKeyFile(join(userData, 'desk-data-key.json')) };
    const dataKey = createDataKeyGrant(() => loadDataKey(keyStore), {
      adopt: (key) => adoptDataKey(keyStore, key),
      inUse: diskKeyFile(join(userData, 'desk-data-key.in-use.json')),
    });
    registerIpc(
      ipcMain,
      createHandlers({
        appVersion: app.getVersion(),
        dataFolder: userData,
        platform: process.platform,
        runtime: `Electron ${process.versions.electron}`,
        openExternal: (url) => shell.openExternal(url),
        printService: createPrintService(process.platform, tempRoot),
        hq: createHqClient({
          settings: jsonFileSettingsStore(join(userData, 'hq-settings.json')),
          secrets: safeStorageSecretStore(safeStorage, join(userData, 'hq-token.bin')),
          protocolVersion,
        }),
        backup: createBackupFiles({
          folderStore: jsonFileBackupFolderStore(join(userData, 'backup-folder.json')),
          chooseFolder: async () => {
            const chosen = await dialog.showOpenDialog({ title: '选择备份文件夹', properties: ['openDirectory', 'createDirectory'] });
            return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
          },
          chooseFile: async () => {
            const chosen = await dialog.showOpenDialog({ title: '选择备份文件', properties: ['openFile'], filters: [{ name: '一窗通备份', extensions: ['yctbak'] }] });
            return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
          },
        }),
        dataKey,
        backupSecret: createBackupSecretStore({ file: diskKeyFile(join(userData, 'backup-secret.json')), dataKey: () => dataKey.forBackup() }),
        camera,
        chooseExportPath: async (suggestedName) => {
          const chosen = await dialog.showSaveDialog({ title: '导出 Excel', defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
          return chosen.canceled || chosen.filePath === undefined || chosen.filePath === '' ? null : chosen.filePath;
        },
      }),
      {
        trustedOrigins,
        onUnexpectedError: (channel, error) => console.error(`[ipc] ${channel}`, error),
      },
    );

    const created = new BrowserWindow({
      width: 1440,
      height: 900,
      minWidth: 1100,
      minHeight: 700,
      title: '一窗通',
      show: false,
      webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs'), { devTools: !lockedDown }),
    });
    created.once('ready-to-show', () => created.show());
    // Each new document (start, reload) may take the data key once; moving within the page is not one.
    created.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) {
        dataKey.newDocument();
        camera.setOpen(false);
      }
    });
    void created.loadURL(devRendererUrl ?? `${appOrigin}/index.html`);
    window = created;
  });

  app.on('window-all-closed', () => app.quit());
}
