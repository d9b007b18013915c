import type { Table } from 'dexie';
import { uuidv7 } from 'uuidv7';
import type { AuditEntryInput } from '../domain/audit/auditEntry';
import type { CaseField, casePatchSchema } from '../domain/cases/caseRecord';
import type { SignedInClerk } from '../domain/clerks/account';
import type { CaseId } from '../domain/cases/caseId';
import type { CaseEvent } from '../domain/cases/caseEvents';
import { requestedCopies } from '../domain/cases/licenceCopies';
import { caseStatusLabels, isIntakeOpen, type CaseStatusCode } from '../domain/cases/caseStatus';
import type { z } from 'zod';
import { writeWithAudit } from './audit';
import { findClerkById } from './clerks';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import type { IntakeField } from './intakeInput';
import { requirePersonalDataStorable } from './keyProtection';
import { dataMessages } from './messages';
import type { OpDraft } from './outbox';
import type { CaseRow } from './records';
import { Refusal, refusalsAsResults, type ChangeResult } from './refusal';
import { keyedIn, keysOf } from './search/keyTiers';

/** Who acts, and when (defaults to now; stored at +08:00). */
export interface WriteContext {
  clerk: SignedInClerk;
  at?: string;
}

/** A case write either happened, or was refused with a message for the clerk (and the field, if one). */
export type CaseChange<T> = ChangeResult<T, IntakeField>;

const m = dataMessages.cases;

/** Every table a case write may touch besides the audit log and meta, which `writeWithAudit` adds. */
export function caseWriteTables(db: DeskDatabase) {
  return [db.clerks, db.cases, db.checklistItems, db.enterprises, db.counters, db.outbox, db.attachments, db.blobs];
}

/**
 * Runs a case write: its rows, its outbox ops and its audit entry in one transaction (ARCHITECTURE.md, "Layers"), with
 * refusals answered as results and storage failures thrown as DataError. `write` may only await Dexie;
 * `moreTables` are the tables it touches beyond a case write's own. A case carries personal data, so it
 * is refused on a desk whose key only a fixed password protects until the admin has acknowledged that.
 */
export function runCaseWrite<T>(db: DeskDatabase, audit: AuditEntryInput, write: () => Promise<T>, moreTables: readonly Table[] = []): Promise<CaseChange<T>> {
  const gated = async () => {
    await requirePersonalDataStorable(db);
    return write();
  };
  return checkIntake(() => guardStorage(async () => (await writeWithAudit(db, [...caseWriteTables(db), ...moreTables], audit, gated)).value));
}

/** Runs input checks (or any work) that refuse by throwing `Refusal`, answering the refusal as a result. */
export function checkIntake<T>(work: () => Promise<T>): Promise<CaseChange<T>> {
  return refusalsAsResults<T, IntakeField>(work);
}

export const caseSubject = (id: CaseId) => `case:${id}`;

/** Inside a write: the stored account of the acting clerk, active, with the role the records carry. */
export async function actingClerk(db: DeskDatabase, clerk: SignedInClerk): Promise<SignedInClerk> {
  const account = await findClerkById(db, clerk.id);
  if (account === undefined || !account.active) throw new Refusal(m.notPermitted);
  return { id: account.id, role: account.role, displayName: account.displayName };
}

/**
 * Inside a write about one of the case's items (a checklist record, a scan): the case's `updatedAt`, with
 * the case stored as a write the clerk waits on stores it (see `search/keyTiers.ts`).
 */
export function touchCase(db: DeskDatabase, caseId: CaseId, at: string): Promise<number> {
  return db.cases
    .where(':id')
    .equals(caseId)
    .modify((row) => {
      Object.assign(row, keyedIn('fresh', keysOf(row)), { updatedAt: at });
    });
}

export async function requireCase(db: DeskDatabase, caseId: CaseId): Promise<CaseRow> {
  const row = await db.cases.get(caseId);
  if (row === undefined) throw new Refusal(m.notFound);
  return row;
}

/** Statuses after which nothing more is collected for the case. */
const closed: readonly CaseStatusCode[] = ['refused', 'denied', 'completed', 'withdrawn'];

export function requireIntakeOpen(row: CaseRow): void {
  // The applicant is at the counter, or coming back after a correction notice (see `intakeOpenStatusCodes`).
  if (!isIntakeOpen(row.statusCode)) throw new Refusal(m.intakeClosed(caseStatusLabels[row.statusCode]));
}

export function requireChecklistOpen(row: CaseRow): void {
  if (closed.includes(row.statusCode)) throw new Refusal(m.checklistClosed(caseStatusLabels[row.statusCode]));
}

/** The desk-owned fields of a case as the sync protocol carries them. */
export function caseFieldsOf(row: CaseRow): Required<z.input<typeof casePatchSchema>> {
  return {
    caseNumber: row.caseNumber,
    status: row.state.status,
    enterprise: row.enterprise,
    applicant: row.applicant,
    agent: row.agent,
    matterCodes: row.matterCodes,
    bundleCode: row.bundleCode,
    answers: row.answers,
    catalogueVersion: row.catalogueVersion,
    queueTicket: row.queueTicket,
    visits: row.state.visits,
    createdAt: row.createdAt,
    licenceCopies: requestedCopies(row),
    legalRepresentative: row.legalRepresentative ?? null,
    shareholders: row.shareholders ?? [],
    queueService: row.queueService ?? null,
  };
}

/** The fields whose values differ between two versions of a case (compared as stored JSON). */
export function changedCaseFields(before: CaseRow, after: CaseRow): CaseField[] {
  const a = caseFieldsOf(before);
  const b = caseFieldsOf(after);
  return (Object.keys(b) as CaseField[]).filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]));
}

/** An upsert of the given fields of the case, or nothing when no field changed. */
export function caseOp(row: CaseRow, fields: readonly CaseField[], clerk: SignedInClerk, at: string): OpDraft[] {
  if (fields.length === 0) return [];
  const all = caseFieldsOf(row);
  const payload = Object.fromEntries(fields.map((field) => [field, all[field]]));
  return [
    {
      entity: 'case',
      entityId: row.id,
      ...(row.hqVersion === null ? {} : { baseVersion: row.hqVersion }),
      payload,
      clerkId: clerk.id,
      at,
    },
  ];
}

/** One append-only op per timeline event. */
export function caseEventOps(caseId: CaseId, events: readonly CaseEvent[], clerk: SignedInClerk, at: string): OpDraft[] {
  return events.map((event) => ({ entity: 'caseEvent', entityId: uuidv7(), payload: { caseId, event }, clerkId: clerk.id, at }));
}
