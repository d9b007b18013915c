import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { caseChecklist, recordChecklistItem } from '../../../../../renderer/src/data/caseChecklist';
import { applyCommand, createDraftCase } from '../../../../../renderer/src/data/cases';
import { readDaySnapshot } from '../../../../../renderer/src/data/dayClose/snapshot';
import type { OutboxRow } from '../../../../../renderer/src/data/records';
import { caseStatusCodes } from '../../../../../renderer/src/domain/cases/caseStatus';
import { newCaseId } from '../../../../../renderer/src/domain/cases/caseId';
import { newClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';
import { documentActions, type DocumentKind } from '../../../../../renderer/src/domain/documentEvents';
import type { OpId, SyncEntity, SyncOp } from '../../../../../renderer/src/protocol/ops';
import { closeDatabases, freshDatabase, startUpInput } from '../dataFixtures';
import { issuingDesk, unwrapResult } from '../issuanceFixtures';
import { day, workedDay } from './dayCloseFixtures';

afterEach(closeDatabases);

const clerkId = newClerkId();

/** An outbox row as a sync op of `entity` with `payload`, written directly: the totals read ops leniently, as sent. */
function opRow(seq: number, entity: SyncEntity, at: string, payload: Record<string, unknown>, entityId: string = uuidv7()): OutboxRow {
  const op = { opId: uuidv7() as OpId, seq, type: entity === 'case' ? 'upsert' : 'append', entity, entityId, payload, clerkId, at } as unknown as SyncOp;
  return { seq, opId: op.opId, entity, entityId, op, state: 'applied', attempts: 1, lastError: null, createdAt: at, sentAt: at, result: null };
}

describe('readDaySnapshot totals', () => {
  it('counts the day’s ops by last status per case, document action, licence serial and handover, in China time', async () => {
    const db = freshDatabase();
    const rows: OutboxRow[] = [];
    const add = (entity: SyncEntity, at: string, payload: Record<string, unknown>, entityId?: string) => rows.push(opRow(rows.length + 1, entity, at, payload, entityId));
    // One case ending the day in each status; one of them passes through two statuses first.
    const cases = caseStatusCodes.map(() => newCaseId());
    caseStatusCodes.forEach((code, i) => add('case', '2026-11-02T09:00:00+08:00', { status: { code }, matterCodes: ['M'] }, cases[i]));
    add('case', '2026-11-02T09:30:00+08:00', { status: { code: 'accepted' } }, cases[0]);
    add('case', '2026-11-02T09:40:00+08:00', { status: { code: 'drafting' } }, cases[0]);
    // A case op that sets no status counts for no status.
    add('case', '2026-11-02T09:45:00+08:00', { visits: 2 }, newCaseId());
    const kinds: DocumentKind[] = ['receipt', 'acceptanceNotice', 'licenceOriginal', 'licenceCopy', 'calibrationSheet'];
    for (const kind of kinds) for (const action of documentActions) add('documentEvent', '2026-11-02T10:00:00+08:00', { kind, action, caseId: null });
    add('licenceSheetEvent', '2026-11-02T10:10:00+08:00', { serial: 'B0002', action: 'used' });
    add('licenceSheetEvent', '2026-11-02T10:11:00+08:00', { serial: 'A0001', action: 'used' });
    add('licenceSheetEvent', '2026-11-02T10:12:00+08:00', { serial: 'A0001', action: 'voided' });
    add('licenceSheetEvent', '2026-11-02T10:13:00+08:00', { serial: 'A0002', action: 'used' });
    add('handover', '2026-11-02T11:00:00+08:00', { caseId: cases[9] });
    // Written in UTC: 16:30Z on the 1st is 00:30 on the 2nd in the hall, and 16:00Z on the 2nd is the 3rd.
    add('handover', '2026-11-01T16:30:00Z', { caseId: cases[9] });
    add('handover', '2026-11-02T16:00:00Z', { caseId: cases[9] });
    add('handover', '2026-11-01T23:59:00+08:00', { caseId: cases[9] });
    await db.outbox.bulkAdd(rows);

    const snapshot = await readDaySnapshot(db, day);
    expect(snapshot.lastSeq).toBe(rows.length);
    expect(snapshot.totals).toMatchObject({
      ops: rows.length - 2,
      casesByStatus: Object.fromEntries(caseStatusCodes.map((code) => [code, code === 'drafting' ? 1 : 1])),
      documents: { printed: kinds.length, reprinted: kinds.length, voided: kinds.length },
      licenceSheets: { used: ['A0001', 'A0002', 'B0002'], voided: ['A0001'] },
      handovers: 2,
    });
    expect(snapshot.blockers).toEqual([]);
  });
});

describe('readDaySnapshot of a worked day', () => {
  it('shows the day’s cases, drafts still open, documents not printed, and refuses while ops are unsynced', async () => {
    const desk = await issuingDesk();
    const { accepted, draft } = await workedDay(desk);
    const snapshot = await readDaySnapshot(desk.db, day);
    expect(snapshot.cases.map((line) => [line.caseNumber, line.statusCode])).toEqual([
      [accepted.caseNumber, 'accepted'],
      [draft.caseNumber, 'drafting'],
    ]);
    expect(snapshot.totals.casesByStatus).toEqual({ accepted: 1, drafting: 1 });
    expect(snapshot.totals.casesByMatter).toEqual(Object.fromEntries(accepted.matterCodes.map((code) => [code, 2])));
    expect(snapshot.drafting.map((line) => line.caseNumber)).toEqual([draft.caseNumber]);
    expect(snapshot.unprinted.map((doc) => [doc.caseNumber, doc.kind])).toEqual([
      [accepted.caseNumber, 'acceptanceNotice'],
      [accepted.caseNumber, 'receipt'],
    ]);
    expect(snapshot.outbox.pending).toBe(snapshot.lastSeq);
    expect(snapshot.blockers).toEqual([expect.objectContaining({ kind: 'unsynced', pending: snapshot.lastSeq, sending: 0 })]);
  });

  it('lists 容缺 materials due by the day that the checklist still records as deferred', async () => {
    const desk = await issuingDesk();
    const { db, clerk } = desk;
    const at = '2026-10-30T09:00:00+08:00';
    const row = unwrapResult(await createDraftCase(db, startUpInput(), { clerk, at }));
    const items = (await caseChecklist(db, row.id)).filter((item) => item.item.required && item.status === 'missing');
    const deferred = items.find((item) => item.item.deferrable);
    const received = items.filter((item) => item !== deferred);
    for (const item of received) unwrapResult(await recordChecklistItem(db, row.id, item.key, { status: 'received', form: item.item.form, copies: item.item.copies, pages: 1 }, { clerk, at }));
    unwrapResult(await recordChecklistItem(db, row.id, deferred!.key, { status: 'deferred', deferredUntil: '2026-11-02' }, { clerk, at }));
    unwrapResult(
      await applyCommand(db, row.id, { type: 'acceptWithDeferral', undertaking: '申请人承诺按期补交', deadlines: [{ materialKey: deferred!.key, deadline: '2026-11-02' }] }, { clerk, at }),
    );
    expect((await readDaySnapshot(db, '2026-11-01')).deferredDue).toEqual([]);
    expect((await readDaySnapshot(db, day)).deferredDue).toEqual([{ caseNumber: row.caseNumber, material: deferred!.item.name, deadline: '2026-11-02' }]);
  });
});
