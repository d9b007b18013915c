import { z } from 'zod';
import { bundleCodeSchema, catalogueVersionSchema, matterCodeSchema, questionIdSchema } from '../catalogue/schema';
import { isoDateTimeSchema } from '../chineseDate';
import { clerkIdSchema } from '../clerks/clerkId';
import { deskIdSchema } from '../desk';
import { plainTextSchema } from '../text';
import { caseIdSchema } from './caseId';
import { caseNumberSchema, deskCodeSchema, hallCodeSchema } from './caseNumber';
import { caseStatusSchema } from './caseStatus';
import { hqDecisionSchema, licenceDataSchema } from './hqDecision';
import { licenceCopiesSchema } from './licenceCopies';
import { queueServiceSchema } from './queueService';
import { casesMessages } from './messages';
import { enterpriseSchema, legalRepresentativeSchema, personSchema, shareholdersSchema } from './parties';

const answerSchema = z.union([z.string().max(200), z.number().finite(), z.boolean(), z.array(z.string().max(200)).max(50)]);

/**
 * Desk-owned fields of a case. A `case` op carries a patch of these: top-level fields are replaced
 * whole, nullable ones cleared with `null`, and conflicts are found per top-level field. `status` is the
 * domain's status with the facts it implies (acceptance, due date, reasons, collector…), so any window
 * of the hall can continue the case from what HQ sends.
 */
const caseFieldShape = {
  caseNumber: caseNumberSchema,
  status: caseStatusSchema,
  enterprise: enterpriseSchema,
  applicant: personSchema,
  agent: personSchema.nullable(),
  matterCodes: z.array(matterCodeSchema).min(1).max(30),
  bundleCode: bundleCodeSchema.nullable(),
  /** Intake answers by question id. */
  answers: z.record(questionIdSchema, answerSchema),
  /** The catalogue version the checklist came from. */
  catalogueVersion: catalogueVersionSchema,
  queueTicket: z.string().regex(/^[0-9A-Z-]{1,16}$/).nullable(),
  /** Visits of the applicant so far (最多跑一次). */
  visits: z.int().min(1).max(99),
  createdAt: isoDateTimeSchema,
  /** Extension: the number of 副本 asked for, recorded at 出证; absent means one. */
  licenceCopies: licenceCopiesSchema.optional(),
  /** Extension: the 法定代表人 of a company being founded, as taken in; absent or null when none was. */
  legalRepresentative: legalRepresentativeSchema.nullable().optional(),
  /** Extension: the natural-person shareholders (自然人股东) of a company being founded; absent means none. */
  shareholders: shareholdersSchema.optional(),
  /** Extension: the called ticket the case was taken in on, its waiting and service times; absent or null when the ticket was typed. */
  queueService: queueServiceSchema.nullable().optional(),
};

export type CaseField = keyof typeof caseFieldShape;
export const caseFields = Object.keys(caseFieldShape) as CaseField[];
/** The Chinese name of every case field: the one place screens take them from. */
export const caseFieldLabels: Readonly<Record<CaseField, string>> = casesMessages.caseFieldLabels;

/** Fields a case must have when an op creates it; agent, bundle and ticket default to null, answers to {}. */
export const requiredNewCaseFields = [
  'caseNumber',
  'status',
  'enterprise',
  'applicant',
  'matterCodes',
  'catalogueVersion',
  'visits',
  'createdAt',
] as const satisfies readonly CaseField[];

export const casePatchSchema = z
  .object(caseFieldShape)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: casesMessages.record.emptyPatch });
export type CasePatch = z.infer<typeof casePatchSchema>;

export const newCaseSchema = z
  .object(caseFieldShape)
  .partial()
  .required(Object.fromEntries(requiredNewCaseFields.map((name) => [name, true])) as { [K in (typeof requiredNewCaseFields)[number]]: true });

/**
 * Who set the value a case field has on HQ: the window (null when HQ itself did, with a decision), the
 * clerk by id and by the name their desk sent (HQ's staff by name only), and when they did it.
 */
export const fieldAuthorSchema = z.object({
  deskCode: deskCodeSchema.nullable(),
  clerkId: clerkIdSchema.optional(),
  clerkName: plainTextSchema(50).optional(),
  at: isoDateTimeSchema,
});
export type FieldAuthor = z.infer<typeof fieldAuthorSchema>;
export const fieldAuthorsSchema = z.partialRecord(z.enum(caseFields as [CaseField, ...CaseField[]]), fieldAuthorSchema);
export type FieldAuthors = z.infer<typeof fieldAuthorsSchema>;

export const issuanceConflictSchema = z.object({
  /** The window whose issuance came second and must be undone. */
  deskCode: deskCodeSchema,
  at: isoDateTimeSchema,
});
export type IssuanceConflict = z.infer<typeof issuanceConflictSchema>;

/**
 * A case as HQ holds it and sends it in pull changes: the desk's fields merged with HQ's. An approval
 * sets `status` to awaitingIssuance (待出证) with `licence`; a denial sets it to denied with the reason.
 */
export const caseRecordSchema = z.object({
  ...caseFieldShape,
  id: caseIdSchema,
  hallCode: hallCodeSchema,
  originDeskId: deskIdSchema,
  hqCaseNumber: z.string().min(1).max(40).nullable(),
  decision: hqDecisionSchema.nullable(),
  licence: licenceDataSchema.nullable(),
  updatedAt: isoDateTimeSchema,
  /**
   * Extension: another window issued this case's licence after a first issuance stood (offline, with the
   * chief's approval); set until that window's licence sheets for the case are voided.
   */
  issuanceConflict: issuanceConflictSchema.nullable().optional(),
  /**
   * Extension: who set each desk-owned field's value HQ holds, so a window whose change HQ did not take
   * can say whose value stands. Absent from HQs that do not send it, and for fields set before they did.
   */
  fieldAuthors: fieldAuthorsSchema.optional(),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;
