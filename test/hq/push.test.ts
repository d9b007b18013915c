import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hqErrorSchema } from '../../renderer/src/protocol/errors';
import { pullResponseSchema } from '../../renderer/src/protocol/pull';
import { pushResponseSchema, type PushResponse } from '../../renderer/src/protocol/push';
import { acceptedStatus, at, documentPayload, licenceData, newCasePayload, Outbox, withdrawnStatus } from './support/fixtures';
import { HqHarness, type Answer, type TestDesk } from './support/harness';

let hq: HqHarness;
let desk: TestDesk;
let outbox: Outbox;

beforeEach(async () => {
  hq = await new HqHarness().start();
  desk = await hq.enrol('FC', '03');
  outbox = new Outbox();
});
afterEach(() => hq.dispose());

function pushed(answer: Answer): PushResponse {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return pushResponseSchema.parse(answer.body);
}

async function hqLastSeq(deskId = desk.deskId): Promise<number> {
  return (await hq.operator.desks()).find((summary) => summary.deskId === deskId)?.lastSeq ?? -1;
}

async function pullAll(from: TestDesk) {
  return pullResponseSchema.parse((await from.pull('?cursor=0&limit=500')).body).changes;
}

describe('push: seq, duplicates and gaps', () => {
  it('applies new ops in order and advances lastSeq to the last of them', async () => {
    const caseId = uuidv7();
    const ops = [
      outbox.newCase(desk, 1, {}, caseId),
      outbox.op('caseEvent', uuidv7(), { caseId, event: { type: 'opened', seq: 1, at: at(), clerkId: outbox.clerkId } }),
      outbox.op('documentEvent', uuidv7(), documentPayload({ caseId })),
    ];
    const response = pushed(await desk.push(ops));
    expect(response.lastSeq).toBe(3);
    expect(response.results.map((result) => [result.seq, result.status, result.serverVersion])).toEqual([
      [1, 'applied', 1],
      [2, 'applied', 1],
      [3, 'applied', 1],
    ]);
    expect(await hqLastSeq()).toBe(3);
  });

  it('answers a batch sent again as duplicates carrying each first result, and applies nothing twice', async () => {
    const ops = [outbox.newCase(desk, 1), outbox.raw({ entity: 'nonsense', type: 'upsert', entityId: 'x', payload: {} })];
    const first = pushed(await desk.push(ops));
    const again = pushed(await desk.push(ops));
    expect(again.lastSeq).toBe(2);
    expect(again.results).toEqual([
      { opId: first.results[0]?.opId, seq: 1, status: 'duplicate', originalStatus: 'applied', serverVersion: 1 },
      { opId: first.results[1]?.opId, seq: 2, status: 'duplicate', originalStatus: 'rejected', reason: first.results[1]?.reason },
    ]);
    expect(await pullAll(desk)).toHaveLength(1);
    expect(await hq.operator.ops(desk.deskId)).toHaveLength(2);
  });

  it('answers the part of a batch at or below lastSeq as duplicates and applies the rest', async () => {
    const ops = [outbox.newCase(desk, 1), outbox.newCase(desk, 2), outbox.newCase(desk, 3)];
    pushed(await desk.push(ops.slice(0, 2)));
    const response = pushed(await desk.push(ops));
    expect(response.results.map((result) => result.status)).toEqual(['duplicate', 'duplicate', 'applied']);
    expect(response.lastSeq).toBe(3);
    expect(await pullAll(desk)).toHaveLength(3);
  });

  it('refuses with 409 seq_conflict, applying nothing, when a seq HQ holds comes with another opId', async () => {
    pushed(await desk.push([outbox.newCase(desk, 1)]));
    const impostor = { ...outbox.newCase(desk, 2), seq: 1 };
    const next = { ...outbox.newCase(desk, 3), seq: 2 };
    const answer = await desk.push([impostor, next]);
    expect(answer.status).toBe(409);
    expect(hqErrorSchema.parse(answer.body)).toMatchObject({ error: 'seq_conflict', seq: 1 });
    expect(await hqLastSeq()).toBe(1);
    expect(await pullAll(desk)).toHaveLength(1);
  });

  it('refuses a first op beyond lastSeq + 1 with 409 seq_gap naming the seq HQ expects', async () => {
    pushed(await desk.push([outbox.newCase(desk, 1)]));
    outbox.raw({}); // seq 2 is lost on the way
    const answer = await desk.push([outbox.newCase(desk, 3)]);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ error: 'seq_gap', expectedSeq: 2 });
    expect(await hqLastSeq()).toBe(1);
  });

  it('refuses with 422 a batch whose seqs are not contiguous, or that repeats an opId', async () => {
    const first = outbox.newCase(desk, 1);
    outbox.raw({});
    const third = outbox.newCase(desk, 3);
    expect((await desk.push([first, third])).status).toBe(422);
    expect((await desk.push([first, { ...first, seq: 2 }])).status).toBe(422);
    expect(await hqLastSeq()).toBe(0);
  });

  it('applies a batch sent twice at once exactly once: one answer applies it, the other finds duplicates', async () => {
    const ops = Array.from({ length: 50 }, (_, index) => outbox.newCase(desk, index + 1));
    const answers = await Promise.all([desk.push(ops), desk.push(ops)]);
    const statuses = answers.map((answer) => [...new Set(pushed(answer).results.map((result) => result.status))]);
    expect(statuses).toEqual(expect.arrayContaining([['applied'], ['duplicate']]));
    expect(await pullAll(desk)).toHaveLength(50);
    expect(await hq.operator.ops(desk.deskId)).toHaveLength(50);
  });

  it('answers an empty batch with lastSeq and no results', async () => {
    pushed(await desk.push([outbox.newCase(desk, 1)]));
    expect(pushed(await desk.push([]))).toEqual({ lastSeq: 1, results: [] });
  });
});

