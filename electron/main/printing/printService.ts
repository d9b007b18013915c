import { RefusedError } from '../../ipc/errors';
import { createCupsPrintService } from './cupsPrintService';
import { printMessages } from './messages';
import type { PrintService } from './model';

const refuse = async (): Promise<never> => {
  throw new RefusedError(printMessages.unsupportedPlatform);
};

/** Answers every call with a refusal, so the counter says why nothing prints instead of failing obscurely. */
export const unsupportedPrintService: PrintService = { listPrinters: refuse, print: refuse, jobState: refuse };

/**
 * The print service for this operating system: CUPS on Linux and macOS. Windows needs a PDF-printing
 * package (e.g. pdf-to-printer) that is not installed yet, so it is refused like any other platform.
 */
export function createPrintService(platform: NodeJS.Platform): PrintService {
  return platform === 'linux' || platform === 'darwin' ? createCupsPrintService() : unsupportedPrintService;
}
