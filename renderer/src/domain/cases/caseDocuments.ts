import { z } from 'zod';
import { casesMessages } from './messages';

/**
 * The printed documents a case decision calls for. The documents feature renders each one and records it
 * against the event that asked for it (case id + event seq + kind), so every decision's paper trail is
 * traceable to the decision itself.
 */
export const caseDocumentKinds = [
  'receipt',
  'acceptanceNotice',
  'deferralAcceptanceNotice',
  'correctionNotice',
  'refusalNotice',
  'denialDecision',
  'supplementaryReceipt',
] as const;
export type CaseDocumentKind = (typeof caseDocumentKinds)[number];

export const caseDocumentLabels: Readonly<Record<CaseDocumentKind, string>> = casesMessages.documentLabels;

export const documentRequestSchema = z.object({ kind: z.enum(caseDocumentKinds) });
export type DocumentRequest = z.infer<typeof documentRequestSchema>;

const request = (...kinds: CaseDocumentKind[]): DocumentRequest[] => kinds.map((kind) => ({ kind }));

/**
 * What each decision hands the applicant. 受理 and 容缺受理 come with a 收件凭证 for the materials taken in;
 * 一次性告知书 lists everything missing at once (行政许可法第三十二条); 不予受理 and 不予许可 must be in
 * writing with reasons and appeal rights (第三十二条、第三十八条).
 */
export const decisionDocuments = {
  accepted: () => request('acceptanceNotice', 'receipt'),
  acceptedWithDeferral: () => request('deferralAcceptanceNotice', 'receipt'),
  correctionNoticeIssued: () => request('correctionNotice'),
  refused: () => request('refusalNotice'),
  denied: () => request('denialDecision'),
  /** 补交收件凭证: proof that the deferred materials were brought, and what is still owed. */
  deferredMaterialsReceived: () => request('supplementaryReceipt'),
} as const;
