import type { z } from 'zod';
import type { ClerkId } from '../domain/clerks/clerkId';
import { chinaIso } from './clock';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { requirePersonalDataStorableNow } from './keyProtection';

/**
 * The intake form a clerk is typing, kept on this desk so that a crash, a lock or a restart loses nothing.
 * One draft per clerk, read back only by that clerk; never sent to HQ (no outbox op) and not an act of the
 * case (no audit entry): it becomes one when it is taken in.
 */

/** What a clerk finds on coming back: nothing, a draft to offer, or one the form of today cannot read. */
export type StoredIntakeDraft<T> =
  | { kind: 'none' }
  | { kind: 'restorable'; values: T; savedAt: string }
  /** Saved by an older form (a field since changed its shape) or damaged: offered as lost, never as values. */
  | { kind: 'unreadable'; savedAt: string };

/** Keeps the clerk's form as it stands, replacing the draft saved before (a draft holds personal data too). */
export async function saveIntakeDraft(db: DeskDatabase, clerkId: ClerkId, values: unknown, at: Date = new Date()): Promise<void> {
  await requirePersonalDataStorableNow(db);
  await guardStorage(() => db.intakeDrafts.put({ clerkId, values, savedAt: chinaIso(at) }));
}

/** The clerk's draft, parsed by the form's own schema: storage is a boundary, and the form may have changed since. */
export async function readIntakeDraft<T>(db: DeskDatabase, clerkId: ClerkId, schema: z.ZodType<T>): Promise<StoredIntakeDraft<T>> {
  const row = await guardStorage(() => db.intakeDrafts.get(clerkId));
  if (row === undefined) return { kind: 'none' };
  const parsed = schema.safeParse(row.values);
  return parsed.success ? { kind: 'restorable', values: parsed.data, savedAt: row.savedAt } : { kind: 'unreadable', savedAt: row.savedAt };
}

/** Removes the clerk's draft (taken in, discarded, or the form emptied); nothing stored is not an error. */
export async function discardIntakeDraft(db: DeskDatabase, clerkId: ClerkId): Promise<void> {
  await guardStorage(() => db.intakeDrafts.delete(clerkId));
}
