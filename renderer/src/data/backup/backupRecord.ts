import { z } from 'zod';
import type { SignedInClerk } from '../../domain/clerks/account';
import { appendAuditEntry, writeWithAudit } from '../audit';
import { requirePermission } from '../clerks';
import { chinaIso } from '../clock';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import { dataMessages } from '../messages';
import { refusalsAsResults, type ChangeResult } from '../refusal';

const KEEP_KEY = 'backup.keep';
const LAST_KEY = 'backup.last';

/** How many backups the folder keeps when the admin has not said. */
export const defaultBackupKeep = 7;
export const backupKeepSchema = z.int().min(1).max(100);

/** What the last backup did, shown in 设置 and on the day close page. */
export const lastBackupSchema = z.object({
  at: z.string(),
  trigger: z.enum(['manual', 'dayClose']),
  outcome: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), fileName: z.string() }), z.object({ ok: z.literal(false), message: z.string() })]),
});
export type LastBackup = z.infer<typeof lastBackupSchema>;

export async function readBackupKeep(db: DeskDatabase): Promise<number> {
  const parsed = backupKeepSchema.safeParse((await guardStorage(() => db.meta.get(KEEP_KEY)))?.value);
  return parsed.success ? parsed.data : defaultBackupKeep;
}

export async function readLastBackup(db: DeskDatabase): Promise<LastBackup | null> {
  const parsed = lastBackupSchema.safeParse((await guardStorage(() => db.meta.get(LAST_KEY)))?.value);
  return parsed.success ? parsed.data : null;
}

/** The admin sets how many backups the folder keeps, with an audit entry. */
export async function saveBackupKeep(db: DeskDatabase, keep: number, actor: SignedInClerk, now = new Date()): Promise<ChangeResult<number>> {
  const value = backupKeepSchema.parse(keep);
  const audit = { at: chinaIso(now), clerkId: actor.id, action: 'backup.keep', subject: 'desk', details: { keep: value } };
  return refusalsAsResults(() =>
    guardStorage(async () => {
      await writeWithAudit(db, [db.clerks], audit, async () => {
        await requirePermission(db, actor, 'settings.manage', dataMessages.clerks.notPermittedSettings);
        await db.meta.put({ key: KEEP_KEY, value });
      });
      return value;
    }),
  );
}

/**
 * Records what a backup did, in the audit log and as the last backup: a failed one at day close is shown
 * and audited, never in the way of closing the day.
 */
export async function recordBackup(db: DeskDatabase, last: LastBackup, actor: SignedInClerk | null): Promise<void> {
  const checked = lastBackupSchema.parse(last);
  await appendAuditEntry(db, {
    at: checked.at,
    clerkId: actor?.id ?? null,
    action: checked.outcome.ok ? 'backup.written' : 'backup.failed',
    subject: 'desk',
    details: { trigger: checked.trigger, ...(checked.outcome.ok ? { fileName: checked.outcome.fileName } : { message: checked.outcome.message }) },
  });
  await guardStorage(() => db.meta.put({ key: LAST_KEY, value: checked }));
}

/** The admin set or changed the backup passphrase (the passphrase itself is never stored). */
export async function recordPassphraseSet(db: DeskDatabase, actor: SignedInClerk, now = new Date()): Promise<void> {
  await appendAuditEntry(db, { at: chinaIso(now), clerkId: actor.id, action: 'backup.passphraseSet', subject: 'desk', details: {} });
}
