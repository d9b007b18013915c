import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../../renderer/src/data/audit';
import { readHqAuditAlert } from '../../../../renderer/src/data/auditAnchors';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import { GENESIS_HASH, hashAuditEntry } from '../../../../renderer/src/domain/audit/auditEntry';
import { pushOutbox } from '../../../../renderer/src/sync/pushOutbox';
import { HqHarness } from '../../../hq/support/harness';
import { closeDatabases } from '../data/dataFixtures';
import { draftCase, enrolledDesk, outboxStates } from './syncFixtures';

let hq: HqHarness;
beforeEach(async () => {
  hq = await new HqHarness().start();
});
afterEach(async () => {
  await closeDatabases();
  await hq.dispose();
});

/**
 * What someone with the desk's files could do: change an early entry and hash the whole chain again, head
 * included, so the desk's own check finds nothing wrong.
 */
async function rewriteChainFrom(db: DeskDatabase, seq: number): Promise<void> {
  const entries = await db.auditLog.orderBy('seq').toArray();
  let prevHash = GENESIS_HASH;
  for (const entry of entries) {
    const details = entry.seq === seq ? { ...entry.details, rewritten: true } : entry.details;
    const unsealed = { ...entry, details, prevHash };
    const rewritten = { ...unsealed, hash: await hashAuditEntry(unsealed) };
    await db.auditLog.put(rewritten);
    prevHash = rewritten.hash;
  }
  await db.meta.put({ key: 'auditHead', value: { seq: entries.at(-1)!.seq, hash: prevHash } });
}

describe('audit anchors with the reference HQ', () => {
  it('raises nothing while the log continues what was pushed', async () => {
    const desk = await enrolledDesk(hq);
    await draftCase(desk);
    expect(await pushOutbox(desk.ctx)).toBeNull();
    await draftCase(desk);
    expect(await pushOutbox(desk.ctx)).toBeNull();
    expect(await hq.operator.alerts()).toEqual([]);
    expect(await readHqAuditAlert(desk.db)).toBeNull();
  });

  it('makes HQ raise an alert when the local chain is rewritten, while the push still goes through', async () => {
    const desk = await enrolledDesk(hq);
    await draftCase(desk);
    expect(await pushOutbox(desk.ctx)).toBeNull();
    const anchored = (await desk.db.auditLog.orderBy('seq').last())!;

    await rewriteChainFrom(desk.db, 1);
    expect(await verifyAuditLog(desk.db)).toMatchObject({ ok: true });
    await draftCase(desk);
    expect(await pushOutbox(desk.ctx)).toBeNull();

    expect(await outboxStates(desk.db)).toEqual({ applied: await desk.db.outbox.count() });
    const alerts = await hq.operator.alerts();
    expect(alerts).toEqual([
      expect.objectContaining({ kind: 'auditChain', deskId: desk.deskId, reason: 'anchorMismatch', held: { seq: anchored.seq, hash: anchored.hash } }),
    ]);
    expect(await readHqAuditAlert(desk.db)).not.toBeNull();
  });

  it('makes HQ raise an alert when the log is cut back below what was pushed', async () => {
    const desk = await enrolledDesk(hq);
    for (let i = 0; i < 3; i += 1) await draftCase(desk);
    expect(await pushOutbox(desk.ctx)).toBeNull();
    const pushedHead = (await desk.db.auditLog.orderBy('seq').last())!;

    const keep = 1;
    await desk.db.auditLog.where('seq').above(keep).delete();
    await desk.db.meta.put({ key: 'auditHead', value: { seq: keep, hash: (await desk.db.auditLog.get(keep))!.hash } });
    await draftCase(desk);
    expect(await pushOutbox(desk.ctx)).toBeNull();

    // The anchored entry is gone (stated as the chain's start value) and the head is below the one pushed.
    expect(await hq.operator.alerts()).toEqual([
      expect.objectContaining({ kind: 'auditChain', reason: 'anchorMismatch', received: { seq: pushedHead.seq, hash: GENESIS_HASH } }),
      expect.objectContaining({ kind: 'auditChain', reason: 'headBackwards', held: { seq: pushedHead.seq, hash: pushedHead.hash } }),
    ]);
    expect(await readHqAuditAlert(desk.db)).not.toBeNull();
  });
});
