import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveDocument, voidDocument } from '../../../../renderer/src/data/documentArchive/archive';
import { flaggedCases, issuanceConflictTasks, noteIssuanceConflictsWithin } from '../../../../renderer/src/data/issuanceConflicts';
import { handOver } from '../../../../renderer/src/data/licenceIssuance';
import type { CaseRow } from '../../../../renderer/src/data/records';
import type { IssuanceConflict } from '../../../../renderer/src/domain/cases/caseRecord';
import { syncOpSchema } from '../../../../renderer/src/protocol/ops';
import { applicantId, closeDatabases } from './dataFixtures';
import { acceptedCase, awaitingIssuance, chiefLogin, issuingDesk, licenceDraft, printAt, unwrapResult, type IssuingDesk } from './issuanceFixtures';

afterEach(closeDatabases);

const flaggedAt = '2026-11-02T11:30:00.000+08:00';

/** A case this window (01) printed and handed over. */
async function issuedCase(desk: IssuingDesk): Promise<CaseRow> {
  const row = await awaitingIssuance(desk);
  unwrapResult(await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceOriginal', 'A5107000001'), { clerk: desk.clerk, at: printAt }));
  unwrapResult(await archiveDocument(desk.db, await licenceDraft(desk, row, 'licenceCopy', 'B5107000001'), { clerk: desk.clerk, at: printAt }));
  return unwrapResult(await handOver(desk.db, row.id, { role: 'applicant', name: '王小明', idNumber: applicantId }, { clerk: desk.clerk })).case;
}

/** HQ's flag as a pull stores it: on the case, and noted among the flagged cases, in one write. */
async function flag(desk: IssuingDesk, caseId: CaseRow['id'], conflict: IssuanceConflict | null): Promise<void> {
  await desk.db.transaction('rw', [desk.db.cases, desk.db.meta], async () => {
    const next = { ...(await desk.db.cases.get(caseId))!, issuanceConflict: conflict };
    await desk.db.cases.put(next);
    await noteIssuanceConflictsWithin(desk.db, [next]);
  });
}

const voidAt = (desk: IssuingDesk, id: string) => voidDocument(desk.db, id, '重复发证，已向申请人收回', chiefLogin, { clerk: desk.clerk });

describe('the 重复发证 task of the window that issued second', () => {
  it('lists its licences of the flagged case, lets the chief void them although handed over, and waits for HQ once all are voided', async () => {
    const desk = await issuingDesk();
    const row = await issuedCase(desk);
    await flag(desk, row.id, { deskCode: '01', at: flaggedAt });

    const [task] = await issuanceConflictTasks(desk.db);
    expect(task).toMatchObject({ row: { id: row.id, statusCode: 'completed' }, conflict: { deskCode: '01', at: flaggedAt } });
    expect(task!.sheets.map((sheet) => [sheet.kind, sheet.licenceSheetSerial])).toEqual([
      ['licenceOriginal', 'A5107000001'],
      ['licenceCopy', 'B5107000001'],
    ]);

    const outbox = await desk.db.outbox.count();
    unwrapResult(await voidAt(desk, task!.sheets[0]!.id));
    const sent = (await desk.db.outbox.orderBy('seq').toArray()).slice(outbox).map((stored) => syncOpSchema.parse(stored.op));
    // HQ clears its flag once the sheets' voids reach it.
    expect(sent.map((op) => op.entity)).toEqual(['documentEvent', 'licenceSheetEvent']);
    expect(sent[1]?.payload).toMatchObject({ serial: 'A5107000001', action: 'voided', caseId: row.id });
    expect((await issuanceConflictTasks(desk.db))[0]!.sheets.map((sheet) => sheet.licenceSheetSerial)).toEqual(['B5107000001']);

    unwrapResult(await voidAt(desk, task!.sheets[1]!.id));
    expect(await issuanceConflictTasks(desk.db)).toEqual([expect.objectContaining({ sheets: [] })]);

    await flag(desk, row.id, null);
    expect(await issuanceConflictTasks(desk.db)).toEqual([]);
    expect(await flaggedCases(desk.db)).toEqual([]);
  });

  it('shows the flag to every window, but gives no task to the window that issued first, whose handed-over licences stay valid', async () => {
    const desk = await issuingDesk();
    const row = await issuedCase(desk);
    await flag(desk, row.id, { deskCode: '02', at: flaggedAt });
    expect((await flaggedCases(desk.db)).map((flagged) => flagged.id)).toEqual([row.id]);
    expect(await issuanceConflictTasks(desk.db)).toEqual([]);
    const original = (await desk.db.documents.where('caseId').equals(row.id).toArray()).find((document) => document.kind === 'licenceOriginal')!;
    expect(await voidAt(desk, original.id)).toEqual({ ok: false, message: '办件已办结，不能作废已交付的证照' });
  });

  it('keeps the flags of other cases when one case is cleared', async () => {
    const desk = await issuingDesk();
    const first = await issuedCase(desk);
    const second = await acceptedCase(desk);
    await flag(desk, first.id, { deskCode: '02', at: flaggedAt });
    await flag(desk, second.id, { deskCode: '02', at: '2026-11-02T11:00:00.000+08:00' });
    expect((await flaggedCases(desk.db)).map((row) => row.id)).toEqual([second.id, first.id]);
    await flag(desk, second.id, null);
    expect((await flaggedCases(desk.db)).map((row) => row.id)).toEqual([first.id]);
  });
});
