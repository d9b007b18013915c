import { CalendarCoverageError, type WorkingCalendar } from '../../domain/calendar';
import type { CaseId } from '../../domain/cases/caseId';
import { isLedgerItemOverdue, workingDaysLeft } from '../../domain/ledger/deriveItems';
import {
  caseIdOfLedgerItemId,
  ledgerStatuses,
  sourceOfLedgerItemId,
  type LedgerItemId,
  type LedgerOwner,
  type LedgerSource,
  type LedgerStatus,
} from '../../domain/ledger/ledgerItem';
import { activeCalendar } from '../catalogueStore';
import { chinaIso } from '../clock';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import type { CaseRow } from '../records';
import { searchCases } from '../search/searchCases';
import { businessDateOf } from '../../domain/chineseDate';
import type { LedgerFollowUpRow, LedgerItemRow } from './ledgerRows';
import { LEDGER_REPORT_MAX_ROWS } from '../../domain/ledger/ledgerReport';
import { ledgerDataMessages } from './messages';
import { Refusal } from '../refusal';

/** How the ledger's list is ordered: by due date (soonest first, or latest first), or green-card items first. */
export const ledgerSorts = ['dueDate', 'dueDateDesc', 'greenCardFirst'] as const;
export type LedgerSort = (typeof ledgerSorts)[number];

/** Which states to list: one, the items still to supervise (待督办 and 督办中, the default), or all. */
export type LedgerStatusFilter = LedgerStatus | 'active' | 'all';

export const defaultLedgerPageSize = 20;

export interface LedgerPageQuery {
  source?: LedgerSource | undefined;
  status?: LedgerStatusFilter | undefined;
  /** The owner's department, exactly as assigned. */
  department?: string | undefined;
  /** Only items past their due date. */
  overdueOnly?: boolean | undefined;
  /** Only items about cases of green-card enterprises. */
  greenCardOnly?: boolean | undefined;
  /** A fragment of the case number or the enterprise's name, USCC… as the case search takes it. */
  search?: string | undefined;
  sort: LedgerSort;
  /** 1 for the first page. */
  page: number;
  pageSize?: number | undefined;
  /** The hall's business date the days left are counted from; today when absent. */
  today?: string | undefined;
}

/** One line of the ledger. */
export interface LedgerRow {
  id: LedgerItemId;
  source: LedgerSource;
  caseId: CaseId;
  /** The material key (deferred, commitment) or rating id the item is about; null otherwise. */
  subject: string | null;
  /** Null when the case is not (yet) on this desk. */
  caseNumber: string | null;
  enterpriseName: string | null;
  greenCard: boolean;
  owner: LedgerOwner | null;
  dueDate: string;
  /** Working days to the due date, negative when overdue; null when the calendar does not cover it. */
  workingDaysLeft: number | null;
  overdue: boolean;
  status: LedgerStatus;
  updatedAt: string;
}

export interface LedgerPage {
  rows: LedgerRow[];
  /** How many items match the filters (every page). */
  total: number;
  page: number;
  pageSize: number;
}

/** What the list knows of an item from its index keys alone, before any row is opened. */
interface Candidate {
  id: LedgerItemId;
  greenCard: 0 | 1;
  dueDate: string;
}

/** How many cases the search may name before the ledger is filtered to their items. */
const SEARCH_CASE_LIMIT = 500;

function statusesOf(filter: LedgerStatusFilter): readonly LedgerStatus[] {
  if (filter === 'active') return ['open', 'supervising'];
  if (filter === 'all') return ledgerStatuses;
  return [filter];
}

const byDueDate = (a: Candidate, b: Candidate) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id);
const sorters: Readonly<Record<LedgerSort, (a: Candidate, b: Candidate) => number>> = {
  dueDate: byDueDate,
  dueDateDesc: (a, b) => b.dueDate.localeCompare(a.dueDate) || a.id.localeCompare(b.id),
  greenCardFirst: (a, b) => b.greenCard - a.greenCard || byDueDate(a, b),
};

/**
 * One page of the ledger. Built to open fast on a desk with 200,000 cases: the items that match are found
 * from index keys only (`[greenCard+status+dueDate]` gives each item's flag, state and due date; the
 * source is the start of its id, the case its middle; the department and the search narrow by their own
 * index), sorted and paged as keys, and only the page's items and cases are read and opened (decrypted).
 * No case is scanned: the search goes through the case search's indexes.
 */
