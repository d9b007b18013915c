import { mkdtempSync, rmSync } from 'node:fs';
import { createBackupFiles, memoryBackupFolderStore } from '../../../../../electron/main/backup/backupFiles';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelKey } from '../../../../../electron/ipc/channels';
import { createDispatch } from '../../../../../electron/ipc/register';
import { createBackupSecretStore } from '../../../../../electron/main/backup/backupSecret';
import { memoryKeyFile } from '../../../../../electron/main/dataKey/keyFile';
import { createDataKeyGrant } from '../../../../../electron/main/dataKey/dataKeyGrant';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createCameraGate } from '../../../../../electron/main/security/cameraPermission';
import { createHqClient, type HqClient, type HqClientDeps } from '../../../../../electron/main/hq/hqClient';
import { memorySecretStore, type SecretStore } from '../../../../../electron/main/hq/secretStore';
import { jsonFileSettingsStore, memorySettingsStore } from '../../../../../electron/main/hq/settingsStore';
import { caseIdSchema, type CaseId } from '../../../../../renderer/src/domain/cases/caseId';
import { clerkIdSchema } from '../../../../../renderer/src/domain/clerks/clerkId';
import { dayTotalsOf } from '../../../../../renderer/src/domain/dayClose/dayTotals';
import type { SyncOp } from '../../../../../renderer/src/protocol/ops';
import { acceptedStatus, at, licenceData, newCasePayload, sha256Hex } from '../../../../hq/support/fixtures';
import { adminToken, enrolmentCode, HqHarness, type TestDesk } from '../../../../hq/support/harness';
import { queueTicketSchema } from '../../../../../renderer/src/protocol/queue';

let hq: HqHarness;
let secrets: SecretStore;

beforeEach(async () => {
  hq = await new HqHarness().start();
  secrets = memorySecretStore();
});
afterEach(() => hq.dispose());

function client(overrides: Partial<HqClientDeps> = {}): HqClient {
  return createHqClient({ settings: memorySettingsStore(), secrets, protocolVersion: 3, ...overrides });
}

async function enrolled(overrides: Partial<HqClientDeps> = {}): Promise<{ hq: HqClient; deskId: string }> {
  const desk = client(overrides);
  const result = await desk.enrol({ baseUrl: hq.url, hallCode: 'FC', deskCode: '03', enrolmentCode });
  if (!result.ok) throw new Error(result.failure.message);
  return { hq: desk, deskId: result.value.deskId };
}

const clerkId = uuidv7();
/** The fixtures build payloads for a `TestDesk`; only its tag (hall + desk) is read. */
const deskTag = { tag: 'FC03' } as TestDesk;

function caseOp(seq: number, caseId = uuidv7(), payload: Record<string, unknown> = newCasePayload(deskTag, seq)): SyncOp {
  return { opId: uuidv7(), seq, type: 'upsert', entity: 'case', entityId: caseId, payload, clerkId, at: at() } as SyncOp;
}

/** The desk's IPC dispatch with only the HQ client real: the other main-process parts are stand-ins. */
function dispatchTo(desk: HqClient) {
  return createDispatch(
    createHandlers({
      appVersion: '0.1.0',
      dataFolder: '/tmp/desk',
      platform: 'linux',
      runtime: 'test',
      camera: createCameraGate(),
      openExternal: async () => undefined,
      printService: { listPrinters: async () => [], print: async () => Promise.reject(new Error('unused')), jobState: async () => Promise.reject(new Error('unused')) },
      hq: desk,
      backup: createBackupFiles({ folderStore: memoryBackupFolderStore(), chooseFolder: async () => null, chooseFile: async () => null }),
      backupSecret: createBackupSecretStore({ file: memoryKeyFile(), dataKey: async () => null }),
      dataKey: createDataKeyGrant(async () => ({ state: 'unavailable', problem: 'noEncryption' })),
      chooseExportPath: async () => null,
    }),
    { trustedOrigins: ['app://desk'] },
  );
}

