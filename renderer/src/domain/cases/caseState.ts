import { z } from 'zod';
import { caseEventSchema } from './caseEvents';
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
