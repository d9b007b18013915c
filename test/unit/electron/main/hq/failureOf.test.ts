import { describe, expect, it } from 'vitest';
import { failureOf, retryAfterSeconds, type Received } from '../../../../../electron/main/hq/hqClient';

const now = new Date('2026-11-28T09:00:00+08:00');
const answer = (status: number, body: unknown, retryAfter: string | null = null): Received => ({ status, text: JSON.stringify(body), retryAfter });
const enrolling = { protocolVersion: 8, now, enrolling: true };
const syncing = { protocolVersion: 8, now };

describe('failureOf during enrolment', () => {
  it.each([
    ['unknown', '登记码不正确，请向市级系统管理员核对。'],
    ['used', '此登记码已使用过（每个登记码只能使用一次），请向市级系统管理员申请新的登记码。'],
    ['expired', '此登记码已过期，请向市级系统管理员申请新的登记码。'],
    ['stale', '此登记码签发于本窗口上次注册之前，已不能使用，请向市级系统管理员申请新的登记码。'],
  ] as const)('says why a %s code was refused (401)', (codeStatus, message) => {
    const body = { error: 'unauthorized', reason: 'enrolmentCode', codeStatus, message: 'HQ' };
    expect(failureOf(answer(401, body), enrolling)).toEqual({ kind: 'unauthorized', reason: 'enrolmentCode', codeStatus, message });
  });

  it('reads any 401 as a refused code, from an HQ that does not say why or sends no JSON', () => {
    const plain = { kind: 'unauthorized', reason: 'enrolmentCode', codeStatus: 'unknown', message: '登记码不正确，请向市级系统管理员核对。' };
    expect(failureOf(answer(401, { error: 'unauthorized', reason: 'enrolmentCode' }), enrolling)).toEqual(plain);
    expect(failureOf({ status: 401, text: 'no', retryAfter: null }, enrolling)).toEqual(plain);
  });

  it('reads a 403 as a code issued for another hall or desk, whatever its body', () => {
    const expected = { kind: 'otherDeskCode', message: '此登记码属于其他大厅或窗口，请核对大厅代码和窗口号，或向市级系统管理员申请本窗口的登记码。' };
    expect(failureOf(answer(403, { error: 'code_for_other_desk', message: '此登记码属于其他大厅或窗口' }), enrolling)).toEqual(expected);
    expect(failureOf({ status: 403, text: '', retryAfter: null }, enrolling)).toEqual(expected);
  });

  it('reads a 429 with the wait its Retry-After gives, in minutes from a minute on, else seconds, else 稍后', () => {
    const throttled = (retryAfter: string | null) => failureOf(answer(429, { error: 'too_many_attempts' }, retryAfter), enrolling);
    expect(throttled('600')).toEqual({ kind: 'tooManyRequests', retryAfterSeconds: 600, message: '本窗口注册失败次数过多，市级系统暂不受理，请 10 分钟后再试。' });
    expect(throttled('61')).toMatchObject({ retryAfterSeconds: 61, message: expect.stringContaining('请 2 分钟后再试') });
    expect(throttled('45')).toMatchObject({ retryAfterSeconds: 45, message: expect.stringContaining('请 45 秒后再试') });
    expect(throttled(null)).toMatchObject({ retryAfterSeconds: null, message: expect.stringContaining('请稍后再试') });
  });
});

describe('failureOf during sync', () => {
  it('pauses on a revoked token with a message that tells the admin to enrol again with a new code', () => {
    const failure = failureOf(answer(401, { error: 'unauthorized', reason: 'revoked' }), syncing);
    expect(failure).toMatchObject({ kind: 'unauthorized', reason: 'revoked' });
    expect(failure.message).toContain('同步已暂停（本机数据不受影响）');
    expect(failure.message).toContain('申请本窗口的新登记码');
  });

  it('keeps a 403 a wrong desk, and a 429 a plain wait', () => {
    expect(failureOf(answer(403, { error: 'wrong_desk' }), syncing)).toMatchObject({ kind: 'wrongDesk' });
    expect(failureOf(answer(429, {}, '30'), syncing)).toEqual({ kind: 'tooManyRequests', retryAfterSeconds: 30, message: '市级系统请求过于频繁，请 30 秒后再试。' });
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds or an HTTP date, and nothing else', () => {
    expect(retryAfterSeconds(' 120 ', now)).toBe(120);
    expect(retryAfterSeconds(new Date(now.getTime() + 90_500).toUTCString(), now)).toBe(90);
    expect(retryAfterSeconds(new Date(now.getTime() - 5_000).toUTCString(), now)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds('-5', now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });
});
