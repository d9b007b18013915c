import type { SignedInClerk } from '../domain/clerks/account';
import { checkDeskIdentity, deskIdentitySchema, type DeskIdentity } from '../domain/desk';
import { writeWithAudit } from './audit';
import { chinaIso } from './clock';
import { requirePermission } from './clerks';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { dataMessages } from './messages';
import { Refusal, refusalsAsResults, type ChangeResult } from './refusal';

/**
 * For development, end-to-end tests and benchmarks only: hall MY (绵阳, the catalogue's region 510700),
 * desk 01. The app never falls back to it; a desk without an identity refuses to take cases in.
 */
export const developmentDeskIdentity: DeskIdentity = { hallCode: 'MY', deskCode: '01' };

const IDENTITY_KEY = 'deskIdentity';

/** The stored identity, or null before first-run setup (or when the stored row is damaged). */
export async function readDeskIdentity(db: DeskDatabase): Promise<DeskIdentity | null> {
  const parsed = deskIdentitySchema.safeParse((await guardStorage(() => db.meta.get(IDENTITY_KEY)))?.value);
  return parsed.success ? parsed.data : null;
}

/** Inside a write: the identity, or a refusal telling the clerk to finish first-run setup. */
export async function requireDeskIdentity(db: DeskDatabase): Promise<DeskIdentity> {
  const parsed = deskIdentitySchema.safeParse((await db.meta.get(IDENTITY_KEY))?.value);
  if (!parsed.success) throw new Refusal(dataMessages.desk.notSet);
  return parsed.data;
}

/** Sets the identity (admins only), with an audit entry. */
export async function saveDeskIdentity(
  db: DeskDatabase,
  identity: DeskIdentity,
  actor: SignedInClerk,
  now: Date = new Date(),
): Promise<ChangeResult<DeskIdentity, keyof DeskIdentity>> {
  const checked = checkDeskIdentity(identity);
  if (!checked.ok) return checked;
  const input = { at: chinaIso(now), clerkId: actor.id, action: 'desk.identity', subject: 'desk', details: { ...checked.identity } };
  return refusalsAsResults(() =>
    guardStorage(async () => {
      await writeWithAudit(db, [db.clerks], input, async () => {
        await requirePermission(db, actor, 'settings.manage', dataMessages.clerks.notPermittedSettings);
        await db.meta.put({ key: IDENTITY_KEY, value: checked.identity });
      });
      return checked.identity;
    }),
  );
}
