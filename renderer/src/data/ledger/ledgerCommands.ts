import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { AuditEntryInput } from '../../domain/audit/auditEntry';
import { addWorkingDaysOn, type WorkingCalendar } from '../../domain/calendar';
import type { CaseId } from '../../domain/cases/caseId';
import { caseStatusLabels, type CaseStatusCode } from '../../domain/cases/caseStatus';
import { runningDueDate } from '../../domain/cases/dueStatus';
import { businessDateOf, isoDateSchema } from '../../domain/chineseDate';
import type { SignedInClerk } from '../../domain/clerks/account';
import { permissionDenial, type ClerkAction } from '../../domain/clerks/permissions';
import { caseIdOfLedgerItemId, ledgerFollowUpSchema, ledgerItemIdOf, ledgerOwnerSchema, type LedgerItem, type LedgerItemId, type LedgerOwner } from '../../domain/ledger/ledgerItem';
import { plainTextSchema } from '../../domain/text';
import { writeWithAudit } from '../audit';
import { actingClerk, caseSubject, requireCase, type WriteContext } from '../caseWrite';
import { activeCalendar } from '../catalogueStore';
import { chinaIso } from '../clock';
import { guardStorage } from '../dataError';
import type { DeskDatabase } from '../db';
import { requireDeskIdentity } from '../desk';
import { requirePersonalDataStorable } from '../keyProtection';
import { appendOps, type OpDraft } from '../outbox';
import { Refusal, refusalsAsResults, type ChangeResult } from '../refusal';
import { currentWriteTransaction } from '../transaction';
import { ledgerItemOf, ledgerRowOf, type LedgerFollowUpRow, type LedgerItemRow } from './ledgerRows';
import { ledgerDataMessages as m } from './messages';

/** The field of the form a refusal is about, when it is about one. */
export type LedgerField = 'reason' | 'result' | 'owner' | 'dueDate' | 'text' | 'by' | 'at';

/** A ledger write either happened, or was refused with a message for the person (and the field, if one). */
export type LedgerChange<T> = ChangeResult<T, LedgerField>;

/** Statuses after which a case needs no supervision: nothing more will happen to it at the hall. */
const finishedStatusCodes: readonly CaseStatusCode[] = ['refused', 'denied', 'completed', 'withdrawn'];

/**
 * Working days the task force gives itself for an escalated case whose promised date has passed (or
 * that has none yet): the escalation is about getting it moving, so it gets a deadline of its own.
 */
export const escalationWorkingDays = 3;

/** Every table a ledger write touches besides the audit log and meta, which `writeWithAudit` adds. */
export function ledgerWriteTables(db: DeskDatabase) {
  return [db.clerks, db.cases, db.ledgerItems, db.ledgerFollowUps, db.counters, db.outbox];
}

/**
 * Runs a ledger write: its rows, its outbox ops and its audit entry in one transaction, refusals answered
 * as results. The liaison's name and phone are personal data, so, as for a case, it is refused on a desk
 * whose key only a fixed password protects until the admin has acknowledged that.
 */
export function runLedgerWrite<T>(db: DeskDatabase, audit: AuditEntryInput, write: () => Promise<T>): Promise<LedgerChange<T>> {
  const gated = async () => {
    await requirePersonalDataStorable(db);
    return write();
  };
  return refusalsAsResults<T, LedgerField>(() => guardStorage(async () => (await writeWithAudit(db, ledgerWriteTables(db), audit, gated)).value));
}

/** Inside a write: the stored account of the acting person, refused unless its role may do `action`. */
export async function permittedClerk(db: DeskDatabase, clerk: SignedInClerk, action: ClerkAction): Promise<SignedInClerk> {
  const acting = await actingClerk(db, clerk);
  const denial = permissionDenial(acting.role, action);
  if (denial !== null) throw new Refusal<LedgerField>(denial);
  return acting;
}

/**
 * The upsert of an item as it now stands. A create carries no `baseVersion` (HQ keeps an item another desk
 * created first); a change carries the version last pulled, or 0 for an item this desk made and has not
 * heard back about, so HQ applies it as a change even then.
 */
export function ledgerItemOp(row: LedgerItemRow, clerk: SignedInClerk, at: string, kind: 'create' | 'change'): OpDraft {
  const baseVersion = kind === 'create' ? {} : { baseVersion: row.hqVersion ?? 0 };
  return { entity: 'ledgerItem', entityId: row.id, ...baseVersion, payload: ledgerItemOf(row), clerkId: clerk.id, at };
}

/** Inside a write: stores `row` and appends its op. */
async function storeItem(db: DeskDatabase, row: LedgerItemRow, clerk: SignedInClerk, at: string, kind: 'create' | 'change' = 'change'): Promise<LedgerItemRow> {
  await Promise.all([db.ledgerItems.put(row), appendOps(currentWriteTransaction(), [ledgerItemOp(row, clerk, at, kind)])]);
  return row;
}

