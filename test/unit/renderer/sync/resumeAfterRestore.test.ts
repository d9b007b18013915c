import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRestoredFrom, restoreBackup } from '../../../../renderer/src/data/backup/restoreBackup';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import { readSyncStatus } from '../../../../renderer/src/data/syncState';
import { runSyncPass } from '../../../../renderer/src/sync/engine';
import { pushOutbox } from '../../../../renderer/src/sync/pushOutbox';
import { HqHarness } from '../../../hq/support/harness';
import { backupBytes, passphrase, sourceOf } from '../data/backup/backupFixtures';
import { closeDatabases, freshDatabase, startUpInput } from '../data/dataFixtures';
import { acceptedCase, draftCase, enrolledDesk, intakeDay, outboxStates, type SyncDesk } from './syncFixtures';

let hq: HqHarness;
beforeEach(async () => {
  hq = await new HqHarness().start();
});
afterEach(async () => {
  await closeDatabases();
  await hq.dispose();
});

const nextDay = '2026-11-27T10:00:00+08:00';
const here = { hallCode: 'MY', deskCode: '01' };

/** The same desk (its enrolment kept by the main process) on a fresh profile restored from `file`. */
async function restoredDesk(desk: SyncDesk, file: Uint8Array): Promise<SyncDesk> {
  const db = freshDatabase();
  await restoreBackup(db, sourceOf(file), { passphrase, thisDesk: here, acceptOtherDesk: false });
  return { ...desk, db, ctx: { ...desk.ctx, db } };
}

const ticket = (queueTicket: string) => startUpInput({ queueTicket });

async function caseIds(db: DeskDatabase): Promise<string[]> {
  return (await db.cases.toArray()).map((row) => row.id).sort();
}

describe('the first sync after a restore', { timeout: 240_000 }, () => {
  it('from a backup older than HQ: numbers above HQ, pulls its later cases back, doubles nothing, names what was lost', async () => {
    const desk = await enrolledDesk(hq);
    const sent = await acceptedCase(desk, intakeDay, ticket('A001'));
    expect(await pushOutbox(desk.ctx)).toBeNull();
    const unsentAtBackup = await draftCase(desk, intakeDay, ticket('A002'));
    const { file } = await backupBytes(desk.db);
    const backupLastSeq = await desk.db.outbox.count();

    // The old desk goes on after the backup: sends the second case, takes a third in and sends it, then
    // takes a fourth in and is lost before sending it.
    expect(await pushOutbox(desk.ctx)).toBeNull();
    const later = await acceptedCase(desk, intakeDay, ticket('A003'));
    expect(await pushOutbox(desk.ctx)).toBeNull();
    const lost = await draftCase(desk, intakeDay, ticket('A004'));
    const hqLastSeq = (await readSyncStatus(desk.db)).hqLastSeq!;
    expect(hqLastSeq).toBeGreaterThan(backupLastSeq);

    const restored = await restoredDesk(desk, file);
    expect(await runSyncPass(restored.ctx)).toEqual({ kind: 'synced' });

    // The backup's unsent ops had reached HQ from the old desk: answered as duplicates, not applied again.
    expect(await outboxStates(restored.db)).toEqual({ applied: backupLastSeq });
    expect(await caseIds(restored.db)).toEqual([sent.id, unsentAtBackup.id, later.id].sort());
    const pulledBack = (await restored.db.cases.get(later.id))!;
    expect(pulledBack.caseNumber).toBe(later.caseNumber);
    expect(pulledBack.statusCode).toBe(later.statusCode);
    expect(pulledBack.state.timeline.map((event) => event.type)).toEqual(later.state.timeline.map((event) => event.type));
    expect((await restored.db.cases.get(lost.id))).toBeUndefined();

    const notice = (await readRestoredFrom(restored.db))!.notice!;
    expect(notice).toContain(`第 ${backupLastSeq + 1}–${hqLastSeq} 号`);
    expect(notice).toContain(`第 ${hqLastSeq} 号之后的操作`);
    expect(notice).toContain('无法找回');

    // The restored desk goes on above HQ's lastSeq: no seq conflict, and a case number of its own.
    const next = await draftCase(restored, intakeDay, ticket('A005'));
    expect(next.caseNumber).not.toBe(later.caseNumber);
    expect((await restored.db.outbox.orderBy('seq').first())!.seq).toBe(1);
    expect(await runSyncPass(restored.ctx)).toEqual({ kind: 'synced' });
    const ops = await hq.operator.ops(desk.deskId);
    expect(ops.map((op) => op.seq)).toEqual(Array.from({ length: ops.length }, (_, i) => i + 1));
    expect(new Set(ops.map((op) => op.opId)).size).toBe(ops.length);
    expect(ops.filter((op) => op.seq > hqLastSeq).map((op) => op.entityId)).toContain(next.id);
    expect(ops.every((op) => op.status === 'applied')).toBe(true);
    expect((await hq.operator.listCases()).cases.map((row) => row.id).sort()).toEqual([sent.id, unsentAtBackup.id, later.id, next.id].sort());
    // Run again, nothing changes: the resumption happened once.
    expect(await runSyncPass(restored.ctx)).toEqual({ kind: 'synced' });
    expect((await readRestoredFrom(restored.db))!.notice).toBe(notice);
  });

  it("keeps and sends the backup's ops HQ never received, above HQ's lastSeq, when HQ used their seqs for other work", async () => {
    const desk = await enrolledDesk(hq);
    await acceptedCase(desk, intakeDay, ticket('A001'));
    expect(await pushOutbox(desk.ctx)).toBeNull();
    const { file: older } = await backupBytes(desk.db);
    const unsent = await draftCase(desk, intakeDay, ticket('A002'));
    const { file: newer } = await backupBytes(desk.db);

    // The desk was first restored from the older backup and worked on the next day: its new case took the
    // seqs the unsent case holds in the newer backup.
    const first = await restoredDesk(desk, older);
    expect(await runSyncPass(first.ctx)).toEqual({ kind: 'synced' });
    const other = await draftCase(first, nextDay, ticket('A003'));
    expect(await runSyncPass(first.ctx)).toEqual({ kind: 'synced' });
    const hqLastSeq = (await hq.operator.ops(desk.deskId)).length;

    const second = await restoredDesk(desk, newer);
    expect(await runSyncPass(second.ctx)).toEqual({ kind: 'synced' });
    const ops = await hq.operator.ops(desk.deskId);
    expect(ops.map((op) => op.seq)).toEqual(Array.from({ length: ops.length }, (_, i) => i + 1));
    expect(ops.filter((op) => op.seq > hqLastSeq).every((op) => op.entityId === unsent.id || op.entity !== 'case')).toBe(true);
    expect(ops.every((op) => op.status === 'applied')).toBe(true);
    expect((await hq.operator.listCases()).cases.map((row) => row.id)).toEqual(expect.arrayContaining([unsent.id, other.id]));
    expect(await caseIds(second.db)).toEqual(expect.arrayContaining([unsent.id, other.id]));
    const notice = (await readRestoredFrom(second.db))!.notice!;
    expect(notice).toMatch(new RegExp(`备份中有 \\d+ 项操作市级系统尚未收到，已保留并将发送（其中 \\d+ 项改为自第 ${hqLastSeq + 1} 号起发送）`));
  });
});
