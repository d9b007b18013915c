import type { Transaction } from 'dexie';
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from '../../domain/chineseDate';
import { clerkIdSchema } from '../../domain/clerks/clerkId';
import { dayTotalsSchema } from '../../domain/dayClose/dayTotals';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
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
