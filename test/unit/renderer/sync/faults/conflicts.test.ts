import { businessDateOf } from '../../../../../renderer/src/domain/chineseDate';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeCaseConflicts } from '../../../../../renderer/src/data/caseConflicts';
import { caseChecklist, recordChecklistItem } from '../../../../../renderer/src/data/caseChecklist';
import { applyCommand } from '../../../../../renderer/src/data/cases';
import { DataError } from '../../../../../renderer/src/data/dataError';
import { updateIntake } from '../../../../../renderer/src/data/intakeCorrection';
import { standingDecision } from '../../../../../renderer/src/domain/cases/standingDecision';
import { readDaySnapshot } from '../../../../../renderer/src/data/dayClose/snapshot';
import { recordInHallApproval } from '../../../../../renderer/src/data/licenceIssuance';
import { opsInState } from '../../../../../renderer/src/data/outbox';
import type { CaseRow } from '../../../../../renderer/src/data/records';

import { hqMessages as hqServerMessages } from '../../../../hq/messages';
import { licenceData } from '../../../../hq/support/fixtures';
import { HqHarness } from '../../../../hq/support/harness';
import { addAccount } from '../../data/dataFixtures';
import { acceptedCase, draftCase } from '../syncFixtures';
import { deskTime, expectDelivered, FaultDesk, hqOpsOf } from './faultDesk';

/** Fault tests where desks disagree with HQ or each other: a wrong clock, the same case changed twice, an op HQ refuses. */

const hqNow = new Date('2026-11-26T12:00:00+08:00');
const oneDayMs = 24 * 60 * 60 * 1000;
let hq: HqHarness;
const desks: FaultDesk[] = [];
beforeEach(async () => {
  hq = await new HqHarness({ now: () => hqNow }).start();
});
afterEach(async () => {
  await Promise.all(desks.splice(0).map((desk) => desk.dispose()));
  await hq.dispose();
});

async function enrol(deskCode = '01', clockOffsetMs = 0): Promise<FaultDesk> {
  const desk = await FaultDesk.enrol(hq, deskCode, { clockOffsetMs });
  desks.push(desk);
  return desk;
}

async function closeDayOf(desk: FaultDesk, businessDate: string) {
  const snapshot = await readDaySnapshot(desk.db, businessDate);
  const answer = await desk.client.closeDay({ businessDate, lastSeq: snapshot.lastSeq, totals: snapshot.totals });
  if (!answer.ok) throw new Error(answer.failure.message);
  return { snapshot, response: answer.value };
}

describe('a desk clock a day off', () => {
  it('HQ keeps the ops in seq order whatever their times, and each day\'s totals follow the ops\' own times', async () => {
    const desk = await enrol('01', oneDayMs);
    // Morning: the clock runs a day ahead. Noon: someone sets it right, and the afternoon is written "earlier".
    const early = await acceptedCase(desk, deskTime('2026-11-27', '09:30'));
    expect(await desk.pass()).toEqual({ kind: 'synced' });
    desk.clockOffsetMs = 0;
    const late = await draftCase(desk, deskTime('2026-11-26', '14:10'));
    expect(await desk.pass()).toEqual({ kind: 'synced' });

    const held = await hqOpsOf(hq, desk.deskId);
    expect(held.map((op) => op.seq)).toEqual(held.map((_, index) => index + 1));
    const firstLate = held.findIndex((op) => op.entityId === late.id);
    expect(Date.parse(held[firstLate]!.at)).toBeLessThan(Date.parse(held[firstLate - 1]!.at));
    expect(held.map((op) => op.businessDate)).toEqual(held.map((op) => businessDateOf(op.at)));
    expect(new Set(held.filter((op) => op.entityId === early.id).map((op) => op.businessDate))).toEqual(new Set(['2026-11-27']));

    const ahead = await closeDayOf(desk, '2026-11-27');
    expect(ahead.response).toEqual({ status: 'reconciled' });
    expect(ahead.snapshot.totals.casesByStatus).toEqual({ accepted: 1 });
    const today = await closeDayOf(desk, '2026-11-26');
    expect(today.response).toEqual({ status: 'reconciled' });
    expect(today.snapshot.totals.casesByStatus).toEqual({ drafting: 1 });
    await expectDelivered(hq, desk);
  });
});

