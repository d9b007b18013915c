import { caseFields, caseRecordSchema } from '../../../../renderer/src/domain/cases/caseRecord';
import { decidableStatusCodes } from '../../../../renderer/src/domain/cases/ownership';
import { businessDateOf } from '../../../../renderer/src/domain/chineseDate';
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseChecklist, recordChecklistItem } from '../../../../renderer/src/data/caseChecklist';
import { applyCommand } from '../../../../renderer/src/data/cases';
import { caseFieldsOf } from '../../../../renderer/src/data/caseWrite';
import { DataError } from '../../../../renderer/src/data/dataError';
import { readDaySnapshot } from '../../../../renderer/src/data/dayClose/snapshot';
import type { CaseRow } from '../../../../renderer/src/data/records';
import { canonicalJson } from '../../../../renderer/src/domain/audit/canonicalJson';
import type { CaseCommandInput } from '../../../../renderer/src/domain/cases/caseCommands';
import { isSuperseded, standingDecision } from '../../../../renderer/src/domain/cases/standingDecision';
import type { OperatorCase } from '../../../hq/operatorProtocol';
import { licenceData } from '../../../hq/support/fixtures';
import { HqHarness } from '../../../hq/support/harness';
import { expectDelivered, FaultDesk, hallCode } from './faults/faultDesk';
import { acceptedCase, draftCase } from './syncFixtures';
import { signedWithdrawalRequest } from '../domain/cases/caseFixtures';

/**
 * The property behind the fault suite (ARCHITECTURE.md, "The sync contract"), over random days of a hall: two or three desks take
 * cases in, record checklist items and decide at the counter, HQ decides some cases, and meanwhile HQ
 * fails with 5xx, answers get lost, desks restart mid-sync or mid-write, and the network comes and goes.
 * After everything is drained:
 * - every opId is on HQ exactly once, each desk's lastSeq on HQ equals its highest seq (`expectDelivered`);
 * - desks and HQ agree: every desk holds every case of the hall, with HQ's desk-owned fields and decision;
 * - each desk's day totals, computed from its outbox, reconcile with HQ for every business day.
 * A second property has two windows decide one case without seeing each other, then syncs them in random
 * order through the same faults: every desk ends with HQ's state and the same decision standing, and the
 * window whose decision HQ did not keep holds the mark with both values.
 * Deterministic in its choices (seeded; fast-check prints the seed and the command list on failure).
 */

const seed = Number(process.env['SYNC_PROPERTY_SEED'] ?? 20261126);
const numRuns = Number(process.env['SYNC_PROPERTY_RUNS'] ?? 20);
/** The hall's day starts at 09:00 and each act takes 71 minutes, so a long run spills into the next day. */
const dayStart = Date.parse('2026-11-26T09:00:00+08:00');
const ACT_MS = 71 * 60 * 1000;

interface Hall {
  hq: HqHarness;
  desks: FaultDesk[];
  acts: number;
}

interface Model {
  offline: boolean[];
}

function nextInstant(hall: Hall): string {
  hall.acts += 1;
  return new Date(dayStart + hall.acts * ACT_MS).toISOString();
}

const deskOf = (hall: Hall, pick: number) => hall.desks[pick % hall.desks.length]!;

async function caseOf(desk: FaultDesk, pick: number): Promise<CaseRow | undefined> {
  const rows = await desk.db.cases.orderBy('caseNumber').toArray();
  return rows[pick % Math.max(1, rows.length)];
}

/** Resolves when `ready()` holds or `settled` has settled, whichever comes first (polls every 5 ms). */
async function until(ready: () => boolean, settled: Promise<unknown>): Promise<void> {
  let done = false;
  void settled.finally(() => (done = true));
  while (!done && !ready()) await new Promise((resolve) => setTimeout(resolve, 5));
}

class Act implements fc.AsyncCommand<Model, Hall> {
  constructor(
    private readonly label: string,
    private readonly step: (hall: Hall, model: Model) => Promise<void>,
    private readonly applies: (model: Readonly<Model>) => boolean = () => true,
  ) {}

