/**
 * Who may decide a case (HQ owns decisions: ARCHITECTURE.md, "The sync contract").
 *
 * A desk enrolled with the municipal system (市级系统) takes every decision from HQ by sync: an approval
 * recorded in the hall would set a status only HQ may set, so HQ would reject the op and the next pull
 * would put HQ's status back over it. The chief may record an approval in the hall (issue #4) only on a
 * desk that is not enrolled — a hall working without HQ for now — and even there not for a case HQ
 * already holds (one pulled from HQ or numbered by it, from an earlier enrolment).
 */

/** Why the chief may not record an approval in the hall. */
export type InHallApprovalRefusal = 'deskEnrolled' | 'caseHeldByHq';

export interface InHallApprovalFacts {
  /** The desk has an enrolment with HQ (whether or not its token can be read just now). */
  deskEnrolled: boolean;
  /**
   * What the case carries from HQ: a version it pulled, an HQ case number. Left out when asking about
   * the desk as a whole (whether a screen offers in-hall approvals at all).
   */
  caseOnHq?: { hqVersion: number | null; hqCaseNumber: string | null };
}

/** Null when the chief may record an in-hall approval, else why not. Pure. */
export function inHallApprovalRefusal(facts: InHallApprovalFacts): InHallApprovalRefusal | null {
  if (facts.deskEnrolled) return 'deskEnrolled';
  const held = facts.caseOnHq;
  if (held !== undefined && (held.hqVersion !== null || held.hqCaseNumber !== null)) return 'caseHeldByHq';
  return null;
}
