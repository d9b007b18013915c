import type { Transaction } from 'dexie';
import { z } from 'zod';

/**
 * The `meta` entry of the background sealing (`sealStoredBlobs.ts`): which table it walks and after which
 * key. Absent on a desk that never stored plain scans, archives or drafts; `pass` is null once all are sealed.
 */
export const blobSealingStateKey = 'blobSealing';

/** Walked in this order. */
export const sealedTableNames = ['blobs', 'documents', 'attachments', 'intakeDrafts'] as const;
export type SealedTableName = (typeof sealedTableNames)[number];

const passSchema = z.object({
  table: z.enum(sealedTableNames),
  after: z.string().nullable(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export const sealingStateSchema = z.object({ pass: passSchema.nullable() });
export type SealingPass = z.infer<typeof passSchema>;

/** The upgrade to schema version 10: a desk with rows stored before sealing gets a pass to walk. */
export async function markBlobsForSealing(tx: Transaction): Promise<void> {
  const counts = await Promise.all(sealedTableNames.map((name) => tx.table(name).count()));
  const pass: SealingPass = { table: sealedTableNames[0], after: null, done: 0, total: counts.reduce((sum, count) => sum + count, 0) };
  await tx.table('meta').put({ key: blobSealingStateKey, value: { pass } });
}
