import { rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { RefusedError } from '../../ipc/errors';
import type { Printer, PrintJob, PrintJobId, PrintOutcome } from '../../ipc/printing';
import { makePrintFolder } from './printFolders';
import { createCommandRunner, type CommandResult, type RunCommand } from './commandRunner';
import {
  assertCupsPrinterName,
  classifyCupsComplaint,
  complaintText,
  cupsJobNumber,
  cupsQueueName,
  type CupsComplaint,
  lpArguments,
  parseLpRequestId,
  parseLpstatPrinters,
  parseLpstatServer,
} from './cupsCommands';
import {
  createIppPost,
  decodeIppResponse,
  encodeGetJobAttributes,
  IppUnreachableError,
  ippJobState,
  ippStatus,
  type CupsServer,
  type IppPost,
  type IppValue,
} from './ipp';
import { printMessages } from './messages';
import type { PrintService } from './service';

export interface CupsPrintServiceOptions {
  run?: RunCommand;
  /** Opens the IPP channel to the scheduler `lpstat -H` names. */
  connectIpp?: (server: CupsServer) => IppPost;
  /** Sent as requesting-user-name: CUPS only shows a job's details to its owner. */
  userName?: string;
  /** Where the private temporary copy of the PDF goes. */
  tempRoot?: string;
  pollIntervalMs?: number;
  /** How long `print` waits for the job to leave the queue before answering `queued`. */
  waitTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** A job's state and whether waiting longer could change it (not while held or behind a stopped printer). */
interface JobReading {
  outcome: PrintOutcome;
  worthWaiting: boolean;
}

/** Prints through CUPS (Linux, macOS): `lp` to submit, `lpstat` to list, IPP for the job's real state. */
export function createCupsPrintService(options: CupsPrintServiceOptions = {}): PrintService {
  const run = options.run ?? createCommandRunner();
  const connectIpp = options.connectIpp ?? ((server) => createIppPost(server));
  const userName = options.userName ?? userInfo().username;
  const tempRoot = options.tempRoot ?? tmpdir();
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const waitTimeoutMs = options.waitTimeoutMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const now = options.now ?? Date.now;
  let nextRequestId = 1;

  /** Runs a CUPS tool and returns its stdout, turning every way it can fail into a refusal the clerk can read. */
  async function runCups(
    file: string,
    args: readonly string[],
    onComplaint: (complaint: CupsComplaint | null) => Promise<string | undefined> | string | undefined = () => undefined,
  ): Promise<string> {
    const result: CommandResult = await run(file, args);
    if (result.status === 'not-found') throw new RefusedError(printMessages.cupsMissing);
    if (result.status === 'timed-out') throw new RefusedError(printMessages.commandTimedOut(file));
    if (result.code === 0) return result.stdout;
    const complaint = classifyCupsComplaint(result.stderr);
    const handled = await onComplaint(complaint);
    if (handled !== undefined) return handled;
    if (complaint === 'scheduler-not-running') throw new RefusedError(printMessages.schedulerNotRunning);
    throw new RefusedError(printMessages.commandFailed(file, complaintText(result.stderr)));
  }

  async function schedulerIsRunning(): Promise<boolean> {
    const stdout = await runCups('lpstat', ['-r']);
    return !/not running/i.test(stdout);
  }

  async function openIpp(): Promise<IppPost> {
    const server = parseLpstatServer(await runCups('lpstat', ['-H']));
    if (!server) throw new RefusedError(printMessages.unreadableOutput('lpstat -H'));
    return connectIpp(server);
  }

  async function readJob(post: IppPost, jobId: PrintJobId): Promise<JobReading> {
    let body: Uint8Array;
    try {
      body = await post(encodeGetJobAttributes(cupsJobNumber(jobId), userName, nextRequestId++));
    } catch (error) {
      if (error instanceof IppUnreachableError) throw new RefusedError(printMessages.schedulerNotRunning);
      throw new RefusedError(printMessages.jobStateQueryFailed(errorText(error)));
    }
    let response: ReturnType<typeof decodeIppResponse>;
    try {
      response = decodeIppResponse(body);
    } catch (error) {
      throw new RefusedError(printMessages.jobStateQueryFailed(errorText(error)));
    }
    if (response.statusCode === ippStatus.notFound) {
      return { outcome: { state: 'unknown', jobId, reason: printMessages.jobNotFound }, worthWaiting: false };
    }
    if (response.statusCode !== ippStatus.ok && response.statusCode !== ippStatus.okIgnoredOrSubstituted) {
      const statusMessage = firstText(response.attributes.get('status-message'));
      const code = `0x${response.statusCode.toString(16).padStart(4, '0')}`;
      throw new RefusedError(printMessages.jobStateQueryFailed(`CUPS 返回 ${code}${statusMessage ? ` ${statusMessage}` : ''}`));
    }
    // CUPS leaves job-state-reasons at `none` for a job waiting behind a disabled queue, so ask the queue.
    const pending = response.attributes.get('job-state')?.[0] === ippJobState.pending;
    return interpretJob(jobId, response.attributes, pending ? await queueOf(jobId) : undefined);
  }

  async function queueOf(jobId: PrintJobId): Promise<Printer | undefined> {
    const stdout = await runCups('lpstat', ['-l', '-p', cupsQueueName(jobId)]);
    return parseLpstatPrinters(stdout)[0];
  }

  return {
    async listPrinters(): Promise<Printer[]> {
      const stdout = await runCups('lpstat', ['-l', '-p', '-d'], (complaint) =>
        // lpstat exits 1 when no queue exists at all; that is an empty list, not an error.
        complaint === 'no-destinations' ? '' : undefined,
      );
      return parseLpstatPrinters(stdout);
    },

    async print(job: PrintJob): Promise<PrintOutcome> {
      assertCupsPrinterName(job.printer);
      // lp reads the file and sends its bytes to the scheduler before it exits, so the copy can go at once.
      const folder = await makePrintFolder(tempRoot);
      let stdout: string;
      try {
        const file = join(folder, 'document.pdf');
        await writeFile(file, job.pdf, { mode: 0o600, flag: 'wx' });
        stdout = await runCups('lp', lpArguments(job, file), async (complaint) => {
          if (complaint === 'not-accepting') throw new RefusedError(printMessages.printerNotAccepting(job.printer));
          // lp says "printer or class does not exist" also when the scheduler is down.
          if (complaint === 'no-such-printer') {
            throw new RefusedError(
              (await schedulerIsRunning()) ? printMessages.noSuchPrinter(job.printer) : printMessages.schedulerNotRunning,
            );
          }
          return undefined;
        });
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
      const jobId = parseLpRequestId(stdout);
      if (!jobId) throw new RefusedError(printMessages.unreadableOutput('lp'));

      // The job exists from here on: a failure to follow it must not read as "nothing was printed".
      try {
        const post = await openIpp();
        const deadline = now() + waitTimeoutMs;
        for (;;) {
          const reading = await readJob(post, jobId);
          if (!reading.worthWaiting || now() >= deadline) return reading.outcome;
          await sleep(pollIntervalMs);
        }
      } catch (error) {
        if (error instanceof RefusedError) return { state: 'unknown', jobId, reason: error.message };
        throw error;
      }
    },

    async jobState(jobId: PrintJobId): Promise<PrintOutcome> {
      return (await readJob(await openIpp(), jobId)).outcome;
    },
  };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function firstText(values: IppValue[] | undefined): string | undefined {
  const text = values?.find((value): value is string => typeof value === 'string' && value.trim() !== '');
  return text?.trim();
}

/**
 * Maps RFC 8011 job-state and job-state-reasons to an outcome with the spooler's own words as detail;
 * `queue` is the job's printer, looked up only for a pending job.
 */
function interpretJob(jobId: PrintJobId, attributes: Map<string, IppValue[]>, queue: Printer | undefined): JobReading {
  const state = attributes.get('job-state')?.[0];
  const reasons = new Set((attributes.get('job-state-reasons') ?? []).filter((r): r is string => typeof r === 'string'));
  const detail = firstText(attributes.get('job-printer-state-message')) ?? firstText(attributes.get('job-state-message'));
  const queued = (reason: string, worthWaiting: boolean): JobReading => ({
    outcome: { state: 'queued', jobId, reason },
    worthWaiting,
  });
  const failed = (reason: string): JobReading => ({ outcome: { state: 'failed', jobId, reason }, worthWaiting: false });

  switch (state) {
    case ippJobState.pending:
    case ippJobState.processing:
      if (queue?.state === 'stopped' || reasons.has('printer-stopped')) {
        return queued(printMessages.printerStopped(queue?.message ?? detail), false);
      }
      return queued(state === ippJobState.pending ? printMessages.jobWaiting : printMessages.jobPrinting, true);
    case ippJobState.pendingHeld:
      return queued(printMessages.jobHeld, false);
    case ippJobState.processingStopped:
      // CUPS 2.4 leaves a job whose filter failed (e.g. a damaged PDF) processing-stopped with this reason.
      if (reasons.has('job-completed-with-errors')) return failed(printMessages.jobCompletedWithErrors(detail));
      if (reasons.has('printer-stopped')) return queued(printMessages.printerStopped(detail), false);
      return queued(printMessages.jobStopped(detail), false);
    case ippJobState.canceled:
      return failed(printMessages.jobCanceled(detail));
    case ippJobState.aborted:
      return failed(printMessages.jobAborted(detail));
    case ippJobState.completed:
      if (reasons.has('job-completed-with-errors')) return failed(printMessages.jobCompletedWithErrors(detail));
      return { outcome: { state: 'completed', jobId }, worthWaiting: false };
    default:
      throw new RefusedError(printMessages.jobStateQueryFailed(`未知的 job-state ${String(state)}`));
  }
}
