import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAuditEntry } from '../../../../renderer/src/data/audit';
import { acknowledgeHqAuditAlert, auditAnchorPoints, readHqAuditAlert, recordAuditAnswer } from '../../../../renderer/src/data/auditAnchors';
import { GENESIS_HASH } from '../../../../renderer/src/domain/audit/auditEntry';
import { addAccount, closeDatabases, freshDatabase } from './dataFixtures';

afterEach(closeDatabases);

const now = new Date('2026-11-28T02:00:00Z');

async function deskWithEntries(count: number) {
  const db = freshDatabase();
  const chief = await addAccount(db, 'chief', '首席');
  for (let i = 0; i < count; i += 1) {
    await appendAuditEntry(db, { at: '2026-11-28T10:00:00+08:00', clerkId: chief.id, action: 'clerk.signIn', subject: `clerk:${chief.id}`, details: { i } });
  }
  return { db, chief };
}

describe('audit anchor points', () => {
  it('states only the head before HQ named a seq, and nothing for an empty log', async () => {
    expect(await auditAnchorPoints(freshDatabase())).toEqual({});
    const { db } = await deskWithEntries(2);
    const head = await db.auditLog.orderBy('seq').last();
    expect(await auditAnchorPoints(db)).toEqual({ auditHead: { seq: head!.seq, hash: head!.hash } });
  });

  it('states the hash the log has now at the seq HQ named in its last answer', async () => {
    const { db } = await deskWithEntries(3);
    await recordAuditAnswer(db, { anchorSeq: 2 }, now);
    await appendAuditEntry(db, { at: '2026-11-28T10:05:00+08:00', clerkId: null, action: 'clerk.signIn', subject: 'clerk:x', details: {} });
    const points = await auditAnchorPoints(db);
    expect(points.anchor).toEqual({ seq: 2, hash: (await db.auditLog.get(2))!.hash });
    expect(points.auditHead?.seq).toBe(await db.auditLog.count());

    // A rewritten entry at the anchored seq is stated as it is now, so HQ sees the difference.
    await db.auditLog.update(2, { hash: 'f'.repeat(64) });
    expect((await auditAnchorPoints(db)).anchor).toEqual({ seq: 2, hash: 'f'.repeat(64) });
  });

  it('states the chain start value at an anchored seq the log no longer has', async () => {
    const { db } = await deskWithEntries(3);
    await recordAuditAnswer(db, { anchorSeq: 2 }, now);
    await db.auditLog.delete(2);
    expect((await auditAnchorPoints(db)).anchor).toEqual({ seq: 2, hash: GENESIS_HASH });
  });

  it('keeps the seq of the last answer that named one', async () => {
    const { db } = await deskWithEntries(3);
    await recordAuditAnswer(db, { anchorSeq: 3 }, now);
    await recordAuditAnswer(db, {}, now);
    expect((await auditAnchorPoints(db)).anchor?.seq).toBe(3);
    await expect(recordAuditAnswer(db, { anchorSeq: 0 }, now)).rejects.toThrow();
  });
});

describe("HQ's audit alert", () => {
  it('is noted with an audit entry when HQ answers auditAlert, and only then', async () => {
    const { db } = await deskWithEntries(1);
    await recordAuditAnswer(db, { anchorSeq: 1, auditAlert: false }, now);
    expect(await readHqAuditAlert(db)).toBeNull();
    await recordAuditAnswer(db, { anchorSeq: 1, auditAlert: true }, now);
    expect(await readHqAuditAlert(db)).toEqual({ at: '2026-11-28T10:00:00.000+08:00' });
    expect(await db.auditLog.orderBy('seq').last()).toMatchObject({ action: 'audit.hqAlert', clerkId: null, details: { anchorSeq: 1 } });
  });

  it('is acknowledged by a chief (audited) and refused to a clerk', async () => {
    const { db, chief } = await deskWithEntries(1);
    const clerk = await addAccount(db, 'clerk', '受理员');
    await recordAuditAnswer(db, { auditAlert: true }, now);
    expect(await acknowledgeHqAuditAlert(db, clerk, now)).toEqual({ ok: false, message: expect.stringContaining('首席代表') });
    expect(await readHqAuditAlert(db)).not.toBeNull();
    expect(await acknowledgeHqAuditAlert(db, chief, now)).toEqual({ ok: true, value: undefined });
    expect(await readHqAuditAlert(db)).toBeNull();
    expect(await db.auditLog.orderBy('seq').last()).toMatchObject({ action: 'audit.hqAlertAcknowledged', clerkId: chief.id });
  });
});
