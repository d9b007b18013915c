import type { Transaction } from 'dexie';

/**
 * The database's versions, oldest first. A version is never edited once shipped: a change is a new
 * entry with the full store list and, when rows must be reshaped, an `upgrade`.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
}

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // Desk-wide facts: first-run marker, desk identity, settings. Keyed by name.
      meta: 'key',
    },
  },
];

export const latestSchemaVersion = schemaVersions[schemaVersions.length - 1]!.version;
