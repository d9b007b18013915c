import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseRecordSchema } from '../../renderer/src/domain/cases/caseRecord';
import { dayTotalsOf } from '../../renderer/src/domain/dayClose/dayTotals';
import { closeDayResponseSchema } from '../../renderer/src/protocol/closeDay';
import { issuanceClaimedSchema, issuanceClaimGrantSchema, issuanceReleaseResponseSchema } from '../../renderer/src/protocol/issuanceClaim';
import type { SyncOpInput } from '../../renderer/src/protocol/ops';
import { pullResponseSchema } from '../../renderer/src/protocol/pull';
import { pushResponseSchema } from '../../renderer/src/protocol/push';
import { acceptedStatus, at, Outbox, validResidentId } from './support/fixtures';
import { HqHarness, type Answer, type TestDesk } from './support/harness';

const start = Date.parse('2026-11-28T10:00:00+08:00');
let clockMs = start;
let hq: HqHarness;
let desk03: TestDesk;
let desk04: TestDesk;
let outbox03: Outbox;
let outbox04: Outbox;

beforeEach(async () => {
  clockMs = start;
  hq = await new HqHarness({ now: () => new Date(clockMs) }).start();
  desk03 = await hq.enrol('FC', '03');
  desk04 = await hq.enrol('FC', '04');
  outbox03 = new Outbox();
  outbox04 = new Outbox();
});
afterEach(() => hq.dispose());

const minutes = (n: number) => n * 60 * 1000;

const claim = (desk: TestDesk, caseId: string, clerkName = `${desk.deskCode}号窗口 张三`): Promise<Answer> =>
  hq.call('POST', `/v1/cases/${caseId}/issuance-claim`, { token: desk.token, json: { clerkId: uuidv7(), clerkName } });
const release = (desk: TestDesk, caseId: string): Promise<Answer> => hq.call('DELETE', `/v1/cases/${caseId}/issuance-claim`, { token: desk.token });

const granted = (answer: Answer) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return issuanceClaimGrantSchema.parse(answer.body);
};
const refused = (answer: Answer) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(409);
  return issuanceClaimedSchema.parse(answer.body);
};

async function push(desk: TestDesk, ops: SyncOpInput[]) {
  const answer = await desk.push(ops);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return pushResponseSchema.parse(answer.body).results;
}

/** Accepted cases of window 03, which any window of the hall may issue. */
async function acceptedCases(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => uuidv7());
  await push(desk03, ids.map((caseId, index) => outbox03.newCase(desk03, index + 1, { status: acceptedStatus() }, caseId)));
  return ids;
}

const documentNumber = '绵市监企受字〔2026〕第FC03-0001号';
const usedSheet = (outbox: Outbox, caseId: string, serial: string) =>
  outbox.op('licenceSheetEvent', uuidv7(), { serial, action: 'used', caseId, documentNumber, reason: null, approvedBy: null });
const voidedSheet = (outbox: Outbox, caseId: string, serial: string) =>
  outbox.op('licenceSheetEvent', uuidv7(), { serial, action: 'voided', caseId, documentNumber: null, reason: '重复发证，已收回', approvedBy: uuidv7() });
const handover = (outbox: Outbox, caseId: string) =>
  outbox.op('handover', uuidv7(), { caseId, collectorName: '张三', collectorIdNumber: validResidentId, collectorRole: 'applicant', documentNumbers: [documentNumber] });

async function pulledCase(desk: TestDesk, caseId: string) {
  const changes = pullResponseSchema.parse((await desk.pull('?cursor=0&limit=500')).body).changes;
  const change = changes.find((found) => found.entity === 'case' && found.entityId === caseId);
  return caseRecordSchema.parse(change?.data);
}

