import type { Handlers } from '../../ipc/contract';
import { RefusedError } from '../../ipc/errors';
import { ipcMessages } from '../../ipc/messages';
import type { BackupFiles } from '../backup/backupFiles';
import type { BackupSecretStore } from '../backup/backupSecret';
import type { DataKeyGrant } from '../dataKey/dataKeyGrant';
import type { HqClient } from '../hq/hqClient';
import type { PrintService } from '../printing/service';
import type { CameraGate } from '../security/cameraPermission';
import { isAllowedExternalUrl } from '../security/externalUrls';
import { writeExportFile } from '../exportFile';

/** What the handlers need from Electron and the OS, injected so the e2e harness can bind the same code. */
export interface HandlerDeps {
  appVersion: string;
  dataFolder: string;
  platform: NodeJS.Platform;
  runtime: string;
  openExternal: (url: string) => Promise<void>;
  printService: PrintService;
  /** Talks to HQ with the desk's token, which stays in the main process. */
  hq: HqClient;
  /** Backup files in the folder the admin chose. */
  backup: BackupFiles;
  /** The data key, wrapped by the OS key store, handed to the page once per load. */
  dataKey: DataKeyGrant;
  /** What the backup passphrase gave, sealed under the data key. */
  backupSecret: BackupSecretStore;
  /** Whether the document-camera dialog is open, which the permission handler reads. */
  camera: CameraGate;
  /** The save dialog for an export: the path the person picked for `suggestedName`, or null when they cancelled. */
  chooseExportPath: (suggestedName: string) => Promise<string | null>;
}

function platformName(platform: NodeJS.Platform): 'linux' | 'darwin' | 'win32' | 'other' {
  return platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other';
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    appInfo: () => ({
      version: deps.appVersion,
      dataFolder: deps.dataFolder,
      platform: platformName(deps.platform),
      runtime: deps.runtime,
    }),
    openExternal: async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new RefusedError(ipcMessages.externalUrlRefused);
      await deps.openExternal(url);
      return { opened: true as const };
    },
    listPrinters: () => deps.printService.listPrinters(),
    printPdf: (job) => deps.printService.print(job),
    printJobState: ({ jobId }) => deps.printService.jobState(jobId),
    dataKey: () => deps.dataKey.take(),
    hqGetConfig: () => deps.hq.config(),
    hqEnrol: (input) => deps.hq.enrol(input),
    hqPush: (input) => deps.hq.push(input),
    hqPull: (input) => deps.hq.pull(input),
    hqReference: (input) => deps.hq.reference(input),
    hqPutBlob: (input) => deps.hq.putBlob(input),
    hqHasBlob: (input) => deps.hq.hasBlob(input),
    hqGetBlob: (input) => deps.hq.getBlob(input),
    hqCloseDay: (input) => deps.hq.closeDay(input),
    hqClaimIssuance: (input) => deps.hq.claimIssuance(input),
    hqReleaseIssuance: (input) => deps.hq.releaseIssuance(input),
    hqQueueCall: (input) => deps.hq.queueCall(input),
    hqQueueAct: (input) => deps.hq.queueAct(input),
    backupGetFolder: () => deps.backup.getFolder(),
    backupChooseFolder: () => deps.backup.chooseFolder(),
    backupOpen: (input) => deps.backup.open(input),
    backupAppend: (input) => deps.backup.append(input),
    backupClose: (input) => deps.backup.close(input),
    backupAbort: (input) => deps.backup.abort(input),
    backupList: () => deps.backup.list(),
    backupRead: (input) => deps.backup.read(input),
    backupChooseFile: () => deps.backup.chooseFile(),
    backupSecretGet: () => deps.backupSecret.get(),
    backupSecretSet: (input) => deps.backupSecret.set(input),
    backupDataKey: async () => ({ key: await deps.dataKey.forBackup() }),
    backupAdoptDataKey: async ({ key }) => {
      await deps.dataKey.adopt(key);
      return { adopted: true as const };
    },
    saveExport: async ({ suggestedName, bytes }) => {
      const path = await deps.chooseExportPath(suggestedName);
      if (path === null) return { saved: false as const };
      // Written whole then renamed: a half-written spreadsheet never sits where the person looks for it.
      await writeExportFile(path, bytes);
      return { saved: true as const, path };
    },
    dataKeyInUse: async () => {
      await deps.dataKey.markInUse();
      return { marked: true as const };
    },
    cameraDialog: ({ open }) => {
      deps.camera.setOpen(open);
      return { open: deps.camera.isOpen() };
    },
  };
}
