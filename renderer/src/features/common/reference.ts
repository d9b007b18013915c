import { addWorkingDaysOn } from '../../domain/calendar';
import type { AddWorkingDays } from '../../domain/cases/caseStateMachine';
import type { Catalogue } from '../../domain/catalogue/schema';
import { activeCalendar, activeCatalogue } from '../../data/catalogueStore';
import { deskDatabase } from '../../data/db';

/** The reference data the counter screens work from: the catalogue and the working-day calendar in force. */
export interface CounterReference {
  catalogue: Catalogue;
  catalogueVersion: string;
  addWorkingDays: AddWorkingDays;
}

export async function loadCounterReference(): Promise<CounterReference> {
  const db = deskDatabase();
  const [catalogue, calendar] = await Promise.all([activeCatalogue(db), activeCalendar(db)]);
  return {
    catalogue: catalogue.data,
    catalogueVersion: catalogue.version,
    addWorkingDays: (start, n) => addWorkingDaysOn(calendar.data, start, n),
  };
}
