import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { CaseState } from '../../domain/cases/caseState';
import { caseFactsOf, encodeCaseFacts } from '../../domain/figures/caseFacts';

/**
 * The hall's figures read plain per-case facts (`domain/figures/caseFacts.ts`) from the `caseFacts` store,
 * whose primary key is the facts line itself: a range of intake days is one key-only read (`getAllKeys`),
 * and no sealed case is opened. `&caseId` finds a case's line when the case changes.
 */
export const caseFactsStore = 'caseFacts';
export const caseFactsSchema = 'line, &caseId';

export interface CaseFactsRow {
  line: string;
  caseId: string;
}

/** `DBCoreRangeType.Equal` (a const enum, which isolated modules cannot read). */
const EQUAL = 1 as DBCoreKeyRange['type'];

/** What a case row must hold to have facts: a row written as it rests (sealed, re-keyed) has no state and keeps its line. */
interface FactsBearingRow {
  id: string;
  createdAt: string;
  deskCode: string;
  clerkId: string;
  matterCodes: string[];
  state: CaseState;
}

function bearsFacts(row: unknown): row is FactsBearingRow {
  const candidate = row as Partial<FactsBearingRow> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.state === 'object' && candidate.state !== null && Array.isArray(candidate.state.timeline);
}

/** Whether the IndexedDB transaction has the facts store (an upgrade from a version before 12 runs older steps without it). */
function hasFactsStore(trans: DBCoreTransaction): boolean {
  const names = (trans as Partial<IDBTransaction>).objectStoreNames;
  return names !== undefined && names.contains(caseFactsStore);
}

/** The stored lines of these cases, by case id. */
async function linesOf(facts: DBCoreTable, trans: DBCoreTransaction, caseIds: readonly string[]): Promise<Map<string, string[]>> {
  const index = facts.schema.getIndexByKeyPath('caseId')!;
  const found = await Promise.all(
    caseIds.map((caseId) =>
      facts.query({ trans, values: false, query: { index, range: { type: EQUAL, lower: caseId, upper: caseId, lowerOpen: false, upperOpen: false } } }),
    ),
  );
  return new Map(caseIds.map((caseId, position) => [caseId, found[position]!.result as string[]]));
}

/** The facts line each of these case rows should have, by case id; rows without a state are left out. */
export function wantedLines(rows: readonly unknown[]): Map<string, string> {
  const wanted = new Map<string, string>();
  for (const row of rows) if (bearsFacts(row)) wanted.set(row.id, encodeCaseFacts(caseFactsOf(row)));
  return wanted;
}

/** The lines to remove and the rows to write so each case has exactly its wanted line. */
export function factsChanges(wanted: ReadonlyMap<string, string>, stored: ReadonlyMap<string, readonly string[]>): { stale: string[]; fresh: CaseFactsRow[] } {
  const stale: string[] = [];
  const fresh: CaseFactsRow[] = [];
  for (const [caseId, line] of wanted) {
    const lines = stored.get(caseId) ?? [];
    if (lines.length === 1 && lines[0] === line) continue;
    stale.push(...lines);
    fresh.push({ line, caseId });
  }
  return { stale, fresh };
}

/**
 * Writes the facts of these case rows, replacing each case's previous line, in the transaction given. Rows
 * without a state (written as they rest) are left as they are.
 */
async function writeCaseFacts(facts: DBCoreTable, trans: DBCoreTransaction, rows: readonly unknown[]): Promise<void> {
  const wanted = wantedLines(rows);
  if (wanted.size === 0) return;
  const { stale, fresh } = factsChanges(wanted, await linesOf(facts, trans, [...wanted.keys()]));
  if (stale.length > 0) await facts.mutate({ type: 'delete', trans, keys: stale });
  if (fresh.length > 0) await facts.mutate({ type: 'put', trans, values: fresh });
}

/** Removes the lines of cases deleted by key or by a range of keys. */
async function dropCaseFacts(facts: DBCoreTable, trans: DBCoreTransaction, request: DBCoreMutateRequest): Promise<void> {
  const index = facts.schema.getIndexByKeyPath('caseId')!;
  let lines: string[];
  if (request.type === 'delete') {
    lines = [...(await linesOf(facts, trans, request.keys as string[])).values()].flat();
  } else if (request.type === 'deleteRange') {
    lines = (await facts.query({ trans, values: false, query: { index, range: request.range } })).result as string[];
  } else {
    return;
  }
  if (lines.length > 0) await facts.mutate({ type: 'delete', trans, keys: lines });
}

/**
 * Keeps `caseFacts` in step with `cases` under Dexie's API, so every way a case is written (a clerk's command,
 * a pull from HQ, a restore, the bench seeder) writes its facts in the same transaction, and none can forget
 * to. A read-write transaction over `cases` is widened to include `caseFacts`. It sits above the sealing
 * (level -3), so it sees the case as its writer wrote it.
 */
export function caseFactsIndex(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'caseFacts',
    level: -1,
    create: (down) => {
      if (!down.schema.tables.some((table) => table.name === caseFactsStore)) return down;
      let wrappedCases: DBCoreTable | undefined;
      return {
        ...down,
        transaction: (stores, mode, options) =>
          down.transaction(mode === 'readwrite' && stores.includes('cases') && !stores.includes(caseFactsStore) ? [...stores, caseFactsStore] : stores, mode, options),
        table: (name: string) => {
          if (name !== 'cases') return down.table(name);
          if (wrappedCases !== undefined) return wrappedCases;
          const cases = down.table(name);
          const facts = down.table(caseFactsStore);
          wrappedCases = {
            ...cases,
            mutate: async (request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
              const response = await cases.mutate(request);
              if (!hasFactsStore(request.trans)) return response;
              if (request.type === 'add' || request.type === 'put') {
                // A row the store refused (a bulk write's failure) keeps the line it had.
                const written = request.values.filter((_, position) => !(position in response.failures));
                await writeCaseFacts(facts, request.trans, written);
              } else {
                await dropCaseFacts(facts, request.trans, request);
              }
              return response;
            },
          };
          return wrappedCases;
        },
      };
    },
  };
}
