import type { ClerkId } from '../clerks/clerkId';
import { isDecisionEvent, type CaseEvent } from './caseEvents';
import type { CaseField } from './caseRecord';
import { appendTimelineEntry, type CaseState } from './caseState';
import type { CaseStatus } from './caseStatus';

/**
 * Which counter decision stands on a case when two windows decided it at once. HQ keeps one (the first to
 * reach it) and sets the case's status from it; the other window's decision still reaches every timeline
 * (events are only appended), so the status, not the order of the timeline, says which stands. Pure.
 */

/** The decisions a window makes at the counter; each carries the visit it was made on. */
export const counterDecisionTypes = ['accepted', 'acceptedWithDeferral', 'correctionNoticeIssued', 'refused'] as const satisfies readonly CaseEvent['type'][];
export type CounterDecision = Extract<CaseEvent, { type: (typeof counterDecisionTypes)[number] }>;

export function isCounterDecision(event: CaseEvent): event is CounterDecision {
  return (counterDecisionTypes as readonly string[]).includes(event.type);
}

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

/** Whether the status is the one this decision set (or, once accepted, grew from it): same kind, same time. */
function statusComesFrom(status: CaseStatus, decision: CounterDecision): boolean {
  switch (decision.type) {
    case 'accepted':
    case 'acceptedWithDeferral': {
      const acceptance = 'acceptance' in status ? status.acceptance : null;
      return acceptance !== null && sameInstant(acceptance.acceptedAt, decision.at) && (acceptance.deferral === null) === (decision.type === 'accepted');
    }
    case 'correctionNoticeIssued':
      return status.code === 'awaitingCorrection' && sameInstant(status.noticeIssuedAt, decision.at);
    case 'refused':
      return status.code === 'refused' && sameInstant(status.refusedAt, decision.at);
  }
}

/**
 * Whether HQ kept another decision than this one. A decision of an earlier visit is history (a notice the
 * applicant answered by coming back), never superseded; one of the current visit (or later: a window that
 * counted a return HQ did not keep) stands only when the status came from it.
 */
export function isSuperseded(event: CaseEvent, state: Pick<CaseState, 'status' | 'visits'>): boolean {
  return isCounterDecision(event) && event.visit >= state.visits && !statusComesFrom(state.status, event);
}

/**
 * The newest decision on the case that stands (a counter decision or HQ's denial, see `isDecisionEvent`),
 * or null: what the decision panel shows with the documents it offers.
 */
export function standingDecision(state: Pick<CaseState, 'status' | 'visits' | 'timeline'>): CaseEvent | null {
  return [...state.timeline].reverse().find((event) => isDecisionEvent(event) && !isSuperseded(event, state)) ?? null;
}

/** This window's decision that HQ did not keep: the counter decision its clerk made at the conflicting op's time. */
export function supersededDecisionOf(state: Pick<CaseState, 'status' | 'visits' | 'timeline'>, clerkId: ClerkId, at: string): CounterDecision | null {
  const found = state.timeline.find((event) => event.clerkId === clerkId && sameInstant(event.at, at) && isSuperseded(event, state));
  return found !== undefined && isCounterDecision(found) ? found : null;
}

/**
 * The timeline with the clerk's acknowledgement that HQ kept other values of these fields: the entry after
 * the last, so HQ and the other windows learn the clerk saw it.
 */
export function acknowledgeConflicts(state: CaseState, fields: readonly CaseField[], actor: { clerkId: ClerkId; at: string }): { state: CaseState; event: CaseEvent } {
  return appendTimelineEntry(state, { type: 'conflictAcknowledged', fields: [...new Set(fields)] }, actor);
}