export async function readLedgerPage(db: DeskDatabase, query: LedgerPageQuery): Promise<LedgerPage> {
  const pageSize = Math.max(1, Math.min(query.pageSize ?? defaultLedgerPageSize, 200));
  const page = Math.max(1, Math.floor(query.page));
  const today = query.today ?? businessDateOf(chinaIso());
  const caseIds = query.search === undefined || query.search.trim() === '' ? null : await searchedCaseIds(db, query.search);
  if (caseIds !== null && caseIds.size === 0) return { rows: [], total: 0, page, pageSize };

  const calendarRead = activeCalendar(db);
  const { pageRows, total, cases } = await guardStorage(() =>
    db.transaction('r', [db.ledgerItems, db.cases], async () => {
      const candidates = await matchingCandidates(db, query, today, caseIds);
      candidates.sort(sorters[query.sort]);
      const slice = candidates.slice((page - 1) * pageSize, page * pageSize);
      const items = await db.ledgerItems.bulkGet(slice.map((candidate) => candidate.id));
      const found = items.filter((item): item is LedgerItemRow => item !== undefined);
      const caseRows = await db.cases.bulkGet([...new Set(found.map((item) => item.caseId))]);
      return { pageRows: found, total: candidates.length, cases: new Map(caseRows.filter((row): row is CaseRow => row !== undefined).map((row) => [row.id, row])) };
    }),
  );
  const calendar = (await calendarRead).data;
  return { rows: pageRows.map((item) => ledgerRowOf(item, cases.get(item.caseId), today, calendar)), total, page, pageSize };
}

/** The most items one export reads (`LEDGER_REPORT_MAX_ROWS`): a ledger past it is refused, never cut short. */
export const LEDGER_EXPORT_MAX_ITEMS = LEDGER_REPORT_MAX_ROWS;

/** Every item the filters match (all pages), in the query's order, each with its latest follow-up. */
export interface LedgerExportListing {
  rows: { row: LedgerRow; latestFollowUp: LedgerFollowUpRow | null }[];
}

/**
 * What the exports list: every page of the ledger for the filters, search and sort the screen shows, in
 * that order, with each item's latest 督办记录. Refused (a `Refusal`) past `LEDGER_EXPORT_MAX_ITEMS`, so an
 * export never silently leaves items out.
 */
export async function readLedgerForExport(db: DeskDatabase, query: Omit<LedgerPageQuery, 'page' | 'pageSize'>): Promise<LedgerExportListing> {
  const today = query.today ?? businessDateOf(chinaIso());
  const caseIds = query.search === undefined || query.search.trim() === '' ? null : await searchedCaseIds(db, query.search);
  if (caseIds !== null && caseIds.size === 0) return { rows: [] };
  const calendarRead = activeCalendar(db);
  const { items, cases, followUps } = await guardStorage(() =>
    db.transaction('r', [db.ledgerItems, db.ledgerFollowUps, db.cases], async () => {
      const candidates = await matchingCandidates(db, query, today, caseIds);
      if (candidates.length > LEDGER_EXPORT_MAX_ITEMS) throw new Refusal(ledgerDataMessages.exportTooLarge(candidates.length, LEDGER_EXPORT_MAX_ITEMS));
      candidates.sort(sorters[query.sort]);
      const ids = candidates.map((candidate) => candidate.id);
      const [found, followUpRows] = await Promise.all([db.ledgerItems.bulkGet(ids), ids.length === 0 ? Promise.resolve([]) : db.ledgerFollowUps.where('itemId').anyOf(ids).toArray()]);
      const rows = found.filter((item): item is LedgerItemRow => item !== undefined);
      const caseRows = await db.cases.bulkGet([...new Set(rows.map((item) => item.caseId))]);
      return { items: rows, cases: new Map(caseRows.filter((row): row is CaseRow => row !== undefined).map((row) => [row.id, row])), followUps: followUpRows };
    }),
  );
  const latest = new Map<string, LedgerFollowUpRow>();
  for (const followUp of followUps) {
    const known = latest.get(followUp.itemId);
    if (known === undefined || Date.parse(followUp.at) > Date.parse(known.at) || (Date.parse(followUp.at) === Date.parse(known.at) && followUp.id > known.id)) latest.set(followUp.itemId, followUp);
  }
  const calendar = (await calendarRead).data;
  return { rows: items.map((item) => ({ row: ledgerRowOf(item, cases.get(item.caseId), today, calendar), latestFollowUp: latest.get(item.id) ?? null })) };
}