  check(model: Readonly<Model>): boolean {
    return this.applies(model);
  }

  run(model: Model, hall: Hall): Promise<void> {
    return this.step(hall, model);
  }

  toString(): string {
    return this.label;
  }
}

const desk = fc.nat({ max: 2 });
const pick = fc.nat({ max: 20 });

const work = [
  fc.record({ desk, accepted: fc.boolean() }).map(
    ({ desk: d, accepted }) =>
      new Act(`takeIn(desk ${d}, ${accepted ? 'accepted' : 'draft'})`, async (hall) => {
        const at = nextInstant(hall);
        await (accepted ? acceptedCase(deskOf(hall, d), at) : draftCase(deskOf(hall, d), at));
      }),
  ),
  fc.record({ desk, pick, item: pick, status: fc.constantFrom('received', 'missing', 'exempt', 'deferred') }).map(
    ({ desk: d, pick: p, item, status }) =>
      new Act(`recordItem(desk ${d}, case ${p}, item ${item}, ${status})`, async (hall) => {
        const at = nextInstant(hall);
        const target = deskOf(hall, d);
        const row = await caseOf(target, p);
        if (row === undefined) return;
        const items = await caseChecklist(target.db, row.id);
        const chosen = items[item % Math.max(1, items.length)];
        if (chosen === undefined) return;
        const deferredUntil = status === 'deferred' ? '2026-12-10' : null;
        // Refused changes (a closed case…) write nothing; that is part of a day's work too.
        await recordChecklistItem(target.db, row.id, chosen.key, { status, deferredUntil, form: status === 'received' ? chosen.item.form : null, copies: 1, pages: 1 }, { clerk: target.clerk, at });
      }),
  ),
  fc.record({ desk, pick, decision: fc.constantFrom('accept', 'correctionNotice', 'refuse', 'withdraw') }).map(
    ({ desk: d, pick: p, decision }) =>
      new Act(`decide(desk ${d}, case ${p}, ${decision})`, async (hall) => {
        const at = nextInstant(hall);
        const target = deskOf(hall, d);
        const row = await caseOf(target, p);
        if (row === undefined) return;
        const missing = (await caseChecklist(target.db, row.id)).filter((item) => item.item.required && item.status === 'missing');
        const command: CaseCommandInput | null =
          decision === 'accept'
            ? { type: 'accept' }
            : decision === 'refuse'
              ? { type: 'refuse', reason: '不属于本中心受理范围' }
              : decision === 'withdraw'
                ? { type: 'withdraw', reason: '申请人撤回', request: signedWithdrawalRequest }
                : missing.length > 0
                  ? { type: 'issueCorrectionNotice', items: missing.map((item) => ({ materialKey: item.key })) }
                  : null;
        if (command !== null) await applyCommand(target.db, row.id, command, { clerk: target.clerk, at });
      }),
  ),
  fc.record({ pick, approve: fc.boolean() }).map(
    ({ pick: p, approve }) =>
      new Act(`hqDecides(case ${p}, ${approve ? 'approve' : 'deny'})`, async (hall) => {
        const { cases } = await hall.hq.operator.listCases({ hallCode, decided: false, limit: 500 });
        const decidable = cases.filter((c) => (decidableStatusCodes as readonly string[]).includes(c.status.code));
        const chosen = decidable[p % Math.max(1, decidable.length)];
        if (chosen === undefined) return;
        if (approve) await hall.hq.operator.approve(chosen.id, licenceData({ name: chosen.enterprise.name }));
        else await hall.hq.operator.deny(chosen.id, '经营范围涉及前置许可，未取得许可文件');
      }),
  ),
];

const sync = desk.map((d) => new Act(`sync(desk ${d})`, async (hall) => void (await deskOf(hall, d).pass())));