describe('push: ops that can never succeed are rejected and the queue moves on', () => {
  it('rejects each kind of hopeless op with a reason, advances lastSeq past them, and applies the next op', async () => {
    const caseId = uuidv7();
    const reused = outbox.newCase(desk, 1, {}, caseId);
    const hopeless = [
      reused,
      outbox.raw({ entity: 'invoice', type: 'upsert', entityId: uuidv7(), payload: {} }),
      outbox.raw({ entity: 'checklistEvent', type: 'upsert', entityId: uuidv7(), payload: {} }),
      outbox.raw({ entity: 'case', type: 'upsert', entityId: uuidv7(), payload: { visits: 'many' } }),
      outbox.raw({ entity: 'case', type: 'upsert', entityId: caseId, payload: { hqCaseNumber: 'HQ-FC-2026-000009' } }),
      outbox.raw({ entity: 'case', type: 'upsert', entityId: caseId, payload: { licence: licenceData() } }),
      outbox.op('case', caseId, { status: { code: 'approved', acceptance: acceptedStatus().acceptance, decidedAt: at() } }),
      outbox.op('caseEvent', uuidv7(), { caseId, event: { type: 'approved', seq: 2, at: at(), clerkId: outbox.clerkId, note: null } }),
      outbox.op('documentEvent', uuidv7(), documentPayload({ caseId: uuidv7() })),
      outbox.op('case', uuidv7(), { visits: 2 }),
      outbox.op('documentEvent', uuidv7(), documentPayload({ action: 'voided', reason: null })),
    ];
    const response = pushed(await desk.push(hopeless));
    const [created, ...rejected] = response.results;
    expect(created?.status).toBe('applied');
    expect(rejected.map((result) => result.status)).toEqual(Array(rejected.length).fill('rejected'));
    expect(rejected.map((result) => result.reason)).toEqual([
      expect.stringContaining('invoice'),
      expect.stringContaining('append'),
      expect.stringContaining('visits'),
      expect.stringContaining('hqCaseNumber'),
      expect.stringContaining('licence'),
      expect.stringContaining('approved'),
      expect.stringContaining('approved'),
      expect.stringContaining('没有该办件'),
      expect.stringContaining('新建办件缺少'),
      expect.stringContaining('原因'),
    ]);
    expect(response.lastSeq).toBe(hopeless.length);
    expect(await hqLastSeq()).toBe(hopeless.length);

    const next = pushed(await desk.push([outbox.newCase(desk, 2)]));
    expect(next.results[0]?.status).toBe('applied');
    expect(next.lastSeq).toBe(hopeless.length + 1);
  });

  it('rejects an opId HQ already recorded at another seq', async () => {
    const { seq: _firstSeq, ...original } = outbox.newCase(desk, 1);
    pushed(await desk.push([{ ...original, seq: 1 }]));
    const response = pushed(await desk.push([outbox.raw(original)]));
    expect(response.results[0]).toMatchObject({ seq: 2, status: 'rejected', reason: expect.stringContaining('序号 1') });
    expect(response.lastSeq).toBe(2);
  });

  it("rejects a desk's changes to a case of another hall, and events for it", async () => {
    const caseId = uuidv7();
    pushed(await desk.push([outbox.newCase(desk, 1, {}, caseId)]));
    const stranger = await hq.enrol('YX', '01');
    const strangerOutbox = new Outbox();
    const response = pushed(
      await stranger.push([
        strangerOutbox.op('case', caseId, { visits: 2 }),
        strangerOutbox.op('documentEvent', uuidv7(), documentPayload({ caseId })),
      ]),
    );
    expect(response.results.map((result) => [result.status, result.reason])).toEqual([
      ['rejected', expect.stringContaining('其他大厅')],
      ['rejected', expect.stringContaining('其他大厅')],
    ]);
    expect((await hq.operator.getCase(caseId)).case.visits).toBe(1);
  });

  it('rejects an event sent again under a new opId: events are appended once', async () => {
    const eventId = uuidv7();
    const response = pushed(
      await desk.push([outbox.op('documentEvent', eventId, documentPayload()), outbox.op('documentEvent', eventId, documentPayload())]),
    );
    expect(response.results.map((result) => result.status)).toEqual(['applied', 'rejected']);
  });

  it('uses a licence sheet once: a second use, or any use after a void, is rejected; a used sheet may be voided', async () => {
    const sheet = (serial: string, action: 'used' | 'voided') =>
      outbox.op('licenceSheetEvent', uuidv7(), {
        serial,
        action,
        caseId: null,
        documentNumber: null,
        reason: action === 'voided' ? '套打错位' : null,
        approvedBy: action === 'voided' ? uuidv7() : null,
      });
    const response = pushed(
      await desk.push([sheet('YZ-000001', 'used'), sheet('YZ-000001', 'used'), sheet('YZ-000001', 'voided'), sheet('YZ-000002', 'voided'), sheet('YZ-000002', 'used')]),
    );
    expect(response.results.map((result) => result.status)).toEqual(['applied', 'rejected', 'applied', 'applied', 'rejected']);
  });
});

