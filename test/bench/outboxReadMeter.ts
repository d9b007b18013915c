import type { DBCore, Middleware } from 'dexie';
import { withOutboxTable } from '../../renderer/src/data/outboxGuard';

/**
 * The most outbox rows one read returns (get, getMany, query), measured under Dexie as a DBCore
 * middleware, so the sync engine's own reads are counted unchanged. Install before the database opens.
 */
export class OutboxReadMeter {
  largestRead = 0;

  private saw(rows: number): void {
    this.largestRead = Math.max(this.largestRead, rows);
  }

  readonly middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'outboxReadMeter',
    create: (down) =>
      withOutboxTable(down, (table) => ({
        ...table,
        get: async (request) => {
          const row: unknown = await table.get(request);
          this.saw(row === undefined ? 0 : 1);
          return row;
        },
        getMany: async (request) => {
          const rows = await table.getMany(request);
          this.saw(rows.filter((row) => row !== undefined).length);
          return rows;
        },
        query: async (request) => {
          const answer = await table.query(request);
          this.saw(answer.result.length);
          return answer;
        },
      })),
  };
}
