import { z } from 'zod';
import { isoDateSchema } from '../domain/chineseDate';
import { dayTotalsSchema } from '../domain/dayClose/dayTotals';
import { deskIdSchema } from '../domain/desk';
import { auditAnchorRequestFields, auditAnchorResponseFields } from './auditAnchor';

// POST /v1/sync/close-day: the desk's totals of the day (`dayTotalsOf`), reconciled by HQ against its copy.

export const closeDayRequestSchema = z.object({
  deskId: deskIdSchema,
  businessDate: isoDateSchema,
  lastSeq: z.int().min(0),
  totals: dayTotalsSchema,
  /** Extension: the desk's `protocolVersion`, as on push; HQ answers 426 below its minimum. */
  schemaVersion: z.int().min(1).optional(),
  ...auditAnchorRequestFields,
});
export type CloseDayRequest = z.infer<typeof closeDayRequestSchema>;

export const closeDayResponseSchema = z.object({
  status: z.enum(['reconciled', 'mismatch']),
  /** The seqs HQ has not received (desk's lastSeq ahead of HQ's): push them and close again. */
  missing: z.object({ fromSeq: z.int().min(1), toSeq: z.int().min(1) }).optional(),
  /** Extension: each figure that differs, as `casesByStatus.accepted`, `licenceSheets.used`, `lastSeq`… */
  differences: z.array(z.object({ field: z.string(), desk: z.unknown(), hq: z.unknown() })).optional(),
  /** Extension: why the day cannot reconcile beyond its figures (for the chief, in Chinese). */
  reasons: z.array(z.string()).optional(),
  ...auditAnchorResponseFields,
});
export type CloseDayResponse = z.infer<typeof closeDayResponseSchema>;