async function requireOpenItem(db: DeskDatabase, itemId: LedgerItemId): Promise<LedgerItemRow> {
  const row = await db.ledgerItems.get(itemId);
  if (row === undefined) throw new Refusal<LedgerField>(m.itemNotFound);
  if (row.status === 'closed') throw new Refusal<LedgerField>(m.itemClosed);
  return row;
}

/** A required free text (reason, result), cleaned as every stored text is; refused for its field when empty. */
function requiredText(value: string, max: number, field: LedgerField, empty: string): string {
  if (value.trim() === '') throw new Refusal<LedgerField>(empty, field);
  const parsed = plainTextSchema(max, true).safeParse(value);
  if (!parsed.success) throw new Refusal<LedgerField>(parsed.error.issues[0]!.message, field);
  return parsed.data;
}

/** The row after a change of owner, due date or status: the values it replaced are kept in `previous`. */
function changed(row: LedgerItemRow, change: Partial<Pick<LedgerItem, 'owner' | 'dueDate' | 'status' | 'reason' | 'result'>>, at: string): LedgerItemRow {
  const next = { ...row, ...change, updatedAt: at };
  const moved = JSON.stringify([row.owner, row.dueDate, row.status]) !== JSON.stringify([next.owner, next.dueDate, next.status]);
  return {
    ...next,
    ownerDepartment: next.owner?.department ?? '',
    previous: moved ? { owner: row.owner, dueDate: row.dueDate, status: row.status } : row.previous,
  };
}

/**
 * The deadline of an escalation on `today`: the case's promised date while it is still ahead, else
 * `escalationWorkingDays` working days from today.
 */
export function escalationDueDate(promised: string | null, today: string, calendar: WorkingCalendar): string {
  return promised !== null && promised >= today ? promised : addWorkingDaysOn(calendar, today, escalationWorkingDays);
}

const audit = (clerk: SignedInClerk, at: string, action: string, caseId: CaseId, details: Record<string, string | null>): AuditEntryInput => ({
  at,
  clerkId: clerk.id,
  action,
  subject: caseSubject(caseId),
  details,
});

/**
 * 提请专班督办: any clerk asks the task force to supervise a case, with a reason. One escalation per case
 * (`escalated:<caseId>`): escalating a case whose escalation was closed reopens it with the new reason;
 * while one is still open, a second is refused. A finished case (办结, 撤回, 不予受理/许可) is refused.
 */
export async function escalateCase(db: DeskDatabase, caseId: CaseId, reason: string, context: WriteContext): Promise<LedgerChange<LedgerItemRow>> {
  const at = context.at ?? chinaIso();
  const today = businessDateOf(at);
  const id = ledgerItemIdOf('escalated', caseId);
  const calendar = await activeCalendar(db);
  return runLedgerWrite(db, audit(context.clerk, at, 'ledger.escalate', caseId, { item: id }), async () => {
    const [clerk, row, existing] = await Promise.all([permittedClerk(db, context.clerk, 'ledger.escalate'), requireCase(db, caseId), db.ledgerItems.get(id)]);
    const text = requiredText(reason, 500, 'reason', m.reasonRequired);
    if (finishedStatusCodes.includes(row.statusCode)) throw new Refusal<LedgerField>(m.caseFinished(caseStatusLabels[row.statusCode]));
    if (existing !== undefined && existing.status !== 'closed') throw new Refusal<LedgerField>(m.alreadyEscalated);
    const dueDate = escalationDueDate(runningDueDate(row.state.status), today, calendar.data);
    const next: LedgerItemRow =
      existing === undefined
        ? ledgerRowOf({ id, source: 'escalated', caseId, subject: null, owner: null, dueDate, reason: text, status: 'open', result: null, createdAt: at, updatedAt: at, previous: null }, row.enterprise.greenCard, null)
        : { ...changed(existing, { dueDate, status: 'open', reason: text, result: null }, at), greenCard: row.enterprise.greenCard ? 1 : 0 };
    return storeItem(db, next, clerk, at, existing === undefined ? 'create' : 'change');
  });
}

/** The owner as the chief enters it: a department, and optionally a named liaison with a phone. */
export type LedgerOwnerInput = z.input<typeof ledgerOwnerSchema>;

