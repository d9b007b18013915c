import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHqClient } from '../../../../../electron/main/hq/hqClient';
import { memorySecretStore } from '../../../../../electron/main/hq/secretStore';
import { memorySettingsStore } from '../../../../../electron/main/hq/settingsStore';
import { createDraftCase } from '../../../../../renderer/src/data/cases';
import { DataError } from '../../../../../renderer/src/data/dataError';
import type { DeskDatabase } from '../../../../../renderer/src/data/db';
import { dataMessages } from '../../../../../renderer/src/data/messages';
import { latestSchemaVersion, schemaVersions, type SchemaVersion } from '../../../../../renderer/src/data/schema';
import { protocolVersion } from '../../../../../renderer/src/protocol/version';
import { runSyncPass } from '../../../../../renderer/src/sync/engine';
import { syncMessages } from '../../../../../renderer/src/sync/messages';
import { defaultPushLimits } from '../../../../../renderer/src/sync/syncContext';
import { enrolmentCode, HqHarness } from '../../../../hq/support/harness';
import { addAccount, startUpInput } from '../../data/dataFixtures';
import { runMigration } from '../../data/migrationHarness';
import { acceptedCase, draftCase } from '../syncFixtures';
import { expectDelivered, FaultDesk, hallCode, hqOpsOf, outboxStateCounts } from './faultDesk';

/** Fault tests of the desk's own storage: a schema upgrade under a full outbox, and a full disk. */

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

/** What the outbox holds, op by op, as HQ will receive it. */
async function outboxContent(db: DeskDatabase) {
  return (await db.outbox.orderBy('seq').toArray()).map(({ seq, opId, state, op }) => ({ seq, opId, state, op }));
}

describe('a schema upgrade with ops still in the outbox', () => {
  /** A next version as the data layer would ship one: an index more on the outbox, case rows reshaped. */
  const latest = schemaVersions.at(-1)!;
  const withNextVersion: SchemaVersion[] = [
    ...schemaVersions,
    {
      version: latestSchemaVersion + 1,
      stores: { ...latest.stores, outbox: 'seq, &opId, [state+seq], entityId' },
      upgrade: (tx) =>
        tx
          .table('cases')
          .toCollection()
          .modify((row: { conflicts?: unknown[] }) => {
            row.conflicts ??= [];
          }),
    },
  ];

  it('the upgraded database still holds every pending op unchanged and sends them all, exactly once', async () => {
    const client = createHqClient({ settings: memorySettingsStore(), secrets: memorySecretStore(), protocolVersion });
    const enrolled = await client.enrol({ baseUrl: hq.url, hallCode, deskCode: '05', enrolmentCode });
    if (!enrolled.ok) throw new Error(enrolled.failure.message);
    let pending: Awaited<ReturnType<typeof outboxContent>> = [];

    await runMigration(
      {
        from: latestSchemaVersion,
        seed: async (db) => {
          await db.meta.put({ key: 'deskIdentity', value: { hallCode, deskCode: '05' } });
          const clerk = await addAccount(db, 'clerk', '受理员05');
          await acceptedCase({ db, clerk });
          await draftCase({ db, clerk });
          pending = await outboxContent(db);
          expect(new Set(pending.map((row) => row.state))).toEqual(new Set(['pending']));
        },
        verify: async (db) => {
          expect(db.verno).toBe(latestSchemaVersion + 1);
          expect(await outboxContent(db)).toEqual(pending);
          const outcome = await runSyncPass({ db, transport: client, now: () => new Date(), limits: defaultPushLimits });
          expect(outcome).toEqual({ kind: 'synced' });
          await expectDelivered(hq, { db, deskId: enrolled.value.deskId });
        },
      },
      withNextVersion,
    );
    expect(await hqOpsOf(hq, enrolled.value.deskId)).toHaveLength(pending.length);
  });
});

describe('IndexedDB quota exceeded', () => {
  it('mid-intake: the clerk is told in Chinese that the disk is full, and nothing of the write is kept', async () => {
    const desk = await enrol();
    await draftCase(desk);
    const counts = async () => ({
      cases: await desk.db.cases.count(),
      items: await desk.db.checklistItems.count(),
      ops: await desk.db.outbox.count(),
      audit: await desk.db.auditLog.count(),
      enterprises: await desk.db.enterprises.count(),
      outboxCounter: (await desk.db.counters.get('outbox'))?.value,
    });
    const before = await counts();

    desk.storage.failNextWrite('outbox', 'quota');
    const refused = createDraftCase(desk.db, startUpInput(), { clerk: desk.clerk });
    await expect(refused).rejects.toBeInstanceOf(DataError);
    await expect(refused).rejects.toThrow(dataMessages.quotaExceeded);
    expect(await counts()).toEqual(before);

    // Space freed: the next intake gets the next seq, and everything reaches HQ.
    await draftCase(desk);
    expect(await desk.pass()).toEqual({ kind: 'synced' });
    await expectDelivered(hq, desk);
  });

  it("while the engine records HQ's answers: the pass fails with that message, and the resend is answered as duplicates", async () => {
    const desk = await enrol();
    await acceptedCase(desk);
    const total = await desk.db.outbox.count();
    desk.tap.afterPush = async () => {
      desk.tap.afterPush = null;
      desk.storage.failNextWrite('outbox', 'quota');
    };

    expect(await desk.pass()).toEqual({ kind: 'failed', message: syncMessages.unexpected(dataMessages.quotaExceeded) });
    expect(desk.storage.struck).toBe(1);
    expect(await outboxStateCounts(desk.db)).toEqual({ pending: total });
    expect(await hqOpsOf(hq, desk.deskId)).toHaveLength(total);

    expect(await desk.pass()).toEqual({ kind: 'synced' });
    expect((await desk.db.outbox.toArray()).every((row) => row.result?.status === 'duplicate')).toBe(true);
    await expectDelivered(hq, desk);
  });

  it('while one answer is stored and the next batch is already on its way: both batches are sent again, as duplicates', async () => {
    const desk = await FaultDesk.enrol(hq, '02', { limits: { maxOps: 3, maxBytes: 1_000_000 } });
    desks.push(desk);
    await acceptedCase(desk);
    const total = await desk.db.outbox.count();
    expect(total).toBeGreaterThan(6);
    // The first answer arrives; storing it (the next write to the outbox) finds the disk full, while the
    // second batch is sent.
    desk.tap.afterPush = async () => {
      desk.tap.afterPush = null;
      desk.storage.failNextWrite('outbox', 'quota');
    };

    expect(await desk.pass()).toEqual({ kind: 'failed', message: syncMessages.unexpected(dataMessages.quotaExceeded) });
    expect(desk.storage.struck).toBe(1);
    expect(desk.tap.pushes.map((push) => push.ops.map((op) => op.seq))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(await outboxStateCounts(desk.db)).toEqual({ pending: total });
    expect(await hqOpsOf(hq, desk.deskId)).toHaveLength(6);

    expect(await desk.pass()).toEqual({ kind: 'synced' });
    const rows = await desk.db.outbox.orderBy('seq').toArray();
    expect(rows.map((row) => row.result?.status)).toEqual(rows.map((row) => (row.seq <= 6 ? 'duplicate' : 'applied')));
    expect(rows.map((row) => row.attempts)).toEqual(rows.map((row) => (row.seq <= 6 ? 2 : 1)));
    await expectDelivered(hq, desk);
  });
});
