import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from '../chineseDate';

/**
 * 督办台账 as it is exported (printed PDF, `.xlsx`): one plain row per item, every label already resolved and
 * every figure already counted by whoever lists the ledger, so the exports read no storage and compute no
 * rule — they lay out what they are given. The screen builds these rows from the items it shows.
 */

const label = (max: number) => z.string().trim().min(1).max(max);

export const ledgerReportRowSchema = z.object({
  /** Desk case number `{hall}{desk}-{yyyymmdd}-{seq}`. */
  caseNumber: z.string().regex(/^[0-9A-Z]{2,12}-\d{8}-\d{1,6}$/, { error: '办件编号格式不正确' }),
  enterpriseName: label(200),
  /** The enterprise holds a 服务绿卡. */
  greenCard: z.boolean(),
  /** 超期预警, 容缺逾期, 提请督办… (`ledgerSourceLabels`). */
  sourceLabel: label(20),
  /** 责任单位 the chief assigned; null while nobody is. */
  owner: label(60).nullable(),
  /** The 专员 answering for it (a green-card enterprise's liaison, or one the chief named). */
  liaison: z.object({ name: label(50), phone: z.string().trim().max(30).nullable() }).nullable(),
  /** 办结时限: the day it must be settled by. */
  dueDate: isoDateSchema,
  /**
   * Working days from the listing day to the due date: positive left, 0 due today, negative overdue by
   * that many. Null once the item is closed (no clock runs).
   */
  workingDaysLeft: z.int().min(-3650).max(3650).nullable(),
  /** 待督办, 督办中, 已办结 (`ledgerStatusLabels`). */
  statusLabel: label(20),
  /** The latest 督办记录, or null before the first. */
  latestFollowUp: z.object({ at: isoDateTimeSchema, by: label(50), text: label(500) }).nullable(),
});
export type LedgerReportRow = z.infer<typeof ledgerReportRowSchema>;

/** What the title of every export says: which hall, which range of days, when it was made. */
export const ledgerReportMetaSchema = z
  .object({
    hallName: label(40),
    range: z.object({ from: isoDateSchema, to: isoDateSchema }),
    madeAt: isoDateTimeSchema,
  })
  .refine((meta) => meta.range.from <= meta.range.to, { error: '台账的起始日期不能晚于截止日期', path: ['range'] });
export type LedgerReportMeta = z.infer<typeof ledgerReportMetaSchema>;

/** The most a single export holds (the bench exports 5,000 rows). */
export const LEDGER_REPORT_MAX_ROWS = 20_000;
