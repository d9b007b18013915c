import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from '../chineseDate';
import { clerkIdSchema } from '../clerks/clerkId';
import { deskCodeSchema } from './caseNumber';
import { documentRequestSchema, type CaseDocumentKind } from './caseDocuments';
import { casesMessages } from './messages';
import { withdrawalRequestSchema } from './withdrawal';
import { caseFields, type CaseField } from './caseRecord';
import { collectorSchema, deferredMaterialSchema, receivedDeferredMaterialSchema, withdrawableStatusCodes } from './caseStatus';

/** Position in the case's timeline (from 1), who acted and when. */
const eventBase = {
  seq: z.number().int().min(1),
  at: isoDateTimeSchema,
  clerkId: clerkIdSchema,
};
/** Which visit of the applicant the act happened on (最多跑一次: the hall counts them). */
const visit = z.number().int().min(1);
const documents = z.array(documentRequestSchema);
/**
 * Who at HQ decided, on the entry the desk records when it pulls HQ's decision (HQ's staff are no clerks
 * of the hall, so the name itself is kept); absent on a decision the desk made itself before enrolment.
 */
const decidedBy = z.string().optional();

export const correctionItemSchema = z.object({
  materialKey: z.string().min(1),
  name: z.string(),
  /** What must be corrected, when the material was brought but is not acceptable as it is. */
  problem: z.string().nullable(),
});
export type CorrectionItem = z.infer<typeof correctionItemSchema>;

/**
 * What a correction of the intake changed, as precisely as the clerk needs to read it back: a person's or
 * the enterprise's single field, or `enterprise` / `agent` when another enterprise was chosen or the agent
 * was added or removed.
 */
export const intakeCorrectionFields = [
  'queueTicket',
  'matters',
  'enterprise',
  'enterprise.name',
  'enterprise.uscc',
  'enterprise.address',
  'applicant.name',
  'applicant.idNumber',
  'applicant.phone',
  'agent',
  'agent.name',
  'agent.idNumber',
  'agent.phone',
  'agent.authorisation',
  'legalRepresentative',
  'shareholders',
  'answers',
] as const;
export type IntakeCorrectionField = (typeof intakeCorrectionFields)[number];

/** A checklist item named in an event, by its key and the name it had then. */
export const checklistItemRefSchema = z.object({ materialKey: z.string().min(1), name: z.string() });
export type ChecklistItemRef = z.infer<typeof checklistItemRefSchema>;

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
  /** 补交: materials a 容缺 acceptance deferred were brought in, at any window; the status stays. */
  z.object({ ...eventBase, type: z.literal('deferredMaterialsReceived'), materials: z.array(receivedDeferredMaterialSchema).min(1), documents }),
  z.object({ ...eventBase, type: z.literal('correctionNoticeIssued'), visit, items: z.array(correctionItemSchema).min(1), documents }),
  z.object({ ...eventBase, type: z.literal('applicantReturned'), visit }),
  z.object({
    ...eventBase,
    type: z.literal('intakeCorrected'),
    fields: z.array(z.enum(intakeCorrectionFields)).min(1),
    /** Items the new answers or matters put on the checklist, and those they took off it. */
    addedItems: z.array(checklistItemRefSchema),
    droppedItems: z.array(checklistItemRefSchema),
  }),
  z.object({ ...eventBase, type: z.literal('refused'), visit, reason: z.string(), documents }),
  z.object({
    ...eventBase,
    type: z.literal('withdrawn'),
    from: z.enum(withdrawableStatusCodes),
    reason: z.string().nullable(),
    /** The applicant's written request; absent on withdrawals recorded before it was kept. */
    request: withdrawalRequestSchema.optional(),
  }),
  z.object({ ...eventBase, type: z.literal('reviewStarted') }),
  z.object({ ...eventBase, type: z.literal('approved'), note: z.string().nullable(), decidedBy }),
  z.object({ ...eventBase, type: z.literal('denied'), reason: z.string(), documents, decidedBy, legalBasis: z.string().optional() }),
  z.object({ ...eventBase, type: z.literal('readyForIssuance') }),
  z.object({ ...eventBase, type: z.literal('completed'), collector: collectorSchema }),
  /**
   * HQ could not be reached to claim the issuance, and the chief approved issuing at this window anyway,
   * warned that another window may have issued: the chief's name (readable at every window) and the window.
   */
  z.object({ ...eventBase, type: z.literal('offlineIssuanceApproved'), approvedBy: z.string().min(1).max(50), deskCode: deskCodeSchema }),
  /**
   * The clerk saw that HQ kept another value of these fields than this window's (another window's
   * decision, say) and was told what to do about it: the case's mark is cleared.
   */
  z.object({ ...eventBase, type: z.literal('conflictAcknowledged'), fields: z.array(z.enum(caseFields as [CaseField, ...CaseField[]])).min(1) }),
  /**
   * The clerk followed up an op of this case HQ rejected (this window's outbox `seq`): sent it again, as
   * the case now stands, or gave it up with a reason. The case's mark for that rejection is cleared.
   */
  z.object({
    ...eventBase,
    type: z.literal('rejectionHandled'),
    opSeq: z.int().min(1),
    action: z.enum(['resent', 'dismissed']),
    reason: z.string().min(1).max(500).nullable(),
  }),
]);
export type CaseEvent = z.infer<typeof caseEventSchema>;
export type CaseEventType = CaseEvent['type'];

export const caseEventLabels: Readonly<Record<CaseEventType, string>> = casesMessages.eventLabels;

/**
 * A decision on the case (a counter decision or HQ's), as opposed to a 补交 that also hands the applicant
 * a document but decides nothing.
 */
export function isDecisionEvent(event: CaseEvent): boolean {
  return 'documents' in event && event.type !== 'deferredMaterialsReceived';
}

/** Every document the given events ask for, with the event that asked, in timeline order. */
export function documentRequestsOf(events: readonly CaseEvent[]): { eventSeq: number; kind: CaseDocumentKind }[] {
  return events.flatMap((event) => ('documents' in event ? event.documents.map(({ kind }) => ({ eventSeq: event.seq, kind })) : []));
}
