import { formatChineseDate } from '../chineseDate';
import { dayCloseMessages } from './messages';

/**
 * A day the chief has signed stays closed: its report is archived and HQ reconciled its figures, so no
 * further work may be counted in it. Work dated on a closed business day is refused until the date
 * turns rather than moved to the next day: a clerk sees at once why, and a case number, a decision or a
 * printed notice never carries a date other than the day it was done.
 *
 * `workDates` are the business dates of the work to write; `closedDates` the days already signed.
 * Returns the refusal for the first closed one, or null when the work may be written.
 */
export function closedDayRefusal(workDates: Iterable<string>, closedDates: ReadonlySet<string>): string | null {
  for (const date of workDates) if (closedDates.has(date)) return dayCloseMessages.dayClosedForWork(formatChineseDate(date));
  return null;
}
