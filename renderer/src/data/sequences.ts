import type { Transaction } from 'dexie';
import { caseNumberDayPrefix, formatCaseNumber, parseCaseNumber, type CaseNumber } from '../domain/cases/caseNumber';
import type { DeskIdentity } from '../domain/desk';
import { boundTable } from './transaction';

/**
 * Gapless per-desk sequences: case numbers, outbox seqs, 文号. Each takes the caller's read-write
 * transaction (which must cover the `counters` table, where each sequence keeps its last value): the
 * number is taken in the same transaction as the row that carries it, so a write that fails gives its
 * number back and the sequence never has a hole.
 */

/** Reserves `count` consecutive values of the named sequence and returns the first (1 for a new sequence). */
async function reserve(tx: Transaction, name: string, count = 1): Promise<number> {
  const counters = boundTable(tx, 'counters');
  const first = ((await counters.get(name))?.value ?? 0) + 1;
  await counters.put({ name, value: first + count - 1 });
  return first;
}

/**
 * The sequence of a business day's case numbers. Named by the day alone, so intake reads it before it has
 * the desk's identity, and holding the prefix it counts under: a count under another prefix (an admin
 * changed the desk's identity during the day) does not carry over.
 */
const caseDaySequence = (businessDate: string) => `caseDay:${businessDate}`;
const OUTBOX_SEQUENCE = 'outbox';

/** The sequences a new case draws on, as read (undefined: not started yet). */
export interface IntakeSequences {
  businessDate: string;
  day: { value: number; prefix: string | undefined } | undefined;
  outbox: number | undefined;
}

/**
 * Phase one of numbering a new case, to run together with the write's other reads (each wait inside a
 * transaction is a round trip, and intake has about a dozen milliseconds): the day's case number
 * sequence and the outbox sequence.
 */
export async function readIntakeSequences(tx: Transaction, businessDate: string): Promise<IntakeSequences> {
  const [day, outbox] = await boundTable(tx, 'counters').bulkGet([caseDaySequence(businessDate), OUTBOX_SEQUENCE]);
  return { businessDate, day: day === undefined ? undefined : { value: day.value, prefix: day.prefix }, outbox: outbox?.value };
}

/**
 * Phase two: the case's number (`{hall}{desk}-{yyyymmdd}-{seq}`) and the first of `opCount` outbox seqs,
 * with the sequences' new values already on their way to the database: `stored` settles when they are
 * written, so the caller awaits it together with its own writes. The day's first case under a prefix also
 * looks at the cases: it starts above any number with that prefix the database already holds (a
 * reinstalled desk that pulled its own cases back from HQ; a desk given the identity of one whose cases
 * it has pulled), so the unique index never refuses a fresh number. Needs `cases` too.
 */
export async function takeIntakeNumbers(
  tx: Transaction,
  desk: DeskIdentity,
  sequences: IntakeSequences,
  opCount: number,
): Promise<{ caseNumber: CaseNumber; firstSeq: number; stored: Promise<unknown> }> {
  const day = { hallCode: desk.hallCode, deskCode: desk.deskCode, businessDate: sequences.businessDate };
  const prefix = caseNumberDayPrefix(day);
  const counted = sequences.day !== undefined && sequences.day.prefix === prefix ? sequences.day.value : undefined;
  const seq = (counted ?? (await highestSeqOfDay(tx, prefix))) + 1;
  const firstSeq = (sequences.outbox ?? 0) + 1;
  const stored = boundTable(tx, 'counters').bulkPut([
    { name: caseDaySequence(sequences.businessDate), value: seq, prefix },
    { name: OUTBOX_SEQUENCE, value: firstSeq + opCount - 1 },
  ]);
  return { caseNumber: formatCaseNumber({ ...day, seq }), firstSeq, stored };
}

async function highestSeqOfDay(tx: Transaction, prefix: string): Promise<number> {
  // Four-digit sequences sort as text, so the day's highest number is the last key (one cursor step).
  const [last] = await boundTable(tx, 'cases').where('caseNumber').startsWith(prefix).reverse().limit(1).keys();
  return last === undefined ? 0 : (parseCaseNumber(String(last))?.seq ?? 0);
}

/** Reserves `count` outbox `seq`s, returning the first: contiguous from 1 for the life of the desk (ARCHITECTURE.md, "The sync contract"). */
export function reserveOutboxSeqs(tx: Transaction, count: number): Promise<number> {
  return reserve(tx, OUTBOX_SEQUENCE, count);
}

/** The sequence of a 文号 (see `domain/documentNumber.ts`): per 机关代字 and year, from 1. */
export function nextDocumentSeq(tx: Transaction, year: number, agencyCode: string): Promise<number> {
  if (!Number.isInteger(year)) throw new RangeError(`nextDocumentSeq: bad year ${year}`);
  return reserve(tx, `document:${year}:${agencyCode}`);
}

/**
 * After a restore, inside the caller's read-write transaction (covering `counters`): the outbox sequence
 * goes on above `hqLastSeq` (HQ holds ops the desk made after its backup), and the day sequences of case
 * numbers are forgotten, so the next case of a day starts above the highest number the desk then holds,
 * cases pulled back from HQ included (see `takeIntakeNumbers`).
 */
export async function continueSequencesAbove(tx: Transaction, hqLastSeq: number): Promise<void> {
  const counters = boundTable(tx, 'counters');
  const outbox = (await counters.get(OUTBOX_SEQUENCE))?.value ?? 0;
  if (outbox < hqLastSeq) await counters.put({ name: OUTBOX_SEQUENCE, value: hqLastSeq });
  await counters.where('name').startsWith(caseDaySequence('')).delete();
}