const faults = [
  fc.integer({ min: 1, max: 3 }).map(
    (count) => new Act(`hq5xx(next ${count} requests)`, async (hall) => void (await hall.hq.operator.setFaults({ failNext: { route: 'any', count, status: 503 } }))),
  ),
  fc.constant(new Act('hqFailsAfterCommit(next push)', async (hall) => void (await hall.hq.operator.setFaults({ afterCommit: { route: 'push', count: 1, mode: 'error' } })))),
  desk.map(
    (d) =>
      new Act(`lostAck(desk ${d})`, async (hall) => {
        const target = deskOf(hall, d);
        target.tap.loseNextAnswer('network');
        await target.pass();
      }),
  ),
  desk.map(
    (d) =>
      new Act(`restartMidSync(desk ${d})`, async (hall) => {
        const target = deskOf(hall, d);
        target.tap.loseNextAnswer('never');
        const pass = target.pass();
        // The page goes away once HQ has taken the push (or, with nothing to push, when the pass ends).
        await until(() => target.tap.pushes.some((push) => push.answeredByHq), pass);
        target.restart();
      }),
  ),
  desk.map(
    (d) =>
      new Act(`restartMidWrite(desk ${d})`, async (hall) => {
        const target = deskOf(hall, d);
        target.storage.failNextWrite('outbox', 'killed');
        await expect(draftCase(target, nextInstant(hall))).rejects.toBeInstanceOf(DataError);
        target.restart();
      }),
  ),
  desk.map(
    (d) =>
      new Act(
        `networkDown(desk ${d})`,
        async (hall, model) => {
          deskOf(hall, d).tap.offline = true;
          model.offline[d % model.offline.length] = true;
        },
        (model) => !model.offline[d % model.offline.length],
      ),
  ),
  desk.map(
    (d) =>
      new Act(
        `networkUp(desk ${d})`,
        async (hall, model) => {
          deskOf(hall, d).tap.offline = false;
          model.offline[d % model.offline.length] = false;
        },
        (model) => model.offline[d % model.offline.length] === true,
      ),
  ),
];

/** The morning before the random part: each desk takes a case in, and every desk pulls every case. */
async function openTheHall(hall: Hall): Promise<void> {
  for (const member of hall.desks) {
    await draftCase(member, nextInstant(hall));
    await member.pass();
  }
  for (const member of hall.desks) await member.pass();
}

/** Runs `work` in a hall of `deskCount` desks enrolled with a fresh HQ, each holding every case `openTheHall` took in; then disposes of it all. */
async function inOpenHall(deskCount: number, work: (hall: Hall) => Promise<void>): Promise<void> {
  const hq = await new HqHarness().start();
  const hall: Hall = { hq, desks: [], acts: 0 };
  try {
    for (let i = 1; i <= deskCount; i++) hall.desks.push(await FaultDesk.enrol(hq, String(i).padStart(2, '0'), { timeoutMs: 5000 }));
    await openTheHall(hall);
    await work(hall);
  } finally {
    await Promise.all(hall.desks.map((member) => member.dispose()));
    await hq.dispose();
  }
}

/** Network back, HQ healed, then passes until every desk has nothing left to send and has pulled the others' last ops. */
async function drain(hall: Hall): Promise<void> {
  await hall.hq.operator.clearFaults();
  for (const member of hall.desks) member.tap.offline = false;
  for (let round = 0; round < 5; round++) {
    const outcomes = [];
    for (const member of hall.desks) outcomes.push(await member.pass());
    const unsent = await Promise.all(hall.desks.map((member) => member.db.outbox.where('state').anyOf('pending', 'sending').count()));
    if (outcomes.every((outcome) => outcome.kind === 'synced') && unsent.every((count) => count === 0)) break;
  }
  for (const member of hall.desks) expect(await member.pass()).toEqual({ kind: 'synced' });
}

/** The desk's view of a case and HQ's, field by field: desk-owned fields, then HQ's decision and numbers. */
function caseView(fields: Record<string, unknown>): Record<string, string> {
  const keys = [...caseFields, 'hqCaseNumber', 'decision', 'licence'];
  return Object.fromEntries(keys.map((key) => [key, canonicalJson(fields[key] ?? null)]));
}

