import { describe, expect, it } from 'vitest';
import { RefusedError } from '../../../../../electron/ipc/errors';
import { printJobIdSchema, printJobSchema } from '../../../../../electron/ipc/printing';
import { createPrintService, unsupportedPrintService } from '../../../../../electron/main/printing/printService';

const job = printJobSchema.parse({ pdf: new TextEncoder().encode('%PDF-1.7'), printer: 'P', copies: 1, paper: 'A4', title: 't' });

describe('createPrintService', () => {
  it.each(['freebsd', 'aix', 'openbsd'] as const)('refuses every call on %s with a message the clerk can read', async (platform) => {
    const service = createPrintService(platform);
    expect(service).toBe(unsupportedPrintService);
    for (const call of [() => service.listPrinters(), () => service.print(job), () => service.jobState(printJobIdSchema.parse('P-1'))]) {
      await expect(call()).rejects.toThrow(new RefusedError('本机操作系统暂不支持打印'));
    }
  });

  it.each(['linux', 'darwin'] as const)('prints through CUPS on %s', (platform) => {
    expect(createPrintService(platform)).not.toBe(unsupportedPrintService);
  });

  it.skipIf(process.platform === 'win32')('prints through pdf-to-printer on Windows, whose calls off Windows are refused in Chinese', async () => {
    const service = createPrintService('win32');
    expect(service).not.toBe(unsupportedPrintService);
    // The real package, not a fake: it refuses to run anywhere but Windows, and that must still read well.
    await expect(service.listPrinters()).rejects.toThrow(new RefusedError('本机操作系统暂不支持打印'));
    await expect(service.print(job)).rejects.toThrow(new RefusedError('本机操作系统暂不支持打印'));
  });
});