describe('push: ownership and conflicts', () => {
  async function acceptedCaseDecidedByHq(): Promise<string> {
    const caseId = uuidv7();
    pushed(await desk.push([outbox.newCase(desk, 1, { status: acceptedStatus() }, caseId)]));
    await hq.operator.approve(caseId, licenceData());
    return caseId;
  }

  it("keeps HQ's status when a desk changes it from a stale baseVersion, naming the field, and applies the rest", async () => {
    const caseId = await acceptedCaseDecidedByHq();
    const response = pushed(await desk.push([outbox.op('case', caseId, { status: withdrawnStatus(), visits: 2 }, { baseVersion: 1 })]));
    expect(response.results[0]).toMatchObject({ status: 'conflict', serverVersion: 3, conflictFields: ['status'] });
    expect(response.results[0]?.reason).toContain('status');
    const { case: stored } = await hq.operator.getCase(caseId);
    expect(stored.status.code).toBe('awaitingIssuance');
    expect(stored.visits).toBe(2);
  });

  it("never lets a desk that gives no baseVersion overwrite HQ's decision", async () => {
    const caseId = await acceptedCaseDecidedByHq();
    const response = pushed(await desk.push([outbox.op('case', caseId, { status: withdrawnStatus() })]));
    expect(response.results[0]).toMatchObject({ status: 'conflict', conflictFields: ['status'] });
    expect((await hq.operator.getCase(caseId)).case.status.code).toBe('awaitingIssuance');
  });

  it("applies a desk's change made from HQ's current version, even to a field HQ set", async () => {
    const caseId = await acceptedCaseDecidedByHq();
    const { case: decided } = await hq.operator.getCase(caseId);
    const completed = {
      code: 'completed',
      acceptance: acceptedStatus().acceptance,
      decidedAt: decided.decision?.decidedAt ?? '',
      completedAt: at('15:00:00'),
      collector: { name: '张三', idNumber: '11010519491231002X' },
    } as const;
    const response = pushed(await desk.push([outbox.op('case', caseId, { status: completed }, { baseVersion: decided.version })]));
    expect(response.results[0]).toMatchObject({ status: 'applied', serverVersion: decided.version + 1 });
    expect((await hq.operator.getCase(caseId)).case.status.code).toBe('completed');
  });

  it("lets a desk's later edits from an old baseVersion stand over its own earlier ones", async () => {
    const caseId = uuidv7();
    pushed(await desk.push([outbox.newCase(desk, 1, {}, caseId)]));
    const response = pushed(
      await desk.push([
        outbox.op('case', caseId, { visits: 2 }, { baseVersion: 1 }),
        outbox.op('case', caseId, { visits: 3, status: acceptedStatus() }, { baseVersion: 1 }),
      ]),
    );
    expect(response.results.map((result) => [result.status, result.serverVersion])).toEqual([
      ['applied', 2],
      ['applied', 3],
    ]);
  });

  it("finds a conflict with another desk of the hall from a stale base, and lets the last writer win without one", async () => {
    const caseId = uuidv7();
    pushed(await desk.push([outbox.newCase(desk, 1, {}, caseId)]));
    const issuing = await hq.enrol('FC', '07');
    const issuingOutbox = new Outbox();
    pushed(await issuing.push([issuingOutbox.op('case', caseId, { visits: 2 }, { baseVersion: 1 })]));

    const stale = pushed(await desk.push([outbox.op('case', caseId, { visits: 5 }, { baseVersion: 1 })]));
    expect(stale.results[0]).toMatchObject({ status: 'conflict', conflictFields: ['visits'], serverVersion: 2 });
    const blind = pushed(await desk.push([outbox.op('case', caseId, { visits: 6 })]));
    expect(blind.results[0]).toMatchObject({ status: 'applied', serverVersion: 3 });
  });

  it('applies an op that repeats the case unchanged without making a new version', async () => {
    const caseId = uuidv7();
    pushed(await desk.push([outbox.newCase(desk, 1, {}, caseId)]));
    const response = pushed(await desk.push([outbox.op('case', caseId, newCasePayload(desk, 1), { baseVersion: 1 })]));
    expect(response.results[0]).toMatchObject({ status: 'applied', serverVersion: 1 });
  });
});

