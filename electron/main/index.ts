import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { protocolVersion } from '../../renderer/src/protocol/version';
import { registerIpc } from '../ipc/register';
import { createDataKeyGrant } from './dataKey/dataKeyGrant';
import { loadDataKey } from './dataKey/dataKeyStore';
import { diskKeyFile } from './dataKey/keyFile';
import { createHandlers } from './handlers';
import { createHqClient } from './hq/hqClient';
import { safeStorageSecretStore } from './hq/secretStore';
import { jsonFileSettingsStore } from './hq/settingsStore';
import { createPrintService } from './printing/printService';
import { appOrigin, appScheme, createAppRequestHandler } from './security/appProtocol';
import { denyAllPermissions, guardWebContents } from './security/webContentsGuards';
import { secureWebPreferences } from './window';

// Must run before `ready`: makes app:// a standard, secure origin so IndexedDB, fetch and workers work.
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

const devRendererUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const devOrigin = devRendererUrl ? new URL(devRendererUrl).origin : undefined;

app.enableSandbox();

app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devOrigin));

app.whenReady().then(() => {
  denyAllPermissions(session.defaultSession);
  protocol.handle(appScheme, createAppRequestHandler(join(__dirname, '../renderer'), (path) => readFile(path)));
  const userData = app.getPath('userData');
  const dataKey = createDataKeyGrant(() =>
    loadDataKey({ safeStorage, platform: process.platform, file: diskKeyFile(join(userData, 'desk-data-key.json')) }),
  );
  registerIpc(
    ipcMain,
    createHandlers({
      appVersion: app.getVersion(),
      dataFolder: userData,
      platform: process.platform,
      runtime: `Electron ${process.versions.electron}`,
      openExternal: (url) => shell.openExternal(url),
      printService: createPrintService(process.platform),
      hq: createHqClient({
        settings: jsonFileSettingsStore(join(userData, 'hq-settings.json')),
        secrets: safeStorageSecretStore(safeStorage, join(userData, 'hq-token.bin')),
        protocolVersion,
      }),
      dataKey,
    }),
    {
      trustedOrigins: devOrigin ? [appOrigin, devOrigin] : [appOrigin],
      onUnexpectedError: (channel, error) => console.error(`[ipc] ${channel}`, error),
    },
  );

  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '一窗通',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  // Each new document (start, reload) may take the data key once; moving within the page is not one.
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) dataKey.newDocument();
  });
  void window.loadURL(devRendererUrl ?? `${appOrigin}/index.html`);
});

app.on('window-all-closed', () => app.quit());
