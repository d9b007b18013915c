import type { DocumentEventPayload, DocumentEventRecord, LicenceSheetEventPayload, LicenceSheetEventRecord } from '../documentEvents';
import type { HandoverPayload, HandoverRecord } from './caseEventRecords';
import type { CaseEvent } from './caseEvents';
import type { CommitmentCheckPayload } from './commitments';

/**
 * A case's history as the clerk reads it: its timeline (intake, corrections, decisions — the windows'
 * and HQ's) merged with what became of its paper at every window of the hall (documents printed,
 * reprinted, voided; licence sheets used and voided; the licence handed over), in time order, each with
 * who did it and at which window.
 */

/** A paper event of the case (this desk's from its own ops, another window's as HQ relayed it), or a 核查 result of any window. */
export type CaseRecordEvent = {
  id: string;
  at: string;
  clerkId: string;
  /** The clerk's name as their desk sent it (another window's clerk is named by it). */
  clerkName?: string | undefined;
  /** The window that did it; null when not known (an HQ that did not say). */
  deskCode: string | null;
} & (
  | { entity: 'documentEvent'; payload: DocumentEventPayload }
  | { entity: 'licenceSheetEvent'; payload: LicenceSheetEventPayload }
  | { entity: 'handover'; payload: HandoverPayload }
  | { entity: 'commitmentCheck'; payload: CommitmentCheckPayload }
);

/** A paper event as HQ sends it in pull. */
export type PulledPaperEvent =
  | { entity: 'documentEvent'; data: DocumentEventRecord }
  | { entity: 'licenceSheetEvent'; data: LicenceSheetEventRecord }
  | { entity: 'handover'; data: HandoverRecord };

/** The record's own fields apart from who, where and when. */
function split<T extends PulledPaperEvent['data']>(data: T) {
  const { id, deskId: _deskId, deskCode, clerkId, clerkName, at, ...payload } = data;
  return { meta: { id, at, clerkId, clerkName, deskCode: deskCode ?? null }, payload };
}

/** A pulled paper event as the case keeps it. */
export function paperEventOf(pulled: PulledPaperEvent): CaseRecordEvent {
  if (pulled.entity === 'documentEvent') {
    const { meta, payload } = split(pulled.data);
    return { ...meta, entity: pulled.entity, payload };
  }
  if (pulled.entity === 'licenceSheetEvent') {
    const { meta, payload } = split(pulled.data);
    return { ...meta, entity: pulled.entity, payload };
  }
  const { meta, payload } = split(pulled.data);
  return { ...meta, entity: pulled.entity, payload };
}

/** Where an act was done: this window, another one (by its code when known), or HQ. */
export type HistoryWindow = { kind: 'here' } | { kind: 'desk'; deskCode: string } | { kind: 'otherDesk' } | { kind: 'hq' };

export type CaseHistoryEntry = {
  key: string;
  at: string;
  window: HistoryWindow;
  /** The clerk's name, or HQ's decider's; null when nobody named them. */
  actorName: string | null;
} & ({ kind: 'caseEvent'; event: CaseEvent } | { kind: 'record'; record: CaseRecordEvent });

export interface CaseHistoryInput {
  timeline: readonly CaseEvent[];
  records: readonly CaseRecordEvent[];
  /** This window's desk code; null before it is set. */
  deskCode: string | null;
  /** This desk's clerks, by their accounts: their acts are this window's. */
  ownClerkNames: ReadonlyMap<string, string>;
  /** Other windows' clerks by the names their events came with. */
  otherClerkNames: ReadonlyMap<string, string>;
  /** Other windows' clerks' desk codes, by clerk id (a clerk's account lives on one desk). */
  otherClerkDesks: ReadonlyMap<string, string>;
}

function deskWindow(deskCode: string | null, here: string | null): HistoryWindow {
  if (deskCode === null) return { kind: 'otherDesk' };
  return deskCode === here ? { kind: 'here' } : { kind: 'desk', deskCode };
}

function eventEntry(event: CaseEvent, input: CaseHistoryInput): CaseHistoryEntry {
  const key = `event:${event.seq}`;
  if ((event.type === 'approved' || event.type === 'denied') && event.decidedBy !== undefined) {
    return { key, at: event.at, window: { kind: 'hq' }, actorName: event.decidedBy, kind: 'caseEvent', event };
  }
  const own = input.ownClerkNames.get(event.clerkId);
  const window = own !== undefined ? { kind: 'here' as const } : deskWindow(input.otherClerkDesks.get(event.clerkId) ?? null, input.deskCode);
  return { key, at: event.at, window, actorName: own ?? input.otherClerkNames.get(event.clerkId) ?? null, kind: 'caseEvent', event };
}

function recordEntry(record: CaseRecordEvent, input: CaseHistoryInput): CaseHistoryEntry {
  const actorName = input.ownClerkNames.get(record.clerkId) ?? record.clerkName ?? input.otherClerkNames.get(record.clerkId) ?? null;
  return { key: `record:${record.id}`, at: record.at, window: deskWindow(record.deskCode, input.deskCode), actorName, kind: 'record', record };
}

/**
 * Every event of the case, oldest first. At the same instant the timeline's entries come first (by
 * position), then paper events (by id, which desks make time-ordered): a handover is recorded with the
 * completion it carries out. A paper event known twice (by id) is listed once.
 */
export function caseHistory(input: CaseHistoryInput): CaseHistoryEntry[] {
  const records = new Map(input.records.map((record) => [record.id, record]));
  const entries = [
    ...input.timeline.map((event) => ({ entry: eventEntry(event, input), order: [0, event.seq, ''] as const })),
    ...[...records.values()].map((record) => ({ entry: recordEntry(record, input), order: [1, 0, record.id] as const })),
  ];
  return entries
    .sort(
      (a, b) =>
        Date.parse(a.entry.at) - Date.parse(b.entry.at) ||
        a.order[0] - b.order[0] ||
        a.order[1] - b.order[1] ||
        a.order[2].localeCompare(b.order[2]),
    )
    .map(({ entry }) => entry);
}
