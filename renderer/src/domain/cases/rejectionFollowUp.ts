import type { ClerkId } from '../clerks/clerkId';
import type { CaseEvent } from './caseEvents';
import { appendTimelineEntry, type CaseState } from './caseState';
import { casesMessages } from './messages';

/**
 * An op of a case HQ rejected stays marked on the case until the clerk follows it up: sends it again
 * (as the case now stands, after correcting what HQ objected to) or gives it up with a reason. Either
 * is a timeline entry naming the op by this window's outbox `seq`, sent to HQ like any other.
 */

export type RejectionFollowUp = Extract<CaseEvent, { type: 'rejectionHandled' }>['action'];

/** The seqs among `rejectedSeqs` that no timeline entry has followed up yet, in order. */
export function openRejections(rejectedSeqs: readonly number[], timeline: readonly CaseEvent[]): number[] {
  const handled = new Set(timeline.flatMap((event) => (event.type === 'rejectionHandled' ? [event.opSeq] : [])));
  return [...new Set(rejectedSeqs)].filter((seq) => !handled.has(seq)).sort((a, b) => a - b);
}

/**
 * The timeline with the clerk's follow-up of the rejected op `opSeq`. Refused (with the Chinese reason)
 * when the op was followed up already, or when it is given up without a reason.
 */
export function followUpRejection(
  state: CaseState,
  followUp: { opSeq: number; action: RejectionFollowUp; reason: string | null },
  actor: { clerkId: ClerkId; at: string },
): { ok: true; state: CaseState; event: CaseEvent } | { ok: false; message: string } {
  if (openRejections([followUp.opSeq], state.timeline).length === 0) return { ok: false, message: casesMessages.rejections.handledAlready };
  const reason = followUp.reason?.trim() ?? '';
  if (followUp.action === 'dismissed' && reason === '') return { ok: false, message: casesMessages.rejections.reasonRequired };
  const appended = appendTimelineEntry(state, { type: 'rejectionHandled', opSeq: followUp.opSeq, action: followUp.action, reason: reason === '' ? null : reason }, actor);
  return { ok: true, ...appended };
}