describe('two desks change the same case', () => {
  /** Desk 01 takes a case in; desk 02 pulls it and changes its queue ticket first. */
  async function contestedCase(): Promise<{ origin: FaultDesk; other: FaultDesk; row: CaseRow }> {
    const origin = await enrol('01');
    const other = await enrol('02');
    const row = await draftCase(origin);
    expect(await origin.pass()).toEqual({ kind: 'synced' });
    expect(await other.pass()).toEqual({ kind: 'synced' });
    expect((await updateIntake(other.db, row.id, { queueTicket: 'B007' }, { clerk: other.clerk })).ok).toBe(true);
    expect(await other.pass()).toEqual({ kind: 'synced' });
    return { origin, other, row };
  }

  it("HQ's value stands, the desk's value is kept beside it and the case is flagged", async () => {
    const { origin, other, row } = await contestedCase();
    expect((await updateIntake(origin.db, row.id, { queueTicket: 'A099' }, { clerk: origin.clerk })).ok).toBe(true);
    expect(await origin.pass()).toEqual({ kind: 'synced' });

    const [conflicted] = await opsInState(origin.db, 'conflict', 10);
    expect(conflicted).toMatchObject({ entityId: row.id, lastError: hqServerMessages.conflict(['queueTicket']) });
    expect(await origin.db.cases.get(row.id)).toMatchObject({
      queueTicket: 'B007',
      conflicts: [{ field: 'queueTicket', deskValue: 'A099', hqValue: 'B007', at: conflicted!.op.at }],
    });
    expect((await hq.operator.getCase(row.id)).case.queueTicket).toBe('B007');
    expect(await other.db.cases.get(row.id)).toMatchObject({ queueTicket: 'B007', conflicts: [] });
    await expectDelivered(hq, origin);
    await expectDelivered(hq, other);
  });

  it("a clerk's change saved while a pull is being applied: once HQ resolves the conflict its way, HQ's value stands on the desk too", async () => {
    const { origin, row } = await contestedCase();
    // The clerk saves just as the pull that brings desk 02's change is on its way.
    origin.tap.beforePull = async () => {
      origin.tap.beforePull = null;
      expect((await updateIntake(origin.db, row.id, { queueTicket: 'A099' }, { clerk: origin.clerk })).ok).toBe(true);
    };
    expect(await origin.pass()).toEqual({ kind: 'synced' });
    expect(await origin.pass()).toEqual({ kind: 'synced' });

    expect((await hq.operator.getCase(row.id)).case.queueTicket).toBe('B007');
    expect(await origin.db.cases.get(row.id)).toMatchObject({
      queueTicket: 'B007',
      conflicts: [{ field: 'queueTicket', deskValue: 'A099', hqValue: 'B007' }],
    });
    await expectDelivered(hq, origin);
  });
});

