import { appendFile, cp, mkdir, open, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BackupBenchBindings } from '../page/benchApi';
import { round, summarise } from '../stats';
import type { BenchResult, BenchSuite } from '../types';
import { benchPage, buildBenchPageOnApp, caller, ensureSeeded, launch, port, profileDir, serve, total } from './cases';

/**
 * Backup and restore of the `cases` suite's seeded desk (BENCH_CASES cases, its profile): `writeBackup`
 * to a file, `restoreBackup` from it into a fresh profile, each with the page's peak JS heap; anchors: a
 * plain `dexie-export-import` export of the same database through the same file sink, and copying the
 * profile's IndexedDB files.
 */
const workDir = process.env['BENCH_BACKUP_DIR'] ?? join(profileDir, '..', 'backup-bench');
const passphrase = 'bench backup passphrase 一窗通';
const label = `${(total / 1000).toLocaleString('en')}k cases`;

/** The page's JS heap in use, sampled through CDP every 100 ms while `work` runs: its peak and where it started. */
async function withPeakHeap<T>(page: Page, work: () => Promise<T>): Promise<{ value: T; baseMb: number; peakMb: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
  const base = await heap();
  let peak = base;
  let running = true;
  const sampling = (async () => {
    while (running) {
      peak = Math.max(peak, await heap());
      await new Promise((done) => setTimeout(done, 100));
    }
  })();
  try {
    const value = await work();
    return { value, baseMb: round(base / 2 ** 20, 1), peakMb: round(peak / 2 ** 20, 1) };
  } finally {
    running = false;
    await sampling;
    await cdp.detach();
  }
}

/** The page's sink: appends to the file last handed to `to` (which empties it). */
async function fileSink(page: Page): Promise<{ to(file: string): Promise<void> }> {
  let target: string | null = null;
  const write: BackupBenchBindings['__benchSinkWrite'] = (base64) => {
    if (target === null) throw new Error('no file for the backup sink');
    return appendFile(target, Buffer.from(base64, 'base64'));
  };
  await page.exposeFunction('__benchSinkWrite', write);
  return {
    async to(file) {
      await writeFile(file, new Uint8Array());
      target = file;
    },
  };
}

/** The page's source reads `file` a MiB at a time. */
async function sourceFrom(page: Page, file: string): Promise<void> {
  const read: BackupBenchBindings['__benchSourceRead'] = async (offset) => {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(1 << 20);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead).toString('base64');
    } finally {
      await handle.close();
    }
  };
  await page.exposeFunction('__benchSourceRead', read);
}

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

export const backupSuite: BenchSuite = {
  name: 'backup',
  async run() {
    await buildBenchPageOnApp();
    const server = await serve(port);
    const results: BenchResult[] = [];
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
    const backupFile = join(workDir, 'desk.yctbak');
    const exportFile = join(workDir, 'desk-export.json');
    const freshProfile = join(workDir, 'restored-profile');
    try {
      let context = await launch();
      try {
        const page = await benchPage(context);
        const call = caller(page);
        await ensureSeeded(call, 'sealed');
        await call('prepare', 'sealed');
        const sink = await fileSink(page);
        await sink.to(backupFile);
        const backup = await withPeakHeap(page, () => call('backup', passphrase));
        console.log(`  backup: ${mb(backup.value.bytes)} MB written in ${round(backup.value.ms / 1000, 1)} s; JS heap ${backup.baseMb} MB before, peak ${backup.peakMb} MB`);
        // The anchor writes through the same sink, to its own file.
        await sink.to(exportFile);
        const exported = await withPeakHeap(page, () => call('exportAnchor'));
        console.log(`  dexie-export-import export: ${mb(exported.value.bytes)} MB in ${round(exported.value.ms / 1000, 1)} s; JS heap peak ${exported.peakMb} MB`);
        results.push({
          suite: 'backup',
          name: `backup of the desk (writeBackup to a file) at ${label}`,
          unit: 'ms',
          ...summarise([backup.value.ms]),
          anchor: { name: 'plain dexie-export-import export of the same database, same sink', median: round(exported.value.ms) },
          ratio: round(backup.value.ms / exported.value.ms, 3),
          target: { stat: 'median', max: 60_000 },
        });
        results.push({ suite: 'backup', name: `backup, peak JS heap (sampled every 100 ms) at ${label}`, unit: 'MB', ...summarise([backup.peakMb]), anchor: { name: 'the export anchor’s peak', median: exported.peakMb }, ratio: round(backup.peakMb / exported.peakMb, 3) });
      } finally {
        await context.close();
      }

      // Copying the same bytes as they rest: the profile's IndexedDB files, the browser closed.
      const copyStarted = performance.now();
      await cp(join(profileDir, 'Default', 'IndexedDB'), join(workDir, 'IndexedDB-copy'), { recursive: true });
      const copyMs = performance.now() - copyStarted;
      await rm(join(workDir, 'IndexedDB-copy'), { recursive: true, force: true });

      context = await launch(freshProfile);
      try {
        const page = await benchPage(context);
        await sourceFrom(page, backupFile);
        const restored = await withPeakHeap(page, () => caller(page)('restore', passphrase));
        console.log(`  restore: ${restored.value.rows} rows in ${round(restored.value.ms / 1000, 1)} s into a fresh profile (first batch written at ${round(restored.value.firstWriteMs / 1000, 1)} s); JS heap ${restored.baseMb} MB before, peak ${restored.peakMb} MB; copying the IndexedDB files took ${round(copyMs / 1000, 1)} s`);
        results.push({
          suite: 'backup',
          name: `restore of that backup into a fresh profile at ${label} (${(await stat(backupFile)).size.toLocaleString('en')} bytes)`,
          unit: 'ms',
          ...summarise([restored.value.ms]),
          anchor: { name: 'copying the profile’s IndexedDB files', median: round(copyMs) },
          ratio: round(restored.value.ms / copyMs, 3),
          target: { stat: 'median', max: 120_000 },
        });
        results.push({ suite: 'backup', name: `restore, peak JS heap (sampled every 100 ms) at ${label}`, unit: 'MB', ...summarise([restored.peakMb]) });
      } finally {
        await context.close();
      }
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
      await rm(workDir, { recursive: true, force: true });
    }
    return results;
  },
};
