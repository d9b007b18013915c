import type { CaseRecordEvent } from '../domain/cases/caseHistory';
import type { CaseId } from '../domain/cases/caseId';
import { caseCommitmentChecks, commitmentCheckEvent } from './commitments';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import type { CaseRow, OutboxRow } from './records';

/**
 * What became of a case's paper at every window: this desk's (`deskCode`) documents, licence sheets and
 * handover as its outbox ops record them (every print, reprint and void, with who and when — the archive
 * keeps only each document's last state), and the other windows' as HQ relayed them onto the case; with
 * the 核查 results of its commitments, every window's.
 */
export async function casePaperEvents(db: DeskDatabase, row: CaseRow, deskCode: string | null): Promise<CaseRecordEvent[]> {
  // Ops are keyed by seq and entity id, not by case: the desk's own ops are read through once.
  const [ops, checks] = await Promise.all([
    guardStorage(() => db.outbox.filter((outbox) => paperEventOfOp(outbox, row.id, deskCode) !== null).toArray()),
    caseCommitmentChecks(db, row.id),
  ]);
  return [...ops.flatMap((outbox) => paperEventOfOp(outbox, row.id, deskCode) ?? []), ...(row.otherPaperEvents ?? []), ...checks.map(commitmentCheckEvent)];
}

/** The op as a paper event of the case (done at `deskCode`), or null when it is none. */
function paperEventOfOp(outbox: OutboxRow, caseId: CaseId, deskCode: string | null): CaseRecordEvent | null {
  const { op } = outbox;
  const meta = { id: op.entityId, at: op.at, clerkId: op.clerkId, deskCode };
  if (op.entity === 'documentEvent' && op.payload.caseId === caseId) return { ...meta, entity: op.entity, payload: op.payload };
  if (op.entity === 'licenceSheetEvent' && op.payload.caseId === caseId) return { ...meta, entity: op.entity, payload: op.payload };
  if (op.entity === 'handover' && op.payload.caseId === caseId) return { ...meta, entity: op.entity, payload: op.payload };
  return null;
}
