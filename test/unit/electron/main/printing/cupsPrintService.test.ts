import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RefusedError } from '../../../../../electron/ipc/errors';
import { printJobIdSchema, printJobSchema } from '../../../../../electron/ipc/printing';
import type { CommandResult, RunCommand } from '../../../../../electron/main/printing/commandRunner';
import { createCupsPrintService, type CupsPrintServiceOptions } from '../../../../../electron/main/printing/cupsPrintService';
import { IppUnreachableError, type CupsServer } from '../../../../../electron/main/printing/ipp';
import { printMessages } from '../../../../../electron/main/printing/messages';
import * as recorded from './recordedCups';

type Reply = CommandResult | ((args: readonly string[]) => CommandResult);
const ok = (stdout: string): CommandResult => ({ status: 'exited', code: 0, stdout, stderr: '' });
const exited = (r: { code: number; stdout: string; stderr: string }): CommandResult => ({ status: 'exited', ...r });

/** Replays recorded outputs per command line prefix ("lp", "lpstat -r", …) and records every call. */
function fakeCups(replies: Record<string, Reply>) {
  const calls: { file: string; args: readonly string[] }[] = [];
  const run: RunCommand = async (file, args) => {
    calls.push({ file, args });
    const key = Object.keys(replies)
      .filter((k) => `${file} ${args.join(' ')}`.startsWith(k))
      .sort((a, b) => b.length - a.length)[0];
    const reply = key === undefined ? undefined : replies[key];
    if (reply === undefined) throw new Error(`unexpected command ${file} ${args.join(' ')}`);
    return typeof reply === 'function' ? reply(args) : reply;
  };
  return { run, calls };
}

/** Answers Get-Job-Attributes with the recorded bodies in turn (the last one repeats). */
function fakeIpp(...answers: (keyof typeof recorded.ippJob | Error)[]) {
  const requests: Uint8Array[] = [];
  const servers: CupsServer[] = [];
  const connectIpp = (server: CupsServer) => {
    servers.push(server);
    return async (body: Uint8Array) => {
      requests.push(body);
      const answer = answers[Math.min(requests.length - 1, answers.length - 1)]!;
      if (answer instanceof Error) throw answer;
      return new Uint8Array(Buffer.from(recorded.ippJob[answer], 'base64'));
    };
  };
  return { connectIpp, requests, servers };
}

/** A clock that only moves when the service sleeps. */
function fakeClock() {
  let time = 0;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
    sleeps,
  };
}

const pdf = new TextEncoder().encode('%PDF-1.7\n% test document\n');
const job = (overrides: Record<string, unknown> = {}) =>
  printJobSchema.parse({ pdf, printer: 'DeskPDF', copies: 1, paper: 'A4', title: '受理通知书', ...overrides });

let tempRoot: string;
beforeEach(async () => {
  tempRoot = await mkdtemp(join(tmpdir(), 'print-service-test-'));
});
afterEach(async () => {
  await rm(tempRoot, { recursive: true, force: true });
});

const service = (cups: ReturnType<typeof fakeCups>, ipp = fakeIpp('completed'), clock = fakeClock(), extra: CupsPrintServiceOptions = {}) =>
  createCupsPrintService({
    run: cups.run,
    connectIpp: ipp.connectIpp,
    userName: 'clerk',
    tempRoot,
    now: clock.now,
    sleep: clock.sleep,
    pollIntervalMs: 500,
    waitTimeoutMs: 5_000,
    ...extra,
  });

const printingCups = (lp: Reply = ok(recorded.lpAccepted)) =>
  fakeCups({ lp, 'lpstat -H': ok(recorded.lpstatServerSocket), 'lpstat -l -p DeskPDF': ok(recorded.lpstatOneIdle) });

describe('listing printers', () => {
  it('lists the queues lpstat reports', async () => {
    const cups = fakeCups({ 'lpstat -l -p -d': ok(recorded.lpstatStopped) });
    await expect(service(cups).listPrinters()).resolves.toEqual([
      { name: 'DeskBroken', isDefault: false, state: 'idle', description: '前台激光打印机 A' },
      { name: 'DeskPDF', isDefault: true, state: 'stopped', description: 'DeskPDF', message: 'paper jam' },
    ]);
  });

  it('answers an empty list when CUPS has no queue (lpstat exits 1)', async () => {
    const cups = fakeCups({ 'lpstat -l -p -d': exited(recorded.lpstatNoQueues) });
    await expect(service(cups).listPrinters()).resolves.toEqual([]);
  });

  it('refuses in Chinese when the scheduler is not running', async () => {
    const cups = fakeCups({ 'lpstat -l -p -d': exited(recorded.lpstatSchedulerDown) });
    await expect(service(cups).listPrinters()).rejects.toThrow(new RefusedError(printMessages.schedulerNotRunning));
  });

  it('refuses when CUPS is not installed at all', async () => {
    const cups = fakeCups({ lpstat: { status: 'not-found' } });
    await expect(service(cups).listPrinters()).rejects.toThrow(printMessages.cupsMissing);
  });

  it('refuses when lpstat hangs', async () => {
    const cups = fakeCups({ lpstat: { status: 'timed-out' } });
    await expect(service(cups).listPrinters()).rejects.toThrow(printMessages.commandTimedOut('lpstat'));
  });
});