describe('enrolment', () => {
  it('enrols with HQ, keeps the token in the secret store and shows the renderer everything but the token', async () => {
    const settingsDir = mkdtempSync(join(tmpdir(), 'hq-settings-'));
    try {
      const desk = client({ settings: jsonFileSettingsStore(join(settingsDir, 'hq.json')) });
      const result = await desk.enrol({ baseUrl: `${hq.url}/`, hallCode: 'FC', deskCode: '03', enrolmentCode });
      expect(result).toMatchObject({ ok: true, value: { baseUrl: hq.url, hallCode: 'FC', deskCode: '03', lastSeq: 0 } });
      const token = await secrets.read();
      expect(token).toMatch(/^[\w-]{16,}$/);
      expect(JSON.stringify(result)).not.toContain(token);
      const config = await desk.config();
      expect(config).toMatchObject({ enrolment: { hallCode: 'FC', deskCode: '03', baseUrl: hq.url }, tokenAvailable: true });
      expect(JSON.stringify(config)).not.toContain(token);
      // A fresh client (the app restarted) reads the enrolment back from the file.
      const restarted = client({ settings: jsonFileSettingsStore(join(settingsDir, 'hq.json')) });
      expect((await restarted.pull({ cursor: 0, limit: 10 })).ok).toBe(true);
    } finally {
      rmSync(settingsDir, { recursive: true, force: true });
    }
  });

  it('refuses a wrong enrolment code with a Chinese message and stores nothing', async () => {
    const desk = client();
    const result = await desk.enrol({ baseUrl: hq.url, hallCode: 'FC', deskCode: '03', enrolmentCode: 'guess' });
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'unauthorized', reason: 'enrolmentCode', codeStatus: 'unknown', message: '登记码不正确，请向市级系统管理员核对。' },
    });
    expect(await secrets.read()).toBeNull();
    expect(await desk.config()).toEqual({ enrolment: null, tokenAvailable: false });
  });

  it('enrols with a code the operator issued for this desk, and refuses it for another desk (403) or a second time (401 used)', async () => {
    const { code } = await hq.operator.issueEnrolmentCode({ hallCode: 'FC', deskCode: '03' });
    const elsewhere = await client().enrol({ baseUrl: hq.url, hallCode: 'FC', deskCode: '04', enrolmentCode: code });
    expect(elsewhere).toEqual({ ok: false, failure: { kind: 'otherDeskCode', message: expect.stringContaining('此登记码属于其他大厅或窗口') } });
    expect(await secrets.read()).toBeNull();
    expect(await client().enrol({ baseUrl: hq.url, hallCode: 'FC', deskCode: '03', enrolmentCode: code })).toMatchObject({ ok: true });
    expect(await client({ secrets: memorySecretStore() }).enrol({ baseUrl: hq.url, hallCode: 'FC', deskCode: '03', enrolmentCode: code })).toEqual({
      ok: false,
      failure: { kind: 'unauthorized', reason: 'enrolmentCode', codeStatus: 'used', message: expect.stringContaining('已使用过') },
    });
  });

  it('says how long to wait after too many refused attempts (429 with Retry-After)', async () => {
    const desk = client();
    for (let attempt = 0; attempt < 5; attempt += 1) await desk.enrol({ baseUrl: hq.url, hallCode: 'FC', deskCode: '03', enrolmentCode: 'guess' });
    const result = await desk.enrol({ baseUrl: hq.url, hallCode: 'FC', deskCode: '03', enrolmentCode });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'tooManyRequests', retryAfterSeconds: expect.any(Number) } });
    const failure = result.ok ? undefined : result.failure;
    expect(failure?.kind === 'tooManyRequests' && failure.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(failure?.message).toBe('本窗口注册失败次数过多，市级系统暂不受理，请 15 分钟后再试。');
  });

  it('pauses on a token revoked by the desk enrolling again elsewhere, telling the admin to enrol with a new code, and keeps the enrolment', async () => {
    const { hq: desk, deskId } = await enrolled();
    const { code } = await hq.operator.issueEnrolmentCode({ hallCode: 'FC', deskCode: '03' });
    await client({ secrets: memorySecretStore() }).enrol({ baseUrl: hq.url, hallCode: 'FC', deskCode: '03', enrolmentCode: code });
    const result = await desk.pull({ cursor: 0, limit: 10 });
    expect(result).toEqual({ ok: false, failure: { kind: 'unauthorized', reason: 'revoked', message: expect.stringContaining('访问凭据已被撤销') } });
    const message = result.ok ? '' : result.failure.message;
    expect(message).toContain('本机数据不受影响');
    expect(message).toContain('新登记码');
    expect(await desk.config()).toMatchObject({ enrolment: { deskId }, tokenAvailable: true });
  });

  it.each([
    ['plain http to another host', 'http://hq.example.gov.cn', '只有本机'],
    ['another scheme', 'ftp://127.0.0.1/', '只能以 https://'],
    ['credentials in the URL', 'https://user:pw@hq.example.gov.cn', '用户名或密码'],
    ['a query string', 'https://hq.example.gov.cn/?x=1', '查询参数'],
    ['text that is no URL', 'hq', '无法识别'],
  ])('refuses %s before sending anything', async (_label, baseUrl, words) => {
    const fetchSpy = vi.fn(fetch);
    const result = await client({ fetch: fetchSpy }).enrol({ baseUrl, hallCode: 'FC', deskCode: '03', enrolmentCode });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'invalidUrl', message: expect.stringContaining(words) } });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses to enrol where the token cannot be kept encrypted, and enrols nobody on HQ', async () => {
    const noKeyStore: SecretStore = { available: () => false, read: async () => null, write: async () => undefined };
    const result = await client({ secrets: noKeyStore }).enrol({ baseUrl: hq.url, hallCode: 'FC', deskCode: '03', enrolmentCode });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'storage', message: expect.stringContaining('无法加密保存') } });
    expect(await hq.operator.desks()).toEqual([]);
  });

  it('answers notEnrolled to every call of a desk that has not enrolled', async () => {
    const desk = client();
    const notEnrolled = { ok: false, failure: { kind: 'notEnrolled', message: expect.stringContaining('尚未在市级系统注册') } };
    expect(await desk.pull({ cursor: 0, limit: 10 })).toMatchObject(notEnrolled);
    expect(await desk.push({ ops: [caseOp(1)] })).toMatchObject(notEnrolled);
    expect(await desk.hasBlob({ sha256: sha256Hex('x') })).toMatchObject(notEnrolled);
  });
});

