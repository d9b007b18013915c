import { z } from 'zod';
import { materialForms } from '../catalogue/schema';
import { isoDateSchema } from '../chineseDate';
import { documentNumberSchema } from '../documentNumber';
import { eventRecordMeta } from '../eventRecord';
import { plainTextSchema } from '../text';
import { attachmentRefSchema } from './attachmentRef';
import { MAX_LICENCE_COPIES } from './licenceCopies';
import { caseEventSchema } from './caseEvents';
import { caseIdSchema } from './caseId';
import { checklistItemStatuses } from './decisionChecklist';
import { casesMessages } from './messages';
import { identityDocumentKinds } from '../identityDocuments';
import { idNumberSchema, nationalitySchema } from './parties';

/**
 * The append-only events of a case as desks and HQ keep them. Each has a payload (what its op carries;
 * the op's entityId is the event's id and its time is the op's `at`) and a record (the payload with
 * `eventRecordMeta`, as HQ sends it back).
 */

const checklistEventShape = {
  caseId: caseIdSchema,
  /** The material's id, or its shared key in a bundle. */
  materialKey: z.string().min(1).max(120),
  required: z.boolean(),
  status: z.enum(checklistItemStatuses),
  form: z.enum(materialForms).nullable(),
  copies: z.int().min(0).max(99),
  pages: z.int().min(0).max(9999),
  deferredUntil: isoDateSchema.nullable(),
  note: plainTextSchema(500, true).nullable(),
  attachments: z.array(attachmentRefSchema).max(20),
};
export const checklistEventPayloadSchema = z
  .object(checklistEventShape)
  .refine((event) => event.status !== 'deferred' || event.deferredUntil !== null, {
    error: casesMessages.record.deferredNeedsDeadline,
    path: ['deferredUntil'],
  });
export type ChecklistEventPayload = z.infer<typeof checklistEventPayloadSchema>;

/** A timeline entry, counter decisions among them, exactly as the domain records it. */
export const caseEventPayloadSchema = z.object({ caseId: caseIdSchema, event: caseEventSchema });
export type CaseEventPayload = z.infer<typeof caseEventPayloadSchema>;

const handoverShape = {
  caseId: caseIdSchema,
  collectorName: plainTextSchema(50),
  collectorIdNumber: idNumberSchema,
  /** The collector's document; absent from handovers recorded before every kind was taken (a 居民身份证). */
  collectorIdKind: z.enum(identityDocumentKinds).optional(),
  /** A passport's nationality (ISO 3166 alpha-3). */
  collectorNationality: nationalitySchema.optional(),
  collectorRole: z.enum(['applicant', 'agent', 'other']),
  /** The licences handed over: the 正本 and every 副本. */
  documentNumbers: z.array(documentNumberSchema).min(1).max(1 + MAX_LICENCE_COPIES),
};
export const handoverPayloadSchema = z.object(handoverShape);
export type HandoverPayload = z.infer<typeof handoverPayloadSchema>;

export const checklistEventRecordSchema = z.object({ ...checklistEventShape, ...eventRecordMeta });
export const caseEventRecordSchema = z.object({ caseId: caseIdSchema, event: caseEventSchema, ...eventRecordMeta });
export const handoverRecordSchema = z.object({ ...handoverShape, ...eventRecordMeta });
export type ChecklistEventRecord = z.infer<typeof checklistEventRecordSchema>;
export type CaseEventRecord = z.infer<typeof caseEventRecordSchema>;
export type HandoverRecord = z.infer<typeof handoverRecordSchema>;
