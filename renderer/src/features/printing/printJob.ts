import type { PaperSize } from '../../data/printSettings';
import { callDesk, DeskError, type ChannelOutput } from '../../platform/desk';
import { printingMessages as m } from './messages';
import type { Orientation } from './printKinds';

export interface PrintJobRequest {
  pdf: Uint8Array;
  printer: string;
  copies: number;
  paper: PaperSize;
  orientation: Orientation;
  /** The spooler's job title: the document's label and number. */
  title: string;
}

type Outcome = ChannelOutput<'printPdf'>;

/** Where a job ended, in words for the clerk. `refused`: the print service did not even take the job. */
export type PrintReport =
  | { state: Outcome['state']; jobId: string; message: string }
  | { state: 'refused'; jobId: null; message: string };

export function describeOutcome(outcome: Outcome, request: Pick<PrintJobRequest, 'printer' | 'copies'>): PrintReport {
  switch (outcome.state) {
    case 'completed':
      return { state: 'completed', jobId: outcome.jobId, message: m.outcome.completed(request.printer, request.copies, outcome.jobId) };
    case 'queued':
      return { state: 'queued', jobId: outcome.jobId, message: m.outcome.queued(outcome.reason) };
    case 'failed':
      return { state: 'failed', jobId: outcome.jobId, message: m.outcome.failed(outcome.reason) };
    case 'unknown':
      return { state: 'unknown', jobId: outcome.jobId, message: m.outcome.unknown(outcome.reason) };
  }
}

/** How long a job still queued after the service's own wait is followed, and how often. */
const FOLLOW_UP = { attempts: 10, intervalMs: 1500 } as const;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends PDF bytes to a printer through the main process and reports where the job ended: the print
 * service waits for the job itself; a job still queued then is followed a little longer before the
 * clerk is told to look at the printer.
 */
export async function sendToPrinter(request: PrintJobRequest): Promise<PrintReport> {
  let outcome: Outcome;
  try {
    // Our PDFs are built in ordinary (never shared) buffers, which is what IPC can clone.
    outcome = await callDesk('printPdf', { ...request, pdf: request.pdf as Uint8Array<ArrayBuffer> });
    for (let attempt = 0; outcome.state === 'queued' && attempt < FOLLOW_UP.attempts; attempt += 1) {
      await pause(FOLLOW_UP.intervalMs);
      outcome = await callDesk('printJobState', { jobId: outcome.jobId });
    }
  } catch (error) {
    if (error instanceof DeskError) return { state: 'refused', jobId: null, message: m.outcome.refused(error.message) };
    throw error;
  }
  return describeOutcome(outcome, request);
}
