import { z } from 'zod';
import { formatChineseDate, isoDateSchema } from '../chineseDate';
import { casesMessages } from './messages';

const m = casesMessages.businessTerm;

/**
 * 营业期限 as the licence states it: 长期, or a fixed term to its last day. A fixed term starts on the
 * enterprise's 成立日期 unless it names another start (a term set again after the enterprise was founded).
 */
export const businessTermSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('longTerm') }),
    z.object({ kind: z.literal('fixed'), from: isoDateSchema.optional(), until: z.iso.date({ error: m.untilInvalid }) }),
  ],
  { error: m.required },
);
export type BusinessTerm = z.infer<typeof businessTermSchema>;

/** The dates a term is judged against: the licence's 成立日期 and its term (absent while unknown). */
interface TermOfLicence {
  establishedOn: string;
  businessTerm?: BusinessTerm | undefined;
}

/**
 * Refinement for licence data: a fixed term starts no earlier than 成立日期 and ends no earlier than it
 * starts. ISO dates compare as text.
 */
export function refuseImpossibleTerm(licence: TermOfLicence, context: z.RefinementCtx): void {
  const term = licence.businessTerm;
  if (term === undefined || term.kind !== 'fixed') return;
  const start = term.from ?? licence.establishedOn;
  if (start < licence.establishedOn) context.addIssue({ code: 'custom', path: ['businessTerm', 'from'], message: m.startsBeforeEstablished });
  if (term.until < start) context.addIssue({ code: 'custom', path: ['businessTerm', 'until'], message: m.endsBeforeStart });
}

/** 营业期限 in the licence's words: 长期, or 2026年11月26日 至 2046年11月25日. */
export function businessTermText(term: BusinessTerm, establishedOn: string): string {
  if (term.kind === 'longTerm') return m.longTerm;
  return m.range(formatChineseDate(term.from ?? establishedOn), formatChineseDate(term.until));
}
