import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../../renderer/src/data/db';
import { latestSchemaVersion, schemaVersions, type SchemaVersion } from '../../../../renderer/src/data/schema';
import { runMigration, type MigrationCase } from './migrationHarness';

/** One case per shipped upgrade: the database of version `from` opens under `from + 1` with its data intact. */
const shippedMigrations: MigrationCase[] = [
  {
    from: 1,
    seed: async (db) => {
      await db.meta.put({ key: 'firstRunDone', value: true });
    },
    verify: async (db) => {
      expect(await db.meta.get('firstRunDone')).toEqual({ key: 'firstRunDone', value: true });
      expect(await db.table('cases').count()).toBe(0);
    },
  },
];

describe('schema versions', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(schemaVersions.map((v) => v.version)).toEqual(schemaVersions.map((_, i) => i + 1));
  });

  it('have a migration test for every upgrade', () => {
    expect(shippedMigrations.map((m) => m.from)).toEqual(schemaVersions.slice(0, -1).map((v) => v.version));
  });

  it.each(shippedMigrations)('version $from opens under the next with its data intact', async (step) => {
    await runMigration(step);
  });

  it('reopens the latest version with its data intact', async () => {
    const db = new DeskDatabase('reopen-latest');
    await db.meta.put({ key: 'firstRunDone', value: true });
    db.close();
    const again = new DeskDatabase('reopen-latest');
    expect(await again.meta.get('firstRunDone')).toEqual({ key: 'firstRunDone', value: true });
    expect(again.verno).toBe(latestSchemaVersion);
    again.close();
  });
});

describe('migration harness', () => {
  const versions: SchemaVersion[] = [
    { version: 1, stores: { meta: 'key', notes: '++id' } },
    {
      version: 2,
      stores: { meta: 'key', notes: '++id, author' },
      upgrade: (tx) => tx.table('notes').toCollection().modify((note: { text: string; author?: string }) => {
        note.author = note.text.split(':')[0];
      }),
    },
  ];

  it('carries data across an upgrade that reshapes rows', async () => {
    await runMigration(
      {
        from: 1,
        seed: async (db) => {
          await db.table('notes').add({ text: '张三:收件' });
        },
        verify: async (db) => {
          expect(await db.table('notes').where('author').equals('张三').count()).toBe(1);
        },
      },
      versions,
    );
  });

  it('catches an upgrade that loses data', async () => {
    const lossy: SchemaVersion[] = [versions[0]!, { version: 2, stores: { meta: 'key', notes: '++id' }, upgrade: (tx) => tx.table('notes').clear() }];
    await expect(
      runMigration(
        {
          from: 1,
          seed: async (db) => {
            await db.table('notes').add({ text: '张三:收件' });
          },
          verify: async (db) => {
            expect(await db.table('notes').count()).toBe(1);
          },
        },
        lossy,
      ),
    ).rejects.toThrow();
  });
});
