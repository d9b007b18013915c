import { DeskDatabase } from '../../../../renderer/src/data/db';
import type { SchemaVersion } from '../../../../renderer/src/data/schema';

/** Rows a database of version N holds, and what version N+1 must show of them after upgrading. */
export interface MigrationCase {
  from: number;
  seed: (db: DeskDatabase) => Promise<void>;
  verify: (db: DeskDatabase) => Promise<void>;
}

let counter = 0;

/** Creates a database as version `from` would, seeds it, closes it, reopens it under `from + 1`, verifies. */
export async function runMigration(step: MigrationCase, versions?: readonly SchemaVersion[]): Promise<void> {
  const name = `migration-${step.from}-${++counter}`;
  const old = new DeskDatabase(name, { upToVersion: step.from, ...(versions ? { versions } : {}) });
  await old.open();
  await step.seed(old);
  old.close();
  const upgraded = new DeskDatabase(name, { upToVersion: step.from + 1, ...(versions ? { versions } : {}) });
  try {
    await upgraded.open();
    await step.verify(upgraded);
  } finally {
    upgraded.close();
    await upgraded.delete();
  }
}
