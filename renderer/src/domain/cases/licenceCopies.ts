import { z } from 'zod';
import { casesMessages } from './messages';

/**
 * How many 副本 (duplicate licence sheets) a company asked for, and which of them a printed sheet is.
 * Each 副本 goes on its own serial-numbered sheet and says on its face which one it is (副本 2/3), so a
 * copy that is voided and printed again keeps its place in the set.
 */

/** A company asks for a few 副本 for its branches and banks; more than ten is almost always a typo. */
export const MAX_LICENCE_COPIES = 10;

export const licenceCopiesSchema = z
  .int({ error: casesMessages.licenceCopies.countInvalid(MAX_LICENCE_COPIES) })
  .min(1, { error: casesMessages.licenceCopies.countInvalid(MAX_LICENCE_COPIES) })
  .max(MAX_LICENCE_COPIES, { error: casesMessages.licenceCopies.countInvalid(MAX_LICENCE_COPIES) });

/** Which 副本 a sheet is, out of how many the case asked for. */
export const licenceCopyMarkSchema = z
  .object({ number: licenceCopiesSchema, of: licenceCopiesSchema })
  .refine((mark) => mark.number <= mark.of, { error: casesMessages.licenceCopies.numberBeyondCount, path: ['number'] });
export type LicenceCopyMark = z.infer<typeof licenceCopyMarkSchema>;

/** The number of 副本 a case asked for; cases recorded before the count was asked have one. */
export function requestedCopies(row: { licenceCopies?: number | undefined }): number {
  return row.licenceCopies ?? 1;
}

/** Which 副本 a printed 副本 sheet is; sheets printed before copies were numbered are the first. */
export function copyNumberOf(document: { licenceCopy?: LicenceCopyMark | null | undefined }): number {
  return document.licenceCopy?.number ?? 1;
}

/** 副本 2/3, as printed on the sheet and shown wherever the sheet is listed. */
export function copyMarkText(mark: LicenceCopyMark): string {
  return casesMessages.licenceCopies.mark(mark.number, mark.of);
}

/** The marks of every 副本 a case asked for, in order: 副本 1/3, 2/3, 3/3. */
export function copyMarks(count: number): LicenceCopyMark[] {
  return Array.from({ length: count }, (_, index) => ({ number: index + 1, of: count }));
}

/**
 * Why the count may not change now, or null. The count is printed on each 副本 (副本 1/3), so once a
 * 副本 is printed and valid, changing it would leave sheets that say otherwise: they are voided first.
 */
export function copiesChangeRefusal(liveCopyMarks: readonly LicenceCopyMark[], count: number): string | null {
  if (liveCopyMarks.length === 0) return null;
  if (liveCopyMarks.every((mark) => mark.of === count)) return null;
  return casesMessages.licenceCopies.printedAlready(liveCopyMarks.map(copyMarkText).join('、'));
}
