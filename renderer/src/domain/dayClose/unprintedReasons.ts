import { caseDocumentLabels } from '../cases/caseDocuments';
import { dayCloseMessages as m } from './messages';
import type { UnprintedDocument } from './pendingWork';

/**
 * A document a decision of the day asked for is the applicant's written notice (受理通知书, 一次性告知书…):
 * the day is not signed off while one was never printed, unless the chief records, per document, why
 * (the applicant left before it was printed, say). The reason goes into the signed day record and its
 * report, so the gap stays explained.
 */

/** The chief's reason for one unprinted document, naming it as the day's list does. */
export interface UnprintedReason {
  caseId: string;
  eventSeq: number;
  kind: UnprintedDocument['kind'];
  reason: string;
}

/** An unprinted document with the reason the chief recorded for it. */
export interface ExplainedDocument extends UnprintedDocument {
  reason: string;
}

export const maxUnprintedReasonLength = 200;

export type UnprintedCheck = { ok: true; explained: ExplainedDocument[] } | { ok: false; message: string; unexplained: UnprintedDocument[] };

const keyOf = (document: Pick<UnprintedDocument, 'caseId' | 'eventSeq' | 'kind'>) => `${document.caseId}|${document.eventSeq}|${document.kind}`;

/**
 * Whether the day may be signed with these documents unprinted: every one needs a reason (trimmed, not
 * empty, at most `maxUnprintedReasonLength` characters). Reasons for documents not on the list are
 * ignored (the document was printed meanwhile).
 */
export function explainUnprinted(unprinted: readonly UnprintedDocument[], reasons: readonly UnprintedReason[]): UnprintedCheck {
  const given = new Map(reasons.map((entry) => [keyOf(entry), entry.reason.trim()]));
  const tooLong = unprinted.find((document) => (given.get(keyOf(document)) ?? '').length > maxUnprintedReasonLength);
  if (tooLong !== undefined) {
    return { ok: false, message: m.unprintedReasonTooLong(tooLong.caseNumber, caseDocumentLabels[tooLong.kind], maxUnprintedReasonLength), unexplained: [tooLong] };
  }
  const unexplained = unprinted.filter((document) => (given.get(keyOf(document)) ?? '') === '');
  if (unexplained.length > 0) {
    const names = unexplained.map((document) => `${document.caseNumber} ${caseDocumentLabels[document.kind]}`);
    return { ok: false, message: m.unprintedUnexplained(names), unexplained };
  }
  return { ok: true, explained: unprinted.map((document) => ({ ...document, reason: given.get(keyOf(document))! })) };
}
