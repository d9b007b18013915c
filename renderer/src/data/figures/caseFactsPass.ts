import type { DeskDatabase } from '../db';
import { caseFactsStore, factsChanges, wantedLines, type CaseFactsRow } from './caseFactsIndex';
import { caseFactsPassKey, caseFactsStateSchema, type CaseFactsPass } from './caseFactsMark';

export { caseFactsPassKey, markCaseFactsPass, type CaseFactsPass } from './caseFactsMark';

/** Cases a batch reads at most: each is opened (WebCrypto), so a batch stays short for a clerk who comes back. */
export const factsBatchCases = 50;

/** Where the pass stands, or null when every case has its facts (the figures may then read the index alone). */
export async function readCaseFactsPass(db: DeskDatabase): Promise<CaseFactsPass | null> {
  const row = await db.meta.get(caseFactsPassKey);
  return row === undefined ? null : caseFactsStateSchema.parse(row.value).pass;
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