describe('push and pull', () => {
  it('pushes ops, gets a duplicate with the first status when the same op comes again, and pulls the case back', async () => {
    const { hq: desk, deskId } = await enrolled();
    const first = caseOp(1);
    const pushed = await desk.push({ ops: [first] });
    expect(pushed).toEqual({ ok: true, value: { lastSeq: 1, results: [{ opId: first.opId, seq: 1, status: 'applied', serverVersion: 1 }] } });
    const again = await desk.push({ ops: [first] });
    expect(again).toMatchObject({ ok: true, value: { lastSeq: 1, results: [{ status: 'duplicate', originalStatus: 'applied' }] } });
    const page = await desk.pull({ cursor: 0, limit: 500 });
    expect(page).toMatchObject({ ok: true, value: { hasMore: false, changes: [{ entity: 'case', entityId: first.entityId, data: { originDeskId: deskId } }] } });
  });

  it('reports a gap with the seq HQ expects and a reused seq as a conflict', async () => {
    const { hq: desk } = await enrolled();
    expect(await desk.push({ ops: [caseOp(3)] })).toMatchObject({ ok: false, failure: { kind: 'seqGap', expectedSeq: 1, message: expect.stringContaining('序号 1') } });
    await desk.push({ ops: [caseOp(1)] });
    expect(await desk.push({ ops: [caseOp(1)] })).toMatchObject({ ok: false, failure: { kind: 'seqConflict', seq: 1 } });
  });

  it('refuses ops whose seqs are not contiguous before they leave the desk', async () => {
    const fetchSpy = vi.fn(fetch);
    const { hq: desk } = await enrolled({ fetch: fetchSpy });
    fetchSpy.mockClear();
    const result = await desk.push({ ops: [caseOp(1), caseOp(3)] });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'badRequest', status: 422, message: expect.stringContaining('seq 须连续递增') } });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('pulls an approval with its licence data', async () => {
    const { hq: desk } = await enrolled();
    const caseId = uuidv7();
    await desk.push({ ops: [caseOp(1, caseId, newCasePayload(deskTag, 1, { status: acceptedStatus() }))] });
    await hq.operator.approve(caseId, licenceData());
    const page = await desk.pull({ cursor: 1, limit: 500 });
    expect(page).toMatchObject({
      ok: true,
      value: { changes: [{ entity: 'case', data: { status: { code: 'awaitingIssuance' }, licence: { uscc: licenceData().uscc }, hqCaseNumber: expect.stringMatching(/^HQ-FC-/) } }] },
    });
  });
});

