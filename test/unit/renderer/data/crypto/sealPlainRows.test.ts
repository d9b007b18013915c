import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { rowSealingStateKey } from '../../../../../renderer/src/data/crypto/plainRows';
import { readSealingProgress, sealPlainRows } from '../../../../../renderer/src/data/crypto/sealPlainRows';
import { sealedField, sealedTables } from '../../../../../renderer/src/data/crypto/sealedFields';
import { DeskDatabase } from '../../../../../renderer/src/data/db';
import { latestSchemaVersion, schemaVersions } from '../../../../../renderer/src/data/schema';
import { created } from '../caseWorkFixtures';
import { addAccount, applicantId } from '../dataFixtures';
import { developmentDeskIdentity } from '../../../../../renderer/src/data/desk';

// The tables a desk had before sealing (version 7); those added since (the ledger's) were never plain.
const tables = Object.keys(sealedTables).filter((table) => table in schemaVersions.find((step) => step.version === 7)!.stores);
let names: string[] = [];
afterEach(async () => {
  for (const name of names) await Dexie.delete(name);
  names = [];
});

/** The rows as IndexedDB holds them, read (or written) past Dexie's middlewares. */
async function raw<T>(name: string, work: (db: Dexie) => Promise<T>): Promise<T> {
  const db = new Dexie(name);
  await db.open();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/**
 * A desk as the build before sealing left it: schema version 7 with two cases, every row plain, then
 * opened by this build (the upgrade records the pass).
 */
async function upgradedPlainDesk(): Promise<{ db: DeskDatabase; rows: Record<string, unknown[]> }> {
  const name = `seal-plain-${process.pid}-${names.length}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  const old = new DeskDatabase(name, { upToVersion: 7 });
  await old.meta.put({ key: 'deskIdentity', value: developmentDeskIdentity });
  const clerk = await addAccount(old, 'clerk', '李受理');
  await created(old, clerk);
  await created(old, clerk);
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) rows[table] = await old.table(table).toArray();
  old.close();
  // The same rows, written plain as the older build stored them.
  await raw(name, async (db) => {
    for (const table of tables) await db.table(table).bulkPut(rows[table]!);
  });
  const db = new DeskDatabase(name);
  await db.open();
  return { db, rows };
}

const countSealed = (name: string) =>
  raw(name, async (db) => {
    const all: Record<string, unknown>[] = [];
    for (const table of tables) all.push(...((await db.table(table).toArray()) as Record<string, unknown>[]));
    const sealed = all.filter((row) => row[sealedField] instanceof Uint8Array).length;
    return { sealed, plain: all.length - sealed };
  });

describe('sealing rows stored plain before sealing', () => {
  it('reads them as they are until sealed, then seals them in resumable batches with progress, and nothing plain is left', async () => {
    const { db, rows } = await upgradedPlainDesk();
    expect(db.verno).toBe(latestSchemaVersion);
    const before = await countSealed(db.name);
    expect(before.sealed).toBe(0);
    const total = before.plain;
    expect(await db.cases.toArray()).toEqual(rows.cases);
    expect(await readSealingProgress(db)).toEqual({ done: 0, total: 0 });

    const first = await sealPlainRows(db, { maxRows: 3, budgetMs: 60_000 });
    expect(first).toEqual({ written: 3, more: true });
    expect(await readSealingProgress(db)).toEqual({ done: 3, total });
    // A page closed mid-pass: the next one resumes after the last row sealed.
    db.close();
    const reopened = new DeskDatabase(db.name);
    let batches = 0;
    while ((await sealPlainRows(reopened, { maxRows: 3, budgetMs: 60_000 })).more) batches += 1;
    expect(batches).toBeGreaterThan(1);
    expect(await readSealingProgress(reopened)).toBeNull();
    expect((await reopened.meta.get(rowSealingStateKey))).toBeUndefined();
    expect(await countSealed(db.name)).toEqual({ sealed: total, plain: 0 });
    for (const table of tables) expect(await reopened.table(table).toArray(), table).toEqual(rows[table]);
    // Search keys are the search index's to protect (keyed hashes, data/search/keys.ts), not the row's.
    const text = await raw(db.name, async (plain) =>
      JSON.stringify(((await plain.table('cases').toArray()) as Record<string, unknown>[]).map(({ searchKeys: _s, freshKeys: _f, ...row }) => row)),
    );
    expect(text).not.toContain(applicantId);
    expect(await sealPlainRows(reopened)).toEqual({ written: 0, more: false });
    reopened.close();
  });

  it('stops a batch on its time budget after the first table read, and keeps a row a clerk wrote meanwhile', async () => {
    const { db } = await upgradedPlainDesk();
    let tick = 0;
    expect(await sealPlainRows(db, { maxRows: 50, budgetMs: 1, now: () => tick++ })).toEqual({ written: 2, more: true });
    const [, second] = await db.cases.orderBy(':id').toArray();
    await db.cases.update(second!.id, { agentAuthorisation: '仅代为递交材料' });
    while ((await sealPlainRows(db)).more);
    expect((await db.cases.get(second!.id))!.agentAuthorisation).toBe('仅代为递交材料');
    db.close();
  });
});
