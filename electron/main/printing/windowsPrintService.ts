import { readdirSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path, { dirname, join } from 'node:path';
import * as pdfToPrinter from 'pdf-to-printer';
import type { PrintOptions, Printer as WindowsPrinter } from 'pdf-to-printer';
import { RefusedError } from '../../ipc/errors';
import { printJobIdSchema, type Printer, type PrintJob, type PrintJobId, type PrintOutcome } from '../../ipc/printing';
import { printMessages } from './messages';
import { makePrintFolder } from './printFolders';
import type { PrintService } from './service';

/**
 * The part of pdf-to-printer the desk uses. It lists printers through PowerShell (Win32_Printer) and prints
 * with the SumatraPDF it bundles, both through `execFile` (no shell). Injected so tests on Linux replay it.
 */
export interface PdfPrinter {
  print(pdf: string, options?: PrintOptions): Promise<void>;
  getPrinters(): Promise<WindowsPrinter[]>;
  getDefaultPrinter(): Promise<WindowsPrinter | null>;
}

export interface WindowsPrintServiceOptions {
  printer?: PdfPrinter;
  /** The SumatraPDF to run; by default the one pdf-to-printer ships, outside the asar. */
  sumatraPath?: string;
  /** Where the private temporary copy of the PDF goes. */
  tempRoot?: string;
  /** How long SumatraPDF may take to hand the job to the Windows spooler before the answer is "unknown". */
  spoolTimeoutMs?: number;
  now?: () => number;
}

/**
 * Prints through pdf-to-printer (Windows). SumatraPDF exits once the job is in the Windows spooler and
 * reports no job id, so the most that can honestly be said afterwards is "spooled, completion unknown":
 * the outcome is `unknown` with that reason, never `completed`.
 */
export function createWindowsPrintService(options: WindowsPrintServiceOptions = {}): PrintService {
  const printer = options.printer ?? pdfToPrinter;
  const tempRoot = options.tempRoot ?? tmpdir();
  const spoolTimeoutMs = options.spoolTimeoutMs ?? 120_000;
  const now = options.now ?? Date.now;
  let sumatraPath = options.sumatraPath;
  // A desk-local reference for the audit log, not a spooler id. Seeded from the clock (seconds) so that
  // references stay distinct across restarts unless the desk prints more than one job a second on average.
  let nextReference = Math.floor(now() / 1000);

  async function windowsPrinters(): Promise<WindowsPrinter[]> {
    try {
      return await printer.getPrinters();
    } catch (error) {
      throw listingRefusal(error);
    }
  }

  /** SumatraPDF prints nothing, and may still exit 0, for a printer that does not exist: look first. */
  async function findPrinter(name: string): Promise<WindowsPrinter> {
    const printers = await windowsPrinters();
    const found = printers.find((p) => p.name === name) ?? printers.find((p) => p.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new RefusedError(printMessages.noSuchPrinter(name));
    return found;
  }

  return {
    async listPrinters(): Promise<Printer[]> {
      const [printers, defaultPrinter] = await Promise.all([
        windowsPrinters(),
        // Only the default marker depends on this second query: without it the list is still worth showing.
        printer.getDefaultPrinter().catch(() => null),
      ]);
      // Win32_Printer as queried by pdf-to-printer carries no status, so the state is not guessed.
      return printers.map((p) => ({ name: p.name, isDefault: defaultPrinter !== null && p.deviceId === defaultPrinter.deviceId, state: 'unknown' }));
    },

    async print(job: PrintJob): Promise<PrintOutcome> {
      const target = await findPrinter(job.printer);
      const folder = await makePrintFolder(tempRoot);
      const removeCopy = () =>
        rm(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch((error: unknown) => {
          // The job's fate is already decided; failing the call here would make the clerk print it twice.
          console.error('[print] temporary PDF copy not removed', folder, error);
        });

      let spooling: Promise<{ ok: true } | { ok: false; error: unknown }>;
      try {
        const file = join(folder, spoolFileName(job.title));
        await writeFile(file, job.pdf, { mode: 0o600, flag: 'wx' });
        sumatraPath ??= bundledSumatraPath();
        spooling = printer.print(file, sumatraOptions(job, target.name, sumatraPath)).then(
          () => ({ ok: true }) as const,
          (error: unknown) => ({ ok: false, error }) as const,
        );
      } catch (error) {
        await removeCopy();
        throw error;
      }
      // The copy is removed only once SumatraPDF has exited, even when we stop waiting for it first.
      const finished = spooling.then(async (result) => {
        await removeCopy();
        return result;
      });

      const jobId: PrintJobId = printJobIdSchema.parse(`windows-${nextReference++}`);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timed-out'>((resolve) => {
        timer = setTimeout(() => resolve('timed-out'), spoolTimeoutMs);
      });
      const result = await Promise.race([finished, timedOut]).finally(() => clearTimeout(timer));

      if (result === 'timed-out') {
        return { state: 'unknown', jobId, reason: printMessages.windowsPrintTimedOut(Math.round(spoolTimeoutMs / 1000)) };
      }
      if (!result.ok) throw printingRefusal(result.error);
      return { state: 'unknown', jobId, reason: printMessages.windowsSpooled(target.name, job.copies) };
    },

    async jobState(jobId: PrintJobId): Promise<PrintOutcome> {
      return { state: 'unknown', jobId, reason: printMessages.windowsNotTracked };
    },
  };
}

/**
 * SumatraPDF's settings for a job. Scale stays 1:1 (`noscale`; SumatraPDF's own default shrinks to the
 * printable area) because licence fields are placed in mm on pre-printed paper, as with CUPS.
 */
export function sumatraOptions(job: PrintJob, printerName: string, sumatraPath: string): PrintOptions {
  return {
    sumatraPdfPath: sumatraPath,
    printer: printerName,
    copies: job.copies,
    paperSize: job.paper,
    orientation: job.orientation,
    scale: 'noscale',
    silent: true,
    printDialog: false,
  };
}

/**
 * Where the SumatraPDF that pdf-to-printer ships is, once packaged: electron-builder.json unpacks it to
 * app.asar.unpacked, because Windows cannot start a program from inside the archive. The package makes
 * the same rewrite itself only when `process.mainModule` (deprecated) names an asar path, so the desk
 * passes the path explicitly rather than depend on that.
 */
export function unpackedSumatraPath(packageDist: string, fileNames: readonly string[], paths: Pick<path.PlatformPath, 'join'> = path): string | undefined {
  const exe = fileNames.find((name) => /^SumatraPDF.*\.exe$/i.test(name));
  return exe === undefined ? undefined : paths.join(packageDist, exe).replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}

function bundledSumatraPath(): string {
  const dist = dirname(createRequire(__filename).resolve('pdf-to-printer'));
  // A missing exe is reported when SumatraPDF cannot be started (ENOENT), with the reinstall message.
  return unpackedSumatraPath(dist, readdirSync(dist)) ?? join(dist, 'SumatraPDF.exe');
}

// Characters Windows forbids in file names, and device names it reserves whatever the extension.
const forbiddenInFileName = /[<>:"/\\|?*]/g;
const reservedFileName = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * The temporary file's name: the job title, because SumatraPDF names the Windows print job after the file
 * and the clerk looks for the document in the queue by it.
 */
export function spoolFileName(title: string): string {
  const cleaned = Array.from(title.replace(forbiddenInFileName, '_')).slice(0, 100).join('');
  const base = cleaned.replace(/[. ]+$/, '');
  return base === '' || reservedFileName.test(base) ? 'document.pdf' : `${base}.pdf`;
}

/** How a pdf-to-printer call failed: it rejects with execFile's error, or with a bare string off Windows. */
type Failure = { kind: 'unsupported' } | { kind: 'program-missing' } | { kind: 'failed'; detail: string };

function describeFailure(error: unknown): Failure {
  if (error === 'Operating System not supported') return { kind: 'unsupported' };
  if (typeof error !== 'object' || error === null) return { kind: 'failed', detail: shorten(String(error)) };
  const { code, stderr, signal } = error as { code?: unknown; stderr?: unknown; signal?: unknown };
  if (code === 'ENOENT') return { kind: 'program-missing' };
  const said = typeof stderr === 'string' ? stderr.trim() : '';
  // execFile's own message repeats the whole command line (temporary path included): the exit code and what
  // the program said are what matter.
  if (typeof code === 'number') return { kind: 'failed', detail: shorten([printMessages.windowsExitCode(code), said].filter(Boolean).join('，')) };
  if (typeof signal === 'string') return { kind: 'failed', detail: shorten([signal, said].filter(Boolean).join('，')) };
  return { kind: 'failed', detail: shorten(said || (error instanceof Error ? error.message : String(error))) };
}

function listingRefusal(error: unknown): RefusedError {
  const failure = describeFailure(error);
  if (failure.kind === 'unsupported') return new RefusedError(printMessages.unsupportedPlatform);
  if (failure.kind === 'program-missing') return new RefusedError(printMessages.powershellMissing);
  return new RefusedError(printMessages.windowsPrinterListFailed(failure.detail));
}

function printingRefusal(error: unknown): RefusedError {
  const failure = describeFailure(error);
  if (failure.kind === 'unsupported') return new RefusedError(printMessages.unsupportedPlatform);
  if (failure.kind === 'program-missing') return new RefusedError(printMessages.sumatraMissing);
  return new RefusedError(printMessages.windowsPrintFailed(failure.detail));
}

const shorten = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);
