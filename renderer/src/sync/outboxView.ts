import { caseChecklist } from '../data/caseChecklist';
import { waitingRejectionCount } from '../data/caseRejections';
import { guardStorage } from '../data/dataError';
import type { DeskDatabase } from '../data/db';
import { asShown, opCaseId, opsInState, outboxCounts } from '../data/outbox';
import type { OutboxRow, OutboxState } from '../data/records';
import { readSyncStatus, type SyncStatus } from '../data/syncState';

/** What the status bar and the outbox screen show at a glance. */
export interface SyncOverview {
  counts: Record<OutboxState, number>;
  /** Rejected ops nobody has followed up yet (`counts.rejected` keeps those followed up too). */
  waitingRejections: number;
  status: SyncStatus;
}

export async function syncOverview(db: DeskDatabase): Promise<SyncOverview> {
  const [counts, waitingRejections, status] = await Promise.all([outboxCounts(db), waitingRejectionCount(db), readSyncStatus(db)]);
  return { counts, waitingRejections, status };
}

export const outboxFilters = ['all', 'unsent', 'rejected', 'conflict'] as const;
export type OutboxFilter = (typeof outboxFilters)[number];

/** An op with what a clerk recognises it by: its case's number and, for a checklist event, the material. */
export interface OutboxEntry {
  row: OutboxRow;
  caseNumber: string | null;
  materialName: string | null;
}

export interface OutboxPage {
  /** Newest first. */
  entries: OutboxEntry[];
  /** How many ops the filter matches in all. */
  total: number;
}

/** The ops of the visible outbox, newest first, at most `limit` of them, each with its case number and material. */
export async function outboxPage(db: DeskDatabase, filter: OutboxFilter, limit: number): Promise<OutboxPage> {
  const { rows, total } = await outboxRows(db, filter, limit);
  const caseIds = [...new Set(rows.map(opCaseId).filter((id) => id !== null))];
  const cases = (await guardStorage(() => db.cases.bulkGet(caseIds))).filter((row) => row !== undefined);
  const numbers = new Map<string, string>(cases.map((row) => [row.id, row.caseNumber]));
  // Material names come from each case's own checklist (its catalogue version), for the cases whose items are listed.
  const names = new Map<string, string>();
  const listed = new Set(rows.filter((row) => row.op.entity === 'checklistEvent').map(opCaseId));
  for (const row of cases.filter((known) => listed.has(known.id))) {
    for (const item of await caseChecklist(db, row.id)) names.set(`${row.id}|${item.key}`, item.item.name);
  }
  const entries = rows.map((row): OutboxEntry => {
    const caseId = opCaseId(row);
    const materialName = row.op.entity === 'checklistEvent' ? (names.get(`${caseId}|${row.op.payload.materialKey}`) ?? null) : null;
    return { row, caseNumber: caseId === null ? null : (numbers.get(caseId) ?? null), materialName };
  });
  return { entries, total };
}

async function outboxRows(db: DeskDatabase, filter: OutboxFilter, limit: number): Promise<{ rows: OutboxRow[]; total: number }> {
  if (filter === 'rejected' || filter === 'conflict') {
    const [rows, total] = await Promise.all([opsInState(db, filter, limit), guardStorage(() => db.outbox.where('state').equals(filter).count())]);
    return { rows, total };
  }
  if (filter === 'unsent') {
    const [pending, sending] = await Promise.all([opsInState(db, 'pending', limit), opsInState(db, 'sending', limit)]);
    const counts = await outboxCounts(db);
    return { rows: [...pending, ...sending].sort((a, b) => b.seq - a.seq).slice(0, limit), total: counts.pending + counts.sending };
  }
  return guardStorage(async () => ({ rows: await asShown(db, await db.outbox.orderBy('seq').reverse().limit(limit).toArray()), total: await db.outbox.count() }));
}
