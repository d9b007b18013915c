import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../renderer/src/protocol/pull';
import { pushResponseSchema } from '../../renderer/src/protocol/push';
import { HqOperatorError } from './operatorClient';
import { acceptedStatus, documentPayload, licenceData, Outbox } from './support/fixtures';
import { adminToken, HqHarness, type TestDesk } from './support/harness';

let hq: HqHarness;
let desk: TestDesk;
let outbox: Outbox;

beforeEach(async () => {
  hq = await new HqHarness().start();
  desk = await hq.enrol('FC', '03');
  outbox = new Outbox();
});
afterEach(() => hq.dispose());

async function refusal(promise: Promise<unknown>): Promise<HqOperatorError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HqOperatorError);
  return error as HqOperatorError;
}

describe('operator API: cases and decisions', () => {
  it('lists cases with filters by hall, status, desk and decision, newest first, with a total', async () => {
    const accepted = uuidv7();
    await desk.push([outbox.newCase(desk, 1), outbox.newCase(desk, 2, { status: acceptedStatus() }, accepted)]);
    const otherHall = await hq.enrol('YX', '01');
    await otherHall.push([new Outbox().newCase(otherHall, 1)]);

    expect((await hq.operator.listCases()).total).toBe(3);
    expect((await hq.operator.listCases({ hallCode: 'FC' })).total).toBe(2);
    const byStatus = await hq.operator.listCases({ hallCode: 'FC', status: 'accepted' });
    expect(byStatus.cases.map((found) => found.id)).toEqual([accepted]);
    expect(byStatus.cases[0]?.hqCaseNumber).toMatch(/^HQ-FC-/);
    expect((await hq.operator.listCases({ originDeskId: otherHall.deskId })).total).toBe(1);
    await hq.operator.approve(accepted, licenceData());
    expect((await hq.operator.listCases({ decided: true })).cases.map((found) => found.id)).toEqual([accepted]);
    expect((await hq.operator.listCases({ decided: false })).total).toBe(2);
    expect((await hq.operator.listCases({ limit: 1, offset: 1 })).cases).toHaveLength(1);
  });

  it("shows a case with its events in the order HQ received them", async () => {
    const caseId = uuidv7();
    await desk.push([
      outbox.newCase(desk, 1, {}, caseId),
      outbox.op('documentEvent', uuidv7(), documentPayload({ caseId, kind: 'receipt' })),
      outbox.op('documentEvent', uuidv7(), documentPayload({ caseId, kind: 'acceptanceNotice', documentNumber: '绵市监企受字〔2026〕第FC03-0002号' })),
    ]);
    const detail = await hq.operator.getCase(caseId);
    expect(detail.case).toMatchObject({ id: caseId, version: 1, originDeskId: desk.deskId, hallCode: 'FC' });
    expect(detail.events.map((event) => (event.data as { kind: string }).kind)).toEqual(['receipt', 'acceptanceNotice']);
  });

  it('approves an accepted case into awaitingIssuance with the licence and its 营业期限, dated today unless told', async () => {
    const caseId = uuidv7();
    await desk.push([outbox.newCase(desk, 1, { status: acceptedStatus() }, caseId)]);
    const businessTerm = { kind: 'fixed', until: '2046-11-27' } as const;
    const approved = await hq.operator.approve(caseId, licenceData({ issuedOn: '2026-11-30', businessTerm }), '审批科 李四');
    expect(approved).toMatchObject({
      version: 2,
      status: { code: 'awaitingIssuance' },
      decision: { kind: 'approved', decidedBy: '审批科 李四' },
      licence: { issuedOn: '2026-11-30', businessTerm },
    });
  });

  it('refuses an approval whose 营业期限 ends before the enterprise was established', async () => {
    const caseId = uuidv7();
    await desk.push([outbox.newCase(desk, 1, { status: acceptedStatus() }, caseId)]);
    await expect(hq.operator.approve(caseId, licenceData({ businessTerm: { kind: 'fixed', until: '2026-11-27' } }))).rejects.toMatchObject({
      status: 422,
      body: { error: 'invalid', issues: [{ path: 'licence.businessTerm.until', message: expect.stringContaining('营业期限的截止日期不能早于起始日期') }] },
    });
    expect((await hq.operator.getCase(caseId)).case).toMatchObject({ version: 1, licence: null });
  });

  it('denies a case with the reason, the legal basis and who decided, and streams the explanation to the hall', async () => {
    const caseId = uuidv7();
    await desk.push([outbox.newCase(desk, 1, { status: acceptedStatus() }, caseId)]);
    const denied = await hq.operator.deny(caseId, '经营范围涉及前置许可，未取得许可文件', { legalBasis: '《中华人民共和国行政许可法》第三十八条第二款', decidedBy: '审批科 王五' });
    expect(denied).toMatchObject({
      version: 2,
      status: { code: 'denied', reason: '经营范围涉及前置许可，未取得许可文件' },
      decision: { kind: 'denied', reason: '经营范围涉及前置许可，未取得许可文件', legalBasis: '《中华人民共和国行政许可法》第三十八条第二款', decidedBy: '审批科 王五' },
      licence: null,
    });
    expect(Date.parse(denied.decision!.decidedAt)).not.toBeNaN();
    const pulled = pullResponseSchema.parse((await desk.pull()).body).changes.filter((change) => change.entity === 'case' && change.entityId === caseId);
    expect(pulled.at(-1)?.data).toMatchObject({ decision: denied.decision });
  });

  it('refuses a denial without a legal basis or without who decided, with 422', async () => {
    const caseId = uuidv7();
    await desk.push([outbox.newCase(desk, 1, { status: acceptedStatus() }, caseId)]);
    expect(await refusal(hq.operator.deny(caseId, '材料不实', { legalBasis: '  ' }))).toMatchObject({ status: 422 });
    expect(await refusal(hq.operator.deny(caseId, '材料不实', { decidedBy: '' }))).toMatchObject({ status: 422 });
    const withoutBasis = await hq.call('POST', `/operator/cases/${caseId}/decision`, { token: adminToken, json: { decision: 'deny', decidedBy: '审批科 王五', reason: '材料不实' } });
    expect(withoutBasis.status).toBe(422);
    expect((await hq.operator.getCase(caseId)).case.decision).toBeNull();
  });

  it('refuses to decide a case twice, a case not yet accepted, or a case HQ does not have', async () => {
    const accepted = uuidv7();
    const drafting = uuidv7();
    await desk.push([outbox.newCase(desk, 1, { status: acceptedStatus() }, accepted), outbox.newCase(desk, 2, {}, drafting)]);
    await hq.operator.deny(accepted, '材料不实');
    expect(await refusal(hq.operator.approve(accepted, licenceData()))).toMatchObject({ status: 409, body: { error: 'not_decidable' } });
    expect(await refusal(hq.operator.deny(drafting, '材料不实'))).toMatchObject({ status: 409, body: { error: 'not_decidable' } });
    expect(await refusal(hq.operator.deny(uuidv7(), '材料不实'))).toMatchObject({ status: 404 });
  });

  it('refuses licence data with a wrong USCC check digit, and an empty denial reason, with 422', async () => {
    const caseId = uuidv7();
    await desk.push([outbox.newCase(desk, 1, { status: acceptedStatus() }, caseId)]);
    expect(await refusal(hq.operator.approve(caseId, licenceData({ uscc: '91350100M000100Y44' })))).toMatchObject({ status: 422 });
    expect(await refusal(hq.operator.deny(caseId, '   '))).toMatchObject({ status: 422 });
    expect((await hq.operator.getCase(caseId)).case.decision).toBeNull();
  });

  it('answers 401 to a wrong or missing admin token, and a desk token is not one', async () => {
    for (const token of [undefined, 'wrong-admin-token', desk.token]) {
      expect((await hq.call('GET', '/operator/cases', token === undefined ? {} : { token })).status).toBe(401);
    }
  });
});

