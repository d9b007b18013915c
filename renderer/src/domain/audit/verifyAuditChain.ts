import { auditEntrySchema, GENESIS_HASH, hashAuditEntry, type AuditEntry, type AuditHead } from './auditEntry';
import { auditMessages } from './messages';

export type AuditTamperKind = 'malformed' | 'edited' | 'deleted' | 'reordered' | 'inserted';

export type AuditChainVerdict =
  | { ok: true; head: AuditHead | null }
  | { ok: false; kind: AuditTamperKind; brokenAtSeq: number; message: string };

export interface VerifyAuditChainOptions {
  /**
   * The head as last written, kept apart from the log (null: the log should be empty). Without it a
   * deleted tail leaves a shorter chain that is still perfectly consistent and cannot be noticed.
   */
  expectedHead?: AuditHead | null;
}

function broken(kind: AuditTamperKind, brokenAtSeq: number, message: string): AuditChainVerdict {
  return { ok: false, kind, brokenAtSeq, message };
}

/**
 * Walks the log in the given order (oldest first) and reports the first place where it is not what was
 * written: an entry whose content no longer matches its hash, a link that no longer matches the entry
 * before, a missing number, numbers out of order, an extra entry; and, with `expectedHead`, a cut-off or
 * rewritten tail.
 */
export async function verifyAuditChain(
  entries: readonly AuditEntry[],
  options: VerifyAuditChainOptions = {},
): Promise<AuditChainVerdict> {
  let prevHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const expectedSeq = index + 1;
    if (!auditEntrySchema.safeParse(entry).success) {
      const seq = Number.isInteger(entry?.seq) ? entry.seq : expectedSeq;
      return broken('malformed', seq, auditMessages.malformed(seq));
    }
    if (entry.seq < expectedSeq) return broken('inserted', entry.seq, auditMessages.duplicated(entry.seq));
    if (entry.seq > expectedSeq) {
      const movedLater = entries.slice(index + 1).some((later) => later.seq === expectedSeq);
      return movedLater
        ? broken('reordered', expectedSeq, auditMessages.reordered(expectedSeq))
        : broken('deleted', expectedSeq, auditMessages.deleted(expectedSeq, entry.seq - 1));
    }
    if ((await hashAuditEntry(entry)) !== entry.hash) return broken('edited', entry.seq, auditMessages.edited(entry.seq));
    if (entry.prevHash !== prevHash) {
      // This entry is intact, so what changed is the one it was chained to, after this one was written.
      return entry.seq === 1
        ? broken('edited', 1, auditMessages.firstNotFromGenesis)
        : broken('edited', entry.seq - 1, auditMessages.editedBeforeNext(entry.seq - 1));
    }
    prevHash = entry.hash;
  }

  const last = entries.at(-1);
  const head: AuditHead | null = last === undefined ? null : { seq: last.seq, hash: last.hash };
  if (options.expectedHead === undefined) return { ok: true, head };
  const lastSeq = head?.seq ?? 0;
  const expectedSeq = options.expectedHead?.seq ?? 0;
  if (lastSeq < expectedSeq) return broken('deleted', lastSeq + 1, auditMessages.deletedAtEnd(lastSeq + 1, expectedSeq));
  if (lastSeq > expectedSeq) return broken('inserted', expectedSeq + 1, auditMessages.beyondHead(expectedSeq + 1));
  if (head !== null && head.hash !== options.expectedHead?.hash) {
    return broken('edited', head.seq, auditMessages.headRewritten(head.seq));
  }
  return { ok: true, head };
}
