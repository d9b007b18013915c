import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentContent } from '../../../../../renderer/src/data/attachments';
import { archivedPdf } from '../../../../../renderer/src/data/documentArchive/archive';
import { purgeStep, readRetentionDays, saveRetentionDays, startPurgeRound, type PurgeRound } from '../../../../../renderer/src/data/retention/retention';
import { closeDatabases } from '../dataFixtures';
import { issuingDesk, unwrapResult, type IssuingDesk } from '../issuanceFixtures';
import { caseWithReceipt, caseWithScan, withdrawAt } from './retentionFixtures';

afterEach(closeDatabases);

/** A year and a bit after the cases below were closed (2026-11-27), with the default 365 days. */
const later = new Date('2027-12-15T09:00:00+08:00');
const longAgo = '2026-11-27T10:00:00+08:00';
const lastWeek = '2027-12-08T10:00:00+08:00';

async function purgeAll(desk: IssuingDesk, now = later, batch = 2): Promise<PurgeRound | null> {
  const round = await startPurgeRound(desk.db, now);
  if (round === null) return null;
  while (await purgeStep(desk.db, round, now, batch));
  return round;
}

const uploadScan = (desk: IssuingDesk, sha256: string) => desk.db.blobs.update(sha256, { uploaded: 1 });

describe('retention period', () => {
  it('is 365 days until the admin sets it; only an admin sets it, to whole days from 0', async () => {
    const desk = await issuingDesk();
    expect(await readRetentionDays(desk.db)).toBe(365);
    expect(await saveRetentionDays(desk.db, 30, desk.clerk)).toMatchObject({ ok: false, message: '只有管理员可以设置保留期限' });
    expect(await saveRetentionDays(desk.db, -1, desk.admin)).toMatchObject({ ok: false });
    expect(await saveRetentionDays(desk.db, 1.5, desk.admin)).toMatchObject({ ok: false });
    unwrapResult(await saveRetentionDays(desk.db, 30, desk.admin));
    expect(await readRetentionDays(desk.db)).toBe(30);
    expect((await desk.db.auditLog.toArray()).at(-1)).toMatchObject({ action: 'settings.retention', details: { days: 30 } });
  });
});

describe('purgeStep', () => {
  it('drops the bytes HQ holds of cases closed longer than the period, keeping each row with its SHA-256 and a purged mark', async () => {
    const desk = await issuingDesk();
    const old = await caseWithScan(desk, 'old scan');
    await uploadScan(desk, old.sha256);
    await withdrawAt(desk, old.row, longAgo);
    const printed = await caseWithReceipt(desk, 'old receipt');
    await desk.db.documents.update(printed.document.id, { uploaded: 1 });
    await withdrawAt(desk, printed.row, longAgo);

    const round = await purgeAll(desk);
    expect(round).toMatchObject({ purgedScans: 1, purgedDocuments: 1 });
    const blob = (await desk.db.blobs.get(old.sha256))!;
    expect(blob).toMatchObject({ sha256: old.sha256, data: null, uploaded: 1, purgedAt: '2027-12-15T09:00:00.000+08:00' });
    expect(await attachmentContent(desk.db, old.sha256)).toBeUndefined();
    expect(await desk.db.attachments.where('sha256').equals(old.sha256).count()).toBe(1);
    const document = (await desk.db.documents.get(printed.document.id))!;
    expect(document).toMatchObject({ sha256: printed.document.sha256, pdf: null, purgedAt: '2027-12-15T09:00:00.000+08:00' });
    expect(await archivedPdf(document)).toBeNull();
  });

  it('keeps what HQ does not hold yet, what closed within the period, open cases, and a scan shared with a case still kept', async () => {
    const desk = await issuingDesk();
    const notUploaded = await caseWithScan(desk, 'not uploaded');
    await withdrawAt(desk, notUploaded.row, longAgo);
    const recent = await caseWithScan(desk, 'recent');
    await uploadScan(desk, recent.sha256);
    await withdrawAt(desk, recent.row, lastWeek);
    const open = await caseWithScan(desk, 'open case');
    await uploadScan(desk, open.sha256);
    const shared = await caseWithScan(desk, 'shared page');
    await uploadScan(desk, shared.sha256);
    await withdrawAt(desk, shared.row, longAgo);
    const sharer = await caseWithScan(desk, 'shared page');
    await withdrawAt(desk, sharer.row, lastWeek);
    const notUploadedPdf = await caseWithReceipt(desk, 'receipt not uploaded');
    await withdrawAt(desk, notUploadedPdf.row, longAgo);

    expect(await purgeAll(desk)).toMatchObject({ purgedScans: 0, purgedDocuments: 0 });
    for (const sha256 of [notUploaded.sha256, recent.sha256, open.sha256, shared.sha256]) expect(await attachmentContent(desk.db, sha256)).toBeInstanceOf(Blob);
    expect(await archivedPdf((await desk.db.documents.get(notUploadedPdf.document.id))!)).toBeInstanceOf(Uint8Array);

    // Once the other case's period has run out as well, the shared page goes.
    expect(await purgeAll(desk, new Date('2028-12-15T09:00:00+08:00'))).toMatchObject({ purgedScans: 2 });
    expect(await attachmentContent(desk.db, shared.sha256)).toBeUndefined();
    expect(await attachmentContent(desk.db, notUploaded.sha256)).toBeInstanceOf(Blob);
  });

  it('purges nothing when the admin keeps everything (0 days), and counts a shorter period from the closing day', async () => {
    const desk = await issuingDesk();
    const old = await caseWithScan(desk, 'old scan');
    await uploadScan(desk, old.sha256);
    await withdrawAt(desk, old.row, longAgo);
    unwrapResult(await saveRetentionDays(desk.db, 0, desk.admin));
    expect(await purgeAll(desk)).toBeNull();
    expect(await attachmentContent(desk.db, old.sha256)).toBeInstanceOf(Blob);

    unwrapResult(await saveRetentionDays(desk.db, 30, desk.admin));
    expect(await purgeAll(desk, new Date('2026-12-20T09:00:00+08:00'))).toMatchObject({ purgedScans: 0 });
    expect(await purgeAll(desk, new Date('2026-12-28T09:00:00+08:00'))).toMatchObject({ purgedScans: 1 });
  });

  it('works through the cases a batch at a time and says when none are left', async () => {
    const desk = await issuingDesk();
    for (const text of ['a', 'b', 'c']) {
      const closed = await caseWithScan(desk, text);
      await uploadScan(desk, closed.sha256);
      await withdrawAt(desk, closed.row, longAgo);
    }
    const round = (await startPurgeRound(desk.db, later))!;
    expect(await purgeStep(desk.db, round, later, 2)).toBe(true);
    expect(round).toMatchObject({ offset: 2, purgedScans: 2 });
    expect(await purgeStep(desk.db, round, later, 2)).toBe(false);
    expect(round).toMatchObject({ offset: 3, purgedScans: 3 });
  });
});
