import { dayTotalsOf, type ReconciledDayTotals } from '../../renderer/src/domain/dayClose/dayTotals';
import type { CloseDayRequest, CloseDayResponse } from '../../renderer/src/protocol/closeDay';
import { receiveAuditHead } from './auditAnchors';
import { openIssuanceConflictReason } from './issuance';
import type { HqStore } from './store';

export interface Difference {
  field: string;
  desk: unknown;
  hq: unknown;
}

function nonZero(counts: Partial<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0));
}

const sortedSet = (serials: readonly string[]) => [...new Set(serials)].sort();

/** Every reconciled figure where the desk's totals and HQ's differ, as dotted field paths. */
export function compareDayTotals(desk: ReconciledDayTotals, hq: ReconciledDayTotals): Difference[] {
  const differences: Difference[] = [];
  const check = (path: string, deskValue: unknown, hqValue: unknown) => {
    if (JSON.stringify(deskValue) !== JSON.stringify(hqValue)) differences.push({ field: path, desk: deskValue, hq: hqValue });
  };
  check('ops', desk.ops, hq.ops);
  const deskStatuses = nonZero(desk.casesByStatus);
  const hqStatuses = nonZero(hq.casesByStatus);
  for (const status of [...new Set([...Object.keys(deskStatuses), ...Object.keys(hqStatuses)])].sort()) {
    check(`casesByStatus.${status}`, deskStatuses[status] ?? 0, hqStatuses[status] ?? 0);
  }
  for (const action of ['printed', 'reprinted', 'voided'] as const) {
    check(`documents.${action}`, desk.documents[action], hq.documents[action]);
  }
  for (const action of ['used', 'voided'] as const) {
    check(`licenceSheets.${action}`, sortedSet(desk.licenceSheets[action]), sortedSet(hq.licenceSheets[action]));
  }
  check('handovers', desk.handovers, hq.handovers);
  return differences;
}

/**
 * Reconciles a desk's day: its lastSeq against HQ's, and its totals against the totals of the ops HQ
 * holds for that desk and business date; an issuance conflict of the desk still open refuses it too. The attempt is recorded either way (the latest per day).
 */
export function closeDay(store: HqStore, deskId: string, request: CloseDayRequest, nowIso: string): CloseDayResponse {
  return store.transaction(() => {
    const hqLastSeq = store.desk(deskId)?.lastSeq ?? 0;
    const ops = store.opsOfDay(deskId, request.businessDate).map((op) => ({
      seq: op.seq,
      entity: op.entity,
      entityId: op.entityId,
      payload: JSON.parse(op.payload) as unknown,
    }));
    const differences = compareDayTotals(request.totals, dayTotalsOf(ops));
    if (request.lastSeq !== hqLastSeq) differences.unshift({ field: 'lastSeq', desk: request.lastSeq, hq: hqLastSeq });
    const missing = request.lastSeq > hqLastSeq ? { fromSeq: hqLastSeq + 1, toSeq: request.lastSeq } : undefined;
    const reason = openIssuanceConflictReason(store, deskId);
    const status = differences.length === 0 && reason === undefined ? 'reconciled' : 'mismatch';
    store.saveDayClose({
      deskId,
      businessDate: request.businessDate,
      status,
      deskLastSeq: request.lastSeq,
      hqLastSeq,
      totals: JSON.stringify(request.totals),
      differences: JSON.stringify(differences),
      closedAt: nowIso,
    });
    const anchored = receiveAuditHead(store, deskId, request, nowIso);
    if (status === 'reconciled') return { status, ...anchored };
    return { status, differences, ...(missing && { missing }), ...(reason !== undefined && { reasons: [reason] }), ...anchored };
  });
}
