import type { CaseId } from '../domain/cases/caseId';
import { finishService, queueServiceSchema, type QueueService } from '../domain/cases/queueService';
import { actingClerk, caseOp, caseSubject, requireCase, runCaseWrite, type CaseChange, type WriteContext } from './caseWrite';
import { chinaIso } from './clock';
import type { DeskDatabase } from './db';
import { dataMessages } from './messages';
import { appendOps } from './outbox';
import type { CaseRow } from './records';
import { Refusal } from './refusal';
import { freshened } from './search/keyTiers';
import { currentWriteTransaction } from './transaction';

/** The ticket the window called (HQ's answer), as intake records it. */
export interface CalledTicketInput {
  ticketId: string;
  number: string;
  issuedAt: string;
  calledAt: string;
}

/**
 * The queue service a new case starts with: the called ticket's times, when the case is taken in on that
 * ticket. A ticket number typed over the called one (offline, or another applicant) records no times,
 * since they would be another ticket's.
 */
export function serviceOfCalledTicket(ticket: CalledTicketInput | null | undefined, queueTicket: string | null): QueueService | null {
  if (ticket === null || ticket === undefined || queueTicket !== ticket.number) return null;
  const parsed = queueServiceSchema.safeParse({ ticketId: ticket.ticketId, issuedAt: ticket.issuedAt, calledAt: ticket.calledAt, finishedAt: null });
  return parsed.success ? parsed.data : null;
}

/**
 * 完成 at the window: the case's service time ends now. The time goes to HQ as a case op with the audit
 * entry in the same transaction; a service already finished keeps its first time (no op, no change).
 */
export async function finishQueueService(db: DeskDatabase, caseId: CaseId, context: WriteContext): Promise<CaseChange<CaseRow>> {
  const at = chinaIso(context.at ?? new Date());
  const audit = { at, clerkId: context.clerk.id, action: 'case.queueFinished', subject: caseSubject(caseId), details: { finishedAt: at } };
  return runCaseWrite(db, audit, async () => {
    const [clerk, row] = await Promise.all([actingClerk(db, context.clerk), requireCase(db, caseId)]);
    if (row.queueService === undefined || row.queueService === null) throw new Refusal(dataMessages.cases.noCalledTicket);
    if (row.queueService.finishedAt !== null) return row;
    const after: CaseRow = freshened({ ...row, queueService: finishService(row.queueService, at), updatedAt: at });
    await Promise.all([db.cases.put(after), appendOps(currentWriteTransaction(), caseOp(after, ['queueService'], clerk, at))]);
    return after;
  });
}
