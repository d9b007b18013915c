import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve, win32 } from 'node:path';
import type { PrintOptions, Printer as WindowsPrinter } from 'pdf-to-printer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RefusedError } from '../../../../../electron/ipc/errors';
import { printJobIdSchema, printJobSchema } from '../../../../../electron/ipc/printing';
import { printMessages } from '../../../../../electron/main/printing/messages';
import {
  createWindowsPrintService,
  type PdfPrinter,
  spoolFileName,
  unpackedSumatraPath,
  type WindowsPrintServiceOptions,
} from '../../../../../electron/main/printing/windowsPrintService';

/** What SumatraPDF was given: the options, and the file as it was while it ran. */
interface SpoolCall {
  file: string;
  options: PrintOptions | undefined;
  bytes: Buffer;
  mode: number;
  folderMode: number;
}

/** execFile's rejection as pdf-to-printer passes it on. */
const execFailure = (code: number | string, stderr = '') =>
  Object.assign(new Error(`Command failed: C:\\app\\SumatraPDF.exe -print-to X C:\\Temp\\x.pdf\n${stderr}`), { code, stderr, stdout: '' });

const laser: WindowsPrinter = { deviceId: '前台 HP LaserJet', name: '前台 HP LaserJet', paperSizes: ['A4', 'A3'] };
const network: WindowsPrinter = { deviceId: '\\\\print-srv\\大厅证照打印机', name: '\\\\print-srv\\大厅证照打印机', paperSizes: ['A3'] };

/** Stands in for pdf-to-printer: answers listings as told and records every print. */
function fakeWindows(
  setup: {
    printers?: WindowsPrinter[] | (() => Promise<WindowsPrinter[]>);
    defaultPrinter?: WindowsPrinter | null | (() => Promise<WindowsPrinter | null>);
    print?: (call: SpoolCall) => Promise<void>;
  } = {},
) {
  const calls: SpoolCall[] = [];
  const printer: PdfPrinter = {
    getPrinters: async () => (typeof setup.printers === 'function' ? setup.printers() : (setup.printers ?? [laser, network])),
    getDefaultPrinter: async () => (typeof setup.defaultPrinter === 'function' ? setup.defaultPrinter() : setup.defaultPrinter === undefined ? laser : setup.defaultPrinter),
    print: async (file, options) => {
      const call = { file, options, bytes: readFileSync(file), mode: statSync(file).mode & 0o777, folderMode: statSync(dirname(file)).mode & 0o777 };
      calls.push(call);
      await setup.print?.(call);
    },
  };
  return { printer, calls };
}

const pdf = new TextEncoder().encode('%PDF-1.7\n% test document\n');
const job = (overrides: Record<string, unknown> = {}) =>
  printJobSchema.parse({ pdf, printer: '前台 HP LaserJet', copies: 1, paper: 'A4', title: '受理通知书 受字〔2026〕第 0001 号', ...overrides });

let tempRoot: string;
beforeEach(async () => {
  tempRoot = await mkdtemp(join(tmpdir(), 'windows-print-test-'));
});
afterEach(async () => {
  await rm(tempRoot, { recursive: true, force: true });
});

const fixedNow = Date.UTC(2026, 2, 2, 1, 30, 0);
const sumatraPath = 'C:\\Program Files\\一窗通\\resources\\app.asar.unpacked\\node_modules\\pdf-to-printer\\dist\\SumatraPDF-3.4.6-32.exe';
const service = (windows: ReturnType<typeof fakeWindows>, extra: WindowsPrintServiceOptions = {}) =>
  createWindowsPrintService({ printer: windows.printer, tempRoot, now: () => fixedNow, sumatraPath, ...extra });

const leftInTemp = () => readdir(tempRoot);

describe('listing Windows printers', () => {
  it('lists every printer Windows reports, marks the default, and does not guess a state it was not told', async () => {
    await expect(service(fakeWindows()).listPrinters()).resolves.toEqual([
      { name: '前台 HP LaserJet', isDefault: true, state: 'unknown' },
      { name: '\\\\print-srv\\大厅证照打印机', isDefault: false, state: 'unknown' },
    ]);
  });

  it('still lists the printers when there is no default or the default cannot be read', async () => {
    const none = service(fakeWindows({ defaultPrinter: null }));
    await expect(none.listPrinters()).resolves.toEqual([
      expect.objectContaining({ name: laser.name, isDefault: false }),
      expect.objectContaining({ name: network.name, isDefault: false }),
    ]);
    const failing = service(fakeWindows({ defaultPrinter: () => Promise.reject(execFailure(1)) }));
    await expect(failing.listPrinters()).resolves.toHaveLength(2);
  });

  it('answers an empty list when Windows has no printer', async () => {
    await expect(service(fakeWindows({ printers: [], defaultPrinter: null })).listPrinters()).resolves.toEqual([]);
  });

  it('refuses in Chinese when PowerShell is missing', async () => {
    const windows = fakeWindows({ printers: () => Promise.reject(execFailure('ENOENT')) });
    await expect(service(windows).listPrinters()).rejects.toThrow(new RefusedError(printMessages.powershellMissing));
  });

  it('refuses with the exit code and PowerShell’s own words when the query fails', async () => {
    const windows = fakeWindows({ printers: () => Promise.reject(execFailure(1, 'Get-CimInstance : Access denied\r\n')) });
    await expect(service(windows).listPrinters()).rejects.toThrow(
      new RefusedError(printMessages.windowsPrinterListFailed('退出码 1，Get-CimInstance : Access denied')),
    );
  });

  it('says the platform is unsupported when the package refuses to run off Windows', async () => {
    const windows = fakeWindows({ printers: () => Promise.reject('Operating System not supported') });
    await expect(service(windows).listPrinters()).rejects.toThrow(new RefusedError(printMessages.unsupportedPlatform));
  });
});

