import { addWorkingDaysOn, type WorkingCalendar } from '../../domain/calendar';
import { dueStatus, type DueStatus } from '../../domain/cases/dueStatus';
import { activeCalendar } from '../catalogueStore';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import type { CaseRow } from '../records';

/** The cases taken in on `date` (`YYYY-MM-DD`, the hall's day), in the order they came. */
export async function todaysQueue(db: DeskDatabase, date: string): Promise<CaseRow[]> {
  // Every createdAt is written at +08:00, so the day's cases are one range of the index.
  return guardStorage(() => db.cases.where('createdAt').startsWith(`${date}T`).toArray());
}

/** How a case should be highlighted on `today` (overdue, near due, on time, or no clock running). */
export function caseDueStatus(row: CaseRow, today: string, calendar: WorkingCalendar): DueStatus {
  return dueStatus(row.state, today, (start, n) => addWorkingDaysOn(calendar, start, n));
}

export interface DueCase {
  case: CaseRow;
  dueStatus: Extract<DueStatus, 'overdue' | 'nearDue'>;
}

/**
 * Cases whose promised date has passed or falls within the next working day, most urgent first, read
 * from the due-date index (cases with no running clock have '' there and are not in the range).
 */
export async function dueCases(db: DeskDatabase, today: string, limit = 200): Promise<DueCase[]> {
  const calendar = (await activeCalendar(db)).data;
  const horizon = addWorkingDaysOn(calendar, today, 1);
  const rows = await guardStorage(() => db.cases.where('dueDate').between('0000-01-01', horizon, true, true).limit(limit).toArray());
  return rows.flatMap((row): DueCase[] => {
    const status = caseDueStatus(row, today, calendar);
    return status === 'overdue' || status === 'nearDue' ? [{ case: row, dueStatus: status }] : [];
  });
}
