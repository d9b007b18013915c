import { chinaIso } from '../clock';
import type { LedgerFollowUpRecord, LedgerItem, LedgerItemId } from '../../domain/ledger/ledgerItem';
import type { PullChange } from '../../protocol/pull';
import type { DeskDatabase } from '../db';
import type { OutboxState } from '../records';
import { ledgerRowOf, type LedgerFollowUpRow, type LedgerItemRow } from './ledgerRows';

/** Ops HQ has not answered yet: the item's local state is newer than what HQ sends until they are. */
const unanswered: ReadonlySet<OutboxState> = new Set<OutboxState>(['pending', 'sending']);

/** Which follow-ups are already here: this desk's own (unless it was restored from a backup). */
export interface LedgerPullContext {
  deskId: string;
  restored?: boolean;
}

/**
 * Inside the pull's read-write transaction (covering ledgerItems, ledgerFollowUps, cases and outbox),
 * after the page's cases are written: keeps the hall's ledger items as HQ holds them and the follow-ups of
 * other windows. An item this desk changed and has not had answered keeps its local state (HQ will apply
 * the change and send it back), taking only HQ's version. An item's green-card flag comes from its case.
 */
export async function applyPulledLedgerChanges(db: DeskDatabase, changes: readonly PullChange[], context: LedgerPullContext): Promise<void> {
  const items = new Map<LedgerItemId, { item: LedgerItem; version: number }>();
  const followUps: LedgerFollowUpRow[] = [];
  for (const change of changes) {
    if (change.op !== 'upsert') continue;
    // HQ's stream keeps each entity's latest state, so a later change of the same item supersedes.
    if (change.entity === 'ledgerItem') items.set(change.data.id, { item: change.data, version: change.version });
    else if (change.entity === 'ledgerFollowUp' && (context.restored === true || change.data.deskId !== context.deskId)) followUps.push(followUpRowOf(change.data));
  }
  if (items.size > 0) {
    const ids = [...items.keys()];
    const [local, pending, cases] = await Promise.all([
      db.ledgerItems.bulkGet(ids),
      db.outbox.where('entityId').anyOf(ids).toArray(),
      db.cases.bulkGet([...new Set([...items.values()].map(({ item }) => item.caseId))]),
    ]);
    const waiting = new Set(pending.filter((row) => unanswered.has(row.state)).map((row) => row.entityId));
    const greenCase = new Map(cases.flatMap((row) => (row === undefined ? [] : [[row.id, row.enterprise.greenCard] as const])));
    const rows: LedgerItemRow[] = ids.map((id, index) => {
      const { item, version } = items.get(id)!;
      const here = local[index];
      if (here !== undefined && waiting.has(id)) return { ...here, hqVersion: version };
      return ledgerRowOf(item, greenCase.get(item.caseId) ?? (here?.greenCard === 1 || item.source === 'greenCard'), version);
    });
    await db.ledgerItems.bulkPut(rows);
  }
  if (followUps.length > 0) await db.ledgerFollowUps.bulkPut(followUps);
}

/** Another window's follow-up as this desk keeps it. */
export function followUpRowOf(record: LedgerFollowUpRecord): LedgerFollowUpRow {
  const { deskId: _deskId, deskCode, clerkName, recordedAt, at, ...rest } = record;
  return { ...rest, at: chinaIso(at), recordedAt: chinaIso(recordedAt), deskCode: deskCode ?? null, ...(clerkName !== undefined && { clerkName }) };
}
