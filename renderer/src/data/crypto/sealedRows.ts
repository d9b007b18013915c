import Dexie, { type DBCore, type DBCoreCursor, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { requireDeskKeys } from './deskKeys';
import { isRestingRow, isSealedTable, openRow, sealRow, type SealedTableName } from './sealedFields';

/**
 * Keeps an IndexedDB transaction alive while `work` (WebCrypto, which IndexedDB does not wait for) runs:
 * a transaction with no request pending commits as soon as the page goes back to the event loop, so a
 * cheap read is kept pending meanwhile, and the answer is handed on from inside that read's success
 * callback, where the transaction is active and the layer above can go on with its next request.
 */
function holdOpen<T>(trans: DBCoreTransaction, storeName: string, work: () => Promise<T>): Promise<T> {
  return new Dexie.Promise<T>((resolve, reject) => {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
    let detached = false;
    const finish = () => (outcome!.ok ? resolve(outcome!.value) : reject(outcome!.error));
    const spin = () => {
      let request: IDBRequest;
      try {
        request = (trans as unknown as IDBTransaction).objectStore(storeName).count(-Infinity);
      } catch {
        // The transaction has ended (nothing more can be asked of it): hand the answer on when it comes.
        detached = true;
        if (outcome !== null) finish();
        return;
      }
      request.onsuccess = () => (outcome === null ? spin() : finish());
      request.onerror = (event) => {
        event.preventDefault();
        detached = true;
        if (outcome !== null) finish();
      };
    };
    work().then(
      (value) => {
        outcome = { ok: true, value };
        if (detached) finish();
      },
      (error: unknown) => {
        outcome = { ok: false, error };
        if (detached) finish();
      },
    );
    spin();
  });
}

type Row = Record<string, unknown>;

/** Each row this page opened, as it rests (its plain fields and its sealed part), while the opened row lives. */
const restingForms = new WeakMap<object, Row>();

/**
 * The row as it rests, for a row read through the middleware and not changed since: a writer that changes
 * only plain fields (the search keys, `data/search/rekey.ts`) writes this with its new plain fields, and
 * the middleware stores it as it is, without sealing the personal part again. Undefined for a row that
 * rests plain (not sealed yet): it is written as any row, sealed on the way down.
 */
export function restingFormOf<T extends object>(opened: T): T | undefined {
  return restingForms.get(opened) as T | undefined;
}

function sealedTable(table: DBCoreTable, name: SealedTableName, keys: () => Promise<CryptoKey>): DBCoreTable {
  const primaryKeyOf = (row: unknown) => table.schema.primaryKey.extractKey!(row) as unknown;
  const open = <T>(row: T) =>
    row === undefined || row === null
      ? Promise.resolve(row)
      : keys().then(async (key) => {
          const opened = await openRow(key, name, row, primaryKeyOf(row));
          if (opened !== row && typeof opened === 'object' && opened !== null) restingForms.set(opened, row as Row);
          return opened;
        });
  const openAll = (trans: DBCoreTransaction, rows: readonly unknown[]) => holdOpen(trans, name, () => Promise.all(rows.map(open)));

  /** A cursor whose `value` is the opened row: each step is opened before the reader's callback runs. */
  const openingCursor = (cursor: DBCoreCursor): DBCoreCursor => {
    let value: unknown;
    const wrapped: DBCoreCursor = {
      get trans() {
        return cursor.trans;
      },
      get key(): unknown {
        return cursor.key;
      },
      get primaryKey(): unknown {
        return cursor.primaryKey;
      },
      get value() {
        return value;
      },
      get done() {
        return cursor.done;
      },
      continue: (key?: unknown) => cursor.continue(key),
      continuePrimaryKey: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey),
      advance: (count: number) => cursor.advance(count),
      stop: (result?: unknown) => cursor.stop(result),
      fail: (error: Error) => cursor.fail(error),
      start: (onNext) =>
        cursor.start(() => {
          holdOpen(cursor.trans, name, () => open(cursor.value as unknown)).then(
            (opened) => {
              value = opened;
              onNext();
            },
            (error: unknown) => cursor.fail(error as Error),
          );
        }),
      next: () => {
        let gotOne = true;
        return wrapped
          .start(() => {
            if (gotOne) {
              gotOne = false;
              wrapped.continue();
            } else wrapped.stop();
          })
          .then(() => wrapped);
      },
    };
    return wrapped;
  };

  return {
    ...table,
    mutate: (request) => {
      if (request.type !== 'add' && request.type !== 'put') return table.mutate(request);
      const values = request.values as readonly Row[];
      // Rows already as they rest (see `restingFormOf`) go down as they are, with no wait for WebCrypto.
      if (values.every((row) => isRestingRow(name, row))) return table.mutate(request);
      return holdOpen(request.trans, name, async () => {
        const key = await keys();
        // Sealed together, then written in one request: a bulk write costs one wait, not one per row.
        return Promise.all(values.map((row) => (isRestingRow(name, row) ? row : sealRow(key, name, row, primaryKeyOf(row)))));
      }).then((sealed) => table.mutate({ ...request, values: sealed }));
    },
    get: (request) => table.get(request).then((row: unknown) => (row === undefined ? row : openAll(request.trans, [row]).then(([opened]) => opened))),
    getMany: (request) => table.getMany(request).then((rows) => openAll(request.trans, rows)),
    query: (request) =>
      table.query(request).then((answer) => (request.values ? openAll(request.trans, answer.result).then((result) => ({ ...answer, result })) : answer)),
    openCursor: (request) => table.openCursor(request).then((cursor) => (cursor === null || !request.values ? cursor : openingCursor(cursor))),
  };
}

/**
 * Personal data rests sealed (ARCHITECTURE.md, "Security"): under Dexie's API, right above IndexedDB, the
 * tables of `sealedTables` seal each row's personal part as it is written and open it as it is read, so
 * every reader and writer (screens, live queries, sync, day close, search, backup) sees plain rows and
 * nothing else stores them plain. A page without the desk's key can neither write nor read them.
 */
export function sealedRows(keys: () => Promise<CryptoKey> = () => requireDeskKeys().then((desk) => desk.encryption)): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'sealedRows',
    // Below the outbox guard (level -2), which compares ops as their writers see them.
    level: -3,
    create: (down) => {
      const wrapped = new Map<string, DBCoreTable>();
      return {
        ...down,
        table: (name: string) => {
          if (!isSealedTable(name)) return down.table(name);
          let table = wrapped.get(name);
          if (table === undefined) {
            table = sealedTable(down.table(name), name, keys);
            wrapped.set(name, table);
          }
          return table;
        },
      };
    },
  };
}
