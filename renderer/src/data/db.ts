import Dexie, { type EntityTable } from 'dexie';
import { latestSchemaVersion, schemaVersions } from './schema';

export interface MetaRow {
  key: string;
  value: unknown;
}

export const defaultDatabaseName = 'yichuangtong-desk';

/** The desk's one database. `upToVersion` exists for the migration tests (open as an older build would). */
export class DeskDatabase extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string = defaultDatabaseName, options: { upToVersion?: number; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    const { upToVersion = latestSchemaVersion, ...dexieOptions } = options;
    super(name, dexieOptions);
    for (const step of schemaVersions) {
      if (step.version > upToVersion) break;
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}

let shared: DeskDatabase | undefined;

/** The database the app uses; opened lazily so start-up does not wait on it. */
export function deskDatabase(): DeskDatabase {
  shared ??= new DeskDatabase();
  return shared;
}