describe('reference data, blobs and the day close', () => {
  it('fetches reference data only when HQ has a newer version', async () => {
    const { hq: desk } = await enrolled();
    const calendar = [{ year: 2027, holidays: ['2027-01-01'], workdays: [] }];
    const version = await hq.operator.publish('calendar', calendar);
    expect(await desk.reference({ kind: 'calendar', since: null })).toEqual({ ok: true, value: { kind: 'calendar', version, full: true, items: calendar } });
    expect(await desk.reference({ kind: 'calendar', since: version })).toEqual({ ok: true, value: { kind: 'calendar', version, full: false, items: [] } });
  });

  it('tells whether HQ holds a blob and uploads it by its hash', async () => {
    const { hq: desk } = await enrolled();
    const bytes = new TextEncoder().encode('%PDF-1.7 scan');
    const sha256 = sha256Hex(bytes);
    expect(await desk.hasBlob({ sha256 })).toEqual({ ok: true, value: { present: false } });
    expect(await desk.putBlob({ sha256, bytes })).toEqual({ ok: true, value: { sha256, size: bytes.length, stored: true } });
    expect(await desk.hasBlob({ sha256 })).toEqual({ ok: true, value: { present: true } });
    expect(await desk.putBlob({ sha256: sha256Hex('other'), bytes })).toMatchObject({ ok: false, failure: { kind: 'badRequest', status: 422 } });
  });

  it('closes a day that HQ reconciles', async () => {
    const { hq: desk } = await enrolled();
    const op = caseOp(1);
    await desk.push({ ops: [op] });
    const result = await desk.closeDay({ businessDate: '2026-11-28', lastSeq: 1, totals: dayTotalsOf([op]) });
    expect(result).toEqual({ ok: true, value: { status: 'reconciled' } });
  });
});

