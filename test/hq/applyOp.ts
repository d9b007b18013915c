import type { z } from 'zod';
import { requiredNewCaseFields, type FieldAuthor } from '../../renderer/src/domain/cases/caseRecord';
import { ledgerItemIdOf, type LedgerItem } from '../../renderer/src/domain/ledger/ledgerItem';
import { hqOwnedCaseEventTypes, hqOwnedCaseFields, hqOwnedStatusCodes } from '../../renderer/src/domain/cases/ownership';
import {
  caseEventOpSchema,
  caseOpSchema,
  checklistEventOpSchema,
  commitmentCheckOpSchema,
  documentEventOpSchema,
  handoverOpSchema,
  ledgerFollowUpOpSchema,
  ledgerItemOpSchema,
  licenceSheetEventOpSchema,
  opTypeByEntity,
  type EventEntity,
  type PushOpEnvelope,
  type SyncEntity,
} from '../../renderer/src/protocol/ops';
import { numberIfAccepted, planCasePatch, sameJson, saveCase, stampAll } from './cases';
import { issuesOf } from './http';
import { recordIssuance, settleIssuanceConflicts } from './issuance';
import { hqMessages } from './messages';
import type { DeskRecord, HqStore, StoredCase } from './store';

export type OpOutcome =
  | { status: 'applied'; serverVersion: number }
  | { status: 'conflict'; serverVersion: number; reason: string; conflictFields: string[] }
  | { status: 'rejected'; reason: string };

export interface ApplyContext {
  store: HqStore;
  desk: DeskRecord;
  /** HQ's clock for this request, as stored and as a year for HQ case numbers. */
  nowIso: string;
  year: number;
}

const applied = (serverVersion: number): OpOutcome => ({ status: 'applied', serverVersion });
const rejected = (reason: string): OpOutcome => ({ status: 'rejected', reason });

const MAX_REASON_LENGTH = 500;

