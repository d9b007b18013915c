import type { Table } from 'dexie';
import type { CaseStatusCode } from '../../domain/cases/caseStatus';
import type { MatterCode } from '../../domain/catalogue/schema';
import type { ClerkId } from '../../domain/clerks/clerkId';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import type { CaseRow } from '../records';
import { bestMatch, compare, keyCandidates, planForRow, streamRows, type FieldMatch, type Matchable, type ProbeKeyers } from './candidates';
import { caseDayPart, caseSequencePart } from './keys';
import { planSearch, type SearchPlan } from './query';
import { probeKeyers } from './rekey';

export interface CaseSearchOptions {
  status?: CaseStatusCode;
  matterCode?: MatterCode;
  clerkId?: ClerkId;
  /** At most this many hits (default 50). */
  limit?: number;
}

export type CaseMatchField =
  | 'caseNumber'
  | 'enterpriseName'
  | 'uscc'
  | 'applicantName'
  | 'applicantIdNumber'
  | 'applicantPhone'
  | 'agentName'
  | 'agentIdNumber'
  | 'agentPhone'
  | 'legalRepresentativeIdNumber'
  | 'shareholderIdNumber';

export interface CaseSearchHit {
  case: CaseRow;
  /** What the query matched (for highlighting); null when listing by filters alone. */
  match: FieldMatch<CaseMatchField> | null;
}

export interface CaseSearchResult {
  /** Best first: by how well the query matches, then newest first. */
  hits: CaseSearchHit[];
  /** More rows may match than were looked at (a very common fragment): the clerk should type more. */
  truncated: boolean;
}

/** As many as the cases page lists (its message says 50), so the bench times what a clerk waits for. */
const defaultLimit = 50;

function matchablesOf(row: CaseRow): Matchable<CaseMatchField>[] {
  return [
    ['enterpriseName', row.enterprise.name, 'name'],
    ['uscc', row.enterprise.uscc, 'identifier'],
    // The USCC HQ assigned with the approval, for a company registered by this case.
    ['uscc', row.licence?.uscc ?? null, 'identifier'],
    ['applicantName', row.applicant.name, 'personName'],
    ['applicantIdNumber', row.applicant.idNumber, 'identifier'],
    ['applicantPhone', row.applicant.phone, 'identifier'],
    ['agentName', row.agent?.name ?? null, 'personName'],
    ['agentIdNumber', row.agent?.idNumber ?? null, 'identifier'],
    ['agentPhone', row.agent?.phone ?? null, 'identifier'],
    ['legalRepresentativeIdNumber', row.legalRepresentative?.idNumber ?? null, 'identifier'],
    ...(row.shareholders ?? []).map((shareholder): Matchable<CaseMatchField> => ['shareholderIdNumber', shareholder.idNumber, 'identifier']),
  ];
}

function caseNumberMatch(plan: SearchPlan, row: CaseRow): FieldMatch<'caseNumber'> | null {
  const prefix = plan.caseNumberPrefix !== null && row.caseNumber.startsWith(plan.caseNumberPrefix) ? plan.caseNumberPrefix : null;
  if (prefix !== null) return { field: 'caseNumber', kind: compare(row.caseNumber, prefix)!, score: row.caseNumber === prefix ? 110 : 85 };
  const day = caseDayPart(row.caseNumber);
  if (plan.caseDayPrefix !== null && day !== null && day.startsWith(plan.caseDayPrefix)) {
    return { field: 'caseNumber', kind: day === plan.caseDayPrefix ? 'exact' : 'prefix', score: day === plan.caseDayPrefix ? 105 : 75 };
  }
  // Its sequence, as the tail of an identifier (尾号) would rank.
  if (plan.caseSequence !== null && caseSequencePart(row.caseNumber) === plan.caseSequence) return { field: 'caseNumber', kind: 'suffix', score: 80 };
  return null;
}

function matchCase(plan: SearchPlan, row: CaseRow, keyers: ProbeKeyers): FieldMatch<CaseMatchField> | null {
  const byNumber = caseNumberMatch(plan, row);
  const byField = bestMatch(planForRow(plan, row, keyers), matchablesOf(row));
  if (byNumber === null) return byField;
  return byField === null || byNumber.score >= byField.score ? byNumber : byField;
}

function hasFilters(options: CaseSearchOptions): boolean {
  return options.status !== undefined || options.clerkId !== undefined || options.matterCode !== undefined;
}

