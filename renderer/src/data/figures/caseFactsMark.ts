import type { Transaction } from 'dexie';
import { z } from 'zod';

/**
 * The `meta` entry of the background pass that writes the facts of cases stored before schema version 12
 * (`caseFacts`): after which case id it stands, how many it has done of how many. Absent on a desk that had
 * no cases then; `pass` is null once every case has its facts. Apart from the pass (`caseFactsPass.ts`), so
 * the schema can name the upgrade without importing the database.
 */
export const caseFactsPassKey = 'figures.facts';

const passSchema = z.object({ after: z.string().nullable(), done: z.int().nonnegative(), total: z.int().nonnegative() });
export const caseFactsStateSchema = z.object({ pass: passSchema.nullable() });
export type CaseFactsPass = z.infer<typeof passSchema>;

/**
 * The upgrade to schema version 12: the facts of cases already stored are written in the background (each
 * case must be opened, which an upgrade transaction cannot wait for), so the upgrade only records the pass.
 */
export async function markCaseFactsPass(tx: Transaction): Promise<void> {
  const total = await tx.table('cases').count();
  if (total === 0) return;
  await tx.table('meta').put({ key: caseFactsPassKey, value: { pass: { after: null, done: 0, total } } });
}