describe('printing on Windows', () => {
  it('hands SumatraPDF a private copy of the exact bytes with the job’s printer, copies, paper and orientation at 1:1', async () => {
    const windows = fakeWindows();
    const outcome = await service(windows).print(job({ copies: 3, paper: 'A3', orientation: 'landscape' }));

    expect(windows.calls).toHaveLength(1);
    const [call] = windows.calls;
    expect(call!.options).toEqual({
      sumatraPdfPath: sumatraPath,
      printer: '前台 HP LaserJet',
      copies: 3,
      paperSize: 'A3',
      orientation: 'landscape',
      scale: 'noscale',
      silent: true,
      printDialog: false,
    });
    expect(new Uint8Array(call!.bytes)).toEqual(pdf);
    expect(dirname(dirname(call!.file))).toBe(tempRoot);
    expect(basename(dirname(call!.file))).toMatch(/^yichuangtong-print-/);
    // Named after the title, so the Windows queue shows which document it is.
    expect(basename(call!.file)).toBe('受理通知书 受字〔2026〕第 0001 号.pdf');
    expect(call!.mode).toBe(0o600);
    expect(call!.folderMode).toBe(0o700);

    // Spooled is all that is known: never "completed".
    expect(outcome).toEqual({ state: 'unknown', jobId: `windows-${fixedNow / 1000}`, reason: printMessages.windowsSpooled('前台 HP LaserJet', 3) });
    expect(printJobIdSchema.safeParse(outcome.jobId).success).toBe(true);
    expect(await leftInTemp()).toEqual([]);
  });

  it('passes a portrait A4 job as portrait A4, and a network printer’s name untouched (no shell, no quoting)', async () => {
    const windows = fakeWindows({ printers: [{ ...laser, name: '前台 "HP" & Co', deviceId: 'x' }] });
    await service(windows).print(job({ printer: '前台 "HP" & Co' }));
    expect(windows.calls[0]!.options).toMatchObject({ printer: '前台 "HP" & Co', copies: 1, paperSize: 'A4', orientation: 'portrait' });

    const unc = fakeWindows();
    await service(unc).print(job({ printer: network.name }));
    expect(unc.calls[0]!.options?.printer).toBe('\\\\print-srv\\大厅证照打印机');
  });

  it('matches the printer name as Windows does (ignoring case) and prints to the name Windows lists', async () => {
    const windows = fakeWindows();
    await service(windows).print(job({ printer: '前台 hp laserjet' }));
    expect(windows.calls[0]!.options?.printer).toBe('前台 HP LaserJet');
  });

  it('gives each job its own desk-local reference', async () => {
    const printing = service(fakeWindows());
    const first = await printing.print(job());
    const second = await printing.print(job());
    expect(first.jobId).not.toBe(second.jobId);
    expect(second.jobId).toBe(`windows-${fixedNow / 1000 + 1}`);
  });

  it('refuses a printer Windows does not list, before SumatraPDF (which would print nothing) is started', async () => {
    const windows = fakeWindows();
    await expect(service(windows).print(job({ printer: '不存在的打印机' }))).rejects.toThrow(new RefusedError(printMessages.noSuchPrinter('不存在的打印机')));
    expect(windows.calls).toEqual([]);
    expect(await leftInTemp()).toEqual([]);
  });

  it('refuses with the exit code when SumatraPDF fails, and removes the copy', async () => {
    const windows = fakeWindows({ print: () => Promise.reject(execFailure(1)) });
    await expect(service(windows).print(job())).rejects.toThrow(new RefusedError(printMessages.windowsPrintFailed('退出码 1')));
    expect(windows.calls).toHaveLength(1);
    expect(await leftInTemp()).toEqual([]);
  });

  it('says the bundled SumatraPDF is missing (e.g. not unpacked from the asar) and removes the copy', async () => {
    const windows = fakeWindows({ print: () => Promise.reject(execFailure('ENOENT')) });
    await expect(service(windows).print(job())).rejects.toThrow(new RefusedError(printMessages.sumatraMissing));
    expect(await leftInTemp()).toEqual([]);
  });

  it('refuses with the package’s own words for any other failure', async () => {
    const windows = fakeWindows({ print: () => Promise.reject(new Error('No such file')) });
    await expect(service(windows).print(job())).rejects.toThrow(new RefusedError(printMessages.windowsPrintFailed('No such file')));
    expect(await leftInTemp()).toEqual([]);
  });

  it('stops waiting for a SumatraPDF that hangs, says the job’s fate is unknown, and removes the copy once it exits', async () => {
    let exit!: () => void;
    const windows = fakeWindows({ print: () => new Promise<void>((resolve) => (exit = resolve)) });
    const outcome = await service(windows, { spoolTimeoutMs: 30 }).print(job());
    expect(outcome).toEqual({ state: 'unknown', jobId: expect.stringMatching(/^windows-\d+$/), reason: printMessages.windowsPrintTimedOut(0) });
    // SumatraPDF still has the file open: it stays until the program exits.
    expect(await leftInTemp()).toHaveLength(1);
    exit();
    await expect.poll(leftInTemp).toEqual([]);
  });

  it('cannot follow a job on Windows and says so', async () => {
    const jobId = printJobIdSchema.parse('windows-1772415000');
    await expect(service(fakeWindows()).jobState(jobId)).resolves.toEqual({ state: 'unknown', jobId, reason: printMessages.windowsNotTracked });
  });
});

