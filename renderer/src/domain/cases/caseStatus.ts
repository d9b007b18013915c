import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from '../chineseDate';
import { casesMessages } from './messages';

export const caseStatusCodes = [
  'drafting',
  'accepted',
  'acceptedWithDeferral',
  'awaitingCorrection',
  'refused',
  'underReview',
  'approved',
  'denied',
  'awaitingIssuance',
  'completed',
  'withdrawn',
] as const;
export type CaseStatusCode = (typeof caseStatusCodes)[number];

/** The statuses from which the applicant may still withdraw: every one before a decision is made. */
export const withdrawableStatusCodes = ['drafting', 'awaitingCorrection', 'accepted', 'acceptedWithDeferral', 'underReview'] as const;
export type WithdrawableStatusCode = (typeof withdrawableStatusCodes)[number];

/**
 * The statuses in which the case is still at the counter: materials are collected, the intake may be
 * corrected and a counter decision is still to be made (登记中, or 待补正 until the applicant comes back).
 */
export const intakeOpenStatusCodes = ['drafting', 'awaitingCorrection'] as const satisfies readonly CaseStatusCode[];

export function isIntakeOpen(code: CaseStatusCode): boolean {
  return (intakeOpenStatusCodes as readonly CaseStatusCode[]).includes(code);
}

export const deferredMaterialSchema = z.object({
  materialKey: z.string().min(1),
  name: z.string(),
  /** The day the applicant undertook to bring it by, within the promised time limit. */
  deadline: isoDateSchema,
});
export type DeferredMaterial = z.infer<typeof deferredMaterialSchema>;

/** A deferred material brought in (补交), with whether it came after its deadline. */
export const receivedDeferredMaterialSchema = deferredMaterialSchema.extend({ late: z.boolean() });
export type ReceivedDeferredMaterial = z.infer<typeof receivedDeferredMaterialSchema>;

export const deferralTermsSchema = z.object({
  /** The applicant's signed undertaking (容缺承诺), printed on the 容缺受理通知书. */
  undertaking: z.string(),
  materials: z.array(deferredMaterialSchema).min(1),
});
export type DeferralTerms = z.infer<typeof deferralTermsSchema>;

/** Fixed when the case is accepted and carried by every later status: the promise the hall made. */
const acceptanceFields = {
  acceptedAt: isoDateTimeSchema,
  /** 承诺办结日期: the promised limit in working days from the acceptance date. */
  dueDate: isoDateSchema,
};
export const acceptanceSchema = z.object({ ...acceptanceFields, deferral: deferralTermsSchema.nullable() });
export type Acceptance = z.infer<typeof acceptanceSchema>;

export const collectorSchema = z.object({ name: z.string(), idNumber: z.string() });
export type Collector = z.infer<typeof collectorSchema>;

/**
 * Where a case stands, with exactly the facts that status implies: an accepted case always has its due
 * date, a refused one its reason, a completed one who collected the licence.
 */
export const caseStatusSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('drafting') }),
  z.object({ code: z.literal('awaitingCorrection'), noticeIssuedAt: isoDateTimeSchema }),
  z.object({ code: z.literal('refused'), refusedAt: isoDateTimeSchema, reason: z.string() }),
  z.object({ code: z.literal('accepted'), acceptance: z.object({ ...acceptanceFields, deferral: z.null() }) }),
  z.object({ code: z.literal('acceptedWithDeferral'), acceptance: z.object({ ...acceptanceFields, deferral: deferralTermsSchema }) }),
  z.object({ code: z.literal('underReview'), acceptance: acceptanceSchema, reviewStartedAt: isoDateTimeSchema }),
  z.object({ code: z.literal('approved'), acceptance: acceptanceSchema, decidedAt: isoDateTimeSchema }),
  z.object({ code: z.literal('denied'), acceptance: acceptanceSchema, decidedAt: isoDateTimeSchema, reason: z.string() }),
  z.object({ code: z.literal('awaitingIssuance'), acceptance: acceptanceSchema, decidedAt: isoDateTimeSchema }),
  z.object({
    code: z.literal('completed'),
    acceptance: acceptanceSchema,
    decidedAt: isoDateTimeSchema,
    completedAt: isoDateTimeSchema,
    collector: collectorSchema,
  }),
  z.object({
    code: z.literal('withdrawn'),
    withdrawnAt: isoDateTimeSchema,
    from: z.enum(withdrawableStatusCodes),
    /** Kept when the case had been accepted, so the record still shows the promise that was made. */
    acceptance: acceptanceSchema.nullable(),
    reason: z.string().nullable(),
  }),
]);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const caseStatusLabels: Readonly<Record<CaseStatusCode, string>> = casesMessages.statusLabels;
