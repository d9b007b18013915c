import Dexie, { type EntityTable } from 'dexie';
import { latestSchemaVersion, schemaVersions, type SchemaVersion } from './schema';

export interface MetaRow {
  key: string;
  value: unknown;
}

export const defaultDatabaseName = 'yichuangtong-desk';

export interface DeskDatabaseOptions {
  /** Open as the build that knew only versions up to this one (migration tests). */
  upToVersion?: number;
  /** The version list; only the migration harness's own tests pass another. */
  versions?: readonly SchemaVersion[];
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** The desk's one database. */
export class DeskDatabase extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string = defaultDatabaseName, options: DeskDatabaseOptions = {}) {
    const { upToVersion = latestSchemaVersion, versions = schemaVersions, ...dexieOptions } = options;
    super(name, dexieOptions);
    for (const step of versions) {
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
