import { z } from 'zod';
import type { CaseStatus } from '../cases/caseStatus';

/**
 * How long the bytes of a closed case's scans and archived PDFs stay on the desk once HQ holds them
 * (DESIGN §4 "Blobs back"): whole days after the case closed; 0 keeps them for ever.
 */
export const retentionDaysSchema = z.int().min(0).max(36_500);
export const defaultRetentionDays = 365;

/** When the case closed (handed over, withdrawn, refused at the counter, denied), or null while it is open. */
export function closedAtOf(status: CaseStatus): string | null {
  switch (status.code) {
    case 'completed':
      return status.completedAt;
    case 'withdrawn':
      return status.withdrawnAt;
    case 'refused':
      return status.refusedAt;
    case 'denied':
      return status.decidedAt;
    default:
      return null;
  }
}

const DAY_MS = 86_400_000;

/** The instant before which a case must have closed for its bytes to be purged; null when nothing is purged. */
export function retentionCutoff(now: Date, days: number): Date | null {
  return days === 0 ? null : new Date(now.getTime() - days * DAY_MS);
}

/** Whether a case closed at `closedAt` has been closed longer than the retention period. */
export function isPastRetention(closedAt: string | null, cutoff: Date | null): boolean {
  return closedAt !== null && cutoff !== null && Date.parse(closedAt) < cutoff.getTime();
}

/** The share of the quota from which 设置 and the admin's status bar warn. */
export const storageWarningRatio = 0.8;

export type StorageLevel = { known: false } | { known: true; usedBytes: number; quotaBytes: number; ratio: number; warn: boolean };

/** What `navigator.storage.estimate()` said, read as a level: warn at 80 % of the quota and above. */
export function storageLevel(usedBytes: number | null, quotaBytes: number | null): StorageLevel {
  if (usedBytes === null || quotaBytes === null || quotaBytes <= 0) return { known: false };
  const ratio = usedBytes / quotaBytes;
  return { known: true, usedBytes, quotaBytes, ratio, warn: ratio >= storageWarningRatio };
}
