import 'fake-indexeddb/auto';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issuanceClaimInputSchema, issuanceReleaseInputSchema } from '../../../../electron/ipc/hq';
import { createHqClient, type HqClient } from '../../../../electron/main/hq/hqClient';
import { memorySecretStore } from '../../../../electron/main/hq/secretStore';
import { memorySettingsStore } from '../../../../electron/main/hq/settingsStore';
import { DeskError } from '../../../../renderer/src/platform/desk';
import { protocolVersion } from '../../../../renderer/src/protocol/version';
import { caseIdSchema } from '../../../../renderer/src/domain/cases/caseId';
import { newClerkId } from '../../../../renderer/src/domain/clerks/clerkId';
import type { SignedInClerk } from '../../../../renderer/src/domain/clerks/account';
import {
  claimIssuance,
  gateOf,
  mayPrint,
  releaseIssuance,
  renewDelayMs,
  renewedGate,
  type ClaimAnswer,
  type ClaimTransport,
  type IssuanceGate,
} from '../../../../renderer/src/sync/issuanceClaim';
import { pushOutbox } from '../../../../renderer/src/sync/pushOutbox';
import { enrolmentCode, HqHarness } from '../../../hq/support/harness';
import { Relay } from '../../../hq/support/relay';
import { closeDatabases } from '../data/dataFixtures';
import { acceptedCase, enrolledDesk } from './syncFixtures';

const clerk: SignedInClerk = { id: newClerkId(), role: 'clerk', displayName: '王五' };
const caseId = caseIdSchema.parse(uuidv7());
const claimId = '1b4e28ba-2fa1-4d3b-883f-0016d3cca427';
const expiresAt = '2026-11-28T10:30:00.000+08:00';
const granted: IssuanceGate = { kind: 'granted', claimId, expiresAt };

const failure = (kind: 'network' | 'timeout' | 'badRequest' | 'notEnrolled' | 'unauthorized', message: string): ClaimAnswer => {
  if (kind === 'badRequest') return { ok: false, failure: { kind, status: 404, message } };
  if (kind === 'unauthorized') return { ok: false, failure: { kind, reason: 'expired', message } };
  return { ok: false, failure: { kind, message } };
};

describe('what HQ\'s answer to a claim means for printing', () => {
  it('lets a granted claim print, and blocks another window\'s claim naming its window, clerk and time', () => {
    const grant = gateOf({ ok: true, value: { outcome: 'granted', claimId, expiresAt } });
    expect(grant).toEqual(granted);
    expect(mayPrint(grant, false)).toBe(true);
    const claimed = gateOf({ ok: true, value: { outcome: 'claimed', deskCode: '01', clerkName: '张三', at: '2026-11-28T10:00:00.000+08:00', message: '窗口 01（张三）正在为该办件发证' } });
    expect(claimed).toEqual({ kind: 'claimed', deskCode: '01', clerkName: '张三', at: '2026-11-28T10:00:00.000+08:00' });
    expect(mayPrint(claimed, false)).toBe(false);
    // The chief's approval is for an unreachable HQ, never against another window's claim.
    expect(mayPrint(claimed, true)).toBe(false);
  });

  it('reads a network error, a timeout or HQ\'s own failure as HQ unreachable: printing only with the chief\'s approval', () => {
    const answers: ClaimAnswer[] = [failure('network', '无法连接市级系统'), failure('timeout', '市级系统没有应答'), { ok: false, failure: { kind: 'serverError', status: 503, message: '市级系统暂时无法处理' } }];
    for (const answer of answers) {
      const gate = gateOf(answer);
      expect(gate).toEqual({ kind: 'unreachable', reason: answer.ok ? '' : answer.failure.message });
      expect(mayPrint(gate, false)).toBe(false);
      expect(mayPrint(gate, true)).toBe(true);
    }
  });

  it('reads a 4xx or a missing enrolment as a refusal that no approval overrides', () => {
    for (const answer of [failure('badRequest', '市级系统中没有该办件'), failure('unauthorized', '访问令牌已过期'), failure('notEnrolled', '本窗口尚未注册')]) {
      const gate = gateOf(answer);
      expect(gate.kind).toBe('refused');
      expect(mayPrint(gate, true)).toBe(false);
    }
  });

  it('lets a desk without HQ issue as it always did', () => {
    expect(mayPrint({ kind: 'noHq' }, false)).toBe(true);
  });
});

