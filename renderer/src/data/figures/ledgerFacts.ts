import type { LedgerItemFacts } from '../../domain/figures/ledgerFigures';
import type { DeskDatabase } from '../db';

/**
 * The 督办台账's items as the figures count them: every item the desk holds (the ledger is the hall's, pulled
 * by every window, so its figures are hall-wide whatever scope the cases are counted for), reduced to the
 * plain fields the arithmetic reads.
 */
export async function readLedgerItemFacts(db: DeskDatabase): Promise<LedgerItemFacts[]> {
  const rows = await db.ledgerItems.toArray();
  return rows.map(({ source, status, dueDate, updatedAt }) => ({ source, status, dueDate, updatedAt }));
}
