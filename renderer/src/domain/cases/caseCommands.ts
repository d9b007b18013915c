import { z } from 'zod';
import { isoDateSchema } from '../chineseDate';
import { optionalText, requiredText } from './caseText';
import { casesMessages } from './messages';
import { withdrawalRequestSchema } from './withdrawal';

const label = casesMessages.fieldLabels;
const materialKey = z.string({ error: casesMessages.materialKeyEmpty }).min(1, { error: casesMessages.materialKeyEmpty });

/**
 * What a clerk (or chief) asks of a case. Parsed at the state machine's door, so free text arrives
 * cleaned (see `text.ts`) and every refusal of bad input is a Chinese sentence.
 */
export const caseCommandSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('accept') }),
    z.object({
      type: z.literal('acceptWithDeferral'),
      undertaking: requiredText(label.undertaking, 1000, { multiline: true }),
      /** One deadline for each material marked deferred on the checklist. */
      deadlines: z
        .array(z.object({ materialKey, deadline: isoDateSchema }), { error: casesMessages.deadlinesEmpty })
        .min(1, { error: casesMessages.deadlinesEmpty }),
    }),
    z.object({
      type: z.literal('issueCorrectionNotice'),
      items: z
        .array(z.object({ materialKey, problem: optionalText(label.problem, 200) }), { error: casesMessages.noticeItemsEmpty })
        .min(1, { error: casesMessages.noticeItemsEmpty }),
    }),
    z.object({ type: z.literal('applicantReturns') }),
    z.object({ type: z.literal('refuse'), reason: requiredText(label.reason, 500, { multiline: true }) }),
    z.object({
      type: z.literal('withdraw'),
      reason: optionalText(label.reason, 500, { multiline: true }),
      /** The applicant's written request: a withdrawal is never only said at the counter. */
      request: withdrawalRequestSchema,
    }),
    z.object({ type: z.literal('startReview') }),
    z.object({ type: z.literal('approve'), note: optionalText(label.note, 500, { multiline: true }) }),
    z.object({ type: z.literal('deny'), reason: requiredText(label.reason, 500, { multiline: true }) }),
    z.object({ type: z.literal('markReadyForIssuance') }),
    z.object({
      type: z.literal('complete'),
      collector: z.object({
        name: requiredText(label.collectorName, 50),
        idNumber: requiredText(label.collectorIdNumber, 32),
      }),
    }),
  ],
  { error: casesMessages.unknownCommand },
);
/** A command as a caller writes it (optional text may be left out). */
export type CaseCommandInput = z.input<typeof caseCommandSchema>;
/** A command after parsing: text cleaned, blanks turned to null. */
export type CaseCommand = z.output<typeof caseCommandSchema>;
export type CaseCommandType = CaseCommand['type'];

export const caseCommandLabels: Readonly<Record<CaseCommandType, string>> = casesMessages.commandLabels;
