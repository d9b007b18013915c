import { createDraftCase } from '../../../../../renderer/src/data/cases';
import { closeDay, recordReconciliation, type DayReportDraft } from '../../../../../renderer/src/data/dayClose/closeDay';
import { readDaySnapshot, type DaySnapshot } from '../../../../../renderer/src/data/dayClose/snapshot';
import type { UnprintedReason } from '../../../../../renderer/src/domain/dayClose/unprintedReasons';
import type { DeskDatabase } from '../../../../../renderer/src/data/db';
import { sha256Hex } from '../../../../../renderer/src/domain/sha256';
import { nextDocumentNumber } from '../../../../../renderer/src/data/documentArchive/numbering';
import type { SignedInClerk } from '../../../../../renderer/src/domain/clerks/account';
import { startUpInput } from '../dataFixtures';
import { acceptedCase, fakePdf, unwrapResult, type IssuingDesk } from '../issuanceFixtures';

/** The business day the day-close specs work and close. */
export const day = '2026-11-02';

/** A draft and an accepted case on the day; every op still pending. */
export async function workedDay(desk: IssuingDesk) {
  const accepted = await acceptedCase(desk, '2026-11-02T09:00:00+08:00');
  const draft = unwrapResult(await createDraftCase(desk.db, startUpInput({ queueTicket: 'A024' }), { clerk: desk.clerk, at: '2026-11-02T11:00:00+08:00' }));
  return { accepted, draft };
}

/**
 * As if HQ had applied every op. Rewritten whole rather than updated: the outbox's update guard currently
 * takes array fields of a payload for edits (reported to the data helper).
 */
export async function markAllApplied(db: DeskDatabase) {
  await db.transaction('rw', db.outbox, async () => {
    const rows = await db.outbox.toArray();
    await db.outbox.clear();
    await db.outbox.bulkAdd(rows.map((row) => ({ ...row, state: 'applied' as const })));
  });
}

export async function reportDraft(desk: IssuingDesk, seed = 'report'): Promise<DayReportDraft> {
  const pdf = fakePdf(seed);
  return {
    documentNumber: unwrapResult(await nextDocumentNumber(desk.db, 'dayReport', '2026-11-02T17:30:00+08:00')),
    templateVersion: 'dayReport/1',
    pdf,
    sha256: await sha256Hex(pdf),
    printerName: 'DeskPDF',
    copies: 1,
  };
}

export async function reconcile(desk: IssuingDesk, snapshot: DaySnapshot, status: 'reconciled' | 'mismatch' = 'reconciled') {
  const response =
    status === 'reconciled'
      ? { status }
      : { status, differences: [{ field: 'lastSeq', desk: snapshot.lastSeq, hq: snapshot.lastSeq - 2 }], missing: { fromSeq: snapshot.lastSeq - 1, toSeq: snapshot.lastSeq } };
  return recordReconciliation(desk.db, { businessDate: day, lastSeq: snapshot.lastSeq, totals: snapshot.totals, response }, desk.clerk, new Date('2026-11-02T17:20:00+08:00'));
}

/** The worked day, every op applied by HQ and the day reconciled: ready for the chief's signature. */
export async function reconciledWorkedDay(desk: IssuingDesk) {
  const worked = await workedDay(desk);
  await markAllApplied(desk.db);
  const reconciled = await reconcile(desk, await readDaySnapshot(desk.db, day));
  if (!reconciled.ok) throw new Error(reconciled.message);
  return worked;
}

/** The chief's reason for each document the day left unprinted (the worked day's accepted case has two). */
export async function reasonsForUnprinted(desk: IssuingDesk, reason = '申请人已离开，文书改为邮寄送达'): Promise<UnprintedReason[]> {
  return (await readDaySnapshot(desk.db, day)).unprinted.map(({ caseId, eventSeq, kind }) => ({ caseId, eventSeq, kind, reason }));
}

/** The chief signs the day, giving a reason for every unprinted document unless `unprintedReasons` says otherwise. */
export async function sign(desk: IssuingDesk, chief: SignedInClerk = desk.chief, report?: DayReportDraft, unprintedReasons?: UnprintedReason[]) {
  const input = { businessDate: day, chief, signedAt: '2026-11-02T17:30:00+08:00', report: report ?? (await reportDraft(desk)) };
  return closeDay(desk.db, { ...input, unprintedReasons: unprintedReasons ?? (await reasonsForUnprinted(desk)) }, desk.clerk);
}
