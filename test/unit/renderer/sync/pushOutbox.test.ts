import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachScan } from '../../../../renderer/src/data/attachments';
import { caseChecklist } from '../../../../renderer/src/data/caseChecklist';
import { applyCommand } from '../../../../renderer/src/data/cases';
import { readResendFrom, readSyncStatus, requestResend } from '../../../../renderer/src/data/syncState';
import { pushOutbox } from '../../../../renderer/src/sync/pushOutbox';
import { licenceData } from '../../../hq/support/fixtures';
import { HqHarness } from '../../../hq/support/harness';
import { closeDatabases } from '../data/dataFixtures';
import { acceptedCase, countingTransport, draftCase, enrolledDesk, outboxStates } from './syncFixtures';
import { signedWithdrawalRequest } from '../domain/cases/caseFixtures';
import { createHqClient } from '../../../../electron/main/hq/hqClient';
import { memorySecretStore } from '../../../../electron/main/hq/secretStore';
import { memorySettingsStore } from '../../../../electron/main/hq/settingsStore';
import { protocolVersion } from '../../../../renderer/src/protocol/version';
import { defaultPushLimits } from '../../../../renderer/src/sync/syncContext';
import { enrolmentCode } from '../../../hq/support/harness';
import { fakePdf, issuingDesk } from '../data/issuanceFixtures';
import { caseWithReceipt } from '../data/retention/retentionFixtures';

let hq: HqHarness;
beforeEach(async () => {
  hq = await new HqHarness().start();
});
afterEach(async () => {
  await closeDatabases();
  await hq.dispose();
});

