import type { HqStore } from './store';

/**
 * One page of the hall's changes after `cursor`, serialised straight from the stored JSON (a page of
 * 500 cases is parsed by nobody on the way out).
 */
export function pullPage(store: HqStore, hallCode: string, cursor: number, limit: number): string {
  const rows = store.changesAfter(hallCode, cursor, limit + 1);
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const nextCursor = page.at(-1)?.seq ?? cursor;
  const changes = page.map(
    (row) =>
      `{"seq":${row.seq},"entity":${JSON.stringify(row.entity)},"entityId":${JSON.stringify(row.entityId)},` +
      `"version":${row.version},"op":${JSON.stringify(row.op)},"data":${row.data ?? 'null'}}`,
  );
  return `{"changes":[${changes.join(',')}],"nextCursor":${nextCursor},"hasMore":${hasMore}}`;
}
