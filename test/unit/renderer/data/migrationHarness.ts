import { DeskDatabase } from '../../../../renderer/src/data/db';
import { schemaVersions, type SchemaVersion } from '../../../../renderer/src/data/schema';

/** Rows a database of version N holds, and what version N+1 must show of them after upgrading. */
export interface MigrationCase {
  from: number;
  seed: (db: DeskDatabase) => Promise<void>;
  verify: (db: DeskDatabase) => Promise<void>;
}

let counter = 0;

/** Creates a database as version `from` would, seeds it, closes it, reopens it under the next version, verifies. */
export async function runMigration(step: MigrationCase, versions?: readonly SchemaVersion[]): Promise<void> {
  const name = `migration-${step.from}-${++counter}`;
  const old = new DeskDatabase(name, { upToVersion: step.from, ...(versions ? { versions } : {}) });
  await old.open();
  await step.seed(old);
  old.close();
  // The next version in the list (a number may be left for a version made in parallel).
  const next = (versions ?? schemaVersions).find((v) => v.version > step.from)!.version;
  const upgraded = new DeskDatabase(name, { upToVersion: next, ...(versions ? { versions } : {}) });
  try {
    await upgraded.open();
    await step.verify(upgraded);
  } finally {
    upgraded.close();
    await upgraded.delete();
  }
}
