import { z } from 'zod';
import { deskCodeSchema, hallCodeSchema } from '../domain/cases/caseNumber';
import { deskIdSchema } from '../domain/desk';

// POST /v1/desks/enrol

export const enrolRequestSchema = z.object({
  hallCode: hallCodeSchema,
  deskCode: deskCodeSchema,
  enrolmentCode: z.string().min(1).max(128),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const enrolResponseSchema = z.object({
  deskId: deskIdSchema,
  token: z.string().min(16).max(512),
  /**
   * Extension: the desk's `lastSeq` on HQ. A desk enrolling again (after its token expired) keeps its
   * id and sequence, so this tells it where HQ stands.
   */
  lastSeq: z.int().min(0).optional(),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;
