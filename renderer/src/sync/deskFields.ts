import type { DeskDatabase } from '../data/db';
import type { CaseRow } from '../data/records';
import { caseSearchKeys } from '../data/search/keys';
import { rekeyed } from '../data/search/keyTiers';
import type { CaseField, CasePatch, CaseRecord } from '../domain/cases/caseRecord';
import { runningDueDate } from '../domain/cases/dueStatus';

/** The given fields of HQ's case record, as a patch. */
export function pickFields(record: CaseRecord, fields: readonly CaseField[]): CasePatch {
  const patch: CasePatch = {};
  for (const field of fields) Object.assign(patch, { [field]: record[field] });
  return patch;
}

/**
 * The case row with the desk-owned fields of `values` written onto it where the row keeps them (status
 * and visits in the state, the rest beside it). The case number and intake time never change.
 */
export function withDeskFields(row: CaseRow, values: CasePatch): CaseRow {
  const next: CaseRow = { ...row, state: { ...row.state } };
  if (values.status !== undefined) {
    next.state.status = values.status;
    next.statusCode = values.status.code;
    next.dueDate = runningDueDate(values.status) ?? '';
  }
  if (values.visits !== undefined) next.state.visits = values.visits;
  if (values.enterprise !== undefined) next.enterprise = values.enterprise;
  if (values.applicant !== undefined) next.applicant = values.applicant;
  if (values.agent !== undefined) {
    next.agent = values.agent;
    if (values.agent === null) next.agentAuthorisation = null;
  }
  if (values.matterCodes !== undefined) next.matterCodes = values.matterCodes;
  if (values.bundleCode !== undefined) next.bundleCode = values.bundleCode;
  if (values.answers !== undefined) next.answers = values.answers;
  if (values.catalogueVersion !== undefined) next.catalogueVersion = values.catalogueVersion;
  if (values.queueTicket !== undefined) next.queueTicket = values.queueTicket;
  if (values.licenceCopies !== undefined) next.licenceCopies = values.licenceCopies;
  if (values.legalRepresentative !== undefined) next.legalRepresentative = values.legalRepresentative;
  if (values.shareholders !== undefined) next.shareholders = values.shareholders;
  if (values.queueService !== undefined) next.queueService = values.queueService;
  return rekeyed(next, caseSearchKeys(next));
}

/**
 * Inside a transaction: per case of `caseIds`, the fields of its `case` ops HQ has not acknowledged
 * (pending, or sent without an answer). Reads only those cases' ops, through the outbox's `entityId`
 * index (a case op's entityId is its case's id), so the cost follows the cases asked about, never the
 * length of the outbox.
 */
export async function unsentCaseFields(db: DeskDatabase, caseIds: Iterable<string>): Promise<Map<string, Set<string>>> {
  const fields = new Map<string, Set<string>>();
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) return fields;
  // One key lookup per case, issued together: a plain key range reads in one request, where `anyOf`
  // walks a cursor row by row.
  const perCase = await Promise.all(ids.map((id) => db.outbox.where('entityId').equals(id).toArray()));
  for (const row of perCase.flat()) {
    if (row.op.entity !== 'case' || (row.state !== 'pending' && row.state !== 'sending')) continue;
    const set = fields.get(row.entityId) ?? new Set<string>();
    for (const field of Object.keys(row.op.payload)) set.add(field);
    fields.set(row.entityId, set);
  }
  return fields;
}
