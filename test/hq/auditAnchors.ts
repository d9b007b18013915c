import type { AuditPoint } from '../../renderer/src/protocol/auditAnchor';
import type { HqStore } from './store';

/**
 * Checks a push's or close-day's audit anchor and head against the heads the desk sent before, and keeps
 * the new head. Never refuses: a desk whose log does not continue what it sent is still synced, and the
 * operator is told (an alert). Runs inside the caller's transaction.
 */
export function receiveAuditHead(
  store: HqStore,
  deskId: string,
  request: { auditHead?: AuditPoint; anchor?: AuditPoint },
  nowIso: string,
): { anchorSeq?: number; auditAlert?: true } {
  let alert = false;
  const { anchor, auditHead } = request;
  if (anchor !== undefined) {
    const stored = store.auditHeadAt(deskId, anchor.seq);
    if (stored !== undefined && stored !== anchor.hash) {
      store.insertAuditAlert({ deskId, reason: 'anchorMismatch', seq: anchor.seq, storedHash: stored, receivedSeq: anchor.seq, receivedHash: anchor.hash, at: nowIso });
      alert = true;
    }
  }
  if (auditHead !== undefined) {
    // Against the head received last, so a log that went backwards once is reported once and then followed.
    const latest = store.latestAuditHead(deskId);
    if (latest !== undefined && auditHead.seq < latest.seq) {
      store.insertAuditAlert({ deskId, reason: 'headBackwards', seq: latest.seq, storedHash: latest.hash, receivedSeq: auditHead.seq, receivedHash: auditHead.hash, at: nowIso });
      alert = true;
    }
    if (latest?.seq !== auditHead.seq || latest.hash !== auditHead.hash) store.insertAuditHead(deskId, auditHead, nowIso);
  }
  // The head just received is the next anchor; a request without one is answered without (nothing changed).
  return { ...(auditHead !== undefined && { anchorSeq: auditHead.seq }), ...(alert && { auditAlert: true }) };
}
