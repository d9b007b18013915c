import { z } from 'zod';
import { caseStatusCodes, type CaseStatusCode } from '../cases/caseStatus';
import { documentActions, licenceSheetSerialSchema } from '../documentEvents';

/**
 * The figures HQ reconciles at close of day, all over the desk's ops whose business date
 * (`businessDateOf(at)`) is the day, counted as sent whatever result each got, so each side computes
 * them from its own copy of the ops (`dayTotalsOf`):
 * - `ops`: how many;
 * - `casesByStatus`: per case with a `case` op that set a status, the last status code set (by seq), counted;
 * - `documents`: `documentEvent` ops by action;
 * - `licenceSheets`: serials of `licenceSheetEvent` ops by action (sorted, once each);
 * - `handovers`: `handover` ops.
 */
export const reconciledDayTotalsShape = {
  ops: z.int().min(0),
  casesByStatus: z.partialRecord(z.enum(caseStatusCodes), z.int().min(0)),
  documents: z.object({ printed: z.int().min(0), reprinted: z.int().min(0), voided: z.int().min(0) }),
  licenceSheets: z.object({ used: z.array(licenceSheetSerialSchema), voided: z.array(licenceSheetSerialSchema) }),
  handovers: z.int().min(0),
};
export type ReconciledDayTotals = z.infer<z.ZodObject<typeof reconciledDayTotalsShape>>;

/**
 * Totals the desk sends: the reconciled figures, plus figures for the day report that HQ stores but
 * cannot check (optional, and further keys are kept, so the report can grow without a protocol change).
 */
export const dayTotalsSchema = z.looseObject({
  ...reconciledDayTotalsShape,
  casesByMatter: z.record(z.string(), z.int().min(0)).optional(),
  averageIntakeToHandoverMinutes: z.number().min(0).nullable().optional(),
  /** Share (0–1) of the day's completed cases done in one visit. */
  oneVisitShare: z.number().min(0).max(1).nullable().optional(),
});
export type DayTotals = z.infer<typeof dayTotalsSchema>;

/** The part of an op the day totals read; the payload is read leniently, as it was sent. */
export interface DayTotalsOp {
  seq: number;
  entity: string;
  entityId: string;
  payload: unknown;
}

function field(payload: unknown, key: string): unknown {
  return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[key] : undefined;
}

/**
 * Per case, the last status the day's ops set (by seq): the case's status as the day left it, which the
 * day report lists beside each case and counts in its status section. Cases whose ops set no status are
 * absent.
 */
export function dayStatusesOf(ops: Iterable<DayTotalsOp>): Map<string, CaseStatusCode> {
  const lastStatusByCase = new Map<string, CaseStatusCode>();
  for (const op of [...ops].sort((a, b) => a.seq - b.seq)) {
    const status = z.enum(caseStatusCodes).safeParse(field(field(op.payload, 'status'), 'code'));
    if (op.entity === 'case' && status.success) lastStatusByCase.set(op.entityId, status.data);
  }
  return lastStatusByCase;
}

/** The reconciled totals of one business day's ops (the caller filters by `businessDateOf`). */
export function dayTotalsOf(ops: Iterable<DayTotalsOp>): ReconciledDayTotals {
  const sorted = [...ops].sort((a, b) => a.seq - b.seq);
  const documents = { printed: 0, reprinted: 0, voided: 0 };
  const used = new Set<string>();
  const voided = new Set<string>();
  let handovers = 0;
  for (const op of sorted) {
    if (op.entity === 'documentEvent') {
      const action = z.enum(documentActions).safeParse(field(op.payload, 'action'));
      if (action.success) documents[action.data] += 1;
    }
    if (op.entity === 'licenceSheetEvent') {
      const serial = field(op.payload, 'serial');
      const action = field(op.payload, 'action');
      if (typeof serial === 'string' && action === 'used') used.add(serial);
      if (typeof serial === 'string' && action === 'voided') voided.add(serial);
    }
    if (op.entity === 'handover') handovers += 1;
  }
  const casesByStatus: Partial<Record<CaseStatusCode, number>> = {};
  for (const status of dayStatusesOf(sorted).values()) casesByStatus[status] = (casesByStatus[status] ?? 0) + 1;
  return {
    ops: sorted.length,
    casesByStatus,
    documents,
    licenceSheets: { used: [...used].sort(), voided: [...voided].sort() },
    handovers,
  };
}
