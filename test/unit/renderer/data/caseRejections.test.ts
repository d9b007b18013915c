import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { followUpRejectedOp, openCaseRejections, openRejectionsByCase, waitingRejectionCount } from '../../../../renderer/src/data/caseRejections';
import { createDraftCase } from '../../../../renderer/src/data/cases';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import { updateIntake } from '../../../../renderer/src/data/intakeCorrection';
import { markInFlight, recordResults } from '../../../../renderer/src/data/outbox';
import { syncOpSchema } from '../../../../renderer/src/protocol/ops';
import { closeDatabases, readyDesk, startUpInput } from './dataFixtures';

afterEach(closeDatabases);

const reason = '市级系统暂不受理该办件：申请人信息与公安核验结果不一致';

/** Sends every op still pending and has HQ reject the one at `seq` (and apply the others). */
async function hqRejects(db: DeskDatabase, seq: number) {
  const rows = await db.outbox.where('state').equals('pending').toArray();
  await markInFlight(db, rows, '2026-11-02T09:05:00+08:00');
  await recordResults(
    db,
    rows.map((row) => (row.seq === seq ? { opId: row.opId, seq: row.seq, status: 'rejected' as const, reason } : { opId: row.opId, seq: row.seq, status: 'applied' as const, serverVersion: 1 })),
  );
}

async function rejectedCase() {
  const desk = await readyDesk();
  const row = await createDraftCase(desk.db, startUpInput(), { clerk: desk.clerk, at: '2026-11-02T09:00:00+08:00' });
  if (!row.ok) throw new Error(row.message);
  const caseOp = (await desk.db.outbox.toArray()).find((entry) => entry.op.entity === 'case')!;
  await hqRejects(desk.db, caseOp.seq);
  return { ...desk, caseId: row.value.id, seq: caseOp.seq };
}

describe('rejections on the case', () => {
  it('marks the case of an op HQ rejected, with HQ’s reason, until the clerk follows it up', async () => {
    const { db, caseId, seq } = await rejectedCase();
    const open = await openCaseRejections(db, caseId);
    expect(open.map((row) => [row.seq, row.result?.reason])).toEqual([[seq, reason]]);
    expect([...(await openRejectionsByCase(db)).keys()]).toEqual([caseId]);
  });

  it('sends the op again with the case as it now stands, records the follow-up on the timeline and clears the mark', async () => {
    const { db, clerk, caseId, seq } = await rejectedCase();
    const corrected = await updateIntake(db, caseId, { queueTicket: 'B-106' }, { clerk });
    expect(corrected.ok).toBe(true);
    const before = await db.outbox.count();
    const result = await followUpRejectedOp(db, caseId, { seq, action: 'resent', reason: null }, { clerk, at: '2026-11-02T09:30:00+08:00' });
    expect(result.ok).toBe(true);
    const added = (await db.outbox.orderBy('seq').toArray()).slice(before).map((row) => row.op);
    for (const op of added) expect(syncOpSchema.safeParse(op).success).toBe(true);
    expect(added.map((op) => op.entity)).toEqual(['case', 'caseEvent']);
    // The creation again, with the queue ticket corrected since.
    expect(added[0]).toMatchObject({ entityId: caseId, payload: { queueTicket: 'B-106', createdAt: expect.any(String) } });
    expect(added[1]).toMatchObject({ payload: { event: { type: 'rejectionHandled', opSeq: seq, action: 'resent', reason: null } } });
    expect(await openCaseRejections(db, caseId)).toEqual([]);
    expect((await db.auditLog.orderBy('seq').last())!).toMatchObject({ action: 'case.followUpRejection', details: { opSeq: seq, action: 'resent' } });
    // Rejected again: a new mark, for the new op.
    await hqRejects(db, before + 1);
    expect((await openCaseRejections(db, caseId)).map((row) => row.seq)).toEqual([before + 1]);
  });

  it('gives an op up only with a reason, once, and refuses an op that is not this case’s rejection', async () => {
    const { db, clerk, caseId, seq } = await rejectedCase();
    const before = await db.outbox.count();
    expect(await followUpRejectedOp(db, caseId, { seq, action: 'dismissed', reason: '  ' }, { clerk })).toEqual({ ok: false, message: '不再发送须写明原因' });
    expect(await followUpRejectedOp(db, caseId, { seq: seq + 1, action: 'dismissed', reason: '重复' }, { clerk })).toEqual({ ok: false, message: '这条数据没有被市级系统退回' });
    expect(await db.outbox.count()).toBe(before);
    expect((await followUpRejectedOp(db, caseId, { seq, action: 'dismissed', reason: '已电话与市级系统核对，改由市级系统补录' }, { clerk })).ok).toBe(true);
    const last = (await db.outbox.orderBy('seq').last())!.op;
    expect(last).toMatchObject({ entity: 'caseEvent', payload: { event: { type: 'rejectionHandled', action: 'dismissed', reason: '已电话与市级系统核对，改由市级系统补录' } } });
    expect(await openRejectionsByCase(db)).toEqual(new Map());
    expect(await followUpRejectedOp(db, caseId, { seq, action: 'resent', reason: null }, { clerk })).toEqual({ ok: false, message: '这条被退回的数据已处理过' });
  });

  it('leaves a rejected follow-up in the outbox only, rather than ask for a follow-up of it', async () => {
    const { db, clerk, caseId, seq } = await rejectedCase();
    await followUpRejectedOp(db, caseId, { seq, action: 'dismissed', reason: '改由市级系统补录' }, { clerk });
    await hqRejects(db, (await db.outbox.orderBy('seq').last())!.seq);
    expect(await openRejectionsByCase(db)).toEqual(new Map());
  });

  it('counts a rejected op as waiting until it is followed up, though the outbox keeps it as HQ answered', async () => {
    const { db, clerk, caseId, seq } = await rejectedCase();
    expect(await waitingRejectionCount(db)).toBe(1);
    await followUpRejectedOp(db, caseId, { seq, action: 'resent', reason: null }, { clerk });
    expect(await waitingRejectionCount(db)).toBe(0);
    expect(await db.outbox.where('state').equals('rejected').count()).toBe(1);
  });

  it('keeps counting a rejected follow-up, which is settled in the outbox only', async () => {
    const { db, clerk, caseId, seq } = await rejectedCase();
    await followUpRejectedOp(db, caseId, { seq, action: 'dismissed', reason: '改由市级系统补录' }, { clerk });
    await hqRejects(db, (await db.outbox.orderBy('seq').last())!.seq);
    expect(await waitingRejectionCount(db)).toBe(1);
  });
});
