/**
 * 服务绿卡 priority: a green-card enterprise's cases are served before everyone else's — in the day's
 * queue, in 出证 and in the ledger. Level 1 comes before 2 before 3; cases of no card follow. Within a
 * level the order the caller gave (arrival, approval time) stands, so priority never reshuffles a queue
 * beyond lifting the cards to its top.
 */

/** The card's level (1 served first), or null for a case of no green card. */
export type PriorityOf<T> = (item: T) => number | null;

export function greenCardsFirst<T>(items: readonly T[], priorityOf: PriorityOf<T>): T[] {
  const rank = (item: T) => priorityOf(item) ?? Number.POSITIVE_INFINITY;
  // Array.prototype.sort is stable (ES2019), so equal ranks keep the caller's order.
  return items
    .map((item, index) => ({ item, index, rank: rank(item) }))
    .sort((a, b) => (a.rank === b.rank ? a.index - b.index : a.rank - b.rank))
    .map((entry) => entry.item);
}
