import type { Transaction } from 'dexie';
import { z } from 'zod';
import type { DeskDatabase } from '../db';
import { caseFactsStore, factsChanges, wantedLines, type CaseFactsRow } from './caseFactsIndex';

/**
 * The `meta` entry of the background pass that writes the facts of cases stored before schema version 12
 * (`caseFacts`): after which case id it stands, how many it has done of how many. Absent on a desk that had
 * no cases then; `pass` is null once every case has its facts.
 */
export const caseFactsPassKey = 'figures.facts';

const passSchema = z.object({ after: z.string().nullable(), done: z.int().nonnegative(), total: z.int().nonnegative() });
const stateSchema = z.object({ pass: passSchema.nullable() });
export type CaseFactsPass = z.infer<typeof passSchema>;

/** Cases a batch reads at most: each is opened (WebCrypto), so a batch stays short for a clerk who comes back. */
export const factsBatchCases = 50;

/**
 * The upgrade to schema version 12: the facts of cases already stored are written in the background (each
 * case must be opened, which an upgrade transaction cannot wait for), so the upgrade only records the pass.
 */
export async function markCaseFactsPass(tx: Transaction): Promise<void> {
  const total = await tx.table('cases').count();
  if (total === 0) return;
  await tx.table('meta').put({ key: caseFactsPassKey, value: { pass: { after: null, done: 0, total } } });
}

/** Where the pass stands, or null when every case has its facts (the figures may then read the index alone). */
export async function readCaseFactsPass(db: DeskDatabase): Promise<CaseFactsPass | null> {
  const row = await db.meta.get(caseFactsPassKey);
  return row === undefined ? null : stateSchema.parse(row.value).pass;
}

/**
 * One batch of the pass: in one transaction, the next cases after the pass's mark are read (opened) and their
 * facts written, and the mark moved, so an interrupted pass resumes where it stopped and a clerk's write
 * meanwhile (which writes its own facts) is never overwritten with older ones. Resolves to whether more is left.
 */
export async function writeStoredCaseFacts(db: DeskDatabase, batch = factsBatchCases): Promise<boolean> {
  const facts = db.table<CaseFactsRow, string>(caseFactsStore);
  return db.transaction('rw', [db.meta, db.cases, facts], async () => {
    const pass = await readCaseFactsPass(db);
    if (pass === null) return false;
    const query = pass.after === null ? db.cases.orderBy(':id') : db.cases.where(':id').above(pass.after);
    const rows = await query.limit(batch).toArray();
    const wanted = wantedLines(rows);
    const stored = new Map<string, string[]>();
    for (const row of await facts.where('caseId').anyOf([...wanted.keys()]).toArray()) stored.set(row.caseId, [...(stored.get(row.caseId) ?? []), row.line]);
    const { stale, fresh } = factsChanges(wanted, stored);
    await facts.bulkDelete(stale);
    await facts.bulkPut(fresh);
    const more = rows.length === batch;
    const next: CaseFactsPass | null = more ? { after: rows[rows.length - 1]!.id, done: pass.done + rows.length, total: Math.max(pass.total, pass.done + rows.length) } : null;
    await db.meta.put({ key: caseFactsPassKey, value: { pass: next } });
    return more;
  });
}
