import { isDecisionEvent, type CaseEvent } from '../../domain/cases/caseEvents';

/** The newest counter or HQ decision on the timeline (see `isDecisionEvent`), or null. */
export function lastDecision(timeline: readonly CaseEvent[]): CaseEvent | null {
  return [...timeline].reverse().find(isDecisionEvent) ?? null;
}
