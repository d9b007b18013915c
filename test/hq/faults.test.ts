import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '../../renderer/src/protocol/push';
import { referenceResponseSchema } from '../../renderer/src/protocol/reference';
import { Outbox } from './support/fixtures';
import { HqHarness, type TestDesk } from './support/harness';

let hq: HqHarness;
let desk: TestDesk;
let outbox: Outbox;

beforeEach(async () => {
  hq = await new HqHarness().start();
  desk = await hq.enrol('FC', '03');
  outbox = new Outbox();
});
afterEach(() => hq.dispose());

const lastSeq = async () => (await hq.operator.desks())[0]?.lastSeq;

describe('operator API: injected faults', () => {
  it('fails the next k pushes with the status asked, doing nothing, then serves normally', async () => {
    await hq.operator.setFaults({ failNext: { route: 'push', count: 2, status: 502 } });
    const ops = [outbox.newCase(desk, 1)];
    expect((await desk.pull()).status).toBe(200);
    expect((await desk.push(ops)).status).toBe(502);
    expect((await desk.push(ops)).status).toBe(502);
    expect(await lastSeq()).toBe(0);
    expect((await desk.push(ops)).status).toBe(200);
    expect(await hq.operator.faults()).toEqual({});
  });

  it('rejects the next new op of the entity asked, with the reason asked, and applies it once sent again', async () => {
    await hq.operator.setFaults({ rejectNext: { entity: 'case', count: 1, reason: '市级系统暂不受理该办件，请核对后重新发送' } });
    const first = outbox.newCase(desk, 1);
    const refused = pushResponseSchema.parse((await desk.push([first])).body);
    expect(refused.results[0]).toMatchObject({ seq: 1, status: 'rejected', reason: '市级系统暂不受理该办件，请核对后重新发送' });
    expect((await hq.operator.listCases()).cases).toEqual([]);
    expect(await hq.operator.faults()).toEqual({});
    const again = pushResponseSchema.parse((await desk.push([{ ...first, opId: uuidv7(), seq: 2 }])).body);
    expect(again.results[0]).toMatchObject({ seq: 2, status: 'applied' });
    expect(await lastSeq()).toBe(2);
  });

  it('commits a push and then answers 500: the retry finds it stored, as a duplicate', async () => {
    await hq.operator.setFaults({ afterCommit: { route: 'push', count: 1, mode: 'error' } });
    const ops = [outbox.newCase(desk, 1)];
    expect((await desk.push(ops)).status).toBe(500);
    expect(await lastSeq()).toBe(1);
    const retry = pushResponseSchema.parse((await desk.push(ops)).body);
    expect(retry.results[0]).toMatchObject({ status: 'duplicate', originalStatus: 'applied' });
  });

  it('commits a push and never answers: the desk times out, yet the ops are stored', async () => {
    await hq.operator.setFaults({ afterCommit: { route: 'push', count: 1, mode: 'hang', hangMs: 5000 } });
    const body = JSON.stringify({ deskId: desk.deskId, schemaVersion: 3, ops: [outbox.newCase(desk, 1)] });
    const started = Date.now();
    const outcome = await fetch(`${hq.url}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${desk.token}`, 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(300),
    }).then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.name : 'failed'),
    );
    expect(outcome).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(4000);
    expect(await lastSeq()).toBe(1);
  });

  it('delays the next replies by the time asked', async () => {
    await hq.operator.setFaults({ delay: { ms: 300, count: 1 } });
    const started = Date.now();
    expect((await desk.pull()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const after = Date.now();
    await desk.pull();
    expect(Date.now() - after).toBeLessThan(290);
  });

  it('cuts a reference download off halfway, once', async () => {
    await hq.operator.publish('greencards', [
      { uscc: '91350100M000100Y43', enterpriseName: '绵阳市星河科技有限公司', liaisonName: '王专员', liaisonPhone: '0816-2222222', validUntil: null },
    ]);
    await hq.operator.setFaults({ truncateNext: { route: 'reference', count: 1 } });
    const cut = await fetch(`${hq.url}/v1/reference/greencards`, { headers: { authorization: `Bearer ${desk.token}` } }).then(
      (response) => response.json(),
    ).then(
      () => 'whole',
      () => 'cut',
    );
    expect(cut).toBe('cut');
    const whole = await desk.reference('greencards');
    expect(referenceResponseSchema.parse(whole.body)).toMatchObject({ kind: 'greencards', version: 1, full: true });
  });

  it('refuses an unbounded plan with 422 and keeps faults off', async () => {
    const answer = await hq.call('PUT', '/operator/faults', {
      token: 'operator-secret-token',
      json: { failNext: { route: 'push', count: 1_000_000 }, delay: { ms: 3_600_000, count: 1 } },
    });
    expect(answer.status).toBe(422);
    expect(await hq.operator.faults()).toEqual({});
    expect((await desk.push([outbox.newCase(desk, 1, {}, uuidv7())])).status).toBe(200);
  });

  it('clears a plan on request', async () => {
    await hq.operator.setFaults({ failNext: { route: 'any', count: 5 } });
    expect(await hq.operator.clearFaults()).toEqual({});
    expect((await desk.pull()).status).toBe(200);
  });
});
