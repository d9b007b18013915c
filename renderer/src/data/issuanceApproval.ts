import type { CaseEvent } from '../domain/cases/caseEvents';
import type { CaseId } from '../domain/cases/caseId';
import { caseStatusLabels } from '../domain/cases/caseStatus';
import { writeWithAudit } from './audit';
import { actingClerk, caseEventOps, caseSubject, caseWriteTables, requireCase, type WriteContext } from './caseWrite';
import { requireApprover, verifyChiefApproval, type ChiefCredentials } from './chiefApproval';
import { chinaIso } from './clock';
import { requirePermission } from './clerks';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { requireDeskIdentity } from './desk';
import { freshened } from './search/keyTiers';
import { issuanceDataMessages } from './issuanceMessages';
import { appendOps } from './outbox';
import type { CaseRow } from './records';
import { Refusal, refusalsAsResults, type ChangeResult } from './refusal';
import { currentWriteTransaction } from './transaction';

const m = issuanceDataMessages.offline;

/**
 * Issuing a licence while HQ cannot be reached to claim it. HQ gives one window at a time the right to
 * issue a case; without HQ this window cannot know whether another has issued already, so the chief
 * approves on the spot (login name and password, as for a void), having read the warning. The approval
 * goes on the case's timeline, with the chief's name, for every window and HQ to see, and to the audit log.
 */

/** The chief's approval of an offline issuance at this window, if the case's timeline holds one. */
export function offlineApprovalOf(row: Pick<CaseRow, 'state'>, deskCode: string): Extract<CaseEvent, { type: 'offlineIssuanceApproved' }> | undefined {
  return row.state.timeline.find((event): event is Extract<CaseEvent, { type: 'offlineIssuanceApproved' }> => event.type === 'offlineIssuanceApproved' && event.deskCode === deskCode);
}

/**
 * Records the chief's approval to issue the case at this window without HQ's claim: checks the chief's
 * password (refused and audited when wrong), then appends the timeline entry and its op for HQ, with the
 * audit entry, in one write. Only for a case waiting for its licence.
 */
export async function approveOfflineIssuance(db: DeskDatabase, caseId: CaseId, credentials: ChiefCredentials, context: WriteContext): Promise<ChangeResult<CaseRow>> {
  const at = chinaIso(context.at ?? new Date());
  const approval = await verifyChiefApproval(db, credentials, { action: 'licence.issueOffline', requestedBy: context.clerk, now: new Date(at) });
  if (!approval.ok) return approval;
  const chief = approval.value;
  const audit = { at, clerkId: context.clerk.id, action: 'issuance.offlineApproval', subject: caseSubject(caseId), details: { approvedBy: chief.id } };
  return refusalsAsResults(() =>
    guardStorage(async () => {
      const { value } = await writeWithAudit(db, caseWriteTables(db), audit, async () => {
        const clerk = await actingClerk(db, context.clerk);
        await requirePermission(db, clerk, 'licence.print', m.notPermitted);
        await requireApprover(db, chief, 'licence.issueOffline');
        const { deskCode } = await requireDeskIdentity(db);
        const row = await requireCase(db, caseId);
        if (row.statusCode !== 'awaitingIssuance') throw new Refusal(m.notAwaitingIssuance(caseStatusLabels[row.statusCode]));
        const known = offlineApprovalOf(row, deskCode);
        if (known !== undefined) return row;
        const timeline = row.state.timeline;
        const event: CaseEvent = { seq: Math.max(0, ...timeline.map((entry) => entry.seq)) + 1, at, clerkId: clerk.id, type: 'offlineIssuanceApproved', approvedBy: chief.displayName, deskCode };
        const approved: CaseRow = { ...row, state: { ...row.state, timeline: [...timeline, event] }, updatedAt: at };
        await db.cases.put(freshened(approved));
        await appendOps(currentWriteTransaction(), caseEventOps(caseId, [event], clerk, at));
        return approved;
      });
      return value;
    }),
  );
}
