import type { CaseId } from '../domain/cases/caseId';
import type { CalledTicket, QueueLine, QueueTicketState } from '../protocol/queue';
import { callDesk, DeskError, type ChannelInput, type ChannelOutput } from '../platform/desk';

/**
 * 叫号 from the window: what HQ's answers to a call, recall, skip, transfer or 完成 mean for the clerk,
 * apart from the screen. An HQ the desk cannot reach (or is not enrolled with) is `offline`: the clerk
 * then types the ticket number from the applicant's slip, as before there was a queue.
 */

export type QueueOutcome<T> = { kind: 'ok'; value: T } | { kind: 'offline'; reason: string } | { kind: 'refused'; reason: string };

/** How the queue reaches HQ: the main process over IPC in the app; tests give their own. */
export interface QueueTransport {
  call(input: ChannelInput<'hqQueueCall'>): Promise<ChannelOutput<'hqQueueCall'>>;
  act(input: ChannelInput<'hqQueueAct'>): Promise<ChannelOutput<'hqQueueAct'>>;
}

export function ipcQueueTransport(): QueueTransport {
  return { call: (input) => callDesk('hqQueueCall', input), act: (input) => callDesk('hqQueueAct', input) };
}

/** Failures that mean there is no queue to call from right now, as opposed to HQ refusing the act. */
const offlineKinds: ReadonlySet<string> = new Set(['network', 'timeout', 'serverError', 'notEnrolled', 'invalidUrl', 'storage', 'unauthorized']);

type Answer<T> = { ok: true; value: T } | { ok: false; failure: { kind: string; message: string } };

async function outcomeOf<T>(ask: () => Promise<Answer<T>>): Promise<QueueOutcome<T>> {
  try {
    const answer = await ask();
    if (answer.ok) return { kind: 'ok', value: answer.value };
    return { kind: offlineKinds.has(answer.failure.kind) ? 'offline' : 'refused', reason: answer.failure.message };
  } catch (error) {
    if (error instanceof DeskError) return { kind: 'refused', reason: error.message };
    throw error;
  }
}

/** The lines a window asks for: those it serves, and green-card tickets (V) always (HQ calls them first). */
export function linesToCall(served: readonly QueueLine[]): QueueLine[] {
  return (['V', 'A', 'B'] as const).filter((line) => line === 'V' || served.includes(line));
}

/** The next ticket for the window's lines; `null` when nobody waits for it. */
export function callNextTicket(transport: QueueTransport, served: readonly QueueLine[]): Promise<QueueOutcome<CalledTicket | null>> {
  return outcomeOf(async () => {
    const answer = await transport.call({ lines: linesToCall(served) });
    return answer.ok ? { ok: true, value: answer.value.ticket } : answer;
  });
}

export type TicketAct =
  | { action: 'recall' | 'skip' }
  | { action: 'transfer'; deskCode: string }
  | { action: 'done'; caseId: CaseId | null };

/** 重呼, 过号, 转窗口 or 完成 on the ticket this window called. */
export function actOnTicket(transport: QueueTransport, ticketId: string, act: TicketAct): Promise<QueueOutcome<QueueTicketState>> {
  const input: ChannelInput<'hqQueueAct'> =
    act.action === 'transfer'
      ? { action: 'transfer', ticketId, deskCode: act.deskCode }
      : act.action === 'done'
        ? { action: 'done', ticketId, ...(act.caseId === null ? {} : { caseId: act.caseId }) }
        : { action: act.action, ticketId };
  return outcomeOf(() => transport.act(input));
}
