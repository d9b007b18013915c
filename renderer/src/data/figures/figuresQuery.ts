import type { WorkingCalendar } from '../../domain/calendar';
import { caseFactsOf, decodeCaseFacts, type CaseFacts } from '../../domain/figures/caseFacts';
import { computeFigures, overdueLookbackDays, type FigureScope, type HallFigures } from '../../domain/figures/figures';
import { dateOfEpochDay, epochDayOf, figureRangeSchema, type FigureRange } from '../../domain/figures/ranges';
import type { DeskDatabase } from '../db';
import { caseFactsStore, type CaseFactsRow } from './caseFactsIndex';
import { readCaseFactsPass } from './caseFactsPass';

export interface FiguresQuery {
  range: FigureRange;
  scope: FigureScope;
  /** The business date the figures are made on. */
  today: string;
  calendar: WorkingCalendar;
}

export interface FiguresAnswer {
  figures: HallFigures;
  /** `index`: read from the plain facts lines; `scan`: every case opened, while the facts of older cases are still being written. */
  source: 'index' | 'scan';
  /** Facts lines that did not read back (another version's), left out. */
  unreadable: number;
  /** The windows and clerks that took cases in over the range, whatever the scope (the screen's choices). */
  desks: string[];
  clerks: string[];
}

function takersOf(facts: readonly CaseFacts[], range: FigureRange): Pick<FiguresAnswer, 'desks' | 'clerks'> {
  const desks = new Set<string>();
  const clerks = new Set<string>();
  for (const entry of facts) {
    if (entry.createdDay < range.from || entry.createdDay > range.to) continue;
    desks.add(entry.deskCode);
    clerks.add(entry.clerkId);
  }
  return { desks: [...desks].sort(), clerks: [...clerks].sort() };
}

/** The first intake day whose cases the figures read: the range, and the overdue trend's look back before it. */
function firstDayRead(range: FigureRange): string {
  return dateOfEpochDay(epochDayOf(range.from) - overdueLookbackDays);
}

/**
 * The facts of cases taken in from the look back to the range's end, read from the `caseFacts` store's keys
 * alone: one `getAllKeys` over a key range, nothing opened, nothing decrypted.
 */
export async function readFactsByIndex(db: DeskDatabase, range: FigureRange): Promise<{ facts: CaseFacts[]; unreadable: number }> {
  const lines = (await db
    .table<CaseFactsRow, string>(caseFactsStore)
    .where(':id')
    .between(firstDayRead(range), `${range.to}\uffff`, true, true)
    .primaryKeys()) as string[];
  const facts: CaseFacts[] = [];
  let unreadable = 0;
  for (const line of lines) {
    const decoded = decodeCaseFacts(line);
    if (decoded === null) unreadable += 1;
    else facts.push(decoded);
  }
  return { facts, unreadable };
}

/**
 * The same facts the slow way: every case taken in over the same days is read through the `createdAt` index
 * and opened (its sealed part decrypted), and its facts made from the row. The anchor the index is checked
 * against, and what the figures use while older cases' facts are still being written.
 */
export async function readFactsByScan(db: DeskDatabase, range: FigureRange): Promise<CaseFacts[]> {
  // createdAt is stored at +08:00, so the hall's days are ranges of its text.
  const rows = await db.cases.where('createdAt').between(firstDayRead(range), `${range.to}\uffff`, true, true).toArray();
  return rows.map((row) => caseFactsOf(row));
}

/** The hall's figures for the query: from the index, or by scan while the facts pass has not finished. */
export async function readFigures(db: DeskDatabase, query: FiguresQuery): Promise<FiguresAnswer> {
  const range = figureRangeSchema.parse(query.range);
  const options = { ...query, range };
  if ((await readCaseFactsPass(db)) !== null) {
    const facts = await readFactsByScan(db, range);
    return { figures: computeFigures(facts, options), source: 'scan', unreadable: 0, ...takersOf(facts, range) };
  }
  const { facts, unreadable } = await readFactsByIndex(db, range);
  return { figures: computeFigures(facts, options), source: 'index', unreadable, ...takersOf(facts, range) };
}

/** The figures by full scan, whatever the index holds (the bench's and the tests' anchor). */
export async function readFiguresByScan(db: DeskDatabase, query: FiguresQuery): Promise<HallFigures> {
  const range = figureRangeSchema.parse(query.range);
  return computeFigures(await readFactsByScan(db, range), { ...query, range });
}