describe('POST /v1/cases/{caseId}/issuance-claim', () => {
  it('grants exactly one of two desks claiming the same case at once, 100 times over', async () => {
    const cases = await acceptedCases(100);
    for (const caseId of cases) {
      const answers = await Promise.all([claim(desk03, caseId), claim(desk04, caseId)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const winner = answers[0]?.status === 200 ? desk03 : desk04;
      const loser = answers.find((answer) => answer.status === 409);
      expect(loser && refused(loser)).toMatchObject({ deskCode: winner.deskCode, clerkName: `${winner.deskCode}号窗口 张三` });
    }
  });

  it('grants 30 minutes on HQ\'s clock and refuses another desk with who holds it, in Chinese', async () => {
    const [caseId = ''] = await acceptedCases(1);
    expect(granted(await claim(desk03, caseId))).toEqual({ claimId: expect.any(String), expiresAt: '2026-11-28T10:30:00.000+08:00' });
    const refusal = refused(await claim(desk04, caseId));
    expect(refusal).toMatchObject({ error: 'claimed', deskCode: '03', clerkName: '03号窗口 张三', at: '2026-11-28T10:00:00.000+08:00' });
    expect(refusal.message).toContain('窗口 03（03号窗口 张三）');
  });

  it('lets another desk claim once the claim has expired, and then refuses the first', async () => {
    const [caseId = ''] = await acceptedCases(1);
    const first = granted(await claim(desk03, caseId));
    clockMs += minutes(29);
    refused(await claim(desk04, caseId));
    clockMs += minutes(2);
    const second = granted(await claim(desk04, caseId));
    expect(second.claimId).not.toBe(first.claimId);
    expect(refused(await claim(desk03, caseId)).deskCode).toBe('04');
  });

  it('renews the claim of the desk that holds it: same claim, later expiry', async () => {
    const [caseId = ''] = await acceptedCases(1);
    const first = granted(await claim(desk03, caseId));
    clockMs += minutes(20);
    const renewed = granted(await claim(desk03, caseId));
    expect(renewed).toEqual({ claimId: first.claimId, expiresAt: '2026-11-28T10:50:00.000+08:00' });
    clockMs += minutes(15);
    refused(await claim(desk04, caseId));
  });

  it('releases only the desk\'s own claim, after which another desk gets it', async () => {
    const [caseId = ''] = await acceptedCases(1);
    granted(await claim(desk03, caseId));
    expect(issuanceReleaseResponseSchema.parse((await release(desk04, caseId)).body)).toEqual({ released: false });
    refused(await claim(desk04, caseId));
    expect(issuanceReleaseResponseSchema.parse((await release(desk03, caseId)).body)).toEqual({ released: true });
    expect(issuanceReleaseResponseSchema.parse((await release(desk03, caseId)).body)).toEqual({ released: false });
    granted(await claim(desk04, caseId));
  });

  it('refuses every desk but the issuer once the licence is issued, even without a claim', async () => {
    const [caseId = ''] = await acceptedCases(1);
    expect((await push(desk03, [usedSheet(outbox03, caseId, 'YZ-000001')]))[0]?.status).toBe('applied');
    const refusal = refused(await claim(desk04, caseId));
    expect(refusal).toMatchObject({ deskCode: '03', at: at() });
    expect(refusal.message).toContain('已由窗口 03');
    granted(await claim(desk03, caseId));
  });

  it('names the clerk of an issuance made without a claim by the name the op carried', async () => {
    const [caseId = ''] = await acceptedCases(1);
    const offline = { ...usedSheet(outbox03, caseId, 'YZ-000001'), clerkName: '李四' };
    expect((await push(desk03, [offline]))[0]?.status).toBe('applied');
    expect(refused(await claim(desk04, caseId))).toMatchObject({ deskCode: '03', clerkName: '李四' });
  });

  it('answers 404 for a case HQ lacks or of another hall, 400 for a bad id, 422 for a bad body, 401 without a token', async () => {
    const [caseId = ''] = await acceptedCases(1);
    expect((await claim(desk03, uuidv7())).status).toBe(404);
    const otherHall = await hq.enrol('YX', '01');
    expect((await claim(otherHall, caseId)).status).toBe(404);
    expect((await release(otherHall, caseId)).status).toBe(404);
    expect((await claim(desk03, 'not-a-case')).status).toBe(400);
    expect((await hq.call('POST', `/v1/cases/${caseId}/issuance-claim`, { token: desk03.token, json: { clerkId: uuidv7() } })).status).toBe(422);
    expect((await hq.call('POST', `/v1/cases/${caseId}/issuance-claim`, { json: { clerkId: uuidv7(), clerkName: '张三' } })).status).toBe(401);
  });
});

describe('a second issuance of a case', () => {
  let caseId: string;
  let sent04: SyncOpInput[];

  beforeEach(async () => {
    [caseId = ''] = await acceptedCases(1);
    await push(desk03, [usedSheet(outbox03, caseId, 'YZ-000001'), usedSheet(outbox03, caseId, 'YZ-000002'), handover(outbox03, caseId)]);
    sent04 = [usedSheet(outbox04, caseId, 'YZ-000101'), usedSheet(outbox04, caseId, 'YZ-000102'), handover(outbox04, caseId)];
  });

  const closeDay04 = async () => {
    const totals = { ...dayTotalsOf(sent04), casesByMatter: {}, oneVisitShare: null };
    const answer = await desk04.closeDay({ businessDate: '2026-11-28', lastSeq: outbox04.lastSeq, totals });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return closeDayResponseSchema.parse(answer.body);
  };

  it('is answered conflict naming the window that issued, and the case is flagged for the hall and the operator', async () => {
    const results = await push(desk04, sent04);
    expect(results.map((result) => result.status)).toEqual(['conflict', 'conflict', 'conflict']);
    expect(results[0]?.reason).toContain('窗口 03');
    expect(results[0]?.reason).toContain('作废');

    const flagged = { deskCode: '04', at: at() };
    expect((await pulledCase(desk03, caseId)).issuanceConflict).toEqual(flagged);
    expect((await pulledCase(desk04, caseId)).issuanceConflict).toEqual(flagged);
    expect(await hq.operator.alerts()).toEqual([{ kind: 'issuanceConflict', caseId, ...flagged, resolved: false }]);
    expect(refused(await claim(desk04, caseId)).deskCode).toBe('03');
  });

  it('refuses the second desk\'s day close until its sheets for the case are voided', async () => {
    await push(desk04, sent04);
    const open = await closeDay04();
    expect(open.status).toBe('mismatch');
    expect(open.reasons?.[0]).toContain('重复发证');

    sent04.push(voidedSheet(outbox04, caseId, 'YZ-000101'));
    await push(desk04, sent04.slice(-1));
    expect((await pulledCase(desk04, caseId)).issuanceConflict).toEqual({ deskCode: '04', at: at() });
    expect((await closeDay04()).status).toBe('mismatch');

    sent04.push(voidedSheet(outbox04, caseId, 'YZ-000102'));
    expect((await push(desk04, sent04.slice(-1)))[0]?.status).toBe('applied');
    expect((await pulledCase(desk03, caseId)).issuanceConflict).toBeUndefined();
    expect(await hq.operator.alerts()).toEqual([expect.objectContaining({ caseId, deskCode: '04', resolved: true })]);
    expect(await closeDay04()).toEqual({ status: 'reconciled' });
  });

  it('keeps the first issuance: the first desk goes on without a conflict', async () => {
    await push(desk04, sent04);
    expect((await push(desk03, [usedSheet(outbox03, caseId, 'YZ-000003')]))[0]?.status).toBe('applied');
    expect(await hq.operator.alerts()).toHaveLength(1);
  });
});
