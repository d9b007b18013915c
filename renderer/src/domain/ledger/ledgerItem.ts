import { z } from 'zod';
import { caseIdSchema, type CaseId } from '../cases/caseId';
import { isoDateSchema, isoDateTimeSchema } from '../chineseDate';
import { eventRecordMeta } from '../eventRecord';
import { plainTextSchema } from '../text';
import { ledgerMessages as m } from './messages';

/**
 * 督办台账: what the hall's task force (专班) supervises. An item is one matter to follow up — a case near or
 * past its 承诺时限, a deferred material or a commitment check past its deadline, a case a clerk escalated,
 * an open case of a green-card enterprise, a poor rating to rectify — with an owner, a due date, follow-ups
 * (督办记录) and, once closed, a result. Items are hall-wide: every desk of the hall pulls them.
 *
 * A new kind of item is one more `source` (and, where it is derived from the case, one more rule in the
 * module that derives items): the item's shape, its storage, its sync and the screen do not change.
 */

export const ledgerSources = ['overdue', 'deferred', 'commitment', 'escalated', 'greenCard', 'rating'] as const;
export type LedgerSource = (typeof ledgerSources)[number];
export const ledgerSourceLabels: Readonly<Record<LedgerSource, string>> = m.sourceLabels;

/** 待督办 → 督办中 (an owner was assigned or a follow-up recorded) → 已办结 (with a result). */
export const ledgerStatuses = ['open', 'supervising', 'closed'] as const;
export type LedgerStatus = (typeof ledgerStatuses)[number];
export const ledgerStatusLabels: Readonly<Record<LedgerStatus, string>> = m.statusLabels;

/** Sources whose item is about one thing within the case (a material, a rating), named by `subject`. */
const sourcesWithSubject: ReadonlySet<LedgerSource> = new Set(['deferred', 'commitment', 'rating']);

/**
 * An item's id is made from what it is about, not drawn at random: two desks of the hall that both find
 * the same case overdue make the same item, and their ops meet on one entity instead of two rows.
 * `escalated:<caseId>` is one escalation per case (escalating again reopens it).
 */
export function ledgerItemIdOf(source: LedgerSource, caseId: CaseId, subject: string | null = null): LedgerItemId {
  return ledgerItemIdSchema.parse(subject === null ? `${source}:${caseId}` : `${source}:${caseId}:${subject}`);
}

/** The case an item id names (its second part): a follow-up carries only its item's id. */
export function caseIdOfLedgerItemId(id: LedgerItemId): CaseId {
  return caseIdSchema.parse(id.split(':')[1]);
}

/** The source an item id names (its first part), so a list can be filtered by source from ids alone. */
export function sourceOfLedgerItemId(id: LedgerItemId): LedgerSource {
  return id.slice(0, id.indexOf(':')) as LedgerSource;
}

export const ledgerItemIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(overdue|deferred|commitment|escalated|greenCard|rating):[0-9a-f-]{36}(:.+)?$/u)
  .brand<'LedgerItemId'>();
export type LedgerItemId = z.infer<typeof ledgerItemIdSchema>;

/** Who answers for an item: a department, and for green-card enterprises a named liaison (专员). */
export const ledgerOwnerSchema = z.object({
  department: plainTextSchema(60),
  liaisonName: plainTextSchema(50).nullable(),
  liaisonPhone: z.string().max(30).nullable(),
});
export type LedgerOwner = z.infer<typeof ledgerOwnerSchema>;

/**
 * The item as it travels (op payload of `ledgerItem`, an upsert) and rests. Last writer wins on `owner`,
 * `dueDate` and `status`; the value it replaced is kept in `previous` so a desk can show what changed.
 */
export const ledgerItemSchema = z
  .object({
    id: ledgerItemIdSchema,
    source: z.enum(ledgerSources),
    caseId: caseIdSchema,
    /** The material key (deferred, commitment) or rating id (rating) the item is about; null otherwise. */
    subject: z.string().min(1).max(120).nullable(),
    owner: ledgerOwnerSchema.nullable(),
    /** The day it must be settled by (YYYY-MM-DD); the ledger counts working days left or overdue to it. */
    dueDate: isoDateSchema,
    /** Why the due date was last set or moved, or why the case was escalated; required for those acts. */
    reason: plainTextSchema(500, true).nullable(),
    status: z.enum(ledgerStatuses),
    /** 办理结果: required to close. */
    result: plainTextSchema(500, true).nullable(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
    /** The values the last change replaced (owner, due date, status), for the item's history. */
    previous: z
      .object({ owner: ledgerOwnerSchema.nullable(), dueDate: isoDateSchema, status: z.enum(ledgerStatuses) })
      .nullable(),
  })
  .refine((item) => item.status !== 'closed' || (item.result !== null && item.result.trim() !== ''), { error: m.resultRequired, path: ['result'] })
  .refine((item) => sourcesWithSubject.has(item.source) === (item.subject !== null), { error: m.subjectRequired, path: ['subject'] })
  .refine((item) => item.source !== 'escalated' || (item.reason !== null && item.reason.trim() !== ''), { error: m.reasonRequired, path: ['reason'] });
export type LedgerItem = z.infer<typeof ledgerItemSchema>;

/** 督办记录: one follow-up on an item, append-only (op `ledgerFollowUp`, its entityId a UUIDv7). */
export const ledgerFollowUpSchema = z.object({
  itemId: ledgerItemIdSchema,
  /** When it was done (may be earlier than when it was recorded). */
  at: isoDateTimeSchema,
  /** Who did it, by name as the chief writes it (a department's staff are not the desk's clerks). */
  by: plainTextSchema(50),
  text: plainTextSchema(500, true),
});
export type LedgerFollowUp = z.infer<typeof ledgerFollowUpSchema>;

/**
 * A follow-up as HQ relays it to the hall's desks: the follow-up, who recorded it at which desk, and when it
 * was recorded (`recordedAt`, the op's time; `at` stays the follow-up's own).
 */
export const ledgerFollowUpRecordSchema = ledgerFollowUpSchema.extend({ ...eventRecordMeta, at: isoDateTimeSchema, recordedAt: isoDateTimeSchema });
export type LedgerFollowUpRecord = z.infer<typeof ledgerFollowUpRecordSchema>;
