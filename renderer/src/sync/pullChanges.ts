import { readRestoredFrom } from '../data/backup/restoreBackup';
import { activeCatalogue } from '../data/catalogueStore';
import { changesLedgerInputs, notePulledCaseChanges } from '../data/ledger/ledgerUpkeep';
import { readPullCursor } from '../data/syncState';
import { protocolLimits } from '../protocol/common';
import { applyPullPage } from './applyPullPage';
import { syncMessages } from './messages';
import { failureOfHq, type PhaseFailure, type SyncContext } from './syncContext';

/**
 * Pulls the hall's changes from the saved cursor, page by page, until HQ has no more. Each page is
 * applied with its cursor in one transaction, so a pull cut off mid-way resumes from the last whole page.
 */
export async function pullChanges(ctx: SyncContext, deskId: string): Promise<PhaseFailure | null> {
  const catalogue = (await activeCatalogue(ctx.db)).data;
  let cursor = await readPullCursor(ctx.db, deskId);
  const restored = (await readRestoredFrom(ctx.db)) !== null;
  for (;;) {
    const answer = await ctx.transport.pull({ cursor, limit: protocolLimits.maxPullLimit });
    if (!answer.ok) return failureOfHq(answer.failure);
    const page = answer.value;
    if (page.changes.length > 0 || page.nextCursor !== cursor) await applyPullPage(ctx.db, page, { deskId, catalogue, restored });
    // After the page is stored: the ledger's derived items are brought up to the cases it brought.
    if (changesLedgerInputs(page.changes)) notePulledCaseChanges();
    if (!page.hasMore) return null;
    if (page.nextCursor <= cursor) return { kind: 'failed', message: syncMessages.cursorStuck };
    cursor = page.nextCursor;
  }
}
