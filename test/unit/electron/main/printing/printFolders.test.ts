import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { makePrintFolder, PRINT_LEFTOVER_AGE_MS, sweepPrintLeftovers } from '../../../../../electron/main/printing/printFolders';

const now = new Date('2026-12-07T09:00:00+08:00');

function tempRoot() {
  return mkdtempSync(join(tmpdir(), 'desk-print-sweep-'));
}

/** A folder (with a PDF copy in it) last changed `ageMs` before `now`. */
function folder(root: string, name: string, ageMs: number) {
  const path = join(root, name);
  mkdirSync(path);
  writeFileSync(join(path, 'document.pdf'), '%PDF-1.7');
  const at = new Date(now.getTime() - ageMs);
  utimesSync(path, at, at);
  return path;
}

describe('print folders', () => {
  it('makes a fresh folder per print under the temporary folder', async () => {
    const root = tempRoot();
    const first = await makePrintFolder(root);
    const second = await makePrintFolder(root);
    expect(first).not.toBe(second);
    expect(dirname(first)).toBe(root);
    expect(basename(first)).toMatch(/^yichuangtong-print-/);
  });

  it('sweeps the folders a crashed run left, copies and all, and answers their names', async () => {
    const root = tempRoot();
    folder(root, 'yichuangtong-print-yesterday', 24 * 3600_000);
    folder(root, 'yichuangtong-print-an-hour-ago', PRINT_LEFTOVER_AGE_MS);
    expect((await sweepPrintLeftovers(root, now)).sort()).toEqual(['yichuangtong-print-an-hour-ago', 'yichuangtong-print-yesterday']);
    expect(readdirSync(root)).toEqual([]);
  });

  it('never touches a print in flight, nor anything not ours', async () => {
    const root = tempRoot();
    folder(root, 'yichuangtong-print-spooling', PRINT_LEFTOVER_AGE_MS - 60_000);
    folder(root, 'other-app-print-old', 24 * 3600_000);
    writeFileSync(join(root, 'yichuangtong-print-a-file'), 'not a folder');
    const elsewhere = folder(tempRoot(), 'kept', 24 * 3600_000);
    symlinkSync(elsewhere, join(root, 'yichuangtong-print-link'));
    expect(await sweepPrintLeftovers(root, now)).toEqual([]);
    expect(readdirSync(root).sort()).toEqual(['other-app-print-old', 'yichuangtong-print-a-file', 'yichuangtong-print-link', 'yichuangtong-print-spooling']);
    expect(readdirSync(elsewhere)).toEqual(['document.pdf']);
  });

  it('reports, and does not throw, when the temporary folder cannot be read', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(sweepPrintLeftovers(join(tempRoot(), 'missing'), now)).resolves.toEqual([]);
    expect(error).toHaveBeenCalledWith('[print] temporary folder not readable', expect.any(String), expect.anything());
    error.mockRestore();
  });
});
