import { RefusedError } from '../../ipc/errors';
import { createCupsPrintService } from './cupsPrintService';
import { printMessages } from './messages';
import type { PrintService } from './service';
import { createWindowsPrintService } from './windowsPrintService';

const refuse = async (): Promise<never> => {
  throw new RefusedError(printMessages.unsupportedPlatform);
};

/** Answers every call with a refusal, so the counter says why nothing prints instead of failing obscurely. */
export const unsupportedPrintService: PrintService = { listPrinters: refuse, print: refuse, jobState: refuse };

/**
 * The print service for this operating system: CUPS on Linux and macOS, pdf-to-printer (its bundled
 * SumatraPDF) on Windows. Anything else is refused. Each print's PDF copy goes in a folder of its own under
 * `tempRoot` (the system's temporary folder unless given), where `sweepPrintLeftovers` looks at start.
 */
export function createPrintService(platform: NodeJS.Platform, tempRoot?: string): PrintService {
  if (platform === 'linux' || platform === 'darwin') return createCupsPrintService({ tempRoot });
  if (platform === 'win32') return createWindowsPrintService({ tempRoot });
  return unsupportedPrintService;
}
