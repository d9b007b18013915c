import type { Transaction } from 'dexie';
import { caseNumberDayPrefix, formatCaseNumber, parseCaseNumber, type CaseNumber } from '../domain/cases/caseNumber';
import type { DeskIdentity } from './desk';
import { boundTable } from './transaction';

/**
 * Gapless per-desk sequences. Each takes the caller's read-write transaction (which must cover
 * `counters`): the number is taken in the same transaction as the row that carries it, so a write that
 * fails gives its number back and the sequence never has a hole.
 */

/**
 * Reserves `count` consecutive values of the named counter and returns the first: 1 for a new counter,
 * or one above what `floorOfNew` finds when the counter does not exist yet.
 */
async function reserve(tx: Transaction, name: string, count = 1, floorOfNew: () => Promise<number> = async () => 0): Promise<number> {
  const counters = boundTable(tx, 'counters');
  const first = ((await counters.get(name))?.value ?? (await floorOfNew())) + 1;
  await counters.put({ name, value: first + count - 1 });
  return first;
}

/**
 * The next case number of this desk on `businessDate` (`{hall}{desk}-{yyyymmdd}-{seq}`). The day's
 * counter starts above any number of that day the database already holds (a reinstalled desk that pulled
 * its own cases back from HQ), so the unique index never refuses a fresh number. Needs `cases` too.
 */
export async function nextCaseNumber(tx: Transaction, desk: DeskIdentity, businessDate: string): Promise<CaseNumber> {
  const day = { hallCode: desk.hallCode, deskCode: desk.deskCode, businessDate };
  const prefix = caseNumberDayPrefix(day);
  // Only the day's first number looks at the cases; the counter is read once (each read is a round trip).
  const dayFloor = async () => {
    // Four-digit sequences sort as text, so the day's highest number is the last key (one cursor step).
    const [last] = await boundTable(tx, 'cases').where('caseNumber').startsWith(prefix).reverse().limit(1).keys();
    return last === undefined ? 0 : (parseCaseNumber(String(last))?.seq ?? 0);
  };
  return formatCaseNumber({ ...day, seq: await reserve(tx, `case:${prefix}`, 1, dayFloor) });
}

/** Reserves `count` outbox `seq`s, returning the first: contiguous from 1 for the life of the desk (DESIGN §4). */
export function reserveOutboxSeqs(tx: Transaction, count: number): Promise<number> {
  return reserve(tx, 'outbox', count);
}

/** The sequence of a 文号 (see `domain/documentNumber.ts`): per 机关代字 and year, from 1. */
export function nextDocumentSeq(tx: Transaction, year: number, agencyCode: string): Promise<number> {
  if (!Number.isInteger(year)) throw new RangeError(`nextDocumentSeq: bad year ${year}`);
  return reserve(tx, `document:${year}:${agencyCode}`);
}
