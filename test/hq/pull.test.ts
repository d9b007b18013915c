import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseRecordSchema } from '../../renderer/src/domain/cases/caseRecord';
import { pullResponseSchema, type PullResponse } from '../../renderer/src/protocol/pull';
import { acceptedStatus, at, documentPayload, licenceData, Outbox, withdrawnStatus } from './support/fixtures';
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

async function page(from: TestDesk, query: string): Promise<PullResponse> {
  const answer = await from.pull(query);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return pullResponseSchema.parse(answer.body);
}

async function pushCases(count: number, from = desk, box = outbox): Promise<string[]> {
  const ids = Array.from({ length: count }, () => uuidv7());
  const answer = await from.push(ids.map((id, index) => box.newCase(from, index + 1, {}, id)));
  expect(answer.status).toBe(200);
  return ids;
}

describe('GET /v1/sync/pull', () => {
  it("pages through the hall's changes in HQ's sequence with nextCursor and hasMore", async () => {
    const ids = await pushCases(7);
    const first = await page(desk, '?cursor=0&limit=3');
    const second = await page(desk, `?cursor=${first.nextCursor}&limit=3`);
    const third = await page(desk, `?cursor=${second.nextCursor}&limit=3`);
    expect([first.hasMore, second.hasMore, third.hasMore]).toEqual([true, true, false]);
    const changes = [...first.changes, ...second.changes, ...third.changes];
    expect(changes.map((change) => change.entityId)).toEqual(ids);
    expect(changes.map((change) => change.seq)).toEqual([...changes.map((change) => change.seq)].sort((a, b) => a - b));
    expect(first.nextCursor).toBe(first.changes.at(-1)?.seq);
    expect(third.nextCursor).toBe(third.changes.at(-1)?.seq);
    expect(changes.every((change) => change.entity === 'case' && change.op === 'upsert' && change.version === 1)).toBe(true);
  });

  it('answers an empty page with the same cursor when nothing is new', async () => {
    await pushCases(2);
    const all = await page(desk, '?cursor=0');
    expect(await page(desk, `?cursor=${all.nextCursor}`)).toEqual({ changes: [], nextCursor: all.nextCursor, hasMore: false });
  });

  it("never sends another hall's changes", async () => {
    await pushCases(2);
    const otherHall = await hq.enrol('YX', '01');
    await pushCases(1, otherHall, new Outbox());
    expect((await page(otherHall, '?cursor=0')).changes).toHaveLength(1);
    expect((await page(desk, '?cursor=0')).changes).toHaveLength(2);
  });

  it('sends every desk of the hall the cases and events of the others', async () => {
    const [caseId = ''] = await pushCases(1);
    await desk.push([outbox.op('documentEvent', uuidv7(), documentPayload({ caseId }))]);
    const issuing = await hq.enrol('FC', '07');
    const changes = (await page(issuing, '?cursor=0')).changes;
    expect(changes.map((change) => change.entity)).toEqual(['case', 'documentEvent']);
    expect(changes[1]?.data).toMatchObject({ caseId, deskId: desk.deskId, clerkId: outbox.clerkId, at: at() });
  });

  it('takes a withdrawal with the applicant’s written request, and sends the other windows the status, the event and the request’s bytes', async () => {
    const [caseId = ''] = await pushCases(1);
    const form = new TextEncoder().encode('%PDF-1.7\n% 撤回申请\n%%EOF\n');
    const sha256 = createHash('sha256').update(form).digest('hex');
    expect((await desk.putBlob(sha256, form)).status).toBe(201);
    const request = { kind: 'signedForm', sha256, templateVersion: 'withdrawalRequest/1', signedAtCounter: true } as const;
    const withdrawn = { type: 'withdrawn', seq: 2, at: at('11:00:00'), clerkId: outbox.clerkId, from: 'accepted', reason: '申请人撤回', request } as const;
    const answer = await desk.push([
      outbox.op('case', caseId, { status: withdrawnStatus() }, { baseVersion: 1 }),
      outbox.op('caseEvent', uuidv7(), { caseId, event: withdrawn }),
    ]);
    expect((answer.body as { results: { status: string }[] }).results.map((result) => result.status)).toEqual(['applied', 'applied']);

    const other = await hq.enrol('FC', '07');
    const changes = (await page(other, '?cursor=0')).changes;
    expect(caseRecordSchema.parse(changes.find((change) => change.entity === 'case')?.data).status).toMatchObject({ code: 'withdrawn' });
    expect(changes.find((change) => change.entity === 'caseEvent')?.data).toMatchObject({ caseId, event: { type: 'withdrawn', request } });
    expect((await other.headBlob(sha256)).status).toBe(200);
  });

  it("accepts a window's 核查 result of a commitment and sends it to the hall's other windows", async () => {
    const [caseId = ''] = await pushCases(1);
    const check = { caseId, materialKey: '510700-0001/premises-own-no-title', name: '住所使用证明', outcome: 'untruthful' as const, action: '责令限期改正' };
    const pushed = await desk.push([outbox.op('commitmentCheck', uuidv7(), check)]);
    expect(pushed.body).toMatchObject({ results: [{ status: 'applied' }] });
    const changes = (await page(await hq.enrol('FC', '07'), '?cursor=0')).changes;
    expect(changes.map((change) => change.entity)).toEqual(['case', 'commitmentCheck']);
    expect(changes[1]?.data).toMatchObject({ ...check, deskId: desk.deskId, deskCode: '03', clerkId: outbox.clerkId });
  });

  it('rejects a 核查 result of 不属实 that says nothing of the action taken', async () => {
    const [caseId = ''] = await pushCases(1);
    const pushed = await desk.push([outbox.op('commitmentCheck', uuidv7(), { caseId, materialKey: 'm', name: '住所使用证明', outcome: 'untruthful', action: null })]);
    expect(pushed.body).toMatchObject({ results: [{ status: 'rejected', reason: expect.stringContaining('处理措施') }] });
  });

  it('sends an entity changed since the cursor once, as it is now', async () => {
    const [caseId = ''] = await pushCases(1);
    const before = await page(desk, '?cursor=0');
    await desk.push([outbox.op('case', caseId, { visits: 2 }, { baseVersion: 1 })]);
    await desk.push([outbox.op('case', caseId, { visits: 3 }, { baseVersion: 2 })]);
    const after = await page(desk, `?cursor=${before.nextCursor}`);
    expect(after.changes).toHaveLength(1);
    expect(after.changes[0]).toMatchObject({ entityId: caseId, version: 3, data: { visits: 3 } });
    expect((await page(desk, '?cursor=0')).changes).toHaveLength(1);
  });

  it('names who set each field HQ holds: the window, the clerk by the name their desk sent, and when; HQ itself for its decision', async () => {
    const caseId = uuidv7();
    const other = await hq.enrol('FC', '07');
    const otherBox = new Outbox();
    await desk.push([{ ...outbox.newCase(desk, 1, { status: acceptedStatus() }, caseId), clerkName: '张三' }]);
    const later = '2026-11-26T11:00:00.000+08:00';
    await other.push([{ ...otherBox.op('case', caseId, { queueTicket: 'B007' }, { baseVersion: 1, at: later }), clerkName: '王五' }]);
    const denied = await hq.operator.deny(caseId, '经营范围涉及前置许可，未取得许可证件', { decidedBy: '审批科 周敏' });
    const [latest] = (await page(desk, '?cursor=0')).changes.map((change) => caseRecordSchema.parse(change.data));
    expect(latest!.fieldAuthors).toMatchObject({
      applicant: { deskCode: '03', clerkId: outbox.clerkId, clerkName: '张三', at: at() },
      queueTicket: { deskCode: '07', clerkId: otherBox.clerkId, clerkName: '王五', at: later },
      status: { deskCode: null, clerkName: '审批科 周敏', at: denied.decision!.decidedAt },
    });
  });

  it('streams an approval with the HQ case number and licence data, and a denial with its reason', async () => {
    const approvedId = uuidv7();
    const deniedId = uuidv7();
    await desk.push([
      outbox.newCase(desk, 1, { status: acceptedStatus() }, approvedId),
      outbox.newCase(desk, 2, { status: acceptedStatus() }, deniedId),
    ]);
    const cursor = (await page(desk, '?cursor=0')).nextCursor;
    await hq.operator.approve(approvedId, licenceData());
    await hq.operator.deny(deniedId, '经营范围涉及前置许可，未取得许可证件');
    const changes = (await page(await hq.enrol('FC', '07'), `?cursor=${cursor}`)).changes;
    const [approved, denied] = changes.map((change) => caseRecordSchema.parse(change.data));
    expect(approved).toMatchObject({
      id: approvedId,
      hqCaseNumber: expect.stringMatching(/^HQ-FC-\d{4}-000001$/),
      status: { code: 'awaitingIssuance', acceptance: acceptedStatus().acceptance },
      decision: { kind: 'approved' },
      licence: { uscc: licenceData().uscc, registeredCapitalFen: 100_000_000 },
    });
    expect(denied).toMatchObject({
      id: deniedId,
      hqCaseNumber: expect.stringMatching(/^HQ-FC-\d{4}-000002$/),
      status: { code: 'denied', reason: '经营范围涉及前置许可，未取得许可证件' },
      licence: null,
    });
  });

  it('serves at most 500 changes a page, whatever limit is asked', async () => {
    await pushCases(500);
    await desk.push([outbox.newCase(desk, 501)]);
    const first = await page(desk, '?cursor=0&limit=100000');
    expect(first.changes).toHaveLength(500);
    expect(first.hasMore).toBe(true);
    expect((await page(desk, `?cursor=${first.nextCursor}`)).changes).toHaveLength(1);
  });

  it('refuses a cursor or limit that is not a whole number in range with 400, and a pull without a token with 401', async () => {
    for (const query of ['?cursor=abc', '?cursor=-1', '?cursor=1.5', '?limit=0']) {
      expect((await desk.pull(query)).status, query).toBe(400);
    }
    expect((await hq.call('GET', '/v1/sync/pull')).status).toBe(401);
  });
});
