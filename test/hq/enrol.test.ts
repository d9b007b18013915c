import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrolResponseSchema } from '../../renderer/src/protocol/enrol';
import { hqErrorSchema } from '../../renderer/src/protocol/errors';
import { enrolmentCode, HqHarness } from './support/harness';

let hq: HqHarness;

beforeEach(async () => {
  hq = await new HqHarness().start();
});
afterEach(() => hq.dispose());

const enrol = (body: unknown, headers: Record<string, string> = {}) => hq.call('POST', '/v1/desks/enrol', { json: body, headers });

describe('POST /v1/desks/enrol', () => {
  it('gives a new desk an id and a token that opens the sync endpoints', async () => {
    const answer = await enrol({ hallCode: 'FC', deskCode: '03', enrolmentCode });
    expect(answer.status).toBe(200);
    const { deskId, token, lastSeq } = enrolResponseSchema.parse(answer.body);
    expect(lastSeq).toBe(0);
    expect((await hq.call('GET', '/v1/sync/pull', { token })).status).toBe(200);
    expect((await hq.operator.desks()).map((desk) => desk.deskId)).toEqual([deskId]);
  });

  it('gives two desks of a hall different ids, and the same desk enrolling again its old id and a new token', async () => {
    const first = enrolResponseSchema.parse((await enrol({ hallCode: 'FC', deskCode: '03', enrolmentCode })).body);
    const other = enrolResponseSchema.parse((await enrol({ hallCode: 'FC', deskCode: '04', enrolmentCode })).body);
    const again = enrolResponseSchema.parse((await enrol({ hallCode: 'FC', deskCode: '03', enrolmentCode })).body);
    expect(other.deskId).not.toBe(first.deskId);
    expect(again.deskId).toBe(first.deskId);
    expect(again.token).not.toBe(first.token);
    expect(await hq.call('GET', '/v1/sync/pull', { token: first.token })).toMatchObject({ status: 401, body: { reason: 'revoked' } });
    expect((await hq.call('GET', '/v1/sync/pull', { token: again.token })).status).toBe(200);
  });

  it('refuses a wrong enrolment code with 401 and enrols nothing', async () => {
    const answer = await enrol({ hallCode: 'FC', deskCode: '03', enrolmentCode: 'guess' });
    expect(answer.status).toBe(401);
    expect(hqErrorSchema.parse(answer.body)).toMatchObject({ error: 'unauthorized', reason: 'enrolmentCode' });
    expect(await hq.operator.desks()).toEqual([]);
  });

  it('answers 422 for codes that break the contract and 400 for a body that is not JSON', async () => {
    expect((await enrol({ hallCode: 'fc', deskCode: '03', enrolmentCode })).status).toBe(422);
    expect((await enrol({ hallCode: 'FC', deskCode: '3', enrolmentCode })).status).toBe(422);
    expect((await enrol({ hallCode: 'FC', deskCode: '03' })).status).toBe(422);
    expect((await hq.call('POST', '/v1/desks/enrol', { body: 'hallCode=FC' })).status).toBe(400);
  });

  it('answers 426 to a desk whose schema header is below the minimum, and 400 to an unreadable header', async () => {
    await hq.operator.setMinSchemaVersion(2);
    const body = { hallCode: 'FC', deskCode: '03', enrolmentCode };
    expect(await enrol(body, { 'X-Desk-Schema-Version': '1' })).toMatchObject({ status: 426, body: { minSchemaVersion: 2 } });
    expect((await enrol(body, { 'X-Desk-Schema-Version': 'v2' })).status).toBe(400);
    expect((await enrol(body, { 'X-Desk-Schema-Version': '2' })).status).toBe(200);
  });
});

describe('routing', () => {
  it('answers 404 for an unknown path and 405 for a known path with the wrong method, with JSON bodies', async () => {
    expect(await hq.call('GET', '/v1/nothing')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await hq.call('GET', '/v1/desks/enrol')).toMatchObject({ status: 405, body: { error: 'method_not_allowed' } });
    expect(await hq.call('PUT', '/v1/blobs/%E0%A4%A')).toMatchObject({ status: 400, body: { error: 'malformed' } });
  });
});
