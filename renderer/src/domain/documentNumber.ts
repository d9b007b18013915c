import { z } from 'zod';

/**
 * 文号 of a counter document: 机关代字 + 字 + 〔年份〕 + 第{desk tag}-{sequence}号, e.g.
 * 绵市监企受字〔2026〕第FC03-0001号.
 *
 * Desks issue numbers offline, so the number carries the desk's tag (hall code + desk code, unique in the
 * city) and a sequence the desk keeps per 代字 and year: two desks can never produce the same number, and no
 * server is asked. The sequence is at least four digits and simply grows past 9999.
 */
export interface DocumentNumberParts {
  /** 机关代字: the agency's short name and the document word, e.g. 绵市监企受. */
  agencyCode: string;
  year: number;
  /** Hall code + desk code, e.g. FC03. */
  deskTag: string;
  sequence: number;
}

export type DocumentNumber = string & z.$brand<'DocumentNumber'>;

const AGENCY_CODE = /^[\u4e00-\u9fff]{2,12}$/u;
const DESK_TAG = /^[0-9A-Z]{2,8}$/;
const DOCUMENT_NUMBER = /^([\u4e00-\u9fff]{2,12})字〔(\d{4})〕第([0-9A-Z]{2,8})-(\d{4,})号$/u;

export const documentNumberPartsSchema = z.object({
  agencyCode: z.string().regex(AGENCY_CODE, { error: '机关代字应为 2–12 个汉字' }),
  year: z.number().int().min(2000, { error: '年份不合理' }).max(2999, { error: '年份不合理' }),
  deskTag: z.string().regex(DESK_TAG, { error: '窗口标识应为 2–8 位大写字母或数字' }),
  sequence: z.number().int().min(1, { error: '序号从 1 开始' }).max(Number.MAX_SAFE_INTEGER),
});

export function formatDocumentNumber(parts: DocumentNumberParts): DocumentNumber {
  const { agencyCode, year, deskTag, sequence } = documentNumberPartsSchema.parse(parts);
  return `${agencyCode}字〔${year}〕第${deskTag}-${String(sequence).padStart(4, '0')}号` as DocumentNumber;
}

/** Reads a 文号 back into its parts, or returns null when the text is not one of ours. */
export function parseDocumentNumber(text: string): DocumentNumberParts | null {
  const match = DOCUMENT_NUMBER.exec(text);
  if (!match) return null;
  const [, agencyCode, year, deskTag, sequence] = match as unknown as [string, string, string, string, string];
  if (sequence.length > 4 && sequence.startsWith('0')) return null; // only the 4-digit form is zero-padded
  const parts = { agencyCode, year: Number(year), deskTag, sequence: Number(sequence) };
  return documentNumberPartsSchema.safeParse(parts).success ? parts : null;
}

export const documentNumberSchema = z
  .string()
  .refine((text) => parseDocumentNumber(text) !== null, { error: '文号格式不正确（应如 绵市监企受字〔2026〕第FC03-0001号）' })
  .transform((text) => text as DocumentNumber);
