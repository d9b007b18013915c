import type { DeskDatabase } from '../data/db';
import type { CaseRow } from '../data/records';
import { caseSearchKeys } from '../data/search/keys';
import { runningDueDate } from '../domain/cases/dueStatus';
import type { CaseField, CasePatch, CaseRecord } from './protocol';

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
  next.searchKeys = caseSearchKeys(next);
  return next;
}

/** Inside a transaction: per case, the fields of its `case` ops HQ has not acknowledged (pending, or sent without an answer). */
export async function unsentCaseFields(db: DeskDatabase): Promise<Map<string, Set<string>>> {
  const fields = new Map<string, Set<string>>();
  for (const state of ['pending', 'sending'] as const) {
    await db.outbox
      .where('[state+seq]')
      .between([state, 0], [state, Number.MAX_SAFE_INTEGER], true, true)
      .each((row) => {
        if (row.op.entity !== 'case') return;
        const set = fields.get(row.entityId) ?? new Set<string>();
        for (const field of Object.keys(row.op.payload)) set.add(field);
        fields.set(row.entityId, set);
      });
  }
  return fields;
}
