import { z } from 'zod';
import { caseIdSchema } from '../domain/cases/caseId';
import { deskCodeSchema, hallCodeSchema } from '../domain/cases/caseNumber';
import { isoDateTimeSchema } from '../domain/chineseDate';

// The hall's queue (叫号): tickets are HQ's. The ticket machine takes them (POST /operator/queue/tickets);
// desks call, recall, skip, transfer and finish them under /v1/queue/.

/** Service lines: 企业开办 A, 其他业务 B, green-card enterprises V (called before the others). */
export const queueLines = ['A', 'B', 'V'] as const;
export const queueLineSchema = z.enum(queueLines);
export type QueueLine = z.infer<typeof queueLineSchema>;

/** `A012`: the line and its number of the day (numbers restart each day per line). */
export const ticketNumberSchema = z.string().regex(/^[ABV]\d{3,4}$/);

export const queueTicketSchema = z.object({
  ticketId: z.uuid(),
  number: ticketNumberSchema,
  line: queueLineSchema,
  issuedAt: isoDateTimeSchema,
});
export type QueueTicket = z.infer<typeof queueTicketSchema>;

/** A ticket as a desk called it: waiting ran from `issuedAt` to `calledAt`. */
export const calledTicketSchema = queueTicketSchema.extend({ calledAt: isoDateTimeSchema, deskCode: deskCodeSchema });
export type CalledTicket = z.infer<typeof calledTicketSchema>;

/** POST /v1/queue/call: the lines this window serves. 200 {ticket} or 204 when nobody waits for it. */
export const queueCallRequestSchema = z.object({ lines: z.array(queueLineSchema).min(1).max(queueLines.length) });
export type QueueCallRequest = z.infer<typeof queueCallRequestSchema>;
export const queueCallResponseSchema = z.object({ ticket: calledTicketSchema });

/** POST /v1/queue/tickets/{ticketId}/transfer: to the front of that window's calls. */
export const queueTransferRequestSchema = z.object({ deskCode: deskCodeSchema });
export type QueueTransferRequest = z.infer<typeof queueTransferRequestSchema>;

/** POST /v1/queue/tickets/{ticketId}/done: the encounter ended, with the case it opened if any. */
export const queueDoneRequestSchema = z.object({ caseId: caseIdSchema.optional() });
export type QueueDoneRequest = z.infer<typeof queueDoneRequestSchema>;

/**
 * Where a ticket stands after recall, skip, transfer or done: `called` (on the board again), `waiting`
 * (skipped once: back of its line; or transferred), `dropped` (skipped twice), `done`.
 */
export const ticketStates = ['waiting', 'called', 'done', 'dropped'] as const;
export const queueTicketStateSchema = z.object({ ticketId: z.uuid(), number: ticketNumberSchema, state: z.enum(ticketStates) });
export type QueueTicketState = z.infer<typeof queueTicketStateSchema>;

/** GET /v1/queue/board: the hall display's last ten calls, newest first. */
export const queueBoardSchema = z.object({
  calls: z.array(z.object({ number: ticketNumberSchema, deskCode: deskCodeSchema, at: isoDateTimeSchema })).max(10),
});
export type QueueBoard = z.infer<typeof queueBoardSchema>;

/** POST /operator/queue/tickets (the ticket machine). */
export const takeTicketRequestSchema = z.object({ hallCode: hallCodeSchema, line: queueLineSchema });
export type TakeTicketRequest = z.infer<typeof takeTicketRequestSchema>;
