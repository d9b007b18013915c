import type { Handlers } from '../../ipc/contract';
import { RefusedError } from '../../ipc/errors';
import { ipcMessages } from '../../ipc/messages';
import type { PrintService } from '../printing/model';
import { isAllowedExternalUrl } from '../security/externalUrls';

/** What the handlers need from Electron and the OS, injected so the e2e harness can bind the same code. */
export interface HandlerDeps {
  appVersion: string;
  dataFolder: string;
  platform: NodeJS.Platform;
  runtime: string;
  openExternal: (url: string) => Promise<void>;
  printService: PrintService;
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
  };
}
