import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrolResponseSchema, type EnrolResponse } from '../../renderer/src/protocol/enrol';
import { hqErrorSchema } from '../../renderer/src/protocol/errors';
import { enrolmentThrottle } from './auth';
import { HqOperatorError } from './operatorClient';
import { adminToken, enrolmentCode as demoCode, HqHarness, type Answer } from './support/harness';

const start = Date.parse('2026-11-28T09:00:00+08:00');
let clockMs = start;
let hq: HqHarness;

beforeEach(async () => {
  clockMs = start;
  hq = await new HqHarness({ now: () => new Date(clockMs) }).start();
});
afterEach(() => hq.dispose());

const minutes = (n: number) => n * 60 * 1000;
const hours = (n: number) => minutes(n * 60);

const issue = async (hallCode: string, deskCode: string, validHours?: number) =>
  (await hq.operator.issueEnrolmentCode({ hallCode, deskCode, ...(validHours !== undefined && { validHours }) })).code;
const enrol = (hallCode: string, deskCode: string, enrolmentCode: string) =>
  hq.call('POST', '/v1/desks/enrol', { json: { hallCode, deskCode, enrolmentCode } });

function enrolled(answer: Answer): EnrolResponse {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return enrolResponseSchema.parse(answer.body);
}

function refused(answer: Answer, status: number) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return hqErrorSchema.parse(answer.body);
}

const pullStatus = async (token: string) => (await hq.call('GET', '/v1/sync/pull', { token })).status;

describe('POST /operator/enrolment-codes', () => {
  it('issues a code for one hall and desk, valid 24 hours unless told, and keeps only its hash', async () => {
    const issued = await hq.operator.issueEnrolmentCode({ hallCode: 'FC', deskCode: '03' });
    expect(issued.code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(issued.expiresAt).toBe('2026-11-29T09:00:00.000+08:00');
    const short = await hq.operator.issueEnrolmentCode({ hallCode: 'FC', deskCode: '03', validHours: 2 });
    expect(short.expiresAt).toBe('2026-11-28T11:00:00.000+08:00');
    expect(short.code).not.toBe(issued.code);

    await hq.stop();
    const db = new Database(join(hq.dataDir, 'hq.sqlite'), { readonly: true });
    try {
      const rows = JSON.stringify(db.prepare('SELECT * FROM enrolment_codes').all());
      expect(rows).not.toContain(issued.code);
      expect(rows).not.toContain(issued.code.replaceAll('-', ''));
    } finally {
      db.close();
    }
  });

  it('needs the operator token, and answers 422 for codes or a validity that break the contract', async () => {
    expect(await hq.call('POST', '/operator/enrolment-codes', { json: { hallCode: 'FC', deskCode: '03' } })).toMatchObject({ status: 401 });
    const asOperator = (json: unknown) => hq.call('POST', '/operator/enrolment-codes', { token: adminToken, json });
    expect((await asOperator({ hallCode: 'fc', deskCode: '03' })).status).toBe(422);
    expect((await asOperator({ hallCode: 'FC', deskCode: '3' })).status).toBe(422);
    expect((await asOperator({ hallCode: 'FC', deskCode: '03', validHours: 0 })).status).toBe(422);
    await expect(hq.operator.issueEnrolmentCode({ hallCode: 'FC', deskCode: '03', validHours: 1.5 })).rejects.toBeInstanceOf(HqOperatorError);
  });
});

describe('POST /v1/desks/enrol with an issued code', () => {
  it('enrols the desk the code was issued for, typed in any case and without dashes', async () => {
    const code = await issue('FC', '03');
    const desk = enrolled(await enrol('FC', '03', code.toLowerCase().replaceAll('-', '')));
    expect(await pullStatus(desk.token)).toBe(200);
    expect((await hq.operator.desks()).map((found) => [found.hallCode, found.deskCode])).toEqual([['FC', '03']]);
  });

  it('refuses with 403 a code issued for another desk of the hall, or for the same desk number of another hall, and enrols nothing', async () => {
    const forDesk04 = await issue('FC', '04');
    const forYx03 = await issue('YX', '03');
    expect(refused(await enrol('FC', '03', forDesk04), 403)).toMatchObject({ error: 'code_for_other_desk', message: '此登记码属于其他大厅或窗口' });
    expect(refused(await enrol('FC', '03', forYx03), 403)).toMatchObject({ error: 'code_for_other_desk' });
    expect(await hq.operator.desks()).toEqual([]);
    // The codes were not spent: their own desks still enrol with them.
    enrolled(await enrol('FC', '04', forDesk04));
    enrolled(await enrol('YX', '03', forYx03));
  });

  it('refuses a code used once already with 401 used, even for the desk it enrolled', async () => {
    const code = await issue('FC', '03');
    const desk = enrolled(await enrol('FC', '03', code));
    expect(refused(await enrol('FC', '03', code), 401)).toMatchObject({ error: 'unauthorized', reason: 'enrolmentCode', codeStatus: 'used' });
    // The refusal changed nothing: the desk's token still works.
    expect(await pullStatus(desk.token)).toBe(200);
  });

  it('refuses a code past its validity, by HQ\'s clock, with 401 expired', async () => {
    const day = await issue('FC', '03');
    const hour = await issue('FC', '04', 1);
    clockMs = start + hours(1);
    expect(refused(await enrol('FC', '04', hour), 401)).toMatchObject({ reason: 'enrolmentCode', codeStatus: 'expired' });
    clockMs = start + hours(24) - 1;
    enrolled(await enrol('FC', '03', day));
    const late = await issue('FC', '05');
    clockMs += hours(24);
    expect(refused(await enrol('FC', '05', late), 401)).toMatchObject({ codeStatus: 'expired' });
  });

  it('refuses a code HQ never issued with 401 unknown; without a demo code, the demo string is just unknown', async () => {
    expect(refused(await enrol('FC', '03', 'ABCD-EFGH-JKMN-PQRS'), 401)).toMatchObject({ reason: 'enrolmentCode', codeStatus: 'unknown', message: '登记码不正确' });
    await hq.stop();
    const strict = await new HqHarness({ demoEnrolmentCode: undefined }).start();
    try {
      const answer = await strict.call('POST', '/v1/desks/enrol', { json: { hallCode: 'FC', deskCode: '03', enrolmentCode: demoCode } });
      expect(refused(answer, 401)).toMatchObject({ codeStatus: 'unknown' });
      expect(await strict.operator.desks()).toEqual([]);
    } finally {
      await strict.dispose();
    }
  });
});

describe('enrolment throttle', () => {
  it('answers the sixth attempt after five refusals of a hall and desk within 15 minutes 429 with Retry-After, and lets it in once the oldest leaves the window', async () => {
    const code = await issue('FC', '03');
    const otherDeskCode = await issue('FC', '04');
    expect(enrolmentThrottle).toEqual({ maxFailures: 5, windowMs: minutes(15) });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      clockMs = start + minutes(attempt);
      const answer = attempt === 2 ? await enrol('FC', '03', otherDeskCode) : await enrol('FC', '03', `WRONG-${attempt}`);
      expect(answer.status).toBe(attempt === 2 ? 403 : 401);
    }
    clockMs = start + minutes(5);
    const throttled = await enrol('FC', '03', code);
    expect(refused(throttled, 429)).toMatchObject({ error: 'too_many_attempts' });
    // The first refusal (at 0 min) leaves the window at 15 min: 10 minutes from now.
    expect(throttled.headers.get('retry-after')).toBe('600');
    // Another desk of the hall is not held up, and a 429 does not prolong the wait.
    enrolled(await enrol('FC', '04', otherDeskCode));
    clockMs = start + minutes(15) - 1;
    expect((await enrol('FC', '03', code)).status).toBe(429);
    clockMs = start + minutes(15);
    enrolled(await enrol('FC', '03', code));
  });

  it('counts refusals only within 15 minutes, and forgets them once the desk enrols', async () => {
    for (let attempt = 0; attempt < 4; attempt += 1) await enrol('FC', '03', 'WRONG');
    clockMs = start + minutes(16);
    for (let attempt = 0; attempt < 4; attempt += 1) expect((await enrol('FC', '03', 'WRONG')).status).toBe(401);
    enrolled(await enrol('FC', '03', await issue('FC', '03')));
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await enrol('FC', '03', 'WRONG')).status).toBe(401);
    expect((await enrol('FC', '03', 'WRONG')).status).toBe(429);
  });
});

