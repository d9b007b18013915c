import { addWorkingDaysOn } from '../../domain/calendar';
import type { AddWorkingDays } from '../../domain/cases/caseStateMachine';
import type { Catalogue } from '../../domain/catalogue/schema';
import { activeCalendar, activeCatalogue, activeGreenCards } from '../../data/catalogueStore';
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

/**
 * Makes the reference data ready to read: the first read of each kind installs the version shipped with the
 * app when the desk has none (or an older shipped one), which is a write. Screens read stored data inside
 * live queries, where Dexie refuses writes, so the desk runs this once before it shows any screen; later
 * reads come from the catalogue store's memory.
 */
export async function installReferenceData(): Promise<void> {
  const db = deskDatabase();
  await Promise.all([activeCatalogue(db), activeCalendar(db), activeGreenCards(db)]);
}