function invalid(error: z.ZodError): OpOutcome {
  const details = issuesOf(error)
    .map((issue) => (issue.path === '' ? issue.message : `${issue.path}：${issue.message}`))
    .join('；');
  return rejected(hqMessages.invalidOp(details).slice(0, MAX_REASON_LENGTH));
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function isSyncEntity(entity: string): entity is SyncEntity {
  return Object.hasOwn(opTypeByEntity, entity);
}

/**
 * Applies one new op (its seq is lastSeq + 1) to HQ's data, or says why it never can. Every refusal is
 * decided before the first write, so a rejected op leaves nothing behind but its record in `ops`.
 */
export function applyOp(ctx: ApplyContext, op: PushOpEnvelope): OpOutcome {
  if (!isSyncEntity(op.entity)) return rejected(hqMessages.unknownEntity(op.entity));
  const expectedType = opTypeByEntity[op.entity];
  if (op.type !== expectedType) return rejected(hqMessages.wrongOpType(op.entity, op.type, expectedType));

  switch (op.entity) {
    case 'case': {
      // Checked on the payload as sent: the schema drops keys it does not know.
      const hqField = hqOwnedCaseFields.find((name) => field(op.payload, name) !== undefined);
      if (hqField) return rejected(hqMessages.hqOwnedField(hqField));
      const parsed = caseOpSchema.safeParse(op);
      return parsed.success ? applyCaseOp(ctx, parsed.data) : invalid(parsed.error);
    }
    case 'checklistEvent': {
      const parsed = checklistEventOpSchema.safeParse(op);
      return parsed.success ? appendEvent(ctx, 'checklistEvent', parsed.data, parsed.data.payload.caseId) : invalid(parsed.error);
    }
    case 'caseEvent': {
      const type = field(field(op.payload, 'event'), 'type');
      if ((hqOwnedCaseEventTypes as readonly unknown[]).includes(type)) return rejected(hqMessages.hqOwnedEvent(String(type)));
      const parsed = caseEventOpSchema.safeParse(op);
      return parsed.success ? appendEvent(ctx, 'caseEvent', parsed.data, parsed.data.payload.caseId) : invalid(parsed.error);
    }
    case 'documentEvent': {
      const parsed = documentEventOpSchema.safeParse(op);
      return parsed.success ? appendEvent(ctx, 'documentEvent', parsed.data, parsed.data.payload.caseId) : invalid(parsed.error);
    }
    case 'licenceSheetEvent': {
      const parsed = licenceSheetEventOpSchema.safeParse(op);
      return parsed.success ? applyLicenceSheetOp(ctx, parsed.data) : invalid(parsed.error);
    }
    case 'handover': {
      const parsed = handoverOpSchema.safeParse(op);
      if (!parsed.success) return invalid(parsed.error);
      return withIssuance(ctx, parsed.data, parsed.data.payload.caseId, appendEvent(ctx, 'handover', parsed.data, parsed.data.payload.caseId));
    }
    case 'commitmentCheck': {
      const parsed = commitmentCheckOpSchema.safeParse(op);
      return parsed.success ? appendEvent(ctx, 'commitmentCheck', parsed.data, parsed.data.payload.caseId) : invalid(parsed.error);
    }
    case 'ledgerItem': {
      const parsed = ledgerItemOpSchema.safeParse(op);
      return parsed.success ? applyLedgerItemOp(ctx, parsed.data) : invalid(parsed.error);
    }
    case 'ledgerFollowUp': {
      const parsed = ledgerFollowUpOpSchema.safeParse(op);
      return parsed.success ? applyLedgerFollowUpOp(ctx, parsed.data) : invalid(parsed.error);
    }
  }
}

type LedgerItemOp = z.output<typeof ledgerItemOpSchema>;

/**
 * A 督办台账 item, hall-wide. Its id must be the one its source, case and subject make (two desks meet on
 * one item). Without `baseVersion` the op creates it; when HQ already holds it (another desk derived the
 * same item first) the item is left as it stands and the op answered applied, so a late create never
 * undoes a chief's assignment. Otherwise the last writer wins on owner, due date and status — on those it
 * changed (they differ from its `previous`) — and the values replaced are kept in `previous`; what the
 * item is about never changes.
 */
function applyLedgerItemOp(ctx: ApplyContext, op: LedgerItemOp): OpOutcome {
  const { store, desk } = ctx;
  const item = op.payload;
  if (ledgerItemIdOf(item.source, item.caseId, item.subject) !== item.id) return rejected(hqMessages.ledgerItemIdMismatch);
  const hallCode = store.caseHall(item.caseId);
  if (hallCode === undefined) return rejected(hqMessages.unknownCase);
  if (hallCode !== desk.hallCode) return rejected(hqMessages.otherHall);
  const current = store.ledgerItem(item.id);
  if (current !== undefined && op.baseVersion === undefined) return applied(current.version);
  let next: LedgerItem = item;
  if (current !== undefined) {
    const before = current.data as LedgerItem;
    // The writer changed a field when it differs from the value its change replaced (its `previous`); a
    // field it left as it was keeps HQ's value, so closing an item does not undo another desk's owner.
    const wrote = (field: 'owner' | 'dueDate' | 'status') => item.previous === null || JSON.stringify(item[field]) !== JSON.stringify(item.previous[field]);
    const merged = {
      owner: wrote('owner') ? item.owner : before.owner,
      dueDate: wrote('dueDate') ? item.dueDate : before.dueDate,
      status: wrote('status') ? item.status : before.status,
    };
    const moved = JSON.stringify([before.owner, before.dueDate, before.status]) !== JSON.stringify([merged.owner, merged.dueDate, merged.status]);
    next = { ...item, ...merged, createdAt: before.createdAt, previous: moved ? { owner: before.owner, dueDate: before.dueDate, status: before.status } : before.previous };
  }
  const version = (current?.version ?? 0) + 1;
  const data = JSON.stringify(next);
  store.saveLedgerItem(item.id, { hallCode, caseId: item.caseId, version, data: next }, data);
  store.recordChange(hallCode, 'ledgerItem', item.id, version, data);
  return applied(version);
}

type LedgerFollowUpOp = z.output<typeof ledgerFollowUpOpSchema>;

/** A follow-up of an item HQ holds, streamed to the hall with who recorded it where and when (`recordedAt`). */
function applyLedgerFollowUpOp(ctx: ApplyContext, op: LedgerFollowUpOp): OpOutcome {
  const { store, desk } = ctx;
  if (store.eventExists(op.entityId)) return rejected(hqMessages.eventAlreadyRecorded);
  const item = store.ledgerItem(op.payload.itemId);
  if (item === undefined) return rejected(hqMessages.unknownLedgerItem);
  if (item.hallCode !== desk.hallCode) return rejected(hqMessages.otherHall);
  const data = JSON.stringify({
    ...op.payload,
    id: op.entityId,
    deskId: desk.deskId,
    deskCode: desk.deskCode,
    clerkId: op.clerkId,
    clerkName: op.clerkName,
    recordedAt: op.at,
  });
  store.insertEvent(op.entityId, 'ledgerFollowUp', item.caseId, desk.hallCode, desk.deskId, data);
  store.recordChange(desk.hallCode, 'ledgerFollowUp', op.entityId, 1, data);
  return applied(1);
}

type CaseOp = z.output<typeof caseOpSchema>;

function applyCaseOp(ctx: ApplyContext, op: CaseOp): OpOutcome {
  const { store, desk } = ctx;
  const patch: Record<string, unknown> = { ...op.payload };
  const current = store.case(op.entityId);

  const code = op.payload.status?.code;
  const hqStatus = (hqOwnedStatusCodes as readonly string[]).includes(code ?? '');
  // Echoing HQ's own status unchanged is harmless; setting one is deciding, which is HQ's job.
  if (hqStatus && (!current || !sameJson(patch['status'], current.fields['status']))) {
    return rejected(hqMessages.hqOwnedStatus(code ?? ''));
  }

  if (!current) {
    const missing = requiredNewCaseFields.filter((name) => !(name in patch));
    if (missing.length > 0) return rejected(hqMessages.newCaseIncomplete(missing));
    const created: StoredCase = {
      id: op.entityId,
      hallCode: desk.hallCode,
      originDeskId: desk.deskId,
      version: 1,
      fields: patch,
      stamps: stampAll(Object.keys(patch), { version: 1, by: desk.deskId, author: authorOf(desk, op) }),
      hqCaseNumber: null,
      decision: null,
      licence: null,
      updatedAt: ctx.nowIso,
      issuanceConflict: null,
    };
    numberIfAccepted(store, created, ctx.year);
    saveCase(store, created, true);
    return applied(1);
  }

  if (current.hallCode !== desk.hallCode) return rejected(hqMessages.otherHall);

  const plan = planCasePatch(current, patch, op.baseVersion, desk.deskId);
  if (plan.apply.length > 0) {
    const version = current.version + 1;
    const next: StoredCase = {
      ...current,
      version,
      fields: { ...current.fields, ...Object.fromEntries(plan.apply.map((name) => [name, patch[name]])) },
      stamps: { ...current.stamps, ...stampAll(plan.apply, { version, by: desk.deskId, author: authorOf(desk, op) }) },
      updatedAt: ctx.nowIso,
    };
    numberIfAccepted(store, next, ctx.year);
    saveCase(store, next, false);
    current.version = version;
  }
  if (plan.conflicts.length > 0) {
    return {
      status: 'conflict',
      serverVersion: current.version,
      reason: hqMessages.conflict(plan.conflicts),
      conflictFields: plan.conflicts,
    };
  }
  return applied(current.version);
}

/** The window and clerk of a desk's op, as the hall is told who set a field. */
function authorOf(desk: DeskRecord, op: CaseOp): FieldAuthor {
  return { deskCode: desk.deskCode, clerkId: op.clerkId, ...(op.clerkName !== undefined && { clerkName: op.clerkName }), at: op.at };
}

type LicenceSheetOp = z.output<typeof licenceSheetEventOpSchema>;

/** A sheet is used once; a used sheet may still be voided (misprint), a voided one is final. */
function applyLicenceSheetOp(ctx: ApplyContext, op: LicenceSheetOp): OpOutcome {
  const { serial, action, caseId } = op.payload;
  const state = ctx.store.licenceSheetState(serial);
  if (state === 'voided') return rejected(hqMessages.sheetAlreadyVoided(serial));
  if (state === 'used' && action === 'used') return rejected(hqMessages.sheetAlreadyUsed(serial));
  const outcome = appendEvent(ctx, 'licenceSheetEvent', op, caseId);
  if (outcome.status !== 'applied') return outcome;
  ctx.store.setLicenceSheetState(serial, action, ctx.desk.hallCode, ctx.desk.deskId, ctx.nowIso);
  if (action === 'voided') {
    settleIssuanceConflicts(ctx.store, ctx.desk, ctx.nowIso);
    return outcome;
  }
  return caseId === null ? outcome : withIssuance(ctx, op, caseId, outcome);
}

/**
 * A handover or a used sheet issues the case's licence. The event stands either way (the paper exists),
 * but when another desk issued first, the op is answered `conflict` and the case is flagged.
 */
function withIssuance(ctx: ApplyContext, op: EventOp, caseId: string, outcome: OpOutcome): OpOutcome {
  if (outcome.status !== 'applied') return outcome;
  const reason = recordIssuance(ctx.store, ctx.desk, { caseId, clerkId: op.clerkId, clerkName: op.clerkName, at: op.at }, ctx.nowIso);
  return reason === undefined ? outcome : { status: 'conflict', serverVersion: outcome.serverVersion, reason, conflictFields: [] };
}

interface EventOp {
  entityId: string;
  clerkId: string;
  clerkName?: string | undefined;
  at: string;
  payload: object;
}

/**
 * Appends an immutable event of a case of the desk's hall (or of no case) and streams it to the hall, with
 * the desk's window code and the clerk's name when the desk sent one (the other windows name the clerk
 * and the window by them).
 */
function appendEvent(ctx: ApplyContext, entity: EventEntity, op: EventOp, caseId: string | null): OpOutcome {
  const { store, desk } = ctx;
  if (store.eventExists(op.entityId)) return rejected(hqMessages.eventAlreadyRecorded);
  if (caseId !== null) {
    const hallCode = store.caseHall(caseId);
    if (hallCode === undefined) return rejected(hqMessages.unknownCase);
    if (hallCode !== desk.hallCode) return rejected(hqMessages.otherHall);
  }
  const data = JSON.stringify({ ...op.payload, id: op.entityId, deskId: desk.deskId, deskCode: desk.deskCode, clerkId: op.clerkId, clerkName: op.clerkName, at: op.at });
  store.insertEvent(op.entityId, entity, caseId, desk.hallCode, desk.deskId, data);
  store.recordChange(desk.hallCode, entity, op.entityId, 1, data);
  return applied(1);
}
