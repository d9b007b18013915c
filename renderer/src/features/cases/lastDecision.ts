import type { CaseEvent } from '../../domain/cases/caseEvents';

/** The newest counter or HQ decision on the timeline (an event that calls for documents), or null. */
export function lastDecision(timeline: readonly CaseEvent[]): CaseEvent | null {
  return [...timeline].reverse().find((event) => 'documents' in event) ?? null;
}
