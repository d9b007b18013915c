import { useEffect, useState, useSyncExternalStore } from 'react';
import { addWorkingDaysOn } from '../../domain/calendar';
import type { AddWorkingDays } from '../../domain/cases/caseStateMachine';
import type { Catalogue } from '../../domain/catalogue/schema';
import { activeCalendar, activeCatalogue, activeGreenCards } from '../../data/catalogueStore';
import { deskDatabase } from '../../data/db';
import type { GreenCardList } from '../../data/greenCards';
import { failureMessage } from './useStoredData';

/** The reference data the counter screens work from: the catalogue and the working-day calendar in force. */
export interface CounterReference {
  catalogue: Catalogue;
  catalogueVersion: string;
  addWorkingDays: AddWorkingDays;
}

/**
 * Comes from the catalogue store's memory, which no live query observes: a screen keeps the reference it
 * opened with, and a catalogue or calendar HQ sends is used from the next screen on.
 */
export async function loadCounterReference(): Promise<CounterReference> {
  const db = deskDatabase();
  const [catalogue, calendar] = await Promise.all([activeCatalogue(db), activeCalendar(db)]);
  return {
    catalogue: catalogue.data,
    catalogueVersion: catalogue.version,
    addWorkingDays: (start, n) => addWorkingDaysOn(calendar.data, start, n),
  };
}

/*
 * The first read of a kind of reference data installs the version shipped with the app when the desk has none
 * (or an older shipped one): a write, which Dexie refuses inside the live queries screens read through. So each
 * kind is first read outside one, about when it always was: the catalogue and calendar while the clerk signs
 * in (every counter screen starts from them; the desk shows its screens once they are in), the green-card list
 * where it is used. Later reads come from the catalogue store's memory, and a version HQ sends replaces it there.
 */

export type ReferenceInstall = { state: 'installing' } | { state: 'installed' } | { state: 'failed'; message: string };

let install: ReferenceInstall = { state: 'installing' };
let installStarted = false;
const installListeners = new Set<() => void>();

function settleInstall(next: ReferenceInstall): void {
  install = next;
  for (const listener of installListeners) listener();
}

/** Installs the catalogue and calendar, once per run of the app (again after a failure). */
export function startReferenceInstall(): void {
  if (installStarted) return;
  installStarted = true;
  settleInstall({ state: 'installing' });
  const db = deskDatabase();
  Promise.all([activeCatalogue(db), activeCalendar(db)]).then(
    () => settleInstall({ state: 'installed' }),
    (error: unknown) => {
      installStarted = false;
      settleInstall({ state: 'failed', message: failureMessage(error) });
    },
  );
}

function subscribeToInstall(listener: () => void): () => void {
  installListeners.add(listener);
  return () => installListeners.delete(listener);
}

/** Where the install stands, read synchronously: one finished while the clerk signed in shows the screens at once. */
export function useReferenceInstall(): ReferenceInstall {
  return useSyncExternalStore(subscribeToInstall, () => install);
}

/** Before a screen whose live read looks green cards up (the intake correction); its failure shows in that read. */
export function installGreenCards(): void {
  activeGreenCards(deskDatabase()).catch(() => undefined);
}

/**
 * The green-card list in force, read outside any live query (its first read may install the shipped list, a
 * write). Null while it loads or when it cannot be read: screens then order by the case's own green-card
 * mark and show no 专员, rather than hold the queue back.
 */
export function useGreenCards(): GreenCardList | null {
  const [cards, setCards] = useState<GreenCardList | null>(null);
  useEffect(() => {
    let current = true;
    activeGreenCards(deskDatabase()).then(
      (active) => {
        if (current) setCards(active.data);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return cards;
}
