import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { appendOps, markSendFailed, markSent, opsInState, outboxCounts, pendingOps, recordResults, type OpDraft } from '../../../../renderer/src/data/outbox';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import { Refusal } from '../../../../renderer/src/data/refusal';
import { newCaseId } from '../../../../renderer/src/domain/cases/caseId';
import { newClerkId } from '../../../../renderer/src/domain/clerks/clerkId';
import type { OpId } from '../../../../renderer/src/sync/protocol';
import { closeDatabases, freshDatabase } from './dataFixtures';

afterEach(closeDatabases);

const clerkId = newClerkId();
const caseId = newCaseId();
const at = '2026-11-28T09:00:00.000+08:00';
const event = (seq: number): OpDraft => ({
  entity: 'caseEvent',
  entityId: uuidv7(),
  payload: { caseId, event: { type: 'opened', seq, at, clerkId } },
  clerkId,
  at,
});
const badOp: OpDraft = { entity: 'case', entityId: caseId, payload: {}, clerkId, at };

async function append(db: DeskDatabase, drafts: OpDraft[]) {
  return db.transaction('rw', [db.outbox, db.counters], (tx) => appendOps(tx, drafts));
}

describe('appendOps', () => {
  it('gives each op an id and the next seq, contiguous from 1, pending and never tried', async () => {
    const db = freshDatabase();
    await append(db, [event(1), event(2)]);
    await append(db, [event(3)]);
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((row) => [row.seq, row.op.seq, row.state, row.attempts])).toEqual([
      [1, 1, 'pending', 0],
      [2, 2, 'pending', 0],
      [3, 3, 'pending', 0],
    ]);
    expect(new Set(rows.map((row) => row.opId)).size).toBe(3);
  });

  it('keeps seq contiguous when writers race', async () => {
    const db = freshDatabase();
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(db, [event(i + 1)])));
    expect((await db.outbox.orderBy('seq').keys()).map(Number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('refuses a batch holding an op HQ could never accept, before writing any of it', async () => {
    const db = freshDatabase();
    await expect(append(db, [event(1), badOp])).rejects.toBeInstanceOf(Refusal);
    expect(await db.outbox.count()).toBe(0);
    await append(db, [event(1)]);
    expect((await db.outbox.toArray())[0]!.seq).toBe(1);
  });

  it('only runs inside a read-write transaction, so an op can never commit without its data', async () => {
    const db = freshDatabase();
    await expect(db.transaction('r', [db.outbox, db.counters], (tx) => appendOps(tx, [event(1)]))).rejects.toThrow('read-write');
    await expect(db.transaction('rw', [db.outbox], (tx) => appendOps(tx, [event(1)]))).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('delivery', () => {
  it('hands out unacknowledged ops in seq order, including those sent before whose answer was lost', async () => {
    const db = freshDatabase();
    await append(db, [event(1), event(2), event(3), event(4)]);
    await markSent(db, [1, 2], at);
    const pending = await pendingOps(db, 3);
    expect(pending.map((row) => [row.seq, row.state])).toEqual([
      [1, 'sending'],
      [2, 'sending'],
      [3, 'pending'],
    ]);
    expect(pending[0]).toMatchObject({ attempts: 1, sentAt: at });
  });

  it('stores HQ answers, surfacing a rejection even when it comes back as a duplicate', async () => {
    const db = freshDatabase();
    const rows = await append(db, [event(1), event(2), event(3), event(4)]);
    await markSent(db, [1, 2, 3, 4], at);
    await recordResults(db, [
      { opId: rows[0]!.opId, seq: 1, status: 'applied', serverVersion: 1 },
      { opId: rows[1]!.opId, seq: 2, status: 'duplicate', originalStatus: 'rejected', reason: '办件不存在' },
      { opId: rows[2]!.opId, seq: 3, status: 'duplicate' },
      { opId: rows[3]!.opId, seq: 4, status: 'conflict', reason: '市级系统已修改', conflictFields: ['applicant'] },
    ]);
    expect(await outboxCounts(db)).toEqual({ pending: 0, sending: 0, applied: 1, duplicate: 1, conflict: 1, rejected: 1 });
    expect((await opsInState(db, 'rejected', 10)).map((row) => [row.seq, row.lastError])).toEqual([[2, '办件不存在']]);
    expect(await pendingOps(db, 10)).toEqual([]);
  });

  it('refuses an answer about an op it does not hold', async () => {
    const db = freshDatabase();
    await append(db, [event(1)]);
    await expect(recordResults(db, [{ opId: uuidv7() as OpId, seq: 1, status: 'applied' }])).rejects.toThrow('outbox does not hold');
    expect((await db.outbox.get(1))?.state).toBe('pending');
  });

  it('puts ops back to pending with the reason when a push fails before HQ answers', async () => {
    const db = freshDatabase();
    await append(db, [event(1), event(2)]);
    await markSent(db, [1, 2], at);
    await markSendFailed(db, [1, 2], '网络中断');
    expect((await db.outbox.toArray()).map((row) => [row.state, row.lastError, row.attempts])).toEqual([
      ['pending', '网络中断', 1],
      ['pending', '网络中断', 1],
    ]);
  });

  it('never lets an op be edited once written: only its delivery state changes', async () => {
    const db = freshDatabase();
    const [row] = await append(db, [event(1)]);
    await expect(db.outbox.update(1, { 'op.payload': { caseId, event: { type: 'opened', seq: 9, at, clerkId } } })).rejects.toThrow('never edited');
    await expect(db.outbox.put({ ...row!, entityId: uuidv7() })).rejects.toThrow('never edited');
    await db.outbox.update(1, { state: 'sending', attempts: 1 });
    expect((await db.outbox.get(1))?.op).toEqual(row!.op);
  });
});