describe('two windows decide the same case', () => {
  const acceptedAt = '2026-11-26T10:30:00.000+08:00';
  const noticeAt = '2026-11-26T10:40:00.000+08:00';

  /** Desk 01 takes a case in; both desks hold it at HQ's version before either decides. */
  async function caseAtBothDesks(): Promise<{ origin: FaultDesk; other: FaultDesk; row: CaseRow }> {
    const origin = await enrol('01');
    const other = await enrol('02');
    const row = await draftCase(origin);
    expect(await origin.pass()).toEqual({ kind: 'synced' });
    expect(await other.pass()).toEqual({ kind: 'synced' });
    return { origin, other, row };
  }

  /** Every required material received at `desk`, then 受理. */
  async function acceptAt(desk: FaultDesk, row: CaseRow): Promise<void> {
    for (const item of await caseChecklist(desk.db, row.id)) {
      if (!item.item.required || item.status !== 'missing') continue;
      const recorded = await recordChecklistItem(desk.db, row.id, item.key, { status: 'received', form: item.item.form, copies: 1, pages: 1 }, { clerk: desk.clerk, at: acceptedAt });
      expect(recorded.ok).toBe(true);
    }
    expect((await applyCommand(desk.db, row.id, { type: 'accept' }, { clerk: desk.clerk, at: acceptedAt })).ok).toBe(true);
  }

  /** 一次性告知 at `desk` for every required material it has not received. */
  async function issueNoticeAt(desk: FaultDesk, row: CaseRow): Promise<void> {
    const missing = (await caseChecklist(desk.db, row.id)).filter((item) => item.item.required && item.status === 'missing');
    const command = { type: 'issueCorrectionNotice' as const, items: missing.map((item) => ({ materialKey: item.key })) };
    expect((await applyCommand(desk.db, row.id, command, { clerk: desk.clerk, at: noticeAt })).ok).toBe(true);
  }

  /** Both desks hold HQ's status, show the notice as the decision that stands, and only desk 01 is marked, with both values. */
  async function expectConverged(origin: FaultDesk, other: FaultDesk, row: CaseRow): Promise<void> {
    const onHq = (await hq.operator.getCase(row.id)).case;
    expect(onHq.status).toEqual({ code: 'awaitingCorrection', noticeIssuedAt: noticeAt });
    for (const desk of [origin, other]) {
      const local = (await desk.db.cases.get(row.id))!;
      expect(local.state.status, `desk ${desk.deskCode}`).toEqual(onHq.status);
      expect(standingDecision(local.state), `desk ${desk.deskCode}`).toMatchObject({ type: 'correctionNoticeIssued', clerkId: other.clerk.id });
      // Desk 01's acceptance reached every timeline (events are only appended), superseded.
      expect(local.state.timeline.filter((event) => event.type === 'accepted')).toHaveLength(1);
    }
    expect((await other.db.cases.get(row.id))!.conflicts).toEqual([]);
    expect((await origin.db.cases.get(row.id))!.conflicts).toEqual([
      {
        field: 'status',
        deskValue: { code: 'accepted', acceptance: expect.objectContaining({ acceptedAt }) },
        hqValue: { code: 'awaitingCorrection', noticeIssuedAt: noticeAt },
        at: acceptedAt,
        clerkId: origin.clerk.id,
        hqBy: { deskCode: '02', clerkId: other.clerk.id, clerkName: '受理员02', at: noticeAt },
      },
    ]);
  }

  /** Desk 01, offline, accepts; desk 02 issues 一次性告知 and HQ takes it; then desk 01's network is back and it syncs. */
  async function decidedApart(): Promise<{ origin: FaultDesk; other: FaultDesk; row: CaseRow }> {
    const desks = await caseAtBothDesks();
    const { origin, other, row } = desks;
    origin.tap.offline = true;
    await acceptAt(origin, row);
    await issueNoticeAt(other, row);
    expect(await other.pass()).toEqual({ kind: 'synced' });
    origin.tap.offline = false;
    expect(await origin.pass()).toEqual({ kind: 'synced' });
    return desks;
  }

  it('desk 01 accepts offline, desk 02 issues 一次性告知 online: after one sync each, both show HQ’s state and desk 01 the mark', async () => {
    const { origin, other, row } = await decidedApart();
    expect(await other.pass()).toEqual({ kind: 'synced' });
    await expectConverged(origin, other, row);
    // Desk 01's superseded acceptance no longer asks for its 受理通知书 and 收件凭证 at the day's close.
    expect((await readDaySnapshot(origin.db, '2026-11-26')).unprinted).toEqual([]);
    expect((await readDaySnapshot(other.db, '2026-11-26')).unprinted.map((document) => document.kind)).toEqual(['correctionNotice']);
    await expectDelivered(hq, origin);
    await expectDelivered(hq, other);
  });

  it('desk 01 decides while the pull bringing desk 02’s notice is on its way: the notice stands there too, its author named', async () => {
    const { origin, other, row } = await caseAtBothDesks();
    await issueNoticeAt(other, row);
    expect(await other.pass()).toEqual({ kind: 'synced' });
    origin.tap.beforePull = async () => {
      origin.tap.beforePull = null;
      await acceptAt(origin, row);
    };
    expect(await origin.pass()).toEqual({ kind: 'synced' });
    expect(await origin.pass()).toEqual({ kind: 'synced' });
    expect(await other.pass()).toEqual({ kind: 'synced' });
    await expectConverged(origin, other, row);
  });

  it('已知悉 clears the mark with an op: HQ and the other window record who saw it, and the audit log says so', async () => {
    const { origin, other, row } = await decidedApart();
    const seenAt = '2026-11-26T11:00:00.000+08:00';
    // The op cannot be stored (the disk is full): the mark stays, and no audit entry says it was seen.
    const auditBefore = await origin.db.auditLog.count();
    origin.storage.failNextWrite('outbox', 'quota');
    await expect(acknowledgeCaseConflicts(origin.db, row.id, { clerk: origin.clerk, at: seenAt })).rejects.toBeInstanceOf(DataError);
    expect((await origin.db.cases.get(row.id))!.conflicts).toHaveLength(1);
    expect(await origin.db.auditLog.count()).toBe(auditBefore);

    const seen = await acknowledgeCaseConflicts(origin.db, row.id, { clerk: origin.clerk, at: seenAt });
    expect(seen.ok).toBe(true);
    expect((await origin.db.cases.get(row.id))!.conflicts).toEqual([]);
    expect(await origin.pass()).toEqual({ kind: 'synced' });
    expect(await other.pass()).toEqual({ kind: 'synced' });

    const acknowledged = { type: 'conflictAcknowledged', fields: ['status'], clerkId: origin.clerk.id, at: seenAt };
    expect((await hq.operator.getCase(row.id)).events).toContainEqual(expect.objectContaining({ entity: 'caseEvent', data: expect.objectContaining({ event: expect.objectContaining(acknowledged) }) }));
    expect((await other.db.cases.get(row.id))!.state.timeline).toContainEqual(expect.objectContaining(acknowledged));
    const audit = await origin.db.auditLog.toArray();
    expect(audit.at(-1)).toMatchObject({ action: 'case.acknowledgeConflicts', clerkId: origin.clerk.id, subject: `case:${row.id}` });
    // Nothing left to acknowledge: a second 已知悉 is refused and writes nothing.
    expect(await acknowledgeCaseConflicts(origin.db, row.id, { clerk: origin.clerk, at: seenAt })).toMatchObject({ ok: false });
    expect(await origin.db.auditLog.count()).toBe(audit.length);
    await expectDelivered(hq, origin);
  });
});