describe('fetching a blob back (GET /v1/blobs)', () => {
  const scan = new TextEncoder().encode('%PDF-1.7 营业执照复印件');

  it('hands back the bytes HQ holds for the address, and found false when HQ has none', async () => {
    const { hq: desk } = await enrolled();
    const sha256 = sha256Hex(scan);
    expect(await desk.getBlob({ sha256 })).toEqual({ ok: true, value: { found: false } });
    await desk.putBlob({ sha256, bytes: scan });
    const fetched = await desk.getBlob({ sha256 });
    expect(fetched).toMatchObject({ ok: true, value: { found: true } });
    expect(fetched.ok && fetched.value.found && fetched.value.bytes).toEqual(scan);
  });

  it('refuses bytes that do not hash to the address asked for, whatever HQ answers', async () => {
    const swapping: typeof fetch = async (input, init) => {
      const answer = await fetch(input, init);
      if (init?.method !== 'GET' || !String(input).includes('/v1/blobs/')) return answer;
      return new Response(new TextEncoder().encode('%PDF-1.7 另一份文件'), { status: 200, headers: { 'content-type': 'application/octet-stream' } });
    };
    const { hq: desk } = await enrolled({ fetch: swapping });
    const sha256 = sha256Hex(scan);
    await desk.putBlob({ sha256, bytes: scan });
    expect(await desk.getBlob({ sha256 })).toEqual({ ok: false, failure: { kind: 'badResponse', message: '市级系统传回的文件与本机记录的校验值（SHA-256）不符，未予采用。' } });
  });

  it('answers a network failure as such, and notEnrolled before enrolment', async () => {
    expect(await client().getBlob({ sha256: sha256Hex(scan) })).toMatchObject({ ok: false, failure: { kind: 'notEnrolled' } });
    const offline: typeof fetch = async (input, init) => (init?.method === 'GET' ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
    const { hq: desk } = await enrolled({ fetch: offline });
    expect(await desk.getBlob({ sha256: sha256Hex(scan) })).toMatchObject({ ok: false, failure: { kind: 'network' } });
  });

  it('through IPC: refuses an untrusted sender and an address that is not a SHA-256, before asking HQ', async () => {
    const fetchSpy = vi.fn<typeof fetch>((input, init) => fetch(input, init));
    const { hq: desk } = await enrolled({ fetch: fetchSpy });
    fetchSpy.mockClear();
    const dispatch = dispatchTo(desk);
    const sha256 = sha256Hex(scan);
    expect(await dispatch({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'hqGetBlob', { sha256 })).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    expect(await dispatch({ senderFrame: { url: 'app://desk/index.html', parent: null } }, 'hqGetBlob', { sha256: 'ABC' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(await dispatch({ senderFrame: { url: 'app://desk/index.html', parent: null } }, 'hqGetBlob', { sha256 })).toEqual({ ok: true, value: { ok: true, value: { found: false } } });
  });
});

describe('issuance claims', () => {
  const newCaseId = () => caseIdSchema.parse(uuidv7());
  async function acceptedCase(desk: HqClient): Promise<CaseId> {
    const caseId = newCaseId();
    const pushed = await desk.push({ ops: [caseOp(1, caseId, newCasePayload(deskTag, 1, { status: acceptedStatus() }))] });
    expect(pushed).toMatchObject({ ok: true, value: { results: [{ status: 'applied' }] } });
    return caseId;
  }
  const clerk = { clerkId: clerkIdSchema.parse(clerkId), clerkName: '王五' };

  it('takes the claim, renews it with the same id, and releases it', async () => {
    const { hq: desk } = await enrolled();
    const caseId = await acceptedCase(desk);
    const granted = await desk.claimIssuance({ caseId, ...clerk });
    expect(granted).toEqual({ ok: true, value: { outcome: 'granted', claimId: expect.any(String), expiresAt: expect.any(String) } });
    const claimId = granted.ok && granted.value.outcome === 'granted' ? granted.value.claimId : '';
    expect(await desk.claimIssuance({ caseId, ...clerk })).toMatchObject({ ok: true, value: { outcome: 'granted', claimId } });
    expect(await desk.releaseIssuance({ caseId })).toEqual({ ok: true, value: { released: true } });
    expect(await desk.releaseIssuance({ caseId })).toEqual({ ok: true, value: { released: false } });
  });

  it("answers another window's claim as a claimed result naming the window and clerk, not as a failure", async () => {
    const { hq: desk } = await enrolled();
    const caseId = await acceptedCase(desk);
    const other = await hq.enrol('FC', '04');
    const taken = await hq.call('POST', `/v1/cases/${caseId}/issuance-claim`, { token: other.token, json: { clerkId: uuidv7(), clerkName: '赵六' } });
    expect(taken.status).toBe(200);
    expect(await desk.claimIssuance({ caseId, ...clerk })).toEqual({
      ok: true,
      value: { outcome: 'claimed', deskCode: '04', clerkName: '赵六', at: expect.any(String), message: expect.stringContaining('窗口 04（赵六）') },
    });
  });

  it('fails with a typed failure when HQ errs, cannot be reached, or does not know the case', async () => {
    const { hq: desk } = await enrolled();
    const caseId = await acceptedCase(desk);
    await hq.operator.setFaults({ failNext: { route: 'issuanceClaim', count: 1, status: 503 } });
    expect(await desk.claimIssuance({ caseId, ...clerk })).toMatchObject({ ok: false, failure: { kind: 'serverError', status: 503 } });
    expect(await desk.claimIssuance({ caseId: newCaseId(), ...clerk })).toMatchObject({ ok: false, failure: { kind: 'badRequest', status: 404 } });
    expect(await desk.claimIssuance({ caseId, ...clerk, clerkName: '' })).toMatchObject({ ok: false, failure: { kind: 'badRequest', status: 422 } });
    await hq.stop();
    expect(await desk.claimIssuance({ caseId, ...clerk })).toMatchObject({ ok: false, failure: { kind: 'network' } });
    expect(await desk.releaseIssuance({ caseId })).toMatchObject({ ok: false, failure: { kind: 'network' } });
  });

  it('answers notEnrolled on a desk not enrolled with HQ', async () => {
    expect(await client().claimIssuance({ caseId: newCaseId(), ...clerk })).toMatchObject({ ok: false, failure: { kind: 'notEnrolled' } });
  });
});

describe('the queue (叫号)', () => {
  const take = async (line: 'A' | 'B' | 'V') => {
    const answer = await hq.call('POST', '/operator/queue/tickets', { token: adminToken, json: { hallCode: 'FC', line } });
    expect(answer.status).toBe(200);
    return queueTicketSchema.parse(answer.body);
  };

  it('calls the next ticket for the window (V first), and answers ticket null when nobody waits', async () => {
    const { hq: desk } = await enrolled();
    const a = await take('A');
    const v = await take('V');
    expect(await desk.queueCall({ lines: ['A'] })).toEqual({ ok: true, value: { ticket: { ...v, calledAt: expect.any(String), deskCode: '03' } } });
    expect(await desk.queueCall({ lines: ['A'] })).toMatchObject({ ok: true, value: { ticket: { ticketId: a.ticketId, number: a.number } } });
    expect(await desk.queueCall({ lines: ['A', 'B'] })).toEqual({ ok: true, value: { ticket: null } });
  });

  it('recalls, skips, transfers and finishes the ticket it called, each answered with the ticket’s state', async () => {
    const { hq: desk } = await enrolled();
    await hq.enrol('FC', '04');
    const a = await take('A');
    await take('A');
    const ticketId = a.ticketId;
    await desk.queueCall({ lines: ['A'] });
    expect(await desk.queueAct({ action: 'recall', ticketId })).toEqual({ ok: true, value: { ticketId, number: a.number, state: 'called' } });
    expect(await desk.queueAct({ action: 'skip', ticketId })).toMatchObject({ ok: true, value: { state: 'waiting' } });
    const next = await desk.queueCall({ lines: ['A'] });
    const nextId = next.ok && next.value.ticket !== null ? next.value.ticket.ticketId : '';
    expect(nextId).not.toBe(ticketId);
    expect(await desk.queueAct({ action: 'transfer', ticketId: nextId, deskCode: '04' })).toMatchObject({ ok: true, value: { state: 'waiting' } });
    await desk.queueCall({ lines: ['A'] });
    const caseId = caseIdSchema.parse(uuidv7());
    expect(await desk.queueAct({ action: 'done', ticketId, caseId })).toMatchObject({ ok: true, value: { ticketId, state: 'done' } });
  });

  it('answers another window’s ticket and an unknown window as badRequest with HQ’s sentence, and HQ unreachable as network', async () => {
    const { hq: desk } = await enrolled();
    const other = await hq.enrol('FC', '04');
    const a = await take('A');
    expect((await hq.call('POST', '/v1/queue/call', { token: other.token, json: { lines: ['A'] } })).status).toBe(200);
    expect(await desk.queueAct({ action: 'skip', ticketId: a.ticketId })).toMatchObject({
      ok: false,
      failure: { kind: 'badRequest', status: 409, message: expect.stringContaining('该号由 04 号窗口叫号') },
    });
    await take('B');
    const called = await desk.queueCall({ lines: ['B'] });
    const ticketId = called.ok && called.value.ticket !== null ? called.value.ticket.ticketId : '';
    expect(await desk.queueAct({ action: 'transfer', ticketId, deskCode: '09' })).toMatchObject({ ok: false, failure: { kind: 'badRequest', status: 422 } });
    await hq.stop();
    expect(await desk.queueCall({ lines: ['A'] })).toMatchObject({ ok: false, failure: { kind: 'network' } });
  });

  it('answers notEnrolled on a desk not enrolled with HQ', async () => {
    expect(await client().queueCall({ lines: ['A'] })).toMatchObject({ ok: false, failure: { kind: 'notEnrolled' } });
  });
});

describe('failures', () => {
  it('answers 401 after HQ expired the token, and keeps the enrolment and token for the admin to see', async () => {
    const { hq: desk, deskId } = await enrolled();
    await hq.operator.expireToken(deskId);
    const result = await desk.pull({ cursor: 0, limit: 10 });
    expect(result).toEqual({ ok: false, failure: { kind: 'unauthorized', reason: 'expired', message: expect.stringContaining('同步已暂停') } });
    expect(await desk.config()).toMatchObject({ enrolment: { deskId }, tokenAvailable: true });
    // Enrolling again gives the same desk a working token.
    expect(await desk.enrol({ baseUrl: hq.url, hallCode: 'FC', deskCode: '03', enrolmentCode })).toMatchObject({ ok: true, value: { deskId } });
    expect((await desk.pull({ cursor: 0, limit: 10 })).ok).toBe(true);
  });

  it('states its schema version on every request and answers 426 when HQ requires a newer desk', async () => {
    const { hq: desk } = await enrolled();
    await hq.operator.setMinSchemaVersion(4);
    expect(await desk.pull({ cursor: 0, limit: 10 })).toMatchObject({ ok: false, failure: { kind: 'deskTooOld', minSchemaVersion: 4, message: expect.stringContaining('第 4 版') } });
    expect(await desk.push({ ops: [caseOp(1)] })).toMatchObject({ ok: false, failure: { kind: 'deskTooOld' } });
  });

  it('answers serverError for a 5xx, and succeeds once HQ recovers', async () => {
    const { hq: desk } = await enrolled();
    await hq.operator.setFaults({ failNext: { route: 'push', count: 1, status: 502 } });
    expect(await desk.push({ ops: [caseOp(1)] })).toMatchObject({ ok: false, failure: { kind: 'serverError', status: 502 } });
    expect((await desk.push({ ops: [caseOp(1)] })).ok).toBe(true);
  });

  it('gives up on a request HQ does not answer in time', async () => {
    const { hq: desk } = await enrolled({ timeoutMs: 200 });
    await hq.operator.setFaults({ delay: { ms: 1500, count: 1 } });
    expect(await desk.pull({ cursor: 0, limit: 10 })).toMatchObject({ ok: false, failure: { kind: 'timeout', message: expect.stringContaining('没有应答') } });
  });

  it('treats a cut-off answer as no answer', async () => {
    const { hq: desk } = await enrolled();
    await hq.operator.publish('calendar', [{ year: 2027, holidays: ['2027-01-01'], workdays: [] }]);
    await hq.operator.setFaults({ truncateNext: { route: 'reference', count: 1 } });
    const result = await desk.reference({ kind: 'calendar', since: null });
    expect(result.ok).toBe(false);
    expect(['badResponse', 'network']).toContain(result.ok ? '' : result.failure.kind);
  });

  it('reports a network failure when nothing listens at the address', async () => {
    const { hq: desk } = await enrolled();
    await hq.stop();
    expect(await desk.pull({ cursor: 0, limit: 10 })).toMatchObject({ ok: false, failure: { kind: 'network', message: expect.stringContaining('无法连接市级系统') } });
  });

  it('says so when the stored token can no longer be read', async () => {
    const { hq: desk } = await enrolled();
    const lost = createHqClient({
      settings: { read: async () => (await desk.config()).enrolment, write: async () => undefined },
      secrets: { available: () => true, read: async () => null, write: async () => undefined },
      protocolVersion: 3,
    });
    expect(await lost.config()).toMatchObject({ tokenAvailable: false });
    expect(await lost.pull({ cursor: 0, limit: 1 })).toMatchObject({ ok: false, failure: { kind: 'notEnrolled', message: expect.stringContaining('重新注册') } });
  });
});

describe('through the IPC contract', () => {
  it('never lets the token out in any channel answer, whatever HQ says', async () => {
    const settings = memorySettingsStore();
    const desk = client({ settings });
    const dispatch = dispatchTo(desk);
    const call = (key: ChannelKey, input?: unknown) => dispatch({ senderFrame: { url: 'app://desk/index.html', parent: null } }, key, input);
    const answers: unknown[] = [await call('hqEnrol', { baseUrl: hq.url, hallCode: 'FC', deskCode: '03', enrolmentCode })];
    const token = await secrets.read();
    expect(token).not.toBeNull();
    const op = caseOp(1);
    const bytes = new TextEncoder().encode('scan');
    answers.push(
      await call('hqGetConfig'),
      await call('hqPush', { ops: [op] }),
      await call('hqPull', { cursor: 0, limit: 10 }),
      await call('hqReference', { kind: 'catalogue', since: null }),
      await call('hqHasBlob', { sha256: sha256Hex(bytes) }),
      await call('hqPutBlob', { sha256: sha256Hex(bytes), bytes }),
      await call('hqGetBlob', { sha256: sha256Hex(bytes) }),
      await call('hqCloseDay', { businessDate: '2026-11-28', lastSeq: 1, totals: dayTotalsOf([op]) }),
      await call('hqClaimIssuance', { caseId: op.entityId, clerkId, clerkName: '王五' }),
      await call('hqReleaseIssuance', { caseId: op.entityId }),
      await call('hqQueueCall', { lines: ['A'] }),
    );
    await hq.operator.expireToken((await settings.read())!.deskId);
    answers.push(await call('hqPull', { cursor: 0, limit: 10 }));
    await hq.operator.setFaults({ failNext: { route: 'any', count: 1, status: 500 } });
    answers.push(await call('hqPush', { ops: [op] }));
    expect(answers.every((answer) => (answer as { ok: boolean }).ok)).toBe(true);
    expect(answers.at(-2)).toMatchObject({ value: { ok: false, failure: { kind: 'unauthorized' } } });
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(token!);
  });
});
