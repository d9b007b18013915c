import type { Printer, PrintJob, PrintJobId, PrintOutcome } from '../../ipc/printing';

/**
 * Prints PDF bytes from the main process. Calls that cannot even start (no spooler, no such printer, bad
 * name) throw `RefusedError` with a Chinese message; once the spooler has a job, the answer is an outcome.
 */
export interface PrintService {
  listPrinters(): Promise<Printer[]>;
  /** Submits the job and waits (bounded) until it leaves the queue; a job still queued then is reported as such. */
  print(job: PrintJob): Promise<PrintOutcome>;
  /** The job's state now, for following up a job that was still queued. */
  jobState(jobId: PrintJobId): Promise<PrintOutcome>;
}