describe('renewing a claim', () => {
  const before = new Date('2026-11-28T10:20:00+08:00');
  const after = new Date('2026-11-28T10:31:00+08:00');

  it('keeps a live claim while HQ cannot be reached, and loses it once it has expired', () => {
    const unreachable: IssuanceGate = { kind: 'unreachable', reason: '无法连接市级系统' };
    expect(renewedGate(granted, unreachable, before)).toBe(granted);
    expect(renewedGate(granted, unreachable, after)).toEqual(unreachable);
  });

  it('takes any answer of HQ: a renewal, or another window holding the claim now', () => {
    const renewed: IssuanceGate = { ...granted, expiresAt: '2026-11-28T10:50:00.000+08:00' };
    expect(renewedGate(granted, renewed, before)).toEqual(renewed);
    const claimed: IssuanceGate = { kind: 'claimed', deskCode: '03', clerkName: '赵六', at: '2026-11-28T10:31:00.000+08:00' };
    expect(renewedGate(granted, claimed, before)).toEqual(claimed);
  });

  it('renews halfway to the expiry, never sooner than every 30 seconds', () => {
    expect(renewDelayMs(expiresAt, new Date('2026-11-28T10:00:00+08:00'))).toBe(15 * 60_000);
    expect(renewDelayMs(expiresAt, new Date('2026-11-28T10:29:50+08:00'))).toBe(30_000);
    expect(renewDelayMs(expiresAt, after)).toBe(30_000);
  });
});

describe('the claim over a transport', () => {
  const throwing = (error: Error): ClaimTransport => ({
    claim: () => Promise.reject(error),
    release: () => Promise.reject(error),
  });

  it('sends the case, the clerk and the clerk\'s name (shown to the other windows)', async () => {
    const sent: unknown[] = [];
    const transport: ClaimTransport = {
      claim: (input) => {
        sent.push(input);
        return Promise.resolve({ ok: true, value: { outcome: 'granted', claimId, expiresAt } });
      },
      release: () => Promise.resolve({ ok: true, value: { released: true } }),
    };
    expect(await claimIssuance(transport, caseId, clerk)).toEqual(granted);
    expect(sent).toEqual([{ caseId, clerkId: clerk.id, clerkName: '王五' }]);
  });

  it('reads an IPC refusal as HQ refusing, with its message, and lets a bug through', async () => {
    expect(await claimIssuance(throwing(new DeskError('invalid_input', '参数不正确')), caseId, clerk)).toEqual({ kind: 'refused', reason: '参数不正确' });
    await expect(claimIssuance(throwing(new TypeError('boom')), caseId, clerk)).rejects.toThrow('boom');
  });

  it('releases on a best-effort basis: a failed release is left to expire on HQ', async () => {
    await expect(releaseIssuance(throwing(new Error('offline')), caseId)).resolves.toBeUndefined();
  });
});

describe('two windows claiming one case through the reference HQ', () => {
  let hq: HqHarness;
  let relay: Relay;
  beforeEach(async () => {
    hq = await new HqHarness().start();
    relay = await new Relay(hq.url).start();
  });
  afterEach(async () => {
    await closeDatabases();
    await relay.stop();
    await hq.dispose();
  });

  /** The main process's HQ client as the claim reaches it (over IPC in the app). */
  const overClient = (client: HqClient): ClaimTransport => ({
    claim: (input) => client.claimIssuance(issuanceClaimInputSchema.parse(input)),
    release: (input) => client.releaseIssuance(issuanceReleaseInputSchema.parse(input)),
  });

  /** Window 02's main-process HQ client, enrolled through its own network (the relay). */
  async function windowBehindRelay(): Promise<ClaimTransport> {
    const client = createHqClient({ settings: memorySettingsStore(), secrets: memorySecretStore(), protocolVersion });
    const enrolled = await client.enrol({ baseUrl: relay.url, hallCode: 'MY', deskCode: '02', enrolmentCode });
    if (!enrolled.ok) throw new Error(enrolled.failure.message);
    return overClient(client);
  }

  it('grants the first window, refuses the second naming the first, and asks for the chief when the second is cut off', async () => {
    const desk01 = await enrolledDesk(hq, '01');
    const row = await acceptedCase(desk01);
    expect(await pushOutbox(desk01.ctx)).toBeNull();
    const window02 = await windowBehindRelay();
    const clerk02: SignedInClerk = { id: newClerkId(), role: 'clerk', displayName: '王五' };

    expect((await claimIssuance(overClient(desk01.hq), row.id, desk01.clerk)).kind).toBe('granted');
    expect(await claimIssuance(window02, row.id, clerk02)).toEqual({ kind: 'claimed', deskCode: '01', clerkName: desk01.clerk.displayName, at: expect.any(String) });

    relay.cut();
    expect(await claimIssuance(window02, row.id, clerk02)).toEqual({ kind: 'unreachable', reason: expect.stringMatching(/\S/) });
    relay.restore();

    await releaseIssuance(overClient(desk01.hq), row.id);
    expect((await claimIssuance(window02, row.id, clerk02)).kind).toBe('granted');
  });
});
