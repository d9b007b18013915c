import { z } from 'zod';
import { caseEventSchema, type CaseEvent } from './caseEvents';
import type { ClerkId } from '../clerks/clerkId';
import { caseStatusSchema } from './caseStatus';

/**
 * The lifecycle part of a case, which only the case state machine changes: the promised time limit set
 * at intake, how many times the applicant has come, the status and the timeline. Identity, parties,
 * answers and the checklist live beside it in the case record.
 */
export const caseStateSchema = z.object({
  /** 承诺时限 in working days (0 for 即办件: due the day it is accepted). */
  promisedWorkingDays: z.number().int().min(0).max(365),
  visits: z.number().int().min(1),
  status: caseStatusSchema,
  timeline: z.array(caseEventSchema),
});
export type CaseState = z.infer<typeof caseStateSchema>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The timeline with an entry that changes no status appended after the last (an acknowledgement, a
 * follow-up), so HQ and the other windows learn of it like any other entry.
 */
export function appendTimelineEntry(
  state: CaseState,
  entry: DistributiveOmit<CaseEvent, 'seq' | 'at' | 'clerkId'>,
  actor: { clerkId: ClerkId; at: string },
): { state: CaseState; event: CaseEvent } {
  const event = { ...entry, seq: Math.max(0, ...state.timeline.map((known) => known.seq)) + 1, at: actor.at, clerkId: actor.clerkId } as CaseEvent;
  return { state: { ...state, timeline: [...state.timeline, event] }, event };
}
