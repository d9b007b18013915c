import { describe, expect, it } from 'vitest';
import { RefusedError } from '../../../../../electron/ipc/errors';
import { printJobIdSchema, printJobSchema } from '../../../../../electron/ipc/printing';
import {
  assertCupsPrinterName,
  classifyCupsComplaint,
  complaintText,
  cupsJobNumber,
  cupsQueueName,
  lpArguments,
  parseLpRequestId,
  parseLpstatPrinters,
  parseLpstatServer,
} from '../../../../../electron/main/printing/cupsCommands';
import * as recorded from './recordedCups';

const job = (overrides: Record<string, unknown> = {}) =>
  printJobSchema.parse({
    pdf: new TextEncoder().encode('%PDF-1.7\n'),
    printer: 'DeskPDF',
    copies: 2,
    paper: 'A4',
    title: '收件凭证 QY-20261128-0001',
    ...overrides,
  });

describe('assertCupsPrinterName', () => {
  it.each(['DeskPDF', 'HP_LaserJet-M203dw', '前台激光打印机', 'a'.repeat(127)])('accepts the queue name %s', (name) => {
    expect(() => assertCupsPrinterName(name)).not.toThrow();
  });

  it.each([
    ['a space', 'Desk PDF'],
    ['a slash (CUPS instance separator)', 'DeskPDF/draft'],
    ['a backslash', 'Desk\\PDF'],
    ['a hash', 'Desk#1'],
    ['a question mark', 'Desk?'],
    ['a quote', 'Desk"PDF'],
    ['an at sign (printer@host)', 'DeskPDF@evil.example'],
    ['a newline', 'Desk\nPDF'],
    ['a tab', 'Desk\tPDF'],
    ['a leading dash that reads like an option', '-h'],
    ['an empty name', ''],
    ['more than 127 bytes', '打'.repeat(43)],
  ])('refuses a name with %s, saying what the rule is', (_label, name) => {
    expect(() => assertCupsPrinterName(name)).toThrow(RefusedError);
    expect(() => assertCupsPrinterName(name)).toThrow(/不符合 CUPS 的命名规则/);
  });
});

describe('lpArguments', () => {
  it('passes queue, copies, title, paper and 1:1 scale as separate arguments, the file after --', () => {
    expect(lpArguments(job(), '/tmp/x/document.pdf')).toEqual([
      '-d',
      'DeskPDF',
      '-n',
      '2',
      '-t',
      '收件凭证 QY-20261128-0001',
      '-o',
      'media=A4',
      '-o',
      'print-scaling=none',
      '--',
      '/tmp/x/document.pdf',
    ]);
  });

  it('asks for landscape only for a landscape document, on the paper it names', () => {
    const args = lpArguments(job({ paper: 'A3', orientation: 'landscape' }), '/f.pdf');
    expect(args).toContain('media=A3');
    expect(args.slice(-4)).toEqual(['-o', 'landscape', '--', '/f.pdf']);
    expect(lpArguments(job(), '/f.pdf')).not.toContain('landscape');
  });

  it('never scales to fit: licence fields are placed in mm on pre-printed paper', () => {
    const args = lpArguments(job({ paper: 'A3', orientation: 'landscape' }), '/f.pdf');
    expect(args.some((arg) => /fit-to-page|fitplot|print-scaling=(fit|fill|auto)/.test(arg))).toBe(false);
  });

  it('keeps a title full of shell syntax as one inert argument', () => {
    const title = '$(rm -rf /); `reboot` | tee "x" && echo';
    const args = lpArguments(job({ title }), '/f.pdf');
    expect(args[args.indexOf('-t') + 1]).toBe(title);
  });
});

describe('lp and lpstat output', () => {
  it('reads the job id from lp', () => {
    expect(parseLpRequestId(recorded.lpAccepted)).toBe('DeskPDF-10');
    expect(parseLpRequestId('request id is HP-LaserJet-M203-7 (1 file(s))\n')).toBe('HP-LaserJet-M203-7');
  });

  it('finds no job id in output that has none', () => {
    expect(parseLpRequestId('')).toBeNull();
    expect(parseLpRequestId('lp: something unexpected\n')).toBeNull();
  });

  it('splits a job id into queue and job number even when the queue name has dashes', () => {
    const jobId = printJobIdSchema.parse('HP-LaserJet-M203-17');
    expect(cupsQueueName(jobId)).toBe('HP-LaserJet-M203');
    expect(cupsJobNumber(jobId)).toBe(17);
  });

  it('lists an idle described queue, a stopped one with its reason, and the default', () => {
    expect(parseLpstatPrinters(recorded.lpstatStopped)).toEqual([
      { name: 'DeskBroken', isDefault: false, state: 'idle', description: '前台激光打印机 A' },
      { name: 'DeskPDF', isDefault: true, state: 'stopped', description: 'DeskPDF', message: 'paper jam' },
    ]);
  });

  it('sees a queue that is printing and no default when there is none', () => {
    const printers = parseLpstatPrinters(recorded.lpstatBusy);
    expect(printers.map((p) => [p.name, p.state, p.isDefault])).toEqual([
      ['DeskBroken', 'idle', false],
      ['DeskPDF', 'printing', true],
    ]);
    expect(parseLpstatPrinters(recorded.lpstatBusy.replace(/system default destination: \S+/, 'no system default destination'))).toSatisfy(
      (list: { isDefault: boolean }[]) => list.every((p) => !p.isDefault),
    );
  });

  it('reads one queue asked for by name', () => {
    expect(parseLpstatPrinters(recorded.lpstatOneStopped)).toEqual([
      { name: 'DeskPDF', isDefault: false, state: 'stopped', description: 'DeskPDF', message: 'paper jam' },
    ]);
  });

  it('lists nothing from a scheduler without queues', () => {
    expect(parseLpstatPrinters(recorded.lpstatNoQueues.stdout)).toEqual([]);
  });

  it('marks a printer line it does not recognise as unknown rather than guessing', () => {
    expect(parseLpstatPrinters('printer Odd is warming up.\n')).toEqual([{ name: 'Odd', isDefault: false, state: 'unknown' }]);
  });

  it.each([
    [recorded.lpstatSchedulerDown.stderr, 'scheduler-not-running'],
    [recorded.lpNoSuchPrinter.stderr, 'no-such-printer'],
    ['lpstat: Invalid destination name in list "Nope".\n', 'no-such-printer'],
    [recorded.lpNotAccepting.stderr, 'not-accepting'],
    [recorded.lpstatNoQueues.stderr, 'no-destinations'],
    [recorded.lpBadCopies.stderr, null],
  ])('classifies %j', (stderr, complaint) => {
    expect(classifyCupsComplaint(stderr)).toBe(complaint);
  });

  it('quotes a complaint without the tool prefix', () => {
    expect(complaintText(recorded.lpBadCopies.stderr)).toBe('copies must be 1 or more.');
  });

  it.each([
    [recorded.lpstatServerSocket, { kind: 'socket', path: '/run/cups/cups.sock' }],
    ['localhost:631\n', { kind: 'tcp', host: 'localhost', port: 631 }],
    ['[::1]:8631\n', { kind: 'tcp', host: '::1', port: 8631 }],
    ['printhost\n', { kind: 'tcp', host: 'printhost', port: 631 }],
    ['', null],
    ['two words\n', null],
  ])('reads the scheduler address %j', (stdout, server) => {
    expect(parseLpstatServer(stdout)).toEqual(server);
  });
});
