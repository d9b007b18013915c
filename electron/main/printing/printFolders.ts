import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const folderPrefix = 'yichuangtong-print-';

/**
 * A folder last changed this long ago is a leftover, not a print in flight: a print holds its folder only
 * until `lp` has read the copy or SumatraPDF has exited (it is given 2 minutes to spool). The age, not this
 * run's start time, decides, because a desk started with another profile shares the temporary folder.
 */
export const PRINT_LEFTOVER_AGE_MS = 60 * 60_000;

/** A fresh private folder under `tempRoot` for one print's temporary PDF copy. */
export function makePrintFolder(tempRoot: string): Promise<string> {
  return mkdtemp(join(tempRoot, folderPrefix));
}

/**
 * Removes print folders that a crashed or killed run left in `tempRoot` (copies of documents the clerk
 * printed), and answers their names. Only our own prefix, only real folders (never what a link points to),
 * only ones older than `PRINT_LEFTOVER_AGE_MS`; a folder that cannot be removed (another user's, or a copy
 * still open) is reported and left.
 */
export async function sweepPrintLeftovers(tempRoot: string, now: Date = new Date()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(tempRoot);
  } catch (error) {
    console.error('[print] temporary folder not readable', tempRoot, error);
    return [];
  }
  const swept: string[] = [];
  for (const name of names.filter((n) => n.startsWith(folderPrefix))) {
    const path = join(tempRoot, name);
    try {
      const info = await lstat(path);
      if (!info.isDirectory() || now.getTime() - info.mtimeMs < PRINT_LEFTOVER_AGE_MS) continue;
      await rm(path, { recursive: true });
      swept.push(name);
    } catch (error) {
      console.error('[print] leftover print folder not removed', path, error);
    }
  }
  return swept;
}