async function expectAgreement(hall: Hall): Promise<void> {
  const { cases, total } = await hall.hq.operator.listCases({ hallCode, limit: 500 });
  expect(cases).toHaveLength(total);
  const onHq = new Map(cases.map((c: OperatorCase) => [c.id, caseView(c)]));
  for (const member of hall.desks) {
    const rows = await member.db.cases.toArray();
    expect(rows.map((row) => row.id).sort(), `desk ${member.deskCode} holds the hall's cases`).toEqual([...onHq.keys()].sort());
    for (const row of rows) {
      const local = caseView({ ...caseFieldsOf(row), hqCaseNumber: row.hqCaseNumber, decision: row.decision, licence: row.licence });
      expect(local, `desk ${member.deskCode}, case ${row.caseNumber}`).toEqual(onHq.get(row.id));
    }
  }
}

async function expectDaysReconcile(member: FaultDesk): Promise<void> {
  const dates = new Set((await member.db.outbox.toArray()).map((row) => businessDateOf(row.op.at)));
  for (const businessDate of dates) {
    const snapshot = await readDaySnapshot(member.db, businessDate);
    const answer = await member.client.closeDay({ businessDate, lastSeq: snapshot.lastSeq, totals: snapshot.totals });
    expect(answer, `desk ${member.deskCode} closes ${businessDate}`).toEqual({ ok: true, value: { status: 'reconciled' } });
  }
}

describe('sync under random work and random faults', () => {
  it(
    'every op reaches HQ once, desks and HQ agree on every case, and every day reconciles',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 2, max: 3 }),
          // Work and syncs are listed more than once: fast-check picks among the entries evenly, and a day is mostly work.
          fc.commands([...work, ...work, sync, sync, sync, ...faults], { maxCommands: 20, size: 'max' }),
          (deskCount, commands) =>
            inOpenHall(deskCount, async (hall) => {
              await fc.asyncModelRun(() => ({ model: { offline: hall.desks.map(() => false) }, real: hall }), commands);
              await drain(hall);
              for (const member of hall.desks) await expectDelivered(hall.hq, member);
              await expectAgreement(hall);
              for (const member of hall.desks) await expectDaysReconcile(member);
            }),
        ),
        { seed, numRuns, endOnFailure: true },
      );
    },
    120_000,
  );
});

/** What a window decides at the counter on a case still being taken in; 受理 first receives every required material. */
const counterDecision = fc.constantFrom('accept', 'correctionNotice', 'refuse', 'withdraw');
type CounterDecision = typeof counterDecision extends fc.Arbitrary<infer D> ? D : never;

async function decideAtCounter(member: FaultDesk, row: CaseRow, decision: CounterDecision, at: string): Promise<void> {
  const items = await caseChecklist(member.db, row.id);
  if (decision === 'accept') {
    for (const item of items.filter((entry) => entry.item.required && entry.status === 'missing')) {
      const recorded = await recordChecklistItem(member.db, row.id, item.key, { status: 'received', form: item.item.form, copies: 1, pages: 1 }, { clerk: member.clerk, at });
      expect(recorded.ok).toBe(true);
    }
  }
  const missing = items.filter((item) => item.item.required && item.status === 'missing');
  const command: CaseCommandInput =
    decision === 'accept'
      ? { type: 'accept' }
      : decision === 'refuse'
        ? { type: 'refuse', reason: '不属于本中心受理范围' }
        : decision === 'withdraw'
          ? { type: 'withdraw', reason: '申请人撤回', request: signedWithdrawalRequest }
          : { type: 'issueCorrectionNotice', items: missing.map((item) => ({ materialKey: item.key })) };
  const decided = await applyCommand(member.db, row.id, command, { clerk: member.clerk, at });
  expect(decided.ok, decided.ok ? '' : decided.message).toBe(true);
}

/** The sync side of a day after two windows decided one case without seeing each other: passes, the network, HQ's faults. */
const contestSteps = [sync, sync, ...faults];