describe('push: request limits and refusals', () => {
  it('refuses more than 500 ops with 413 and takes exactly 500', async () => {
    const ops = Array.from({ length: 501 }, (_, index) => outbox.newCase(desk, index + 1));
    const tooMany = await desk.push(ops);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ error: 'too_large', limit: 500 });
    expect(pushed(await desk.push(ops.slice(0, 500))).lastSeq).toBe(500);
  });

  it('refuses a body over 2 MB with 413 and accepts one just under it', async () => {
    const limit = 2 * 1024 * 1024;
    const ops = [outbox.newCase(desk, 1)];
    const sizeWith = (padding: string) => Buffer.byteLength(JSON.stringify({ deskId: desk.deskId, schemaVersion: 3, ops, padding }));
    const fill = (target: number) => 'x'.repeat(target - sizeWith(''));
    const over = await desk.push(ops, { padding: fill(limit + 1) });
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ error: 'too_large', limit });
    expect(await hqLastSeq()).toBe(0);
    expect(pushed(await desk.push(ops, { padding: fill(limit) })).lastSeq).toBe(1);
  });

  it('answers 401 for a missing, unknown or expired token, and 403 for another desk in the body', async () => {
    const ops = [outbox.newCase(desk, 1)];
    const body = { deskId: desk.deskId, schemaVersion: 3, ops };
    expect((await hq.call('POST', '/v1/sync/push', { json: body })).body).toMatchObject({ error: 'unauthorized', reason: 'missing' });
    expect(await hq.call('POST', '/v1/sync/push', { json: body, token: 'not-a-token' })).toMatchObject({
      status: 401,
      body: { error: 'unauthorized', reason: 'unknown' },
    });
    const other = await hq.enrol('FC', '04');
    expect(await other.push(ops, { deskId: desk.deskId })).toMatchObject({ status: 403, body: { error: 'wrong_desk' } });
    await hq.operator.expireToken(desk.deskId);
    expect(await desk.push(ops)).toMatchObject({ status: 401, body: { error: 'unauthorized', reason: 'expired' } });
    expect(await hqLastSeq()).toBe(0);
  });

  it("answers 426 when the body's schemaVersion or the header is below HQ's minimum", async () => {
    await hq.operator.setMinSchemaVersion(4);
    const ops = [outbox.newCase(desk, 1)];
    expect(await desk.push(ops)).toMatchObject({ status: 426, body: { error: 'desk_too_old', minSchemaVersion: 4 } });
    const body = { deskId: desk.deskId, schemaVersion: 4, ops };
    const oldHeader = await hq.call('POST', '/v1/sync/push', { token: desk.token, json: body, headers: { 'X-Desk-Schema-Version': '2' } });
    expect(oldHeader.status).toBe(426);
    expect(pushed(await hq.call('POST', '/v1/sync/push', { token: desk.token, json: body })).lastSeq).toBe(1);
  });

  it('answers 400 for a body that is not JSON and 422 for one that breaks the schema', async () => {
    expect(await hq.call('POST', '/v1/sync/push', { token: desk.token, body: '{"ops": [' })).toMatchObject({
      status: 400,
      body: { error: 'malformed' },
    });
    const envelopeless = await desk.push([{ seq: 1, entity: 'case' }]);
    expect(envelopeless.status).toBe(422);
    expect(hqErrorSchema.parse(envelopeless.body)).toMatchObject({ error: 'invalid', issues: expect.arrayContaining([expect.objectContaining({ path: 'ops.0.opId' })]) });
    expect((await desk.push([outbox.newCase(desk, 1)], { schemaVersion: 'three' })).status).toBe(422);
  });
});
