import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayTotalsOf } from '../../renderer/src/domain/dayClose/dayTotals';
import { closeDayResponseSchema } from '../../renderer/src/protocol/closeDay';
import { pushResponseSchema, type PushResponse } from '../../renderer/src/protocol/push';
import { Outbox } from './support/fixtures';
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

const hash = (digit: string) => digit.repeat(64);

function pushed(answer: Answer): PushResponse {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return pushResponseSchema.parse(answer.body);
}

describe('audit anchors on push', () => {
  it('names the head it keeps as the next anchor, and raises nothing while the log continues it', async () => {
    const first = pushed(await desk.push([outbox.newCase(desk, 1)], { auditHead: { seq: 5, hash: hash('a') } }));
    expect(first).toMatchObject({ lastSeq: 1, anchorSeq: 5 });
    expect(first.auditAlert).toBeUndefined();

    const second = pushed(await desk.push([outbox.newCase(desk, 2)], { auditHead: { seq: 9, hash: hash('b') }, anchor: { seq: 5, hash: hash('a') } }));
    expect(second).toMatchObject({ lastSeq: 2, anchorSeq: 9 });
    expect(second.auditAlert).toBeUndefined();
    expect(await hq.operator.alerts()).toEqual([]);
  });

  it('alerts when the hash at the anchored seq is no longer the one sent, and still applies the push', async () => {
    pushed(await desk.push([outbox.newCase(desk, 1)], { auditHead: { seq: 5, hash: hash('a') } }));
    const answer = pushed(await desk.push([outbox.newCase(desk, 2)], { auditHead: { seq: 9, hash: hash('b') }, anchor: { seq: 5, hash: hash('c') } }));
    expect(answer.auditAlert).toBe(true);
    expect(answer.results.map((result) => result.status)).toEqual(['applied']);
    expect(answer).toMatchObject({ lastSeq: 2, anchorSeq: 9 });
    expect(await hq.operator.alerts()).toEqual([
      {
        kind: 'auditChain',
        deskId: desk.deskId,
        deskCode: '03',
        reason: 'anchorMismatch',
        held: { seq: 5, hash: hash('a') },
        received: { seq: 5, hash: hash('c') },
        at: expect.any(String),
      },
    ]);
  });

  it('alerts once when the head goes backwards, then follows the new head', async () => {
    pushed(await desk.push([outbox.newCase(desk, 1)], { auditHead: { seq: 9, hash: hash('a') } }));
    const back = pushed(await desk.push([outbox.newCase(desk, 2)], { auditHead: { seq: 4, hash: hash('b') } }));
    expect(back).toMatchObject({ lastSeq: 2, anchorSeq: 4, auditAlert: true });
    const next = pushed(await desk.push([outbox.newCase(desk, 3)], { auditHead: { seq: 6, hash: hash('c') }, anchor: { seq: 4, hash: hash('b') } }));
    expect(next.auditAlert).toBeUndefined();
    expect(await hq.operator.alerts()).toEqual([
      expect.objectContaining({ kind: 'auditChain', reason: 'headBackwards', held: { seq: 9, hash: hash('a') }, received: { seq: 4, hash: hash('b') } }),
    ]);
  });

  it('ignores an anchor at a seq it never received (a restored HQ), and a push without audit fields', async () => {
    const unknown = pushed(await desk.push([outbox.newCase(desk, 1)], { anchor: { seq: 3, hash: hash('d') } }));
    expect(unknown.auditAlert).toBeUndefined();
    expect(unknown.anchorSeq).toBeUndefined();
    const bare = pushed(await desk.push([outbox.newCase(desk, 2)]));
    expect(bare).toEqual({ lastSeq: 2, results: [expect.objectContaining({ status: 'applied' })] });
    expect(await hq.operator.alerts()).toEqual([]);
  });

  it('refuses a malformed anchor like any invalid request (422), applying nothing', async () => {
    const answer = await desk.push([outbox.newCase(desk, 1)], { anchor: { seq: 0, hash: 'nope' } });
    expect(answer.status).toBe(422);
    expect((await hq.operator.desks())[0]?.lastSeq).toBe(0);
  });
});

describe('audit anchors on close-day', () => {
  it('checks the anchor a close-day carries, keeps its head and still reconciles the day', async () => {
    const op = outbox.newCase(desk, 1);
    pushed(await desk.push([op], { auditHead: { seq: 5, hash: hash('a') } }));
    const answer = await desk.closeDay({
      businessDate: op.at.slice(0, 10),
      lastSeq: 1,
      totals: { ...dayTotalsOf([op]), casesByMatter: {}, oneVisitShare: 0 },
      auditHead: { seq: 7, hash: hash('b') },
      anchor: { seq: 5, hash: hash('e') },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(closeDayResponseSchema.parse(answer.body)).toMatchObject({ status: 'reconciled', anchorSeq: 7, auditAlert: true });
    expect(await hq.operator.alerts()).toEqual([expect.objectContaining({ kind: 'auditChain', reason: 'anchorMismatch', held: { seq: 5, hash: hash('a') } })]);
  });
});