describe('enrolling a desk again', () => {
  it('refuses a code issued before the desk\'s last enrolment, and takes a newer one, revoking the old token (401 revoked)', async () => {
    const first = await issue('FC', '03');
    const spare = await issue('FC', '03');
    const before = enrolled(await enrol('FC', '03', first));

    // Whoever enrolled the desk could have kept the spare code: it no longer enrols the desk.
    expect(refused(await enrol('FC', '03', spare), 401)).toMatchObject({ reason: 'enrolmentCode', codeStatus: 'stale' });
    expect(await pullStatus(before.token)).toBe(200);

    const fresh = await issue('FC', '03');
    const after = enrolled(await enrol('FC', '03', fresh));
    expect(after.deskId).toBe(before.deskId);
    expect(await pullStatus(after.token)).toBe(200);
    const old = await hq.call('GET', '/v1/sync/pull', { token: before.token });
    expect(refused(old, 401)).toMatchObject({ error: 'unauthorized', reason: 'revoked' });
    expect(hqErrorSchema.parse(old.body).message).toContain('撤销');
  });

  it('tells a revoked token apart from one the operator expired', async () => {
    const desk = enrolled(await enrol('FC', '03', await issue('FC', '03')));
    await hq.operator.expireToken(desk.deskId);
    expect(refused(await hq.call('GET', '/v1/sync/pull', { token: desk.token }), 401)).toMatchObject({ reason: 'expired' });
    // An expired token is not revoked again by the next enrolment: it stays expired.
    enrolled(await enrol('FC', '03', await issue('FC', '03')));
    expect(refused(await hq.call('GET', '/v1/sync/pull', { token: desk.token }), 401)).toMatchObject({ reason: 'expired' });
  });
});
