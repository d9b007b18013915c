import type { Transaction } from 'dexie';
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from '../../domain/chineseDate';
import { caseDocumentKinds } from '../../domain/cases/caseDocuments';
import { caseIdSchema } from '../../domain/cases/caseId';
import { caseStatusCodes } from '../../domain/cases/caseStatus';
import { clerkIdSchema } from '../../domain/clerks/clerkId';
import { dayTotalsSchema } from '../../domain/dayClose/dayTotals';
import { maxUnprintedReasonLength } from '../../domain/dayClose/unprintedReasons';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import { outboxStates } from '../records';
import { boundTable } from '../transaction';

/**
 * The record of a business day's close (日结), one meta row per day: HQ's answer to the last
 * reconciliation (the differences of a mismatch, or reconciled), and once the chief signs, the signature
 * and the archived day report.
 */

const attemptSchema = z.object({
  lastSeq: z.int().min(0),
  totals: dayTotalsSchema,
  at: isoDateTimeSchema,
  by: clerkIdSchema,
});
export type CloseAttempt = z.infer<typeof attemptSchema>;

const differenceSchema = z.object({ field: z.string(), desk: z.unknown(), hq: z.unknown() });
export type DayDifference = z.infer<typeof differenceSchema>;

const count = z.int().min(0);

/**
 * The day's page as the chief signed it (what the day report was drawn from): a closed day shows this,
 * never a fresh reading of the database, so its page and its report cannot drift apart afterwards.
 */
export const signedDayPageSchema = z.object({
  /** The totals the report was drawn from (HQ reconciled the same ops: nothing was written in between). */
  totals: dayTotalsSchema,
  figures: z.object({
    casesByMatter: z.record(z.string(), count),
    completedCases: count,
    averageIntakeToHandoverMinutes: z.number().min(0).nullable(),
    oneVisitShare: z.number().min(0).max(1).nullable(),
  }),
  outbox: z.record(z.enum(outboxStates), count),
  cases: z.array(
    z.object({
      id: caseIdSchema,
      caseNumber: z.string(),
      enterpriseName: z.string(),
      matterCodes: z.array(z.string()),
      statusCode: z.enum(caseStatusCodes).nullable(),
      visits: z.int().min(1),
      createdAt: isoDateTimeSchema,
    }),
  ),
  drafting: z.array(z.object({ caseNumber: z.string(), enterpriseName: z.string(), createdAt: isoDateTimeSchema })),
  deferredDue: z.array(z.object({ caseNumber: z.string(), material: z.string(), deadline: isoDateSchema })),
  /** Documents the day's decisions asked for that were not printed, with the chief's reason for each. */
  unprinted: z.array(
    z.object({
      caseId: z.string(),
      caseNumber: z.string(),
      eventSeq: z.int().min(1),
      kind: z.enum(caseDocumentKinds),
      reason: z.string().min(1).max(maxUnprintedReasonLength),
    }),
  ),
});
export type SignedDayPage = z.infer<typeof signedDayPageSchema>;

export const dayCloseRecordSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('mismatch'),
    businessDate: isoDateSchema,
    attempt: attemptSchema,
    differences: z.array(differenceSchema),
    missing: z.object({ fromSeq: z.int().min(1), toSeq: z.int().min(1) }).nullable(),
    /** HQ's reasons beyond the figures (an issuance conflict still open…), in Chinese; absent on older records. */
    reasons: z.array(z.string()).optional(),
  }),
  z.object({ status: z.literal('reconciled'), businessDate: isoDateSchema, attempt: attemptSchema }),
  z.object({
    status: z.literal('closed'),
    businessDate: isoDateSchema,
    attempt: attemptSchema,
    signedBy: z.object({ id: clerkIdSchema, name: z.string() }),
    signedAt: isoDateTimeSchema,
    report: z.object({ documentId: z.string(), documentNumber: z.string(), sha256: z.string() }),
    /** Absent on days closed before the page was kept with the signature. */
    day: signedDayPageSchema.optional(),
  }),
]);
export type DayCloseRecord = z.infer<typeof dayCloseRecordSchema>;

const recordKey = (businessDate: string) => `dayClose:${businessDate}`;

/** Inside the caller's transaction (covering `meta`): the day's record, null when no close was tried. */
export async function readDayCloseRecordWithin(db: DeskDatabase, businessDate: string): Promise<DayCloseRecord | null> {
  const row = await db.meta.get(recordKey(businessDate));
  if (row === undefined) return null;
  // A damaged record must not read as "never closed": that would allow closing twice.
  return dayCloseRecordSchema.parse(row.value);
}

export async function readDayCloseRecord(db: DeskDatabase, businessDate: string): Promise<DayCloseRecord | null> {
  return guardStorage(() => readDayCloseRecordWithin(db, businessDate));
}

/** Inside the caller's write (covering `meta`): stores the record of its day, checked against the schema. */
export async function storeDayCloseRecordWithin(db: DeskDatabase, record: DayCloseRecord): Promise<void> {
  await db.meta.put({ key: recordKey(record.businessDate), value: dayCloseRecordSchema.parse(record) });
}

/** Inside the caller's write transaction (covering `meta`): which of `businessDates` the chief has signed. */
export async function closedDatesWithin(tx: Transaction, businessDates: readonly string[]): Promise<Set<string>> {
  const rows = await boundTable(tx, 'meta').bulkGet(businessDates.map(recordKey));
  return new Set(
    rows.flatMap((row, index) => (row !== undefined && dayCloseRecordSchema.parse(row.value).status === 'closed' ? [businessDates[index]!] : [])),
  );
}
