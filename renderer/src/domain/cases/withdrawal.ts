import { z } from 'zod';
import { sha256Schema } from '../sha256';
import { attachmentRefSchema } from './attachmentRef';
import type { CaseDocumentKind } from './caseDocuments';
import type { CaseStatus } from './caseStatus';
import { deferredItems, type DecisionChecklistItem } from './decisionChecklist';
import { casesMessages } from './messages';

/**
 * 撤回: the applicant withdraws the application in writing. The written request is either the applicant's
 * own letter, scanned, or the hall's printed 撤回申请 signed at the counter; either way its bytes are kept
 * (by SHA-256, and sent to HQ like any scan) and the withdrawal names them.
 */
export const withdrawalRequestSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('scan'), scan: attachmentRefSchema }),
    z.object({
      kind: z.literal('signedForm'),
      /** The printed 撤回申请 exactly as it went to the printer. */
      sha256: sha256Schema,
      templateVersion: z.string().min(1).max(32),
      /** The clerk saw the applicant sign it at the counter. */
      signedAtCounter: z.literal(true, { error: casesMessages.withdrawal.notSigned }),
    }),
  ],
  { error: casesMessages.withdrawal.requestMissing },
);
export type WithdrawalRequest = z.infer<typeof withdrawalRequestSchema>;

/** A printed document of the case that is still valid, as the withdrawal sees it. */
export interface LiveCaseDocument {
  kind: CaseDocumentKind;
  documentNumber: string;
}

/** What a withdrawal does besides closing the case, for the clerk to confirm before it is done. */
export type WithdrawalEffect =
  | { kind: 'documentVoided'; document: LiveCaseDocument }
  | { kind: 'deferredClosed'; names: readonly string[] }
  | { kind: 'promiseEnds'; dueDate: string }
  | { kind: 'reviewStops' };

/**
 * Everything a withdrawal of the case as it stands affects: the notices and receipts printed for it become
 * void, 容缺 materials still owed are no longer expected, the promised time limit stops, and a case in
 * review leaves it. (A withdrawal comes before any decision, so no licence has been printed.) Pure.
 */
export function withdrawalEffects(status: CaseStatus, checklist: readonly DecisionChecklistItem[], documents: readonly LiveCaseDocument[]): WithdrawalEffect[] {
  const effects: WithdrawalEffect[] = documents.map((document) => ({ kind: 'documentVoided', document }));
  const owed = deferredItems(checklist).map((item) => item.name);
  if (owed.length > 0) effects.push({ kind: 'deferredClosed', names: owed });
  if ('acceptance' in status && status.acceptance !== null) effects.push({ kind: 'promiseEnds', dueDate: status.acceptance.dueDate });
  if (status.code === 'underReview') effects.push({ kind: 'reviewStops' });
  return effects;
}

/** The SHA-256 of the bytes the written request is kept as (the scan, or the printed form): HQ must hold them. */
export function withdrawalRequestBytes(request: WithdrawalRequest): string {
  return request.kind === 'scan' ? request.scan.sha256 : request.sha256;
}
