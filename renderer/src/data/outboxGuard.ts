import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { OutboxRow } from './records';

/** Fields that make up the op as sent; once written they never change (a correction is a new op). */
const immutableFields = ['seq', 'opId', 'entity', 'entityId', 'op', 'createdAt'] as const;

type StoredRow = Partial<Pick<OutboxRow, (typeof immutableFields)[number]>>;

/** The op's content as text, to tell whether a write would change it. */
function contentOf(row: StoredRow): string {
  return JSON.stringify(immutableFields.map((field) => row[field]));
}

/** `DBCoreRangeType.Range` (a const enum, which isolated modules cannot read). */
const RANGE = 2 as DBCoreKeyRange['type'];

/** Contiguous integer keys in ascending order, which one range read covers. */
function isRun(keys: readonly unknown[]): keys is number[] {
  return keys.every((key, index) => typeof key === 'number' && (index === 0 || key === (keys[index - 1] as number) + 1));
}

/** The DBCore with its `outbox` table wrapped by `wrap`; every other table passes through. */
export function withOutboxTable(down: DBCore, wrap: (table: DBCoreTable) => DBCoreTable): DBCore {
  return { ...down, table: (name: string) => (name === 'outbox' ? wrap(down.table(name)) : down.table(name)) };
}

/**
 * The outbox refuses any write that would change an op's content once written: only its delivery state
 * (state, attempts, lastError, sentAt, result) may change. It sits under Dexie's API, so every way of
 * writing (put, update, modify, bulk…) meets it.
 *
 * A write is compared with the stored row. The rows a transaction has read (or written) are remembered
 * for that transaction, as text, so the sync engine's read-then-mark writes cost no second read; what
 * was not read in the transaction is read here first, in one request.
 */
export function outboxGuard(): Middleware<DBCore> {
  /** Per transaction: the content of each row it has seen, by seq. */
  const seen = new WeakMap<DBCoreTransaction, Map<number, string>>();
  const seenIn = (trans: DBCoreTransaction) => {
    let rows = seen.get(trans);
    if (rows === undefined) {
      rows = new Map();
      seen.set(trans, rows);
    }
    return rows;
  };
  const note = (trans: DBCoreTransaction, rows: readonly unknown[]) => {
    // Only a read-write transaction can go on to write what it read.
    if ((trans as { mode?: IDBTransactionMode }).mode === 'readonly') return;
    const known = seenIn(trans);
    for (const row of rows) {
      if (row !== undefined && row !== null && typeof (row as StoredRow).seq === 'number') known.set((row as StoredRow).seq!, contentOf(row as StoredRow));
    }
  };

  /** Throws when a value would change the content of the row stored at its seq. */
  const check = (known: Map<number, string>, values: readonly StoredRow[]) => {
    for (const value of values) {
      const before = typeof value.seq === 'number' ? known.get(value.seq) : undefined;
      if (before === undefined || before === contentOf(value)) continue;
      const was = JSON.parse(before) as unknown[];
      const changed = immutableFields.filter((field, index) => JSON.stringify(was[index]) !== JSON.stringify(value[field]));
      throw new Error(`outbox ops are never edited (tried to change ${changed.join(', ')})`);
    }
  };

  /**
   * Reads the stored rows of the put's keys this transaction has not seen, then checks. Chained on the
   * promises of the layer below (Dexie's own), never awaited natively: Dexie's middlewares above keep
   * their transaction zone through them.
   */
  const guarded = (table: DBCoreTable, request: Extract<DBCoreMutateRequest, { type: 'put' }>) => {
    const known = seenIn(request.trans);
    const values = (request.values ?? []) as StoredRow[];
    const unseen = [...new Set(values.map((value) => value.seq).filter((seq): seq is number => typeof seq === 'number' && !known.has(seq)))].sort((a, b) => a - b);
    const put = () => {
      try {
        check(known, values);
      } catch (error) {
        return Promise.reject(error as Error);
      }
      return table.mutate(request);
    };
    if (unseen.length === 0) return put();
    const stored = isRun(unseen)
      ? table
          .query({
            trans: request.trans,
            values: true,
            query: { index: table.schema.primaryKey, range: { type: RANGE, lower: unseen[0], upper: unseen.at(-1), lowerOpen: false, upperOpen: false } },
          })
          .then((answer) => answer.result)
      : table.getMany({ trans: request.trans, keys: unseen });
    return stored.then((rows) => {
      note(request.trans, rows);
      return put();
    });
  };

  return {
    stack: 'dbcore',
    name: 'outboxNeverEdited',
    // Under all of Dexie's own middlewares, right above IndexedDB: no write reaches the store without
    // passing here, whichever API made it.
    level: -2,
    create: (down) =>
      withOutboxTable(down, (table) => ({
        ...table,
        get: (request) =>
          table.get(request).then((row: unknown) => {
            note(request.trans, [row]);
            return row;
          }),
        getMany: (request) =>
          table.getMany(request).then((rows) => {
            note(request.trans, rows);
            return rows;
          }),
        query: (request) =>
          table.query(request).then((answer) => {
            if (request.values === true) note(request.trans, answer.result);
            return answer;
          }),
        mutate: (request) =>
          (request.type === 'put' ? guarded(table, request) : table.mutate(request)).then((answer) => {
            // What was written is what is now stored; after a partial failure or a delete, read again.
            if ((request.type === 'add' || request.type === 'put') && answer.numFailures === 0) note(request.trans, request.values);
            else seen.delete(request.trans);
            return answer;
          }),
      })),
  };
}
