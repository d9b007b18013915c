import type { CaseId } from '../domain/cases/caseId';
import { caseFields, type CaseField } from '../domain/cases/caseRecord';
import { followUpRejection, openRejections, type RejectionFollowUp } from '../domain/cases/rejectionFollowUp';
import { casesMessages as domainMessages } from '../domain/cases/messages';
import { actingClerk, caseEventOps, caseOp, caseSubject, requireCase, runCaseWrite, type CaseChange, type WriteContext } from './caseWrite';
import { chinaIso } from './clock';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { appendOps, opCaseId, type OpDraft } from './outbox';
import type { CaseRow, OutboxRow } from './records';
import { Refusal } from './refusal';
import { freshened } from './search/keyTiers';
import { currentWriteTransaction } from './transaction';

/**
 * Ops of a case HQ rejected (outbox state 被退回), shown on the case until the clerk follows each up:
 * 重新发送 (the op again, a case op with the case's values as they now stand, so a correction made since
 * goes with it) or 不再发送 with a reason. The follow-up is a `rejectionHandled` timeline entry, sent to
 * HQ with the audit entry in the same transaction; the outbox row itself is never changed.
 */

/**
 * What may be sent again: the case's own data, its timeline and its checklist. Printed documents, sheets
 * and handovers record paper that exists; sent twice they would count twice in the day's figures, so
 * their rejection is given up with a reason and settled with HQ.
 */
const resendable: ReadonlySet<OutboxRow['entity']> = new Set(['case', 'caseEvent', 'checklistEvent']);

export function canResend(row: OutboxRow): boolean {
  return resendable.has(row.entity);
}

async function rejectedRows(db: DeskDatabase): Promise<OutboxRow[]> {
  return db.outbox.where('[state+seq]').between(['rejected', 0], ['rejected', Number.MAX_SAFE_INTEGER], true, true).toArray();
}

/**
 * Every rejected op, and per case with any its rejected ops not yet followed up, oldest first; with how
 * many were followed up. Rejections are few: all are read.
 */
async function sortedRejections(db: DeskDatabase): Promise<{ rejected: number; open: Map<CaseId, OutboxRow[]>; followedUp: number }> {
  return guardStorage(() =>
    db.transaction('r', [db.outbox, db.cases], async () => {
      const rows = await rejectedRows(db);
      const byCase = new Map<CaseId, OutboxRow[]>();
      for (const row of rows) {
        // A follow-up HQ rejected in turn (the case itself unknown to HQ, say) stays in the outbox only:
        // marking it would ask for a follow-up of the follow-up.
        if (row.op.entity === 'caseEvent' && row.op.payload.event.type === 'rejectionHandled') continue;
        const caseId = opCaseId(row);
        if (caseId !== null) byCase.set(caseId, [...(byCase.get(caseId) ?? []), row]);
      }
      const cases = await db.cases.bulkGet([...byCase.keys()]);
      const open = new Map<CaseId, OutboxRow[]>();
      let followedUp = 0;
      for (const caseRow of cases) {
        if (caseRow === undefined) continue;
        const caseRows = byCase.get(caseRow.id)!;
        const seqs = new Set(openRejections(caseRows.map((row) => row.seq), caseRow.state.timeline));
        followedUp += caseRows.length - seqs.size;
        if (seqs.size > 0) open.set(caseRow.id, caseRows.filter((row) => seqs.has(row.seq)));
      }
      return { rejected: rows.length, open, followedUp };
    }),
  );
}

/** Per case with any, its rejected ops not yet followed up, oldest first. */
export async function openRejectionsByCase(db: DeskDatabase): Promise<Map<CaseId, OutboxRow[]>> {
  return (await sortedRejections(db)).open;
}

/**
 * How many rejected ops still wait for the clerk: all but those followed up on their case (a follow-up
 * leaves the rejected op in the outbox as HQ answered it, so its state alone would count it forever).
 */
export async function waitingRejectionCount(db: DeskDatabase): Promise<number> {
  const { rejected, followedUp } = await sortedRejections(db);
  return rejected - followedUp;
}

/** The case's rejected ops not yet followed up, oldest first. */
export async function openCaseRejections(db: DeskDatabase, caseId: CaseId): Promise<OutboxRow[]> {
  return (await openRejectionsByCase(db)).get(caseId) ?? [];
}

/** The op again, as a new op: a case op with the fields it carried, at their values now. */
function resentOps(row: CaseRow, rejected: OutboxRow, clerk: WriteContext['clerk'], at: string): OpDraft[] {
  const { op } = rejected;
  if (op.entity === 'case') return caseOp(row, caseFields.filter((field: CaseField) => field in op.payload), clerk, at);
  // The same event (same id: a rejected op left nothing at HQ), sent as a new op by this clerk now.
  if (op.entity === 'caseEvent') return [{ entity: op.entity, entityId: op.entityId, payload: op.payload, clerkId: clerk.id, at }];
  if (op.entity === 'checklistEvent') return [{ entity: op.entity, entityId: op.entityId, payload: op.payload, clerkId: clerk.id, at }];
  throw new Refusal(domainMessages.rejections.notResendable);
}

/**
 * Follows up the rejected op `seq` of the case: `resent` appends it again (see `resentOps`), `dismissed`
 * needs a reason. Refused for an op that is not this case's, not rejected, or followed up already.
 */
export async function followUpRejectedOp(
  db: DeskDatabase,
  caseId: CaseId,
  followUp: { seq: number; action: RejectionFollowUp; reason: string | null },
  context: WriteContext,
): Promise<CaseChange<CaseRow>> {
  const at = chinaIso(context.at ?? new Date());
  const audit = {
    at,
    clerkId: context.clerk.id,
    action: 'case.followUpRejection',
    subject: caseSubject(caseId),
    details: { opSeq: followUp.seq, action: followUp.action, reason: followUp.reason },
  };
  return runCaseWrite(db, audit, async () => {
    const [clerk, row, rejected] = await Promise.all([actingClerk(db, context.clerk), requireCase(db, caseId), db.outbox.get(followUp.seq)]);
    if (rejected === undefined || rejected.state !== 'rejected' || opCaseId(rejected) !== caseId) throw new Refusal(domainMessages.rejections.notRejected);
    const followed = followUpRejection(row.state, { opSeq: followUp.seq, action: followUp.action, reason: followUp.reason }, { clerkId: clerk.id, at });
    if (!followed.ok) throw new Refusal(followed.message);
    const after: CaseRow = freshened({ ...row, state: followed.state, updatedAt: at });
    const again = followUp.action === 'resent' ? resentOps(after, rejected, clerk, at) : [];
    await Promise.all([db.cases.put(after), appendOps(currentWriteTransaction(), [...again, ...caseEventOps(caseId, [followed.event], clerk, at)])]);
    return after;
  });
}
