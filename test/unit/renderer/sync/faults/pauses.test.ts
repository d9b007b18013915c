import 'fake-indexeddb/auto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hqMessages } from '../../../../../electron/main/hq/messages';
import { sha256Hex } from '../../../../../renderer/src/domain/sha256';
import defaultCatalogue from '../../../../../resources/catalogue/default.json';
import { activeCatalogue } from '../../../../../renderer/src/data/catalogueStore';
import { closeDay, recordReconciliation } from '../../../../../renderer/src/data/dayClose/closeDay';
import { readDayCloseRecord } from '../../../../../renderer/src/data/dayClose/record';
import { readDaySnapshot } from '../../../../../renderer/src/data/dayClose/snapshot';
import { readResendFrom, readSyncStatus } from '../../../../../renderer/src/data/syncState';
import { dayCloseMessages } from '../../../../../renderer/src/domain/dayClose/messages';
import type { DocumentNumber } from '../../../../../renderer/src/domain/documentNumber';
import { inPageLocks } from '../../../../../renderer/src/sync/syncLock';
import { HqHarness } from '../../../../hq/support/harness';
import { addAccount } from '../../data/dataFixtures';
import { acceptedCase, draftCase } from '../syncFixtures';
import { deskTime, expectDelivered, FaultDesk, hqOpsOf, outboxStateCounts, stopHq } from './faultDesk';

/** Fault tests where sync must stop and wait, or refuse: an expired token, a cut-off catalogue, a day HQ does not reconcile. */

let hq: HqHarness;
const desks: FaultDesk[] = [];
beforeEach(async () => {
  hq = await new HqHarness().start();
});
afterEach(async () => {
  await Promise.all(desks.splice(0).map((desk) => desk.dispose()));
  await hq.dispose();
});

async function enrol(deskCode = '01'): Promise<FaultDesk> {
  const desk = await FaultDesk.enrol(hq, deskCode);
  desks.push(desk);
  return desk;
}

describe('token expiry', () => {
  it('401 pauses sync with the reason shown, deletes nothing, and enrolling again resumes where it stopped', async () => {
    const desk = await enrol();
    const engine = desk.engine({ locks: inPageLocks() });
    engine.start();
    await draftCase(desk);
    expect(await engine.runPass()).toEqual({ kind: 'synced' });
    const acknowledged = await desk.db.outbox.count();
    await acceptedCase(desk);
    const before = { cases: await desk.db.cases.count(), ops: await desk.db.outbox.count() };

    await hq.operator.expireToken(desk.deskId);
    expect(await engine.runPass()).toEqual({ kind: 'paused', reason: 'unauthorized', message: hqMessages.unauthorized.expired });
    expect((await readSyncStatus(desk.db)).paused).toMatchObject({ reason: 'unauthorized', message: hqMessages.unauthorized.expired });
    expect({ cases: await desk.db.cases.count(), ops: await desk.db.outbox.count() }).toEqual(before);
    expect(await outboxStateCounts(desk.db)).toEqual({ applied: acknowledged, pending: before.ops - acknowledged });

    await desk.enrolAgain(hq);
    expect(await engine.runPass()).toEqual({ kind: 'synced' });
    expect((await readSyncStatus(desk.db)).paused).toBeNull();
    await expectDelivered(hq, desk);
  });
});

describe('a catalogue download cut off', () => {
  it('the cut-off copy is never staged or used; the previous catalogue stays active until a whole copy arrives', async () => {
    const desk = await enrol();
    expect(await desk.pass()).toEqual({ kind: 'synced' });
    const shipped = await activeCatalogue(desk.db);
    expect(shipped).toMatchObject({ version: defaultCatalogue.version, hqVersion: null });
    const published = await hq.operator.publish('catalogue', [{ ...defaultCatalogue, version: '2026.12.1' }]);

    await hq.operator.setFaults({ truncateNext: { route: 'reference', count: 1 } });
    expect(await desk.pass()).toEqual({ kind: 'failed', message: hqMessages.badResponse });
    desk.restart();
    expect(await desk.db.referenceData.get(['catalogue', 'staged'])).toBeUndefined();
    expect(await activeCatalogue(desk.db)).toMatchObject({ version: defaultCatalogue.version, hqVersion: null });
    expect((await draftCase(desk)).catalogueVersion).toBe(defaultCatalogue.version);

    expect(await desk.pass()).toEqual({ kind: 'synced' });
    expect(await activeCatalogue(desk.db)).toMatchObject({ version: '2026.12.1', hqVersion: published, source: 'hq' });
    expect(await desk.db.referenceData.get(['catalogue', 'staged'])).toBeUndefined();
    await expectDelivered(hq, desk);
  });
});