describe('an op HQ rejects', () => {
  it('the clerk sees it with HQ\'s reason, and the ops after it are still delivered', async () => {
    const desk = await enrol();
    const chief = await addAccount(desk.db, 'chief', '赵首席');
    const row = await acceptedCase(desk);
    // The chief recorded an in-hall approval while the desk was not yet enrolled (its outbox is first pushed
    // once it is): the status it sets is HQ's to set, so HQ refuses that op.
    const approval = await recordInHallApproval(desk.db, row.id, { ...licenceData(), issuedOn: '2026-11-26' }, { clerk: chief, deskEnrolled: false });
    expect(approval.ok).toBe(true);
    const later = await draftCase(desk);
    expect(await desk.pass()).toEqual({ kind: 'synced' });

    const rejected = await opsInState(desk.db, 'rejected', 50);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.find((op) => op.entity === 'case')).toMatchObject({
      entityId: row.id,
      lastError: hqServerMessages.hqOwnedStatus('awaitingIssuance'),
    });
    expect(rejected.every((op) => typeof op.lastError === 'string' && op.lastError.length > 0)).toBe(true);
    const after = (await desk.db.outbox.toArray()).filter((op) => op.seq > Math.max(...rejected.map((r) => r.seq)));
    expect(after.some((op) => op.entityId === later.id)).toBe(true);
    expect(after.every((op) => op.state === 'applied')).toBe(true);
    await expectDelivered(hq, desk);
  });
});
