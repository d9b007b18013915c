import { RefusedError } from '../../ipc/errors';
import { printJobIdSchema, type Printer, type PrintJob, type PrintJobId } from '../../ipc/printing';
import type { CupsServer } from './ipp';
import { printMessages } from './messages';

/**
 * The CUPS command lines we run and the parsing of what they print, kept pure so the tests replay outputs
 * recorded from a real CUPS 2.4 (LC_ALL=C.UTF-8).
 */

/**
 * CUPS queue names may not contain whitespace, control characters, `/` (instance separator), `\`, `#`,
 * `?`, quotes or `@` (printer@host), and are at most 127 bytes (lpadmin's own rule). A leading `-` is
 * refused too, so a name can never be read as an option even by a less careful tool.
 */
export function assertCupsPrinterName(name: string): void {
  const valid =
    Buffer.byteLength(name, 'utf8') <= 127 && !name.startsWith('-') && !/[\s\p{Cc}/\\#?'"@]/u.test(name) && name !== '';
  if (!valid) throw new RefusedError(printMessages.cupsPrinterNameInvalid(name));
}

/**
 * `lp` arguments for one job. Scale stays 1:1 (`print-scaling=none`, never `fit-to-page`) because licence
 * fields are placed in mm on pre-printed paper. `-o landscape` was checked on cups-filters 1.28: a
 * landscape page printed with it comes out exactly as without it (no double rotation).
 */
export function lpArguments(job: PrintJob, file: string): string[] {
  return [
    '-d',
    job.printer,
    '-n',
    String(job.copies),
    '-t',
    job.title,
    '-o',
    `media=${job.paper}`,
    '-o',
    'print-scaling=none',
    ...(job.orientation === 'landscape' ? ['-o', 'landscape'] : []),
    '--',
    file,
  ];
}

/** `lp` answers "request id is DeskPDF-12 (1 file(s))". */
export function parseLpRequestId(stdout: string): PrintJobId | null {
  const match = /request id is (\S+-\d+)/.exec(stdout);
  if (!match?.[1]) return null;
  const parsed = printJobIdSchema.safeParse(match[1]);
  return parsed.success ? parsed.data : null;
}

/** The job number CUPS addresses a job by: the digits after the queue name. */
export function cupsJobNumber(jobId: PrintJobId): number {
  return Number(jobId.slice(jobId.lastIndexOf('-') + 1));
}

/** The queue a job belongs to: everything before the last dash (queue names may contain dashes). */
export function cupsQueueName(jobId: PrintJobId): string {
  return jobId.slice(0, jobId.lastIndexOf('-'));
}

/** The lpstat/lp complaints we act on; anything else is shown to the clerk as the tool's own words. */
export type CupsComplaint = 'scheduler-not-running' | 'no-such-printer' | 'not-accepting' | 'no-destinations';

export function classifyCupsComplaint(stderr: string): CupsComplaint | null {
  if (/scheduler is not running/i.test(stderr)) return 'scheduler-not-running';
  if (/printer or class does not exist|invalid destination name/i.test(stderr)) return 'no-such-printer';
  if (/is not accepting jobs/i.test(stderr)) return 'not-accepting';
  if (/no destinations added/i.test(stderr)) return 'no-destinations';
  return null;
}

/** The tool's complaint without its "lp: " / "Error - " prefixes, for a message that quotes it. */
export function complaintText(stderr: string): string {
  return stderr
    .trim()
    .split('\n')
    .map((line) => line.replace(/^\w+:\s*/, '').replace(/^Error - /, ''))
    .join(' ')
    .trim();
}

/**
 * Parses `lpstat -l -p -d`. A printer block starts with `printer NAME is idle.`, `printer NAME now printing
 * JOB.` or `printer NAME disabled since …`; the indented lines before `Form mounted:` are the printer's
 * status message, and `Description:` is what the admin named it. Names cannot contain spaces, so the
 * second word is the whole name.
 */
export function parseLpstatPrinters(stdout: string): Printer[] {
  const printers: Printer[] = [];
  let current: { printer: Printer; messageLines: string[]; inHeader: boolean } | null = null;
  let defaultName: string | null = null;

  const finish = () => {
    if (!current) return;
    const message = current.messageLines.join(' ').trim();
    if (message) current.printer.message = message;
    printers.push(current.printer);
    current = null;
  };

  for (const line of stdout.split('\n')) {
    const printerLine = /^printer (\S+) (.*)$/.exec(line);
    if (printerLine?.[1] !== undefined && printerLine[2] !== undefined) {
      finish();
      current = {
        printer: { name: printerLine[1], isDefault: false, state: printerState(printerLine[2]) },
        messageLines: [],
        inHeader: true,
      };
      continue;
    }
    const defaultLine = /^system default destination: (\S+)/.exec(line);
    if (defaultLine?.[1]) {
      defaultName = defaultLine[1];
      continue;
    }
    if (!current || !/^\s/.test(line)) {
      finish();
      continue;
    }
    const text = line.trim();
    if (/^Form mounted:/.test(text)) current.inHeader = false;
    else if (current.inHeader) current.messageLines.push(text);
    const description = /^Description:\s*(.*)$/.exec(text);
    if (description?.[1]) current.printer.description = description[1].trim();
  }
  finish();
  return printers.map((printer) => ({ ...printer, isDefault: printer.name === defaultName }));
}

function printerState(rest: string): Printer['state'] {
  if (rest.startsWith('is idle')) return 'idle';
  if (rest.startsWith('now printing')) return 'printing';
  if (rest.startsWith('disabled')) return 'stopped';
  return 'unknown';
}

/** `lpstat -H` names the scheduler: a domain socket path, or host[:port] (IPv6 in brackets). */
export function parseLpstatServer(stdout: string): CupsServer | null {
  const text = stdout.trim();
  if (!text) return null;
  if (text.startsWith('/')) return { kind: 'socket', path: text };
  const match = /^(\[[^\]]+\]|[^:\s]+)(?::(\d+))?$/.exec(text);
  if (!match?.[1]) return null;
  return { kind: 'tcp', host: match[1].replace(/^\[|\]$/g, ''), port: match[2] ? Number(match[2]) : 631 };
}