describe('two windows decide the same case at once', () => {
  it(
    'after a final sync round every desk holds HQ\'s state and decision, and the window whose decision lost holds the mark with both values',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 2, max: 3 }),
          fc.record({ first: desk, second: desk, pick, decisions: fc.tuple(counterDecision, counterDecision), secondFirst: fc.boolean() }),
          fc.commands(contestSteps, { maxCommands: 12, size: 'max' }),
          (deskCount, contest, commands) =>
            inOpenHall(deskCount, async (hall) => {
              const { hq } = hall;
              // Two different windows, both cut off, decide the same case: neither can see the other's decision.
              const a = deskOf(hall, contest.first);
              const b = hall.desks.filter((member) => member !== a)[contest.second % (deskCount - 1)]!;
              const row = (await caseOf(a, contest.pick))!;
              a.tap.offline = true;
              b.tap.offline = true;
              const order = contest.secondFirst ? ([[b, contest.decisions[1]], [a, contest.decisions[0]]] as const) : ([[a, contest.decisions[0]], [b, contest.decisions[1]]] as const);
              for (const [member, decision] of order) await decideAtCounter(member, row, decision, nextInstant(hall));
              const offline = hall.desks.map((member) => member.tap.offline);
              await fc.asyncModelRun(() => ({ model: { offline }, real: hall }), commands);
              await drain(hall);
              // The final round: each window pulls what the others' last passes sent.
              for (const member of hall.desks) expect(await member.pass()).toEqual({ kind: 'synced' });

              await expectAgreement(hall);
              const onHq = caseRecordSchema.parse((await hq.operator.getCase(row.id)).case);
              const winnerCode = onHq.fieldAuthors?.status?.deskCode;
              expect([a.deskCode, b.deskCode]).toContain(winnerCode);
              const [winner, loser] = winnerCode === a.deskCode ? [a, b] : [b, a];
              const standing = new Set<string>();
              for (const member of hall.desks) {
                const local = (await member.db.cases.get(row.id))!;
                expect(local.state.status, `desk ${member.deskCode}`).toEqual(onHq.status);
                const stands = standingDecision(local.state);
                standing.add(stands === null ? 'none' : `${stands.type}|${stands.clerkId}|${Date.parse(stands.at)}`);
                // The losing window's decision is on every timeline that has it, never as the one that stands.
                for (const event of local.state.timeline.filter((entry) => entry.clerkId === loser.clerk.id && 'visit' in entry && entry.type !== 'applicantReturned')) {
                  expect(isSuperseded(event, local.state), `desk ${member.deskCode}: ${event.type} of desk ${loser.deskCode}`).toBe(true);
                }
                if (stands !== null) expect(stands.clerkId, `desk ${member.deskCode}`).toBe(winner.clerk.id);
              }
              expect(standing.size, 'every desk shows the same decision standing').toBe(1);

              const lost = (await loser.db.outbox.toArray()).find((entry) => entry.op.entity === 'case' && 'status' in (entry.op.payload as object) && entry.op.entityId === row.id && entry.state === 'conflict');
              expect(lost, `desk ${loser.deskCode}'s decision was answered conflict`).toBeDefined();
              const mark = (await loser.db.cases.get(row.id))!.conflicts.filter((conflict) => conflict.field === 'status');
              expect(mark).toEqual([
                {
                  field: 'status',
                  deskValue: (lost!.op.payload as Record<string, unknown>)['status'],
                  hqValue: onHq.status,
                  at: lost!.op.at,
                  clerkId: loser.clerk.id,
                  hqBy: { deskCode: winner.deskCode, clerkId: winner.clerk.id, clerkName: `受理员${winner.deskCode}`, at: onHq.fieldAuthors!.status!.at },
                },
              ]);
              expect((await winner.db.cases.get(row.id))!.conflicts).toEqual([]);
            }),
        ),
        { seed, numRuns, endOnFailure: true },
      );
    },
    120_000,
  );
});
