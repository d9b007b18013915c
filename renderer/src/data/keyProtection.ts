import { z } from 'zod';
import type { SignedInClerk } from '../domain/clerks/account';
import { clerkIdSchema } from '../domain/clerks/clerkId';
import { writeWithAudit } from './audit';
import { requirePermission } from './clerks';
import { chinaIso } from './clock';
import { keyProtectionNow } from './crypto/deskKeys';
import { DataError, guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { dataMessages } from './messages';
import { Refusal, refusalsAsResults, type ChangeResult } from './refusal';

const m = dataMessages.keyProtection;
const ACKNOWLEDGED_KEY = 'fixedPasswordAcknowledged';

/** The admin's word that personal data may be stored although only a fixed password protects the key. */
const acknowledgementSchema = z.object({ at: z.string(), clerkId: clerkIdSchema, displayName: z.string() });
export type FixedPasswordAcknowledgement = z.infer<typeof acknowledgementSchema>;

/** The acknowledgement stored on this desk, or null (none, or a damaged row: the admin acknowledges again). */
export async function readFixedPasswordAcknowledgement(db: DeskDatabase): Promise<FixedPasswordAcknowledgement | null> {
  const parsed = acknowledgementSchema.safeParse((await guardStorage(() => db.meta.get(ACKNOWLEDGED_KEY)))?.value);
  return parsed.success ? parsed.data : null;
}

/**
 * The admin acknowledges, in 设置, that this desk's key is protected only by a fixed password (a Linux
 * without a key store), with an audit entry. Refused on a desk whose key a key store protects.
 */
export async function acknowledgeFixedPassword(
  db: DeskDatabase,
  actor: SignedInClerk,
  now: Date = new Date(),
): Promise<ChangeResult<FixedPasswordAcknowledgement>> {
  if (keyProtectionNow() !== 'fixedPassword') return { ok: false, message: m.notNeeded };
  const acknowledgement = { at: chinaIso(now), clerkId: actor.id, displayName: actor.displayName };
  const audit = { at: acknowledgement.at, clerkId: actor.id, action: 'desk.keyProtection.acknowledge', subject: 'desk', details: { protection: 'fixedPassword' } };
  return refusalsAsResults(() =>
    guardStorage(async () => {
      await writeWithAudit(db, [db.clerks], audit, async () => {
        await requirePermission(db, actor, 'settings.manage', dataMessages.clerks.notPermittedSettings);
        await db.meta.put({ key: ACKNOWLEDGED_KEY, value: acknowledgement });
      });
      return acknowledgement;
    }),
  );
}

/**
 * Inside a write of personal data (its transaction covers `meta`): refuses while the key is protected only
 * by a fixed password and the admin has not acknowledged it. Reads nothing on a desk with a key store, so
 * the write keeps its round trips.
 */
export async function requirePersonalDataStorable(db: DeskDatabase): Promise<void> {
  if (keyProtectionNow() !== 'fixedPassword') return;
  if (!acknowledgementSchema.safeParse((await db.meta.get(ACKNOWLEDGED_KEY))?.value).success) throw new Refusal(m.notAcknowledged);
}

/** Outside a transaction (a draft kept while the clerk types): the same refusal, as a DataError the form shows. */
export async function requirePersonalDataStorableNow(db: DeskDatabase): Promise<void> {
  if (keyProtectionNow() === 'fixedPassword' && (await readFixedPasswordAcknowledgement(db)) === null) throw new DataError(m.notAcknowledged);
}
