import { z } from 'zod';
import { isoDateTimeSchema } from '../chineseDate';

/**
 * The queue ticket a case was taken in on, with its times: waiting ran from `issuedAt` (the ticket
 * machine) to `calledAt` (the window called it), service from `calledAt` to `finishedAt` (完成 at the
 * window; null until then). Times only, no person: it rests plain and feeds the hall's figures.
 */
export const queueServiceSchema = z
  .object({
    ticketId: z.uuid(),
    issuedAt: isoDateTimeSchema,
    calledAt: isoDateTimeSchema,
    finishedAt: isoDateTimeSchema.nullable(),
  })
  .refine((service) => Date.parse(service.issuedAt) <= Date.parse(service.calledAt), { error: '叫号时间早于取号时间' })
  .refine((service) => service.finishedAt === null || Date.parse(service.calledAt) <= Date.parse(service.finishedAt), {
    error: '办结时间早于叫号时间',
  });
export type QueueService = z.infer<typeof queueServiceSchema>;

const secondsBetween = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/** Seconds the applicant waited for the window (issued → called). */
export function waitingSeconds(service: QueueService): number {
  return secondsBetween(service.issuedAt, service.calledAt);
}

/** Seconds the window served the applicant (called → finished), null while the service runs. */
export function serviceSeconds(service: QueueService): number | null {
  return service.finishedAt === null ? null : secondsBetween(service.calledAt, service.finishedAt);
}

/** The service finished at `at`; a service already finished keeps its first time (完成 pressed again changes nothing). */
export function finishService(service: QueueService, at: string): QueueService {
  return service.finishedAt === null ? { ...service, finishedAt: at } : service;
}