describe('pushOutbox', () => {
  it('sends every op in seq order, records HQ\'s answer for each and notes HQ\'s lastSeq', async () => {
    const desk = await enrolledDesk(hq);
    await acceptedCase(desk);
    await draftCase(desk);
    const total = await desk.db.outbox.count();
    expect(await pushOutbox(desk.ctx)).toBeNull();
    expect(await outboxStates(desk.db)).toEqual({ applied: total });
    expect((await hq.operator.ops(desk.deskId)).map((op) => op.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect((await readSyncStatus(desk.db)).hqLastSeq).toBe(total);
    const sent = await desk.db.outbox.get(1);
    expect(sent).toMatchObject({ attempts: 1, lastError: null, result: { status: 'applied' } });
  });

  it('sends in batches of at most the op limit and the byte limit', async () => {
    const pushes: number[] = [];
    const desk = await enrolledDesk(hq, '01', (client) => countingTransport(client, pushes));
    for (let i = 0; i < 3; i += 1) await draftCase(desk);
    const total = await desk.db.outbox.count();
    expect(await pushOutbox({ ...desk.ctx, limits: { maxOps: 4, maxBytes: 1_000_000 } })).toBeNull();
    expect(pushes.every((size) => size <= 4)).toBe(true);
    expect(pushes.reduce((a, b) => a + b, 0)).toBe(total);

    pushes.length = 0;
    await draftCase(desk);
    const added = (await desk.db.outbox.count()) - total;
    // A byte limit below two ops sends them one by one.
    expect(await pushOutbox({ ...desk.ctx, limits: { maxOps: 500, maxBytes: 10 } })).toBeNull();
    expect(pushes).toEqual(Array.from({ length: added }, () => 1));
  });

  it('sends again after an answer was lost: HQ answers duplicates, nothing is applied twice', async () => {
    const desk = await enrolledDesk(hq);
    await acceptedCase(desk);
    const total = await desk.db.outbox.count();
    await hq.operator.setFaults({ afterCommit: { route: 'push', count: 1, mode: 'error' } });
    expect(await pushOutbox(desk.ctx)).toMatchObject({ kind: 'failed', message: expect.stringContaining('500') });
    expect(await outboxStates(desk.db)).toEqual({ pending: total });
    expect((await desk.db.outbox.get(1))?.lastError).toContain('500');

    expect(await pushOutbox(desk.ctx)).toBeNull();
    const rows = await desk.db.outbox.orderBy('seq').toArray();
    expect(rows.every((row) => row.result?.status === 'duplicate' && row.result.originalStatus === 'applied')).toBe(true);
    // The duplicate's first status is what the clerk sees.
    expect(await outboxStates(desk.db)).toEqual({ applied: total });
    expect(rows[0]!.attempts).toBe(2);
    const ops = await hq.operator.ops(desk.deskId);
    expect(ops).toHaveLength(total);
    expect(new Set(ops.map((op) => op.opId)).size).toBe(total);
  });

  it('sends again from the seq HQ expects when HQ reports a gap, acknowledged ops included', async () => {
    const desk = await enrolledDesk(hq);
    for (let i = 0; i < 3; i += 1) await draftCase(desk);
    const total = await desk.db.outbox.count();
    // The desk believes ops 3 and 4 were answered, but HQ never stored them (restored from a backup, say).
    await desk.db.outbox.where('seq').between(3, 4, true, true).modify({ state: 'applied' });
    expect(await pushOutbox(desk.ctx)).toBeNull();
    expect((await hq.operator.ops(desk.deskId)).map((op) => op.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(await outboxStates(desk.db)).toEqual({ applied: total });
    expect((await desk.db.outbox.get(3))?.result).toMatchObject({ status: 'applied' });
  });

  it('after a close-day mismatch, sends the ops HQ lost again by itself, with no new op to meet HQ\'s gap', async () => {
    const desk = await enrolledDesk(hq);
    await draftCase(desk);
    expect(await pushOutbox(desk.ctx)).toBeNull();
    const held = await desk.db.outbox.count();
    await draftCase(desk);
    const total = await desk.db.outbox.count();
    // The desk holds the second case's ops as answered, but HQ lost them (restored from a backup, say).
    await desk.db.outbox.where('seq').above(held).modify({ state: 'applied' });
    expect(await pushOutbox(desk.ctx)).toBeNull();
    expect(await hq.operator.ops(desk.deskId)).toHaveLength(held);

    // HQ's close-day answered `mismatch` with the missing seqs; recordReconciliation marks where to send from.
    await desk.db.transaction('rw', desk.db.meta, () => requestResend(desk.db, held + 1));
    expect(await pushOutbox(desk.ctx)).toBeNull();
    expect((await hq.operator.ops(desk.deskId)).map((op) => op.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect((await desk.db.outbox.get(held + 1))?.result).toMatchObject({ status: 'applied' });
    expect(await readResendFrom(desk.db)).toBeNull();
    expect((await readSyncStatus(desk.db)).hqLastSeq).toBe(total);
  });

  it('resumes a resend cut off by HQ from the batch it stopped at, and ends it once everything is answered', async () => {
    const pushes: number[] = [];
    let failSecond = true;
    const desk = await enrolledDesk(hq, '01', (client) => {
      const counting = countingTransport(client, pushes);
      return {
        ...counting,
        push: async (input) => {
          const answer = await counting.push(input);
          // The first resent batch is answered; HQ fails the next request with a 503.
          if (failSecond) await hq.operator.setFaults({ failNext: { route: 'push', count: 1, status: 503 } });
          failSecond = false;
          return answer;
        },
      };
    });
    const ctx = { ...desk.ctx, limits: { maxOps: 2, maxBytes: 1_000_000 } };
    for (let i = 0; i < 3; i += 1) await draftCase(desk);
    const total = await desk.db.outbox.count();
    expect(total).toBeGreaterThan(4);
    // Every op was answered as far as the desk knows, but HQ holds none of them.
    await desk.db.outbox.toCollection().modify({ state: 'applied' });
    await desk.db.transaction('rw', desk.db.meta, () => requestResend(desk.db, 1));

    expect(await pushOutbox(ctx)).toMatchObject({ kind: 'failed', message: expect.stringContaining('503') });
    expect((await hq.operator.ops(desk.deskId)).map((op) => op.seq)).toEqual([1, 2]);
    expect(await readResendFrom(desk.db)).toBe(3);

    pushes.length = 0;
    expect(await pushOutbox(ctx)).toBeNull();
    expect(pushes.reduce((a, b) => a + b, 0)).toBe(total - 2);
    expect((await hq.operator.ops(desk.deskId)).map((op) => op.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(await readResendFrom(desk.db)).toBeNull();
  });

  it('pauses with a clear message when HQ holds another op at one of its seqs', async () => {
    const desk = await enrolledDesk(hq);
    await draftCase(desk);
    const other = await enrolledDesk(hq, '01');
    await draftCase(other);
    expect(await pushOutbox(other.ctx)).toBeNull();
    // `desk` enrolled as the same hall and desk, so HQ already holds other ops at its seqs.
    const result = await pushOutbox({ ...desk.ctx, transport: other.ctx.transport });
    expect(result).toMatchObject({ kind: 'paused', reason: 'sequenceMismatch', message: expect.stringContaining('已被另一条数据占用') });
    expect(await outboxStates(desk.db)).toMatchObject({ pending: await desk.db.outbox.count() });
  });

  it('pauses on 401 and leaves every op in the outbox', async () => {
    const desk = await enrolledDesk(hq);
    await draftCase(desk);
    await hq.operator.expireToken(desk.deskId);
    expect(await pushOutbox(desk.ctx)).toMatchObject({ kind: 'paused', reason: 'unauthorized' });
    expect(await outboxStates(desk.db)).toEqual({ pending: await desk.db.outbox.count() });
  });

  it('flags the case when HQ resolved a conflict its way, keeping the desk\'s value beside it', async () => {
    const desk = await enrolledDesk(hq);
    const row = await acceptedCase(desk);
    await pushOutbox(desk.ctx);
    await hq.operator.approve(row.id, licenceData());
    // Still believing the case accepted (no pull yet), the clerk withdraws it: HQ has decided, the op conflicts.
    const withdrawn = await applyCommand(desk.db, row.id, { type: 'withdraw', reason: '申请人撤回', request: signedWithdrawalRequest }, { clerk: desk.clerk });
    expect(withdrawn.ok).toBe(true);
    expect(await pushOutbox(desk.ctx)).toBeNull();
    const conflicted = (await desk.db.outbox.where('state').equals('conflict').toArray())[0]!;
    expect(conflicted.lastError).toContain('以市级系统为准');
    const flagged = await desk.db.cases.get(row.id);
    expect(flagged?.conflicts).toEqual([expect.objectContaining({ field: 'status', deskValue: expect.objectContaining({ code: 'withdrawn' }) })]);
  });

  it('uploads the scans a checklist event refers to before HQ gets the event, HEAD first', async () => {
    const desk = await enrolledDesk(hq);
    const row = await draftCase(desk);
    const item = (await caseChecklist(desk.db, row.id))[0]!;
    const scan = new Blob(['%PDF-1.7\nscan\n%%EOF'], { type: 'application/pdf' });
    const attached = await attachScan(desk.db, row.id, item.key, scan, { name: '扫描件.pdf', type: 'application/pdf' }, { clerk: desk.clerk });
    if (!attached.ok) throw new Error(attached.message);
    const sha256 = attached.value.sha256;
    expect((await desk.db.blobs.get(sha256))?.uploaded).toBe(0);
    expect(await pushOutbox(desk.ctx)).toBeNull();
    expect((await desk.db.blobs.get(sha256))?.uploaded).toBe(1);
    expect(await desk.hq.hasBlob({ sha256 })).toEqual({ ok: true, value: { present: true } });
  });

  it('uploads the archived PDF a document event refers to, marks the document uploaded, and HQ gives it back', async () => {
    const desk = await issuingDesk();
    const client = createHqClient({ settings: memorySettingsStore(), secrets: memorySecretStore(), protocolVersion });
    const enrolled = await client.enrol({ baseUrl: hq.url, hallCode: 'MY', deskCode: '01', enrolmentCode });
    if (!enrolled.ok) throw new Error(enrolled.failure.message);
    const { document } = await caseWithReceipt(desk, 'receipt to upload');
    expect(document.uploaded).toBeUndefined();
    expect(await pushOutbox({ db: desk.db, transport: client, now: () => new Date(), limits: defaultPushLimits })).toBeNull();
    expect((await desk.db.documents.get(document.id))?.uploaded).toBe(1);
    const back = await client.getBlob({ sha256: document.sha256 });
    expect(back.ok && back.value.found && back.value.bytes).toEqual(fakePdf('receipt to upload'));
  });
});