function passesFilters(row: CaseRow, options: CaseSearchOptions): boolean {
  return (
    (options.status === undefined || row.statusCode === options.status) &&
    (options.clerkId === undefined || row.clerkId === options.clerkId) &&
    (options.matterCode === undefined || row.matterCodes.includes(options.matterCode))
  );
}

const byRank = (a: CaseSearchHit, b: CaseSearchHit) => (b.match?.score ?? 0) - (a.match?.score ?? 0) || b.case.id.localeCompare(a.case.id);

/** Filters alone: the most selective index the filters offer, newest first. */
async function listByFilters(cases: Table<CaseRow, string>, options: CaseSearchOptions, limit: number): Promise<CaseSearchResult> {
  const collection =
    options.status !== undefined
      ? cases.where('statusCode').equals(options.status)
      : options.clerkId !== undefined
        ? cases.where('clerkId').equals(options.clerkId)
        : options.matterCode !== undefined
          ? cases.where('matterCodes').equals(options.matterCode)
          : cases.orderBy('createdAt');
  const rows = await collection.reverse().filter((row) => passesFilters(row, options)).limit(limit + 1).toArray();
  return { hits: rows.slice(0, limit).map((row) => ({ case: row, match: null })), truncated: rows.length > limit };
}

/**
 * Finds cases by a fragment of a Chinese name (enterprise, applicant, agent) or its pinyin (initials or
 * full pinyin from one of its syllables: `zysk`, `zhiyu`), of an identifier (USCC, ID number, mobile: its
 * first or last four or more characters, or six or more from anywhere in an 18-character code), or by
 * case number (whole, its start, its day and sequence, or its sequence alone), optionally filtered by
 * status, matter and clerk. An empty query lists by the filters.
 * Always through indexes (see `keys.ts`), never a scan of the cases.
 */
export async function searchCases(db: DeskDatabase, query: string, options: CaseSearchOptions = {}): Promise<CaseSearchResult> {
  const limit = options.limit ?? defaultLimit;
  const cases = db.cases as unknown as Table<CaseRow, string>;
  const plan = planSearch(query);
  const empty = Object.values(plan).every((reading) => reading === null);
  if (query.trim() === '') return guardStorage(() => db.transaction('r', db.cases, () => listByFilters(cases, options, limit)));
  if (empty) return { hits: [], truncated: false };
  const keyers = await probeKeyers(db);

  return guardStorage(() =>
    db.transaction('r', db.cases, async () => {
      const [candidates, byNumber] = await Promise.all([
        keyCandidates(cases, plan, keyers, hasFilters(options) ? Infinity : limit),
        plan.caseNumberPrefix === null ? Promise.resolve([]) : cases.where('caseNumber').startsWith(plan.caseNumberPrefix).reverse().limit(limit).toArray(),
      ]);
      const hits = new Map<string, CaseSearchHit>();
      const consider = (row: CaseRow) => {
        const match = matchCase(plan, row, keyers);
        if (match !== null && passesFilters(row, options)) hits.set(row.id, { case: row, match });
      };
      byNumber.forEach(consider);

      // Rows are read in the order they would rank — strongest matches, then the newest — and only as
      // many as the limit needs: each case row read costs about as much as a whole index probe.
      let truncated = !candidates.complete;
      const newestFirst = (ids: Iterable<string>) => [...ids].filter((id) => !hits.has(id)).sort().reverse();
      const ordered = [...new Set([...newestFirst(candidates.preferred), ...newestFirst(candidates.ids)])];
      let next = 0;
      while (next < ordered.length && hits.size < limit) {
        const batch = ordered.slice(next, next + limit - hits.size);
        next += batch.length;
        (await cases.bulkGet(batch)).forEach((row) => row && consider(row));
      }
      if (next < ordered.length) truncated = true;
      // A range too common to read whole (every bigram of the name is common, a short pinyin): read it
      // from its end, checking each row.
      const accept = (row: CaseRow) => !hits.has(row.id) && matchCase(plan, row, keyers) !== null && passesFilters(row, options);
      for (const probe of candidates.streamProbes) {
        if (hits.size >= limit) break;
        (await streamRows(cases, probe, limit - hits.size, keyers, accept)).forEach(consider);
      }
      const ranked = [...hits.values()].sort(byRank);
      return { hits: ranked.slice(0, limit), truncated: truncated || ranked.length > limit };
    }),
  );
}