/** Inside a read: every item matching the filters, as index keys. */
async function matchingCandidates(db: DeskDatabase, query: Omit<LedgerPageQuery, 'page' | 'pageSize'>, today: string, caseIds: ReadonlySet<string> | null): Promise<Candidate[]> {
  const flags: readonly (0 | 1)[] = query.greenCardOnly === true ? [1] : [1, 0];
  const department = query.department === undefined || query.department === '' ? null : new Set(await db.ledgerItems.where('ownerDepartment').equals(query.department).primaryKeys());
  if (department !== null && department.size === 0) return [];
  const candidates: Candidate[] = [];
  const ranges = flags.flatMap((flag) => statusesOf(query.status ?? 'active').map((status) => ({ flag, status })));
  await Promise.all(
    ranges.map(({ flag, status }) =>
      db.ledgerItems
        .where('[greenCard+status+dueDate]')
        // Overdue: due before today (an ISO date sorts as text); '' sorts before every date.
        .between([flag, status, ''], [flag, status, query.overdueOnly === true ? today : '\uffff'], true, false)
        .eachKey((key, cursor) => {
          const id = cursor.primaryKey as LedgerItemId;
          if (query.source !== undefined && sourceOfLedgerItemId(id) !== query.source) return;
          if (department !== null && !department.has(id)) return;
          if (caseIds !== null && !caseIds.has(caseIdOfLedgerItemId(id))) return;
          candidates.push({ id, greenCard: flag, dueDate: String((key as unknown[])[2]) });
        }),
    ),
  );
  return candidates;
}

/** The cases the search names, through the case search's indexes. */
async function searchedCaseIds(db: DeskDatabase, search: string): Promise<Set<string>> {
  const { hits } = await searchCases(db, search, { limit: SEARCH_CASE_LIMIT });
  return new Set(hits.map((hit) => hit.case.id));
}

function daysLeft(dueDate: string, today: string, calendar: WorkingCalendar): number | null {
  try {
    return workingDaysLeft(dueDate, today, calendar);
  } catch (error) {
    // A due date past the calendar's coverage has no honest count (never a Monday–Friday guess).
    if (error instanceof CalendarCoverageError) return null;
    throw error;
  }
}

function ledgerRowOf(item: LedgerItemRow, caseRow: CaseRow | undefined, today: string, calendar: WorkingCalendar): LedgerRow {
  return {
    id: item.id,
    source: item.source,
    caseId: item.caseId,
    subject: item.subject,
    caseNumber: caseRow?.caseNumber ?? null,
    enterpriseName: caseRow?.enterprise.name ?? null,
    greenCard: item.greenCard === 1,
    owner: item.owner,
    dueDate: item.dueDate,
    workingDaysLeft: item.status === 'closed' ? null : daysLeft(item.dueDate, today, calendar),
    overdue: item.status !== 'closed' && isLedgerItemOverdue(item.dueDate, today),
    status: item.status,
    updatedAt: item.updatedAt,
  };
}

/** One item with everything the detail view shows: the line, the item as stored, and its follow-ups oldest first. */
export interface LedgerItemDetail {
  row: LedgerRow;
  item: LedgerItemRow;
  followUps: LedgerFollowUpRow[];
}

/** One item and its follow-ups (督办记录), oldest first; null when this desk does not hold it. */
export async function readLedgerItem(db: DeskDatabase, id: LedgerItemId, today: string = businessDateOf(chinaIso())): Promise<LedgerItemDetail | null> {
  const calendarRead = activeCalendar(db);
  const found = await guardStorage(() =>
    db.transaction('r', [db.ledgerItems, db.ledgerFollowUps, db.cases], async () => {
      const item = await db.ledgerItems.get(id);
      if (item === undefined) return null;
      const [caseRow, followUps] = await Promise.all([db.cases.get(item.caseId), db.ledgerFollowUps.where('itemId').equals(id).toArray()]);
      return { item, caseRow, followUps };
    }),
  );
  if (found === null) return null;
  const calendar = (await calendarRead).data;
  const followUps = found.followUps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));
  return { row: ledgerRowOf(found.item, found.caseRow, today, calendar), item: found.item, followUps };
}