describe('the SumatraPDF that runs', () => {
  it('is, once packaged, the copy electron-builder unpacked beside the asar', () => {
    const dist = 'C:\\Program Files\\一窗通\\resources\\app.asar\\node_modules\\pdf-to-printer\\dist';
    expect(unpackedSumatraPath(dist, ['bundle.js', 'SumatraPDF-3.4.6-32.exe'], win32)).toBe(sumatraPath);
    expect(unpackedSumatraPath('/opt/一窗通/resources/app.asar/node_modules/pdf-to-printer/dist', ['SumatraPDF.exe'])).toBe(
      '/opt/一窗通/resources/app.asar.unpacked/node_modules/pdf-to-printer/dist/SumatraPDF.exe',
    );
  });

  it('is left where it is when the app runs unpackaged, and is absent when the package ships none', () => {
    expect(unpackedSumatraPath('D:\\desk\\node_modules\\pdf-to-printer\\dist', ['SumatraPDF-3.4.6-32.exe'], win32)).toBe(
      'D:\\desk\\node_modules\\pdf-to-printer\\dist\\SumatraPDF-3.4.6-32.exe',
    );
    expect(unpackedSumatraPath('/x/app.asar.d/dist', ['SumatraPDF.exe'])).toBe('/x/app.asar.d/dist/SumatraPDF.exe');
    expect(unpackedSumatraPath('/x/dist', ['bundle.js'])).toBeUndefined();
  });

  it('is by default the exe the installed pdf-to-printer ships', async () => {
    const windows = fakeWindows();
    await createWindowsPrintService({ printer: windows.printer, tempRoot }).print(job());
    const exe = windows.calls[0]!.options?.sumatraPdfPath;
    expect(exe).toMatch(/SumatraPDF[^/\\]*\.exe$/);
    expect(dirname(exe!)).toBe(resolve(__dirname, '../../../../../node_modules/pdf-to-printer/dist'));
    expect(existsSync(exe!)).toBe(true);
  });
});

describe('the temporary file’s name', () => {
  it('keeps a Chinese title as it is', () => {
    expect(spoolFileName('营业执照（正本）')).toBe('营业执照（正本）.pdf');
  });

  it('replaces the characters Windows forbids in file names', () => {
    expect(spoolFileName('收件凭证 A/B\\C:D*E?F"G<H>I|J')).toBe('收件凭证 A_B_C_D_E_F_G_H_I_J.pdf');
  });

  it('drops trailing dots and spaces, which Windows strips, and falls back when nothing is left', () => {
    expect(spoolFileName('通知书. .')).toBe('通知书.pdf');
    expect(spoolFileName('...')).toBe('document.pdf');
  });

  it('never uses a reserved device name', () => {
    for (const title of ['CON', 'nul', 'Com1', 'LPT9.txt', 'aux.备注']) expect(spoolFileName(title)).toBe('document.pdf');
    expect(spoolFileName('CONTRACT')).toBe('CONTRACT.pdf');
  });

  it('keeps at most 100 characters without splitting a character outside the BMP', () => {
    const name = spoolFileName(`${'𠮷'.repeat(150)}`);
    expect(Array.from(name.replace(/\.pdf$/, ''))).toHaveLength(100);
    expect(name.replace(/\.pdf$/, '')).toBe('𠮷'.repeat(100));
  });
});