/** Assigns an owner (a department, a 专员): chief and admin only. An open item becomes 督办中. */
export async function assignLedgerItem(db: DeskDatabase, itemId: LedgerItemId, owner: LedgerOwnerInput, context: WriteContext): Promise<LedgerChange<LedgerItemRow>> {
  const at = context.at ?? chinaIso();
  const parsed = ledgerOwnerSchema.safeParse(owner);
  return runLedgerWrite(db, audit(context.clerk, at, 'ledger.assign', caseIdOfLedgerItemId(itemId), { item: itemId }), async () => {
    const clerk = await permittedClerk(db, context.clerk, 'ledger.supervise');
    if (!parsed.success) throw new Refusal<LedgerField>(owner.department.trim() === '' ? m.ownerRequired : parsed.error.issues[0]!.message, 'owner');
    const row = await requireOpenItem(db, itemId);
    const newOwner: LedgerOwner = parsed.data;
    return storeItem(db, changed(row, { owner: newOwner, status: 'supervising' }, at), clerk, at);
  });
}

/** Sets or extends an item's deadline, with a reason: chief and admin only. */
export async function setLedgerDueDate(db: DeskDatabase, itemId: LedgerItemId, dueDate: string, reason: string, context: WriteContext): Promise<LedgerChange<LedgerItemRow>> {
  const at = context.at ?? chinaIso();
  return runLedgerWrite(db, audit(context.clerk, at, 'ledger.dueDate', caseIdOfLedgerItemId(itemId), { item: itemId, dueDate }), async () => {
    const clerk = await permittedClerk(db, context.clerk, 'ledger.supervise');
    if (!isoDateSchema.safeParse(dueDate).success) throw new Refusal<LedgerField>(m.badDueDate, 'dueDate');
    const text = requiredText(reason, 500, 'reason', m.reasonRequired);
    const row = await requireOpenItem(db, itemId);
    if (row.dueDate === dueDate) throw new Refusal<LedgerField>(m.dueDateUnchanged, 'dueDate');
    return storeItem(db, changed(row, { dueDate, reason: text }, at), clerk, at);
  });
}

/** A follow-up as the chief enters it: when it was done (default now), by whom, what was done. */
export interface LedgerFollowUpInput {
  at?: string;
  by: string;
  text: string;
}

/**
 * Records a follow-up (督办记录): chief and admin only, on an item not closed. An open item becomes 督办中
 * (its upsert goes with the follow-up, in the same transaction).
 */
export async function recordLedgerFollowUp(
  db: DeskDatabase,
  itemId: LedgerItemId,
  input: LedgerFollowUpInput,
  context: WriteContext,
): Promise<LedgerChange<{ item: LedgerItemRow; followUp: LedgerFollowUpRow }>> {
  const at = context.at ?? chinaIso();
  return runLedgerWrite(db, audit(context.clerk, at, 'ledger.followUp', caseIdOfLedgerItemId(itemId), { item: itemId }), async () => {
    const clerk = await permittedClerk(db, context.clerk, 'ledger.supervise');
    if (input.by.trim() === '') throw new Refusal<LedgerField>(m.followUpByRequired, 'by');
    if (input.text.trim() === '') throw new Refusal<LedgerField>(m.followUpTextRequired, 'text');
    const parsed = ledgerFollowUpSchema.safeParse({ itemId, at: input.at ?? at, by: input.by, text: input.text });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Refusal<LedgerField>(issue.message, (['at', 'by', 'text'] as const).find((field) => issue.path[0] === field));
    }
    const [row, desk] = await Promise.all([requireOpenItem(db, itemId), requireDeskIdentity(db)]);
    const followUp: LedgerFollowUpRow = { ...parsed.data, id: uuidv7(), clerkId: clerk.id, deskCode: desk.deskCode, recordedAt: at };
    const item = row.status === 'open' ? changed(row, { status: 'supervising' }, at) : row;
    const ops: OpDraft[] = [{ entity: 'ledgerFollowUp', entityId: followUp.id, payload: parsed.data, clerkId: clerk.id, at }];
    if (item !== row) ops.push(ledgerItemOp(item, clerk, at, 'change'));
    await Promise.all([db.ledgerFollowUps.add(followUp), item === row ? undefined : db.ledgerItems.put(item), appendOps(currentWriteTransaction(), ops)]);
    return { item, followUp };
  });
}

/** Closes an item (已办结) with its result (办理结果), which is required: chief and admin only. */
export async function closeLedgerItem(db: DeskDatabase, itemId: LedgerItemId, result: string, context: WriteContext): Promise<LedgerChange<LedgerItemRow>> {
  const at = context.at ?? chinaIso();
  return runLedgerWrite(db, audit(context.clerk, at, 'ledger.close', caseIdOfLedgerItemId(itemId), { item: itemId }), async () => {
    const clerk = await permittedClerk(db, context.clerk, 'ledger.supervise');
    const text = requiredText(result, 500, 'result', m.resultRequired);
    const row = await requireOpenItem(db, itemId);
    return storeItem(db, changed(row, { status: 'closed', result: text }, at), clerk, at);
  });
}
