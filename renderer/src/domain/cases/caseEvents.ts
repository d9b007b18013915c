import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from '../chineseDate';
import { clerkIdSchema } from '../clerks/clerkId';
import { documentRequestSchema, type CaseDocumentKind } from './caseDocuments';
import { casesMessages } from './messages';
import { collectorSchema, deferredMaterialSchema, withdrawableStatusCodes } from './caseStatus';

/** Position in the case's timeline (from 1), who acted and when. */
const eventBase = {
  seq: z.number().int().min(1),
  at: isoDateTimeSchema,
  clerkId: clerkIdSchema,
};
/** Which visit of the applicant the act happened on (最多跑一次: the hall counts them). */
const visit = z.number().int().min(1);
const documents = z.array(documentRequestSchema);

export const correctionItemSchema = z.object({
  materialKey: z.string().min(1),
  name: z.string(),
  /** What must be corrected, when the material was brought but is not acceptable as it is. */
  problem: z.string().nullable(),
});
export type CorrectionItem = z.infer<typeof correctionItemSchema>;

/** One entry of a case's timeline. Entries are only ever appended. */
export const caseEventSchema = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('opened') }),
  z.object({ ...eventBase, type: z.literal('accepted'), visit, dueDate: isoDateSchema, documents }),
  z.object({
    ...eventBase,
    type: z.literal('acceptedWithDeferral'),
    visit,
    dueDate: isoDateSchema,
    undertaking: z.string(),
    deferredMaterials: z.array(deferredMaterialSchema).min(1),
    documents,
  }),
  z.object({ ...eventBase, type: z.literal('correctionNoticeIssued'), visit, items: z.array(correctionItemSchema).min(1), documents }),
  z.object({ ...eventBase, type: z.literal('applicantReturned'), visit }),
  z.object({ ...eventBase, type: z.literal('refused'), visit, reason: z.string(), documents }),
  z.object({ ...eventBase, type: z.literal('withdrawn'), from: z.enum(withdrawableStatusCodes), reason: z.string().nullable() }),
  z.object({ ...eventBase, type: z.literal('reviewStarted') }),
  z.object({ ...eventBase, type: z.literal('approved'), note: z.string().nullable() }),
  z.object({ ...eventBase, type: z.literal('denied'), reason: z.string(), documents }),
  z.object({ ...eventBase, type: z.literal('readyForIssuance') }),
  z.object({ ...eventBase, type: z.literal('completed'), collector: collectorSchema }),
]);
export type CaseEvent = z.infer<typeof caseEventSchema>;
export type CaseEventType = CaseEvent['type'];

export const caseEventLabels: Readonly<Record<CaseEventType, string>> = casesMessages.eventLabels;

/** Every document the given events ask for, with the event that asked, in timeline order. */
export function documentRequestsOf(events: readonly CaseEvent[]): { eventSeq: number; kind: CaseDocumentKind }[] {
  return events.flatMap((event) => ('documents' in event ? event.documents.map(({ kind }) => ({ eventSeq: event.seq, kind })) : []));
}
