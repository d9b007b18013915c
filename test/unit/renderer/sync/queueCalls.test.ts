import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueActInputSchema, queueCallInputSchema } from '../../../../electron/ipc/hq';
import { createHqClient, type HqClient } from '../../../../electron/main/hq/hqClient';
import { memorySecretStore } from '../../../../electron/main/hq/secretStore';
import { memorySettingsStore } from '../../../../electron/main/hq/settingsStore';
import { caseIdSchema } from '../../../../renderer/src/domain/cases/caseId';
import { DeskError } from '../../../../renderer/src/platform/desk';
import { protocolVersion } from '../../../../renderer/src/protocol/version';
import { actOnTicket, callNextTicket, linesToCall, type QueueTransport } from '../../../../renderer/src/sync/queueCalls';
import { adminToken, enrolmentCode, HqHarness } from '../../../hq/support/harness';

let hq: HqHarness;
let client: HqClient;

/** The main process's HQ client behind the contract's input schemas, as the IPC channel runs it. */
const transportOf = (desk: HqClient): QueueTransport => ({
  call: (input) => desk.queueCall(queueCallInputSchema.parse(input)),
  act: (input) => desk.queueAct(queueActInputSchema.parse(input)),
});

beforeEach(async () => {
  hq = await new HqHarness().start();
  client = createHqClient({ settings: memorySettingsStore(), secrets: memorySecretStore(), protocolVersion });
  const enrolled = await client.enrol({ baseUrl: hq.url, hallCode: 'FC', deskCode: '01', enrolmentCode });
  if (!enrolled.ok) throw new Error(enrolled.failure.message);
});
afterEach(() => hq.dispose());

const take = async (line: 'A' | 'B' | 'V') => (await hq.call('POST', '/operator/queue/tickets', { token: adminToken, json: { hallCode: 'FC', line } })).body as { number: string };

describe('linesToCall', () => {
  it('always asks for green-card tickets beside the lines the window serves', () => {
    expect(linesToCall(['A'])).toEqual(['V', 'A']);
    expect(linesToCall(['B', 'A'])).toEqual(['V', 'A', 'B']);
    expect(linesToCall([])).toEqual(['V']);
  });
});

describe('calling from the window', () => {
  it('calls a V ticket for a window serving only B, then answers null when nobody waits', async () => {
    await take('A');
    const v = await take('V');
    expect(await callNextTicket(transportOf(client), ['B'])).toMatchObject({ kind: 'ok', value: { number: v.number, deskCode: '01' } });
    expect(await callNextTicket(transportOf(client), ['B'])).toEqual({ kind: 'ok', value: null });
  });

  it('is offline when HQ cannot be reached or the desk is not enrolled, so the clerk types the number', async () => {
    const unenrolled = createHqClient({ settings: memorySettingsStore(), secrets: memorySecretStore(), protocolVersion });
    expect(await callNextTicket(transportOf(unenrolled), ['A'])).toEqual({ kind: 'offline', reason: '本窗口尚未在市级系统注册，请管理员在“设置 → 市级系统连接”中注册。' });
    await hq.stop();
    expect(await callNextTicket(transportOf(client), ['A'])).toMatchObject({ kind: 'offline', reason: expect.stringContaining('无法连接市级系统') });
  });

  it('reads an IPC refusal as refused with its message', async () => {
    const refusing: QueueTransport = {
      call: () => Promise.reject(new DeskError('invalid_input', '输入不符合接口')),
      act: () => Promise.reject(new DeskError('invalid_input', '输入不符合接口')),
    };
    expect(await callNextTicket(refusing, ['A'])).toEqual({ kind: 'refused', reason: '输入不符合接口' });
    expect(await actOnTicket(refusing, '0192f1a0-0000-4000-8000-000000000001', { action: 'recall' })).toEqual({ kind: 'refused', reason: '输入不符合接口' });
  });
});

describe('acting on the called ticket', () => {
  it('recalls, skips (waiting, then dropped at the second skip) and finishes with the case', async () => {
    const a = await take('A');
    const transport = transportOf(client);
    const called = await callNextTicket(transport, ['A']);
    if (called.kind !== 'ok' || called.value === null) throw new Error('no ticket called');
    const ticketId = called.value.ticketId;
    expect(await actOnTicket(transport, ticketId, { action: 'recall' })).toEqual({ kind: 'ok', value: { ticketId, number: a.number, state: 'called' } });
    expect(await actOnTicket(transport, ticketId, { action: 'skip' })).toMatchObject({ kind: 'ok', value: { state: 'waiting' } });
    await callNextTicket(transport, ['A']);
    expect(await actOnTicket(transport, ticketId, { action: 'skip' })).toMatchObject({ kind: 'ok', value: { state: 'dropped' } });

    await take('A');
    const next = await callNextTicket(transport, ['A']);
    if (next.kind !== 'ok' || next.value === null) throw new Error('no ticket called');
    const caseId = caseIdSchema.parse('0192f1a0-0000-7000-8000-000000000001');
    expect(await actOnTicket(transport, next.value.ticketId, { action: 'done', caseId })).toMatchObject({ kind: 'ok', value: { state: 'done' } });
  });

  it('is refused with HQ’s sentence for a transfer to a window the hall does not have, and for a finished ticket', async () => {
    await take('A');
    const transport = transportOf(client);
    const called = await callNextTicket(transport, ['A']);
    if (called.kind !== 'ok' || called.value === null) throw new Error('no ticket called');
    const ticketId = called.value.ticketId;
    expect(await actOnTicket(transport, ticketId, { action: 'transfer', deskCode: '09' })).toMatchObject({ kind: 'refused' });
    expect(await actOnTicket(transport, ticketId, { action: 'done', caseId: null })).toMatchObject({ kind: 'ok', value: { state: 'done' } });
    expect(await actOnTicket(transport, ticketId, { action: 'recall' })).toMatchObject({ kind: 'refused', reason: expect.stringContaining('（409）') });
  });
});
