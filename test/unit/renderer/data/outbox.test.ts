import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import {
  appendOps,
  asShown,
  markInFlight,
  markSendFailed,
  opsInState,
  outboxCounts,
  pendingOps,
  recordResults,
  type OpDraft,
} from '../../../../renderer/src/data/outbox';
import { reserveOutboxSeqs } from '../../../../renderer/src/data/sequences';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import { recoverInFlight } from '../../../../renderer/src/data/outboxFlight';
import { Refusal } from '../../../../renderer/src/data/refusal';
import { newCaseId } from '../../../../renderer/src/domain/cases/caseId';
import { newClerkId } from '../../../../renderer/src/domain/clerks/clerkId';
import type { OpId } from '../../../../renderer/src/protocol/ops';
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

/** The sync engine hands ops `from`…`to` to HQ: the batch is noted as in flight. */
async function send(db: DeskDatabase, from: number, to: number) {
  await db.transaction('rw', [db.outbox, db.meta], async () => markInFlight(db, await db.outbox.where('seq').between(from, to, true, true).toArray(), at));
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

  it('writes ops at seqs the writer reserved beforehand, and refuses a reservation that does not fit them, writing nothing', async () => {
    const db = freshDatabase();
    await append(db, [event(1)]);
    await db.transaction('rw', [db.outbox, db.counters], async (tx) => appendOps(tx, [event(2), event(3)], { first: await reserveOutboxSeqs(tx, 2), count: 2 }));
    await expect(
      db.transaction('rw', [db.outbox, db.counters], async (tx) => appendOps(tx, [event(4)], { first: await reserveOutboxSeqs(tx, 2), count: 2 })),
    ).rejects.toThrow('1 ops for 2 reserved outbox seqs');
    await append(db, [event(5)]);
    expect((await db.outbox.orderBy('seq').toArray()).map((row) => row.seq)).toEqual([1, 2, 3, 4]);
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
    await send(db, 1, 2);
    // The page goes away before HQ answers: the batch's ops are sent, their answer unknown.
    expect(await recoverInFlight(db)).toBe(2);
    const pending = await pendingOps(db, 3);
    expect(pending.map((row) => [row.seq, row.state])).toEqual([
      [1, 'sending'],
      [2, 'sending'],
      [3, 'pending'],
    ]);
    expect(pending[0]).toMatchObject({ attempts: 1, sentAt: at });
    expect((await pendingOps(db, 10, 2)).map((row) => row.seq)).toEqual([3, 4]);
    expect(await recoverInFlight(db)).toBe(0);
  });

  it('stores HQ answers with the attempt counted, surfacing a rejection even when it comes back as a duplicate', async () => {
    const db = freshDatabase();
    const rows = await append(db, [event(1), event(2), event(3), event(4)]);
    await send(db, 1, 4);
    await recordResults(db, [
      { opId: rows[0]!.opId, seq: 1, status: 'applied', serverVersion: 1 },
      { opId: rows[1]!.opId, seq: 2, status: 'duplicate', originalStatus: 'rejected', reason: '办件不存在' },
      { opId: rows[2]!.opId, seq: 3, status: 'duplicate' },
      { opId: rows[3]!.opId, seq: 4, status: 'conflict', reason: '市级系统已修改', conflictFields: ['applicant'] },
    ]);
    expect(await outboxCounts(db)).toEqual({ pending: 0, sending: 0, applied: 1, duplicate: 1, conflict: 1, rejected: 1 });
    expect((await opsInState(db, 'rejected', 10)).map((row) => [row.seq, row.lastError])).toEqual([[2, '办件不存在']]);
    expect(await pendingOps(db, 10)).toEqual([]);
    expect((await db.outbox.toArray()).every((row) => row.attempts === 1 && row.sentAt === at)).toBe(true);
    // Nothing is left in flight to recover.
    expect(await recoverInFlight(db)).toBe(0);
  });

  it('shows the ops of a batch in flight as sending until HQ\'s answer is stored', async () => {
    const db = freshDatabase();
    const rows = await append(db, [event(1), event(2), event(3)]);
    await send(db, 1, 2);
    expect(await outboxCounts(db)).toMatchObject({ pending: 1, sending: 2, applied: 0 });
    expect((await opsInState(db, 'sending', 10)).map((row) => [row.seq, row.state])).toEqual([
      [2, 'sending'],
      [1, 'sending'],
    ]);
    expect((await opsInState(db, 'pending', 10)).map((row) => row.seq)).toEqual([3]);
    expect((await asShown(db, await db.outbox.orderBy('seq').toArray())).map((row) => row.state)).toEqual(['sending', 'sending', 'pending']);

    await recordResults(db, [
      { opId: rows[0]!.opId, seq: 1, status: 'applied' },
      { opId: rows[1]!.opId, seq: 2, status: 'applied' },
    ]);
    expect(await outboxCounts(db)).toMatchObject({ pending: 1, sending: 0, applied: 2 });
    expect(await opsInState(db, 'sending', 10)).toEqual([]);
  });

  it('counts an attempt once when another window turned the batch into sent-but-unanswered meanwhile', async () => {
    const db = freshDatabase();
    const rows = await append(db, [event(1), event(2)]);
    await send(db, 1, 2);
    expect(await recoverInFlight(db)).toBe(2);
    await recordResults(db, [
      { opId: rows[0]!.opId, seq: 1, status: 'applied' },
      { opId: rows[1]!.opId, seq: 2, status: 'applied' },
    ]);
    expect((await db.outbox.toArray()).map((row) => [row.state, row.attempts])).toEqual([
      ['applied', 1],
      ['applied', 1],
    ]);
  });

  it('refuses an answer about an op it does not hold', async () => {
    const db = freshDatabase();
    await append(db, [event(1)]);
    await expect(recordResults(db, [{ opId: uuidv7() as OpId, seq: 1, status: 'applied' }])).rejects.toThrow('outbox does not hold');
    expect((await db.outbox.get(1))?.state).toBe('pending');
  });

  it('puts ops back to pending with the reason and the attempt counted when a push fails before HQ answers', async () => {
    const db = freshDatabase();
    await append(db, [event(1), event(2)]);
    await send(db, 1, 2);
    await markSendFailed(db, [1, 2], '网络中断');
    expect((await db.outbox.toArray()).map((row) => [row.state, row.lastError, row.attempts])).toEqual([
      ['pending', '网络中断', 1],
      ['pending', '网络中断', 1],
    ]);
    expect(await recoverInFlight(db)).toBe(0);
  });

  it('never lets an op be edited once written: only its delivery state changes', async () => {
    const db = freshDatabase();
    const [row] = await append(db, [event(1)]);
    await expect(db.outbox.update(1, { 'op.payload': { caseId, event: { type: 'opened', seq: 9, at, clerkId } } })).rejects.toThrow('never edited');
    await expect(db.outbox.put({ ...row!, entityId: uuidv7() })).rejects.toThrow('never edited');
    await db.outbox.update(1, { state: 'sending', attempts: 1 });
    expect((await db.outbox.get(1))?.op).toEqual(row!.op);
  });

  it('refuses an edit however it is written: in place by modify, or a row read earlier in the same transaction', async () => {
    const db = freshDatabase();
    const rows = await append(db, [event(1), event(2)]);
    await expect(
      db.outbox.toCollection().modify((stored) => {
        stored.op.at = '2026-11-28T10:00:00.000+08:00';
      }),
    ).rejects.toThrow('never edited (tried to change op)');
    await expect(
      db.transaction('rw', db.outbox, async () => {
        const read = await db.outbox.where('seq').between(1, 2, true, true).toArray();
        await db.outbox.bulkPut(read.map((stored) => ({ ...stored, state: 'sending' as const, createdAt: '2026-11-28T10:00:00.000+08:00' })));
      }),
    ).rejects.toThrow('never edited (tried to change createdAt)');
    expect(await db.outbox.orderBy('seq').toArray()).toEqual(rows);

    // Delivery state changes by every route.
    await db.outbox.toCollection().modify({ attempts: 1 });
    await db.transaction('rw', db.outbox, async () => {
      const read = await db.outbox.bulkGet([1, 2]);
      await db.outbox.bulkPut(read.map((stored) => ({ ...stored!, state: 'applied' as const })));
    });
    expect((await db.outbox.orderBy('seq').toArray()).map((stored) => [stored.state, stored.attempts, stored.op])).toEqual(rows.map((stored) => ['applied', 1, stored.op]));
  });
});
