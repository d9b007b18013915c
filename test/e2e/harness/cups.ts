import { execFile } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { createCommandRunner } from '../../../electron/main/printing/commandRunner';

/**
 * A real CUPS queue backed by cups-pdf, so tests print through the same `lp` the clerk's desk uses and read
 * the printed result back as a PDF. Linux (Debian/Ubuntu, as set up by test/setup-machine.sh) only.
 *
 * What had to be solved, and how:
 * - cupsd is installed but not started on CI machines: started here as a daemon (root is needed for that
 *   and for lpadmin; a non-root run with the scheduler down fails with a message saying so).
 * - cups-pdf writes to `${HOME}/PDF` of the job's owner by default, which differs by user. A cups-pdf
 *   device URI `cups-pdf:/NAME` makes it read `/etc/cups/cups-pdf-NAME.conf` instead of the global
 *   cups-pdf.conf, so this queue gets its own fixed output folder without touching other queues.
 * - The folder lies under /var/spool/cups-pdf/ because the Debian/Ubuntu AppArmor profile of cups-pdf
 *   only lets it write there (and in home folders); elsewhere jobs fail with an AppArmor DENIED.
 * - "cups-pdf must be run as root": its backend is installed 0700 so cupsd runs it as root; nothing to do.
 * - Output files are named after the job title, mangled (Chinese becomes octal escapes) and truncated, so
 *   the queue sets cups-pdf's Label=2, which appends `-job_<number>`: the file is found by job number.
 * - printer-error-policy=abort-job: a failing job ends as failed instead of stopping the shared queue for
 *   the tests that follow.
 */

export const cupsPdfQueue = 'DeskPDF';
const cupsPdfInstance = 'deskpdf';
export const cupsPdfOutputDir = '/var/spool/cups-pdf/DESKPDF';
const cupsServerRoot = '/etc/cups';

export interface CupsPdfPrinter {
  printer: string;
  outputDir: string;
}

const run = createCommandRunner({ timeoutMs: 20_000 });

/** Runs a CUPS tool and returns stdout, throwing with the tool's own words when it fails. */
async function cups(file: string, args: readonly string[]): Promise<string> {
  const result = await run(file, args);
  if (result.status === 'not-found') {
    throw new Error(`${file} not found: CUPS and cups-pdf must be installed (bash test/setup-machine.sh).`);
  }
  if (result.status === 'timed-out') throw new Error(`${file} ${args.join(' ')} timed out`);
  if (result.code !== 0) throw new Error(`${file} ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`);
  return result.stdout;
}

async function schedulerRunning(): Promise<boolean> {
  return !/not running/.test(await cups('lpstat', ['-r']));
}

async function startScheduler(): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error('The CUPS scheduler is not running and only root can start it: run `sudo /usr/sbin/cupsd` first.');
  }
  // Without -f cupsd forks into the background and this call returns once it has.
  await cups('/usr/sbin/cupsd', []);
  for (let waited = 0; waited < 15_000; waited += 100) {
    if (await schedulerRunning()) return;
    await delay(100);
  }
  throw new Error('cupsd was started but did not answer within 15 s (see /var/log/cups/error_log).');
}

/** The cups-pdf PPD as CUPS names it, e.g. `lsb/usr/cups-pdf/CUPS-PDF_opt.ppd`. */
export async function cupsPdfModel(): Promise<string> {
  const models = (await cups('lpinfo', ['-m'])).split('\n').map((line) => line.split(' ')[0] ?? '');
  const model = models.find((m) => /cups-pdf\/CUPS-PDF_opt\.ppd$/i.test(m)) ?? models.find((m) => /cups-pdf/i.test(m));
  if (!model) throw new Error('No cups-pdf driver in `lpinfo -m`: install printer-driver-cups-pdf (bash test/setup-machine.sh).');
  return model;
}

/** Writes the queue's own cups-pdf configuration; cups-pdf reads it per job, so no restart is needed. */
async function writeCupsPdfConfig(): Promise<void> {
  const path = join(cupsServerRoot, `cups-pdf-${cupsPdfInstance}.conf`);
  const wanted = `# Written by 一窗通's test harness (test/e2e/harness/cups.ts).\nOut ${cupsPdfOutputDir}\n`;
  const current = await readFile(path, 'utf8').catch(() => '');
  if (current !== wanted) await writeFile(path, wanted, { mode: 0o644 });
}

/**
 * Makes sure a cups-pdf queue is ready to print and returns its name and output folder. Idempotent: starts
 * cupsd only if it is down, adds the queue only if it is missing, and re-enables a queue a test stopped.
 */
export async function ensureCupsPdfPrinter(): Promise<CupsPdfPrinter> {
  if (!(await schedulerRunning())) await startScheduler();
  await writeCupsPdfConfig();
  const deviceUri = `cups-pdf:/${cupsPdfInstance}`;
  const device = await run('lpstat', ['-v', cupsPdfQueue]);
  if (!(device.status === 'exited' && device.code === 0 && device.stdout.includes(deviceUri))) {
    const model = await cupsPdfModel();
    // -E after -p enables the queue and accepts jobs (before -p it would mean "encrypt").
    await cups('lpadmin', ['-p', cupsPdfQueue, '-E', '-v', deviceUri, '-m', model, '-o', 'Label=2', '-o', 'printer-error-policy=abort-job']);
  }
  await cups('cupsenable', [cupsPdfQueue]);
  await cups('cupsaccept', [cupsPdfQueue]);
  return { printer: cupsPdfQueue, outputDir: cupsPdfOutputDir };
}

/** A job's file is written within seconds of the job finishing; anything older is another job's. */
const recentJobMs = 60_000;

/**
 * The PDF cups-pdf wrote for a job (`…-job_<number>.pdf`), waiting briefly for it to appear. A cupsd that
 * lost its job history (restarted on a fresh state) numbers jobs from 1 again, so on a long-lived machine
 * the folder may hold an older file with the same number: only a file written in the last minute counts.
 */
export async function waitForPrintedPdf(outputDir: string, jobId: string, timeoutMs = 10_000): Promise<string> {
  const suffix = `-job_${jobId.slice(jobId.lastIndexOf('-') + 1)}.pdf`;
  const since = Date.now() - recentJobMs;
  for (let waited = 0; ; waited += 100) {
    const names = (await readdir(outputDir).catch(() => [] as string[])).filter((n) => n.endsWith(suffix));
    for (const name of names) {
      const written = await stat(join(outputDir, name)).catch(() => null);
      if (written !== null && written.mtimeMs >= since) return join(outputDir, name);
    }
    if (waited >= timeoutMs) throw new Error(`No printed PDF ending in ${suffix} in ${outputDir} after ${timeoutMs} ms`);
    await delay(100);
  }
}

/** Page count and the first page's size and rotation, from poppler's pdfinfo. */
export async function pdfInfo(path: string): Promise<{ pages: number; width: number; height: number; rotation: number }> {
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile('pdfinfo', [path], { encoding: 'utf8' }, (error, out) => (error ? reject(error) : resolve(out))),
  );
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(stdout)?.[1] ?? '';
  const size = /([\d.]+) x ([\d.]+) pts/.exec(field('Page size'));
  return {
    pages: Number(field('Pages')),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
    rotation: Number(field('Page rot') || 0),
  };
}
