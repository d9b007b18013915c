import { businessDateOf } from '../chineseDate';
import { ledgerSources, type LedgerItem, type LedgerSource } from '../ledger/ledgerItem';
import type { FigureRange } from './ranges';

/** What the ledger's figures read of an item: plain facts, so they work on any store's items. */
export type LedgerItemFacts = Pick<LedgerItem, 'source' | 'status' | 'dueDate' | 'updatedAt'>;

export interface LedgerFigures {
  /** Items not closed (待督办 and 督办中), as of today. */
  open: number;
  /** Open items past their due date today. */
  overdue: number;
  /** Items closed within the range, and those of them closed by their due date. */
  closed: number;
  closedOnTime: number;
  closedOnTimeRate: number | null;
  /** Open items by source. */
  openBySource: Record<LedgerSource, number>;
}

/**
 * The ledger's figures: open and overdue as of `today`, closed (on time) within `range`. An item's closing
 * day is the business date of its last change, which for a closed item is the closing (a closed item is not
 * changed again without reopening it).
 */
export function ledgerFiguresOf(items: readonly LedgerItemFacts[], range: FigureRange, today: string): LedgerFigures {
  const openBySource = Object.fromEntries(ledgerSources.map((source) => [source, 0])) as Record<LedgerSource, number>;
  let open = 0;
  let overdue = 0;
  let closed = 0;
  let closedOnTime = 0;
  for (const item of items) {
    if (item.status !== 'closed') {
      open += 1;
      openBySource[item.source] += 1;
      if (today > item.dueDate) overdue += 1;
      continue;
    }
    const closedOn = businessDateOf(item.updatedAt);
    if (closedOn < range.from || closedOn > range.to) continue;
    closed += 1;
    if (closedOn <= item.dueDate) closedOnTime += 1;
  }
  return { open, overdue, closed, closedOnTime, closedOnTimeRate: closed === 0 ? null : closedOnTime / closed, openBySource };
}
