import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes an export where the person chose, beside it first then renamed over it: a crash or a full disk
 * never leaves a half-written spreadsheet under the chosen name (an existing file there is replaced, as
 * the save dialog asked).
 */
export async function writeExportFile(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, bytes, { flush: true });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