describe('a close-day mismatch', () => {
  it('HQ restored from a noon backup reports the missing seqs; the day is not closed until HQ holds them again', async () => {
    const desk = await enrol();
    const chief = await addAccount(desk.db, 'chief', '赵首席');
    const day = '2026-11-26';
    const backup = mkdtempSync(join(tmpdir(), 'hq-backup-'));
    try {
      await acceptedCase(desk, deskTime(day, '09:30'));
      expect(await desk.pass()).toEqual({ kind: 'synced' });
      const morning = await desk.db.outbox.count();
      const port = await stopHq(hq);
      cpSync(hq.dataDir, backup, { recursive: true });
      await hq.start({ port });
      await acceptedCase(desk, deskTime(day, '14:30'));
      expect(await desk.pass()).toEqual({ kind: 'synced' });
      // HQ loses the afternoon: its database is restored from the noon backup.
      await stopHq(hq);
      rmSync(hq.dataDir, { recursive: true, force: true });
      cpSync(backup, hq.dataDir, { recursive: true });
      await hq.start({ port });
      expect(await hqOpsOf(hq, desk.deskId)).toHaveLength(morning);

      const snapshot = await readDaySnapshot(desk.db, day);
      const answer = await desk.client.closeDay({ businessDate: day, lastSeq: snapshot.lastSeq, totals: snapshot.totals });
      if (!answer.ok) throw new Error(answer.failure.message);
      expect(answer.value).toMatchObject({ status: 'mismatch', missing: { fromSeq: morning + 1, toSeq: snapshot.lastSeq } });
      expect(answer.value.differences?.map((difference) => difference.field)).toContain('lastSeq');
      const recorded = await recordReconciliation(desk.db, { businessDate: day, lastSeq: snapshot.lastSeq, totals: snapshot.totals, response: answer.value }, desk.clerk);
      expect(recorded).toMatchObject({ ok: true, value: { status: 'mismatch' } });

      const pdf = new TextEncoder().encode('%PDF-1.7 day report');
      const report = { documentNumber: '绵市监企日字〔2026〕第MY01-0001号' as DocumentNumber, templateVersion: '1', pdf, sha256: await sha256Hex(pdf), printerName: null, copies: 1 };
      const signed = await closeDay(desk.db, { businessDate: day, chief, signedAt: deskTime(day, '17:30'), report }, desk.clerk);
      expect(signed).toEqual({ ok: false, message: dayCloseMessages.notReconciled });
      expect(await readDayCloseRecord(desk.db, day)).toMatchObject({ status: 'mismatch', missing: { fromSeq: morning + 1 } });

      // The desk sends the ops HQ lost again on its next pass by itself, from the first seq HQ lacks (no new
      // op has to meet HQ's gap first), and the day reconciles.
      expect(await readResendFrom(desk.db)).toBe(morning + 1);
      expect(await desk.pass()).toEqual({ kind: 'synced' });
      expect(await readResendFrom(desk.db)).toBeNull();
      await expectDelivered(hq, desk);
      expect(await hqOpsOf(hq, desk.deskId)).toHaveLength(snapshot.lastSeq);
      const again = await readDaySnapshot(desk.db, day);
      expect(again.lastSeq).toBe(snapshot.lastSeq);
      const reconciled = await desk.client.closeDay({ businessDate: day, lastSeq: again.lastSeq, totals: again.totals });
      expect(reconciled).toEqual({ ok: true, value: { status: 'reconciled' } });
    } finally {
      rmSync(backup, { recursive: true, force: true });
    }
  });
});
