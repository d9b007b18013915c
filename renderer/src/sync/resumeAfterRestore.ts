import { guardStorage } from '../data/dataError';
import { backupMessages } from '../data/backup/messages';
import { finishResume, renumberAbove, unacknowledgedFrom } from '../data/backup/resumeOutbox';
import { readRestoredFrom } from '../data/backup/restoreBackup';
import { recordResults } from '../data/outbox';
import { protocolLimits } from '../protocol/common';
import { failureOfHq, type PhaseFailure, type SyncContext } from './syncContext';

/**
 * The first sync after a restore. HQ may hold ops this desk made after its backup: an empty push asks
 * HQ's lastSeq for the desk. The backup's unacknowledged ops at seqs HQ has used are sent as they are:
 * HQ answers the ones it received (the old desk sent them after the backup) as duplicates; at the first
 * seq HQ holds another op for, the rest were never received and are renumbered above HQ's lastSeq. Then
 * the desk numbers above HQ's lastSeq, the pull brings its own later cases back (see `pullChanges`), and
 * the clerk is told what could not be recovered. Runs once; a failure is retried by the next pass.
 */
export async function resumeAfterRestore(ctx: SyncContext): Promise<PhaseFailure | null> {
  const { db } = ctx;
  const restored = await guardStorage(() => readRestoredFrom(db));
  if (restored === null || restored.notice !== null) return null;
  const probe = await ctx.transport.push({ ops: [] });
  if (!probe.ok) return failureOfHq(probe.failure);
  const hqLastSeq = probe.value.lastSeq;

  let renumbered = 0;
  let from = 1;
  for (;;) {
    const rows = (await guardStorage(() => unacknowledgedFrom(db, from))).filter((row) => row.seq <= hqLastSeq).slice(0, protocolLimits.maxOpsPerPush);
    if (rows.length === 0) break;
    const answer = await ctx.transport.push({ ops: rows.map((row) => row.op) });
    if (answer.ok) {
      await recordResults(db, answer.value.results);
      from = rows.at(-1)!.seq + 1;
      continue;
    }
    const failure = answer.failure;
    if (failure.kind !== 'seqConflict') return failureOfHq(failure);
    const unknownToHq = await guardStorage(() => unacknowledgedFrom(db, failure.seq));
    renumbered = (await guardStorage(() => renumberAbove(db, unknownToHq, hqLastSeq))).length;
    break;
  }
  const kept = (await guardStorage(() => unacknowledgedFrom(db, hqLastSeq + 1))).length;
  const notice = backupMessages.resumed({ backupCreatedAt: restored.backupCreatedAt, backupLastSeq: restored.outboxLastSeq, hqLastSeq, kept, renumbered });
  await guardStorage(() => finishResume(db, restored, hqLastSeq, notice));
  return null;
}