describe('printing', () => {
  it('hands lp a private temporary copy of the PDF and removes it afterwards', async () => {
    let seen: { mode: number; folderMode: number; bytes: Buffer; path: string } | undefined;
    const cups = printingCups((args) => {
      const path = args[args.length - 1]!;
      seen = { path, mode: statSync(path).mode & 0o777, folderMode: statSync(dirname(path)).mode & 0o777, bytes: readFileSync(path) };
      return ok(recorded.lpAccepted);
    });
    await service(cups).print(job());
    expect(seen).toBeDefined();
    expect(seen!.mode).toBe(0o600);
    expect(seen!.folderMode).toBe(0o700);
    expect(new Uint8Array(seen!.bytes)).toEqual(pdf);
    expect(seen!.path.startsWith(tempRoot)).toBe(true);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('runs lp directly with the job options, never through a shell', async () => {
    const cups = printingCups();
    await service(cups).print(job({ copies: 3, paper: 'A3', orientation: 'landscape', title: '营业执照 正本; rm -rf ~' }));
    const lp = cups.calls.find((c) => c.file === 'lp')!;
    expect(lp.args.slice(0, -1)).toEqual([
      '-d', 'DeskPDF', '-n', '3', '-t', '营业执照 正本; rm -rf ~', '-o', 'media=A3', '-o', 'print-scaling=none', '-o', 'landscape', '--',
    ]);
  });

  it('follows the job over IPP until it completes', async () => {
    const ipp = fakeIpp('pending', 'processing', 'processing', 'completed');
    const clock = fakeClock();
    await expect(service(printingCups(), ipp, clock).print(job())).resolves.toEqual({ state: 'completed', jobId: 'DeskPDF-10' });
    expect(ipp.servers).toEqual([{ kind: 'socket', path: '/run/cups/cups.sock' }]);
    expect(ipp.requests).toHaveLength(4);
    expect(Buffer.from(ipp.requests[0]!).toString('latin1')).toContain('ipp://localhost/jobs/10');
    expect(Buffer.from(ipp.requests[0]!).toString('latin1')).toContain('clerk');
    expect(clock.sleeps).toEqual([500, 500, 500]);
  });

  it('reports a job cancelled in CUPS as failed, although lpstat would show it like a completed one', async () => {
    await expect(service(printingCups(), fakeIpp('canceled')).print(job())).resolves.toEqual({
      state: 'failed',
      jobId: 'DeskPDF-10',
      reason: printMessages.jobCanceled(),
    });
  });

  it('reports a job the filter could not process as failed, with the filter message', async () => {
    const outcome = await service(printingCups(), fakeIpp('filterFailed')).print(job());
    expect(outcome).toMatchObject({ state: 'failed', jobId: 'DeskPDF-10' });
    expect(outcome.state === 'failed' && outcome.reason).toMatch(/^打印过程中出错（loadFilename failed: .*）/);
  });

  it('answers at once, with the printer reason, when the job waits behind a stopped printer', async () => {
    const cups = fakeCups({
      lp: ok(recorded.lpAccepted),
      'lpstat -H': ok(recorded.lpstatServerSocket),
      'lpstat -l -p DeskPDF': ok(recorded.lpstatOneStopped),
    });
    const clock = fakeClock();
    await expect(service(cups, fakeIpp('pending'), clock).print(job())).resolves.toEqual({
      state: 'queued',
      jobId: 'DeskPDF-10',
      reason: printMessages.printerStopped('paper jam'),
    });
    expect(clock.sleeps).toEqual([]);
  });

  it('answers at once when the job is held', async () => {
    const clock = fakeClock();
    await expect(service(printingCups(), fakeIpp('held'), clock).print(job())).resolves.toMatchObject({
      state: 'queued',
      reason: printMessages.jobHeld,
    });
    expect(clock.sleeps).toEqual([]);
  });

  it('stops waiting after the timeout and says the job is still queued', async () => {
    const clock = fakeClock();
    await expect(service(printingCups(), fakeIpp('processing'), clock).print(job())).resolves.toEqual({
      state: 'queued',
      jobId: 'DeskPDF-10',
      reason: printMessages.jobPrinting,
    });
    expect(clock.now()).toBe(5_000);
  });

  it('says so when CUPS has forgotten the job', async () => {
    await expect(service(printingCups(), fakeIpp('notFound')).print(job())).resolves.toEqual({
      state: 'unknown',
      jobId: 'DeskPDF-10',
      reason: printMessages.jobNotFound,
    });
  });

  it('refuses a printer name CUPS cannot have, before writing or running anything', async () => {
    const cups = printingCups();
    await expect(service(cups).print(job({ printer: 'Desk PDF' }))).rejects.toThrow(RefusedError);
    expect(cups.calls).toEqual([]);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('refuses an unknown printer by name, and removes the temporary copy', async () => {
    const cups = fakeCups({ lp: exited(recorded.lpNoSuchPrinter), 'lpstat -r': ok(recorded.lpstatRunning) });
    await expect(service(cups).print(job({ printer: 'Nope' }))).rejects.toThrow(printMessages.noSuchPrinter('Nope'));
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('says the scheduler is down when lp blames the printer but the scheduler is not running', async () => {
    const cups = fakeCups({ lp: exited(recorded.lpNoSuchPrinter), 'lpstat -r': ok(recorded.lpstatNotRunning) });
    await expect(service(cups).print(job())).rejects.toThrow(printMessages.schedulerNotRunning);
  });

  it('refuses a queue that rejects jobs', async () => {
    const cups = fakeCups({ lp: exited(recorded.lpNotAccepting) });
    await expect(service(cups).print(job({ printer: 'DeskBroken' }))).rejects.toThrow(printMessages.printerNotAccepting('DeskBroken'));
  });

  it('quotes any other lp complaint', async () => {
    const cups = fakeCups({ lp: exited(recorded.lpBadCopies) });
    await expect(service(cups).print(job())).rejects.toThrow(printMessages.commandFailed('lp', 'copies must be 1 or more.'));
  });

  it('refuses to guess when lp succeeds without a job id', async () => {
    const cups = fakeCups({ lp: ok('') });
    await expect(service(cups).print(job())).rejects.toThrow(printMessages.unreadableOutput('lp'));
  });

  it('keeps the job id and calls the outcome unknown when the job cannot be followed after lp took it', async () => {
    const ipp = fakeIpp(new IppUnreachableError('connect ENOENT /run/cups/cups.sock'));
    await expect(service(printingCups(), ipp).print(job())).resolves.toEqual({
      state: 'unknown',
      jobId: 'DeskPDF-10',
      reason: printMessages.schedulerNotRunning,
    });
  });
});

describe('following up a job', () => {
  it('asks CUPS about exactly that job', async () => {
    const ipp = fakeIpp('processing');
    const cups = fakeCups({ 'lpstat -H': ok('localhost:631\n') });
    const jobId = printJobIdSchema.parse('HP-LaserJet-42');
    await expect(service(cups, ipp).jobState(jobId)).resolves.toEqual({ state: 'queued', jobId, reason: printMessages.jobPrinting });
    expect(ipp.servers).toEqual([{ kind: 'tcp', host: 'localhost', port: 631 }]);
    expect(Buffer.from(ipp.requests[0]!).toString('latin1')).toContain('ipp://localhost/jobs/42');
  });

  it('refuses when the scheduler cannot be reached', async () => {
    const cups = fakeCups({ 'lpstat -H': ok(recorded.lpstatServerSocket) });
    const ipp = fakeIpp(new IppUnreachableError('connect ENOENT /run/cups/cups.sock'));
    await expect(service(cups, ipp).jobState(printJobIdSchema.parse('DeskPDF-1'))).rejects.toThrow(printMessages.schedulerNotRunning);
  });

  it('refuses when the IPP answer is not IPP', async () => {
    const cups = fakeCups({ 'lpstat -H': ok(recorded.lpstatServerSocket) });
    const connectIpp = () => async () => Uint8Array.of(1, 1);
    const jobId = printJobIdSchema.parse('DeskPDF-1');
    await expect(service(cups, { ...fakeIpp(), connectIpp }).jobState(jobId)).rejects.toThrow(/^查询打印任务状态失败/);
  });
});
