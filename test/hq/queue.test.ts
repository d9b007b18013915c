import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calledTicketSchema, queueBoardSchema, queueCallResponseSchema, queueTicketSchema, queueTicketStateSchema, type QueueLine } from '../../renderer/src/protocol/queue';
import { adminToken, HqHarness, type Answer, type TestDesk } from './support/harness';

const start = Date.parse('2026-11-28T09:00:00+08:00');
let clockMs = start;
let hq: HqHarness;
let desk01: TestDesk;
let desk02: TestDesk;

beforeEach(async () => {
  clockMs = start;
  hq = await new HqHarness({ now: () => new Date(clockMs) }).start();
  desk01 = await hq.enrol('FC', '01');
  desk02 = await hq.enrol('FC', '02');
});
afterEach(() => hq.dispose());

/** The ticket machine, a second later each time so issue order is unambiguous. */
async function take(line: QueueLine, hallCode = 'FC') {
  clockMs += 1000;
  const answer = await hq.call('POST', '/operator/queue/tickets', { token: adminToken, json: { hallCode, line } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return queueTicketSchema.parse(answer.body);
}

const callNext = (desk: TestDesk, lines: QueueLine[] = ['A', 'B']): Promise<Answer> => hq.call('POST', '/v1/queue/call', { token: desk.token, json: { lines } });

async function called(desk: TestDesk, lines?: QueueLine[]) {
  const answer = await callNext(desk, lines);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return queueCallResponseSchema.parse(answer.body).ticket;
}

const act = (desk: TestDesk, ticketId: string, action: 'recall' | 'skip' | 'transfer' | 'done', json: unknown = {}) =>
  hq.call('POST', `/v1/queue/tickets/${ticketId}/${action}`, { token: desk.token, json });

describe('the ticket machine', () => {
  it('numbers each line from 001 every day, per hall', async () => {
    expect((await take('A')).number).toBe('A001');
    expect((await take('A')).number).toBe('A002');
    expect((await take('B')).number).toBe('B001');
    expect((await take('A', 'MY')).number).toBe('A001');
    clockMs = Date.parse('2026-11-29T08:30:00+08:00');
    expect((await take('A')).number).toBe('A001');
  });

  it('refuses a line that does not exist and a request without the operator token', async () => {
    expect((await hq.call('POST', '/operator/queue/tickets', { token: adminToken, json: { hallCode: 'FC', line: 'C' } })).status).toBe(422);
    expect((await hq.call('POST', '/operator/queue/tickets', { token: desk01.token, json: { hallCode: 'FC', line: 'A' } })).status).toBe(401);
  });
});

describe('calling', () => {
  it('never gives one ticket to two windows calling at the same moment, 200 times', async () => {
    const issued = new Set<string>();
    for (let i = 0; i < 200; i += 1) issued.add((await take(i % 2 === 0 ? 'A' : 'B')).ticketId);
    const calls = Array.from({ length: 110 }, () => [callNext(desk01), callNext(desk02)]).flat();
    const answers = await Promise.all(calls);
    const tickets = answers.filter((answer) => answer.status === 200).map((answer) => queueCallResponseSchema.parse(answer.body).ticket);
    expect(tickets).toHaveLength(200);
    expect(new Set(tickets.map((ticket) => ticket.ticketId))).toEqual(issued);
    expect(answers.filter((answer) => answer.status === 204)).toHaveLength(20);
    // Each window's tickets came in issue order.
    for (const deskCode of ['01', '02']) {
      const mine = tickets.filter((ticket) => ticket.deskCode === deskCode).map((ticket) => ticket.issuedAt);
      expect(mine).toEqual([...mine].sort());
    }
  });

  it('calls green-card (V) tickets first, whatever lines the window serves, then the oldest of its lines', async () => {
    const a1 = await take('A');
    const b1 = await take('B');
    const v1 = await take('V');
    const a2 = await take('A');
    expect((await called(desk01, ['A'])).number).toBe(v1.number);
    expect((await called(desk01, ['A'])).number).toBe(a1.number);
    expect((await called(desk01, ['A'])).number).toBe(a2.number);
    expect((await callNext(desk01, ['A'])).status).toBe(204);
    const b = await called(desk02, ['B']);
    expect(calledTicketSchema.parse(b)).toMatchObject({ number: b1.number, deskCode: '02', issuedAt: b1.issuedAt });
  });

  it('answers 204 when nobody waits for the window', async () => {
    await take('B');
    const answer = await callNext(desk01, ['A']);
    expect(answer.status).toBe(204);
  });
});

describe('after a call', () => {
  it('recalls a ticket onto the board, newest call first, ten at most', async () => {
    const first = await take('A');
    for (let i = 0; i < 11; i += 1) await take('A');
    const ticket = await called(desk01);
    expect(ticket.ticketId).toBe(first.ticketId);
    clockMs += 30_000;
    expect(queueTicketStateSchema.parse((await act(desk01, ticket.ticketId, 'recall')).body).state).toBe('called');
    for (let i = 0; i < 9; i += 1) await called(desk02);
    const board = queueBoardSchema.parse((await hq.call('GET', '/v1/queue/board', { token: desk01.token })).body);
    expect(board.calls).toHaveLength(10);
    // The recall of A001 is the oldest of the last ten; its first call has left the board.
    expect(board.calls.at(-1)).toMatchObject({ number: 'A001', deskCode: '01' });
    expect(board.calls[0]).toMatchObject({ number: 'A010', deskCode: '02' });
  });

  it('skips a ticket to the back of its line once; a second skip drops it', async () => {
    const a1 = await take('A');
    const a2 = await take('A');
    expect((await called(desk01)).ticketId).toBe(a1.ticketId);
    const a3 = await take('A');
    // 过号 in the same millisecond a3 was issued: still behind it.
    expect(queueTicketStateSchema.parse((await act(desk01, a1.ticketId, 'skip')).body).state).toBe('waiting');
    expect((await called(desk01)).ticketId).toBe(a2.ticketId);
    expect((await called(desk01)).ticketId).toBe(a3.ticketId);
    expect((await called(desk02)).ticketId).toBe(a1.ticketId);
    expect(queueTicketStateSchema.parse((await act(desk02, a1.ticketId, 'skip')).body).state).toBe('dropped');
    expect((await callNext(desk01)).status).toBe(204);
  });

  it('transfers a ticket to the front of another window’s calls, and refuses a window the hall does not have', async () => {
    await take('V');
    const a1 = await take('A');
    const v = await called(desk01);
    expect((await act(desk01, v.ticketId, 'transfer', { deskCode: '09' })).status).toBe(422);
    expect(queueTicketStateSchema.parse((await act(desk01, v.ticketId, 'transfer', { deskCode: '02' })).body).state).toBe('waiting');
    // Window 01 does not get it back; window 02 gets it before the older A ticket.
    expect((await called(desk01)).ticketId).toBe(a1.ticketId);
    expect((await called(desk02)).ticketId).toBe(v.ticketId);
  });

  it('refuses with 409 an act on a ticket another window called, or not called at all, and 404 another hall’s ticket', async () => {
    const a1 = await take('A');
    const waiting = await take('B');
    await called(desk01, ['A']);
    for (const action of ['recall', 'skip', 'done'] as const) {
      const answer = await act(desk02, a1.ticketId, action);
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ error: 'not_called_here', message: '该号由 01 号窗口叫号，本窗口不能操作' });
    }
    expect((await act(desk01, waiting.ticketId, 'recall')).body).toMatchObject({ error: 'not_called_here', message: '该号尚未被叫，不能操作' });
    const other = await hq.enrol('MY', '01');
    expect((await act(other, a1.ticketId, 'done')).status).toBe(404);
  });

  it('finishes a ticket with the case it opened; a finished ticket is no longer the window’s to act on', async () => {
    await take('A');
    const ticket = await called(desk01);
    const done = await act(desk01, ticket.ticketId, 'done', { caseId: '0192f1a0-0000-7000-8000-000000000001' });
    expect(queueTicketStateSchema.parse(done.body).state).toBe('done');
    expect((await act(desk01, ticket.ticketId, 'recall')).status).toBe(409);
    expect((await act(desk01, ticket.ticketId, 'done', { caseId: 'not-a-case' })).status).toBe(422);
  });
});
