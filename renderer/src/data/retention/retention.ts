import type { SignedInClerk } from '../../domain/clerks/account';
import { closedAtOf, defaultRetentionDays, isPastRetention, retentionCutoff, retentionDaysSchema } from '../../domain/retention/retention';
import { writeWithAudit } from '../audit';
import { requirePermission } from '../clerks';
import { chinaIso } from '../clock';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import { dataMessages } from '../messages';
import type { CaseRow } from '../records';
import type { CaseId } from '../../domain/cases/caseId';
import { refusalsAsResults, type ChangeResult } from '../refusal';

const m = dataMessages.retention;
const RETENTION_KEY = 'blobRetentionDays';

/** The admin's retention period in days (0: never purge); the default until the admin sets one. */
export async function readRetentionDays(db: DeskDatabase): Promise<number> {
  const parsed = retentionDaysSchema.safeParse((await guardStorage(() => db.meta.get(RETENTION_KEY)))?.value);
  return parsed.success ? parsed.data : defaultRetentionDays;
}

/** Sets the retention period (admins only), with an audit entry. */
export async function saveRetentionDays(db: DeskDatabase, days: number, actor: SignedInClerk, now: Date = new Date()): Promise<ChangeResult<number>> {
  const parsed = retentionDaysSchema.safeParse(days);
  if (!parsed.success) return { ok: false, message: m.invalidDays };
  const audit = { at: chinaIso(now), clerkId: actor.id, action: 'settings.retention', subject: 'desk:retention', details: { days: parsed.data } };
  return refusalsAsResults(() =>
    guardStorage(async () => {
      await writeWithAudit(db, [db.clerks], audit, async () => {
        await requirePermission(db, actor, 'settings.manage', m.notPermitted);
        await db.meta.put({ key: RETENTION_KEY, value: parsed.data });
      });
      return parsed.data;
    }),
  );
}

/** One pass over the cases old enough to have closed before the cutoff, a batch of cases per step. */
export interface PurgeRound {
  readonly cutoff: Date;
  /** Cases (by `createdAt`, below the cutoff) already looked at. */
  offset: number;
  purgedScans: number;
  purgedDocuments: number;
}

/** A round for the period now in force, or null when the admin keeps everything (0 days). */
export async function startPurgeRound(db: DeskDatabase, now: Date): Promise<PurgeRound | null> {
  const cutoff = retentionCutoff(now, await readRetentionDays(db));
  return cutoff === null ? null : { cutoff, offset: 0, purgedScans: 0, purgedDocuments: 0 };
}

export const purgeBatchCases = 100;

const closedBefore = (row: CaseRow | undefined, cutoff: Date) => row !== undefined && isPastRetention(closedAtOf(row.state.status), cutoff);

/**
 * One batch of the purge, in one short transaction: of the next cases created before the cutoff, those
 * closed before it lose the local bytes of their scans and archived PDFs that HQ holds (`uploaded`); the
 * rows stay, with `purgedAt` and their SHA-256, so the bytes are fetched back when opened. A scan shared
 * with a case still within its period is kept. Resolves to whether cases are left for another batch.
 */
export async function purgeStep(db: DeskDatabase, round: PurgeRound, now: Date, batch = purgeBatchCases): Promise<boolean> {
  // Only a case created before the cutoff can have closed before it; `createdAt` never changes, so the
  // offset stays true between batches while new cases are taken in.
  const ids = await guardStorage(() => db.cases.where('createdAt').below(chinaIso(round.cutoff)).offset(round.offset).limit(batch).primaryKeys());
  round.offset += ids.length;
  if (ids.length === 0) return false;
  const at = chinaIso(now);
  await guardStorage(() =>
    db.transaction('rw', [db.cases, db.attachments, db.blobs, db.documents], async () => {
      const rows = await db.cases.bulkGet(ids);
      const expired = new Set<CaseId>(rows.filter((row) => closedBefore(row, round.cutoff)).map((row) => row!.id));
      if (expired.size === 0) return;
      const attachments = await db.attachments.where('caseId').anyOf([...expired]).toArray();
      for (const sha256 of new Set(attachments.map((attachment) => attachment.sha256))) {
        const blob = await db.blobs.get(sha256);
        if (blob === undefined || blob.uploaded !== 1 || blob.data === null) continue;
        const sharers = (await db.attachments.where('sha256').equals(sha256).toArray()).map((attachment) => attachment.caseId).filter((caseId) => !expired.has(caseId));
        if (sharers.length > 0 && !(await db.cases.bulkGet(sharers)).every((row) => closedBefore(row, round.cutoff))) continue;
        await db.blobs.put({ ...blob, data: null, purgedAt: at });
        round.purgedScans += 1;
      }
      const documents = await db.documents.where('caseId').anyOf([...expired]).toArray();
      for (const document of documents) {
        if (document.uploaded !== 1 || document.pdf === null) continue;
        await db.documents.put({ ...document, pdf: null, purgedAt: at });
        round.purgedDocuments += 1;
      }
    }),
  );
  return ids.length === batch;
}
