import type { SignedInClerk } from '../../domain/clerks/account';
import { appendAuditEntry } from '../audit';
import { chinaIso } from '../clock';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';

/** A print job's outcome, for the record (the op said what was issued; the log says what the spooler did). */
export interface PrintJobRecord {
  documentId: string;
  state: 'completed' | 'failed' | 'queued' | 'unknown' | 'refused';
  jobId: string | null;
  reason: string | null;
}

export async function recordPrintJob(db: DeskDatabase, job: PrintJobRecord, clerk: SignedInClerk, now: Date = new Date()): Promise<void> {
  await guardStorage(() =>
    appendAuditEntry(db, { at: chinaIso(now), clerkId: clerk.id, action: 'document.printJob', subject: `document:${job.documentId}`, details: { ...job } }),
  );
}
