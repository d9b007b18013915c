import { z } from 'zod';
import { formatIsoDate, parseIsoDate } from '../civilDate';
import { casesMessages } from './messages';

/**
 * The case number people read and say: {hall}{desk}-{yyyymmdd}-{seq}, e.g. FC03-20261128-0001. Hall code
 * plus desk code is unique in the city and the desk keeps its own daily sequence, so a desk numbers cases
 * offline and no two desks can collide. The desk code is exactly two digits so the joined
 * `{hall}{desk}` splits back unambiguously. The sequence is zero-padded to four digits and simply grows
 * past 9999, like 文号 sequences.
 */
export interface CaseNumberParts {
  hallCode: string;
  deskCode: string;
  /** The desk's business day, `YYYY-MM-DD`. */
  businessDate: string;
  seq: number;
}

const messages = casesMessages.caseNumber;

export const hallCodeSchema = z.string().regex(/^[0-9A-Z]{2,6}$/, { error: messages.hallCode });
export const deskCodeSchema = z.string().regex(/^\d{2}$/, { error: messages.deskCode });

const caseNumberPartsSchema = z.object({
  hallCode: hallCodeSchema,
  deskCode: deskCodeSchema,
  businessDate: z.string().refine((text) => parseIsoDate(text) !== null, { error: messages.invalid }),
  seq: z.number().int({ error: messages.sequence }).min(1, { error: messages.sequence }).max(Number.MAX_SAFE_INTEGER),
});

const CASE_NUMBER = /^([0-9A-Z]{2,6})(\d{2})-(\d{4})(\d{2})(\d{2})-(\d{4,})$/;

export type CaseNumber = string & z.$brand<'CaseNumber'>;

/** The prefix every case number of that desk and day starts with, for finding the day's last sequence. */
export function caseNumberDayPrefix(parts: Omit<CaseNumberParts, 'seq'>): string {
  const { hallCode, deskCode, businessDate } = caseNumberPartsSchema.omit({ seq: true }).parse(parts);
  return `${hallCode}${deskCode}-${businessDate.replaceAll('-', '')}-`;
}

/** Throws (zod) on parts that cannot form a case number. */
export function formatCaseNumber(parts: CaseNumberParts): CaseNumber {
  const checked = caseNumberPartsSchema.parse(parts);
  return `${caseNumberDayPrefix(checked)}${String(checked.seq).padStart(4, '0')}` as CaseNumber;
}

/** Reads a case number back into its parts, or null when the text is not one. */
export function parseCaseNumber(text: string): CaseNumberParts | null {
  const match = CASE_NUMBER.exec(text);
  if (!match) return null;
  const [, hallCode, deskCode, year, month, day, seq] = match as unknown as [string, string, string, string, string, string, string];
  if (seq.length > 4 && seq.startsWith('0')) return null; // only the four-digit form is zero-padded
  const date = parseIsoDate(`${year}-${month}-${day}`);
  if (date === null) return null;
  const parts = { hallCode, deskCode, businessDate: formatIsoDate(date), seq: Number(seq) };
  return caseNumberPartsSchema.safeParse(parts).success ? parts : null;
}

/** Accepts a case number as typed (surrounding spaces, lower case) and yields its canonical form. */
export const caseNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((text) => parseCaseNumber(text) !== null, { error: messages.invalid })
  .transform((text) => text as CaseNumber);
