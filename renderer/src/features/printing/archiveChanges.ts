import { useSyncExternalStore } from 'react';

/**
 * Screens that list archived documents (a decision's print buttons, a case's document list, the issuing
 * window) learn here that a print, reprint or void was recorded anywhere in the app, and read again.
 */
let version = 0;
const listeners = new Set<() => void>();

export function announceArchiveChange(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A number that changes each time the archive changes: put it in a loader's inputs to reload. */
export function useArchiveVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
