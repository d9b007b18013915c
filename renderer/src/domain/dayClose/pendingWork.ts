import { documentRequestsOf, type CaseEvent } from '../cases/caseEvents';
import { formatChineseDate } from '../chineseDate';
import type { CaseDocumentKind } from '../cases/caseDocuments';
import { businessDateOf } from '../chineseDate';
import { dayCloseMessages as m } from './messages';

/**
 * What is still open at the end of a day: the work a clerk should see before closing (drafts, 容缺
 * materials due, documents a decision asked for but nobody printed) and what stops the close outright
 * (ops HQ has not acknowledged, or the day already closed).
 */

export interface CaseWithTimeline {
  id: string;
  caseNumber: string;
  timeline: readonly CaseEvent[];
}

/** An archived document as far as "was it printed" goes. */
export interface ArchivedDocument {
  caseId: string | null;
  eventSeq: number | null;
  kind: string;
  status: 'printed' | 'voided' | 'superseded';
}

export interface UnprintedDocument {
  caseId: string;
  caseNumber: string;
  eventSeq: number;
  kind: CaseDocumentKind;
}

/**
 * Documents that decisions taken on `businessDate` asked for and that have no valid printed copy (never
 * printed, or voided and not printed again). Kinds the desk does not print itself are left out.
 */
export function unprintedDocumentsOf(
  businessDate: string,
  cases: readonly CaseWithTimeline[],
  documents: readonly ArchivedDocument[],
  printedAtDesk: (kind: CaseDocumentKind) => boolean,
): UnprintedDocument[] {
  const printed = new Set(documents.filter((doc) => doc.status === 'printed').map((doc) => `${doc.caseId}|${doc.eventSeq}|${doc.kind}`));
  return cases.flatMap((dayCase) =>
    documentRequestsOf(dayCase.timeline.filter((event) => businessDateOf(event.at) === businessDate))
      .filter((request) => printedAtDesk(request.kind) && !printed.has(`${dayCase.id}|${request.eventSeq}|${request.kind}`))
      .map((request) => ({ caseId: dayCase.id, caseNumber: dayCase.caseNumber, ...request })),
  );
}

export interface DeferredItem {
  caseNumber: string;
  material: string;
  /** `YYYY-MM-DD` the applicant undertook to bring it by. */
  deadline: string;
}

/** 容缺 materials due on or before `businessDate` and still not brought, most overdue first. */
export function deferredDueOf(businessDate: string, items: readonly DeferredItem[]): DeferredItem[] {
  return items
    .filter((item) => item.deadline <= businessDate)
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.caseNumber.localeCompare(b.caseNumber));
}

export interface UnsyncedOps {
  /** Written, not yet handed to HQ. */
  pending: number;
  /** Handed to HQ, no answer yet. */
  sending: number;
}

export type DayCloseBlocker = { kind: 'unsynced'; pending: number; sending: number; message: string } | { kind: 'closed'; message: string };

/**
 * Why the day cannot be closed now; empty when it can. HQ being unreachable is found when the close is
 * tried (the push or the close-day call fails), not here.
 */
export function closeBlockers(businessDate: string, unsynced: UnsyncedOps, alreadyClosed: boolean): DayCloseBlocker[] {
  const blockers: DayCloseBlocker[] = [];
  if (alreadyClosed) blockers.push({ kind: 'closed', message: m.alreadyClosed(formatChineseDate(businessDate)) });
  if (unsynced.pending + unsynced.sending > 0) blockers.push({ kind: 'unsynced', ...unsynced, message: m.unsynced(unsynced.pending, unsynced.sending) });
  return blockers;
}
