import type { CaseId } from '../domain/cases/caseId';
import { acknowledgeConflicts as acknowledged } from '../domain/cases/standingDecision';
import { actingClerk, caseEventOps, caseSubject, requireCase, runCaseWrite, type CaseChange, type WriteContext } from './caseWrite';
import { chinaIso } from './clock';
import type { DeskDatabase } from './db';
import { dataMessages } from './messages';
import { appendOps } from './outbox';
import type { CaseRow } from './records';
import { Refusal } from './refusal';
import { freshened } from './search/keyTiers';
import { currentWriteTransaction } from './transaction';

/**
 * 已知悉: the clerk saw that HQ kept other values than this window's on the case (another window's
 * decision, say) and what to do about it. The mark goes; the timeline records who saw it and when, and
 * the entry goes to HQ as an op, with the audit entry, in the same transaction.
 */
export async function acknowledgeCaseConflicts(db: DeskDatabase, caseId: CaseId, context: WriteContext): Promise<CaseChange<CaseRow>> {
  const at = chinaIso(context.at ?? new Date());
  const before = await db.cases.get(caseId);
  const audit = {
    at,
    clerkId: context.clerk.id,
    action: 'case.acknowledgeConflicts',
    subject: caseSubject(caseId),
    details: {
      caseNumber: before?.caseNumber ?? null,
      // What the clerk was shown: each field with both values (as JSON text) and when this window changed it.
      conflicts: (before?.conflicts ?? []).map((conflict) => ({
        field: conflict.field,
        deskValue: JSON.stringify(conflict.deskValue ?? null),
        hqValue: JSON.stringify(conflict.hqValue ?? null),
        at: conflict.at,
      })),
    },
  };
  return runCaseWrite(db, audit, async () => {
    const [clerk, row] = await Promise.all([actingClerk(db, context.clerk), requireCase(db, caseId)]);
    if (row.conflicts.length === 0) throw new Refusal(dataMessages.cases.noConflicts);
    const { state, event } = acknowledged(row.state, row.conflicts.map((conflict) => conflict.field), { clerkId: clerk.id, at });
    const after: CaseRow = freshened({ ...row, state, conflicts: [], updatedAt: at });
    await Promise.all([db.cases.put(after), appendOps(currentWriteTransaction(), caseEventOps(caseId, [event], clerk, at))]);
    return after;
  });
}
