import { z } from 'zod';
import { GENESIS_HASH, type AuditHead } from '../domain/audit/auditEntry';
import { isoDateTimeSchema } from '../domain/chineseDate';
import { readAuditHead, writeWithAudit } from './audit';
import { requirePermission } from './clerks';
import { chinaIso } from './clock';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import type { SignedInClerk } from '../domain/clerks/account';
import { dataMessages } from './messages';
import { refusalsAsResults, type ChangeResult } from './refusal';

/**
 * The desk's side of HQ's audit anchors: HQ keeps the audit heads the desk reports with each push and
 * close-day, names one of them in its answer (`anchorSeq`), and the next request states the hash the log
 * has at that seq now. When HQ answers that the log does not continue what it reported, the desk keeps a
 * note for the chief and admin until one of them acknowledges it.
 */

const ANCHOR_SEQ_KEY = 'audit.anchorSeq';
const HQ_ALERT_KEY = 'audit.hqAlert';
const anchorSeqSchema = z.int().min(1);
const hqAlertSchema = z.object({ at: isoDateTimeSchema });
export type HqAuditAlert = z.infer<typeof hqAlertSchema>;

/** What a request to HQ states of the audit log. */
export interface AuditAnchorPoints {
  auditHead?: AuditHead;
  anchor?: AuditHead;
}

/**
 * The head, and the hash the log has now at the seq HQ last named, read together so a write in between
 * cannot split them. A log without an entry there states the chain's start value, which no entry's hash
 * equals, so HQ notices the gap.
 */
export function auditAnchorPoints(db: DeskDatabase): Promise<AuditAnchorPoints> {
  return guardStorage(() =>
    db.transaction('r', [db.auditLog, db.meta], async () => {
      const stored = anchorSeqSchema.safeParse((await db.meta.get(ANCHOR_SEQ_KEY))?.value);
      const head = await readAuditHead(db);
      const anchorSeq = stored.success ? stored.data : null;
      const anchored = anchorSeq === null ? undefined : await db.auditLog.get(anchorSeq);
      return {
        ...(head !== null && { auditHead: head }),
        ...(anchorSeq !== null && { anchor: { seq: anchorSeq, hash: anchored?.hash ?? GENESIS_HASH } }),
      };
    }),
  );
}

/**
 * Keeps what HQ answered: the seq to anchor at next, and, when HQ raised an alert, an audited note for the
 * chief and admin (the alert does not stop anything).
 */
export async function recordAuditAnswer(db: DeskDatabase, answer: { anchorSeq?: number | undefined; auditAlert?: boolean | undefined }, now: Date): Promise<void> {
  if (answer.anchorSeq !== undefined) {
    const anchorSeq = anchorSeqSchema.parse(answer.anchorSeq);
    await guardStorage(() => db.meta.put({ key: ANCHOR_SEQ_KEY, value: anchorSeq }));
  }
  if (answer.auditAlert !== true) return;
  const at = chinaIso(now);
  const audit = { at, clerkId: null, action: 'audit.hqAlert', subject: 'audit:hq', details: { anchorSeq: answer.anchorSeq ?? null } };
  await guardStorage(() => writeWithAudit(db, [], audit, () => db.meta.put({ key: HQ_ALERT_KEY, value: hqAlertSchema.parse({ at }) })));
}

/** HQ's alert not yet acknowledged, or null. */
export async function readHqAuditAlert(db: DeskDatabase): Promise<HqAuditAlert | null> {
  const parsed = hqAlertSchema.safeParse((await guardStorage(() => db.meta.get(HQ_ALERT_KEY)))?.value);
  return parsed.success ? parsed.data : null;
}

/** A chief or admin has seen HQ's alert: the note goes, with an audit entry saying who took it. */
export function acknowledgeHqAuditAlert(db: DeskDatabase, clerk: SignedInClerk, now: Date): Promise<ChangeResult<void>> {
  const audit = { at: chinaIso(now), clerkId: clerk.id, action: 'audit.hqAlertAcknowledged', subject: 'audit:hq', details: {} };
  return refusalsAsResults(() =>
    guardStorage(async () => {
      await writeWithAudit(db, [db.clerks], audit, async () => {
        await requirePermission(db, clerk, 'audit.view', dataMessages.audit.notPermitted);
        await db.meta.delete(HQ_ALERT_KEY);
      });
    }),
  );
}
