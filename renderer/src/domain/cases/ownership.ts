import type { CaseEventType } from './caseEvents';
import type { CaseRecord } from './caseRecord';
import type { CaseStatusCode } from './caseStatus';

/**
 * What HQ owns of a case: its decisions. A desk op that sets or appends any of these is rejected; once
 * a desk is enrolled, approvals come from HQ.
 */

/** Statuses HQ sets with its decisions (准予 / 不予许可 / 待出证). */
export const hqOwnedStatusCodes = ['approved', 'denied', 'awaitingIssuance'] as const satisfies readonly CaseStatusCode[];
/** Statuses from which HQ may decide a case: each carries the acceptance the decision keeps. */
export const decidableStatusCodes = ['accepted', 'acceptedWithDeferral', 'underReview'] as const satisfies readonly CaseStatusCode[];
/** Timeline entries only HQ writes. */
export const hqOwnedCaseEventTypes = ['approved', 'denied', 'readyForIssuance'] as const satisfies readonly CaseEventType[];
/** Fields of a case that only HQ sets. */
export const hqOwnedCaseFields = ['hqCaseNumber', 'decision', 'licence'] as const satisfies readonly (keyof CaseRecord)[];
