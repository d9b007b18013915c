import type { z } from 'zod';
import type { ClerkId } from '../domain/clerks/clerkId';
import { chinaIso } from './clock';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { requireDeskKeys } from './crypto/deskKeys';
import { requirePersonalDataStorableNow } from './keyProtection';
import type { IntakeDraftRow } from './records';
import { openStoredBlob, sealContexts, sealIntakeDraft } from './sealedBlobs';

const decoder = new TextDecoder();
/** What a draft that does not open reads as. */
const unreadable = Symbol('unreadable');

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

/** Keeps the clerk's form as it stands, sealed, replacing the draft saved before (a draft holds personal data too). */
export async function saveIntakeDraft(db: DeskDatabase, clerkId: ClerkId, values: unknown, at: Date = new Date()): Promise<void> {
  await requirePersonalDataStorableNow(db);
  const row = await sealIntakeDraft(clerkId, values, chinaIso(at));
  await guardStorage(() => db.intakeDrafts.put(row));
}

/** The values of a stored draft: opened when sealed, as stored when saved before sealing. */
async function draftValues(row: IntakeDraftRow): Promise<unknown> {
  if (row.sealed !== 1) return row.values;
  const plain = await openStoredBlob(row.values, 1, sealContexts.intakeDraft(row.clerkId));
  return JSON.parse(decoder.decode(plain)) as unknown;
}

/**
 * The clerk's draft, parsed by the form's own schema: storage is a boundary, and the form may have changed
 * since. A draft that does not open (damaged, or sealed for another clerk) is offered as lost; a page
 * without the data key is refused (a DataError), since then no draft could be read.
 */
export async function readIntakeDraft<T>(db: DeskDatabase, clerkId: ClerkId, schema: z.ZodType<T>): Promise<StoredIntakeDraft<T>> {
  await requireDeskKeys();
  const row = await guardStorage(() => db.intakeDrafts.get(clerkId));
  if (row === undefined) return { kind: 'none' };
  const values = await draftValues(row).catch(() => unreadable);
  const parsed = values === unreadable ? null : schema.safeParse(values);
  return parsed?.success === true ? { kind: 'restorable', values: parsed.data, savedAt: row.savedAt } : { kind: 'unreadable', savedAt: row.savedAt };
}

/** Removes the clerk's draft (taken in, discarded, or the form emptied); nothing stored is not an error. */
export async function discardIntakeDraft(db: DeskDatabase, clerkId: ClerkId): Promise<void> {
  await guardStorage(() => db.intakeDrafts.delete(clerkId));
}