describe('operator API: desks', () => {
  it("lists desks with their lastSeq, and every op of a desk with its result", async () => {
    await desk.push([outbox.newCase(desk, 1), outbox.raw({ entity: 'nonsense', type: 'upsert', entityId: 'x', payload: null })]);
    expect(await hq.operator.desks()).toEqual([expect.objectContaining({ deskId: desk.deskId, hallCode: 'FC', deskCode: '03', lastSeq: 2 })]);
    const ops = await hq.operator.ops(desk.deskId);
    expect(ops.map((op) => [op.seq, op.status])).toEqual([
      [1, 'applied'],
      [2, 'rejected'],
    ]);
    expect(await hq.operator.ops(desk.deskId, { afterSeq: 1 })).toHaveLength(1);
    expect(await refusal(hq.operator.ops(uuidv7()))).toMatchObject({ status: 404 });
  });

  it("expires a desk's token; enrolling again keeps its id and lastSeq with a new token", async () => {
    await desk.push([outbox.newCase(desk, 1)]);
    expect(await hq.operator.expireToken(desk.deskId)).toBe(1);
    expect(await desk.pull()).toMatchObject({ status: 401, body: { reason: 'expired' } });
    const again = await hq.call('POST', '/v1/desks/enrol', { json: { hallCode: 'FC', deskCode: '03', enrolmentCode: 'ENROL-2026' } });
    expect(again.body).toMatchObject({ deskId: desk.deskId, lastSeq: 1 });
    desk.token = (again.body as { token: string }).token;
    const next = pushResponseSchema.parse((await desk.push([outbox.newCase(desk, 2)])).body);
    expect(next.lastSeq).toBe(2);
  });

  it('keeps the minimum schema version it was given', async () => {
    await hq.operator.setMinSchemaVersion(7);
    expect((await hq.call('GET', '/operator/min-schema-version', { token: 'operator-secret-token' })).body).toEqual({ minSchemaVersion: 7 });
    expect(await desk.pull()).toMatchObject({ status: 426, body: { error: 'desk_too_old', minSchemaVersion: 7 } });
  });
});
