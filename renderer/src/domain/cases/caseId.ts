import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { casesMessages } from './messages';

/** A case's permanent id, made on the desk (UUIDv7: time-ordered, so new cases sort last in an index). */
export const caseIdSchema = z
  .uuid({ version: 'v7', error: casesMessages.caseId })
  .transform((id) => id.toLowerCase())
  .brand<'CaseId'>();
export type CaseId = z.infer<typeof caseIdSchema>;

export function newCaseId(): CaseId {
  return caseIdSchema.parse(uuidv7());
}
