import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { printJobSchema } from '../../../../../electron/ipc/printing';
import { createCommandRunner } from '../../../../../electron/main/printing/commandRunner';
import { createCupsPrintService } from '../../../../../electron/main/printing/cupsPrintService';
import { printMessages } from '../../../../../electron/main/printing/messages';
import type { PrintService } from '../../../../../electron/main/printing/service';
import { cupsPdfModel, ensureCupsPdfPrinter, pdfInfo, waitForPrintedPdf, type CupsPdfPrinter } from '../../../../e2e/harness/cups';

/**
 * Prints through a real CUPS scheduler into cups-pdf and reads the result back. Never skipped: on a
 * machine without CUPS and cups-pdf (test/setup-machine.sh installs both) every test here fails.
 */

const execFileText = promisify(execFile);
const mm = 72 / 25.4;

/** A document with a marker word at a known place on every page, to check pages and 1:1 scale. */
async function markedPdf(pages: number, size: [number, number]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date('2026-11-28T00:00:00+08:00'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage(size);
    page.drawText(`MARK${i + 1}`, { x: 30 * mm, y: size[1] - 40 * mm, size: 14, font });
  }
  return doc.save();
}

/** Where pdftotext places a word, in points from the page's top-left corner. */
async function wordBox(file: string, word: string): Promise<{ xMin: number; yMin: number }> {
  const { stdout } = await execFileText('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  const match = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${word}</word>`).exec(stdout);
  if (!match) throw new Error(`${word} not found in ${file}`);
  return { xMin: Number(match[1]), yMin: Number(match[2]) };
}

const stoppedQueue = 'DeskPDFStoppedTest';
let queue: CupsPdfPrinter;
let service: PrintService;
let scratch: string;
let ready: Promise<void> | undefined;

/** Every test awaits the setup, so a machine without CUPS fails each test with the harness's message. */
const setUp = () =>
  (ready ??= (async () => {
    queue = await ensureCupsPdfPrinter();
    service = createCupsPrintService({ waitTimeoutMs: 45_000 });
    scratch = await mkdtemp(join(tmpdir(), 'cups-integration-'));
  })());

afterAll(async () => {
  if (!queue) return;
  const run = createCommandRunner();
  await run('cancel', ['-a', stoppedQueue]);
  await run('lpadmin', ['-x', stoppedQueue]);
  await rm(scratch, { recursive: true, force: true });
});

describe('printing through CUPS into cups-pdf', () => {
  it('is idempotent: asking for the queue again changes nothing', async () => {
    await setUp();
    await expect(ensureCupsPdfPrinter()).resolves.toEqual(queue);
  }, 60_000);

  it('lists the cups-pdf queue as a usable printer', async () => {
    await setUp();
    const printers = await service.listPrinters();
    expect(printers.find((p) => p.name === queue.printer)).toMatchObject({ state: expect.stringMatching(/idle|printing/) });
  }, 60_000);

  it('prints a three-page A4 document and reports it completed; the printed PDF has three A4 pages', async () => {
    await setUp();
    const job = printJobSchema.parse({ pdf: await markedPdf(3, [595.28, 841.89]), printer: queue.printer, copies: 1, paper: 'A4', title: '受理通知书 测试' });
    const outcome = await service.print(job);
    expect(outcome).toMatchObject({ state: 'completed', jobId: expect.stringMatching(new RegExp(`^${queue.printer}-\\d+$`)) });

    const printed = await waitForPrintedPdf(queue.outputDir, outcome.jobId);
    const info = await pdfInfo(printed);
    expect(info.pages).toBe(3);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([595, 842]);
    const { stdout } = await execFileText('pdftotext', [printed, '-'], { encoding: 'utf8' });
    expect(stdout).toMatch(/MARK1[\s\S]*MARK2[\s\S]*MARK3/);
  }, 60_000);

  it('prints a landscape A3 licence page at 1:1 scale: the marker lands where it was drawn', async () => {
    await setUp();
    const pdf = await markedPdf(1, [420 * mm, 297 * mm]);
    const job = printJobSchema.parse({ pdf, printer: queue.printer, copies: 1, paper: 'A3', orientation: 'landscape', title: '营业执照 正本' });
    const outcome = await service.print(job);
    expect(outcome.state).toBe('completed');

    const printed = await waitForPrintedPdf(queue.outputDir, outcome.jobId);
    const info = await pdfInfo(printed);
    expect(info.pages).toBe(1);
    // cups-pdf writes the A3 sheet portrait and rotates it for display: still one landscape A3 page.
    const landscape = info.rotation % 180 === 0 ? [info.width, info.height] : [info.height, info.width];
    expect(landscape.map(Math.round)).toEqual([1191, 842]);

    const source = join(scratch, 'licence.pdf');
    await writeFile(source, pdf);
    const drawn = await wordBox(source, 'MARK1');
    const landed = await wordBox(printed, 'MARK1');
    expect(Math.abs(landed.xMin - drawn.xMin)).toBeLessThan(1);
    expect(Math.abs(landed.yMin - drawn.yMin)).toBeLessThan(1);
  }, 60_000);

  it('reports a damaged PDF as failed with the filter’s own words', async () => {
    await setUp();
    const damaged = new TextEncoder().encode('%PDF-1.4\nthis is not really a PDF\n%%EOF\n');
    const outcome = await service.print(printJobSchema.parse({ pdf: damaged, printer: queue.printer, copies: 1, paper: 'A4', title: '损坏的文件' }));
    expect(outcome.state).toBe('failed');
    expect(outcome.state === 'failed' && outcome.reason).toMatch(/^(打印过程中出错|打印系统中止了该任务)/);
  }, 60_000);

  it('answers queued at once, with the reason, when the printer is stopped', async () => {
    await setUp();
    const run = createCommandRunner();
    // A queue of its own, so stopping it cannot disturb the shared cups-pdf queue.
    for (const [file, args] of [
      ['lpadmin', ['-p', stoppedQueue, '-E', '-v', 'cups-pdf:/deskpdf', '-m', await cupsPdfModel()]],
      ['cupsdisable', ['-r', 'paper jam', stoppedQueue]],
    ] as const) {
      const result = await run(file, args);
      expect(result).toMatchObject({ status: 'exited', code: 0 });
    }
    const started = Date.now();
    const outcome = await service.print(printJobSchema.parse({ pdf: await markedPdf(1, [595.28, 841.89]), printer: stoppedQueue, copies: 1, paper: 'A4', title: '收件凭证' }));
    expect(outcome).toEqual({ state: 'queued', jobId: expect.stringMatching(/^DeskPDFStoppedTest-\d+$/), reason: printMessages.printerStopped('paper jam') });
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(service.jobState(outcome.jobId)).resolves.toMatchObject({ state: 'queued' });
  }, 60_000);

  it('refuses a printer CUPS does not have, by name', async () => {
    await setUp();
    const job = printJobSchema.parse({ pdf: await markedPdf(1, [595.28, 841.89]), printer: 'NoSuchDeskPrinter', copies: 1, paper: 'A4', title: '收件凭证' });
    await expect(service.print(job)).rejects.toThrow(printMessages.noSuchPrinter('NoSuchDeskPrinter'));
  });
});
