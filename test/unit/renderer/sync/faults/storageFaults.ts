import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

/**
 * How a planned write fails:
 * - `killed`: the page dies mid-transaction. The IndexedDB transaction is aborted under the writer, as
 *   when the renderer process goes away before it commits: whatever it wrote before is rolled back.
 * - `quota`: the disk is full. The write fails with the `QuotaExceededError` IndexedDB raises, and
 *   the transaction fails with it.
 */
export type StorageFaultKind = 'killed' | 'quota';

interface PlannedFault {
  table: string;
  kind: StorageFaultKind;
}

/**
 * Breaks one desk database's writes on purpose, below Dexie's API (a DBCore middleware), so the data
 * layer's and the sync engine's own code runs unchanged and meets the failure where IndexedDB would
 * raise it. Install `middleware` on a database before its first use.
 */
export class StorageFaults {
  private planned: PlannedFault | null = null;
  /** How many planned faults have struck. */
  struck = 0;

  /** The next write to `table` (add, put or delete, in any transaction) fails as `kind`. */
  failNextWrite(table: string, kind: StorageFaultKind): void {
    this.planned = { table, kind };
  }

  /** Drops a planned fault that has not struck. */
  cancel(): void {
    this.planned = null;
  }

  private take(table: string): StorageFaultKind | null {
    if (this.planned?.table !== table) return null;
    const { kind } = this.planned;
    this.planned = null;
    this.struck += 1;
    return kind;
  }

  readonly middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'storageFaults',
    create: (down) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) => {
            const kind = this.take(name);
            if (kind === 'killed') {
              request.trans.abort();
              return Promise.reject(new DOMException('The transaction was aborted: the page went away.', 'AbortError'));
            }
            if (kind === 'quota') return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            return table.mutate(request);
          },
        };
      },
    }),
  };
}
