import { z } from 'zod';
import { phoneSchema } from '../domain/cases/parties';
import { isoDateSchema } from '../domain/chineseDate';
import { usccSchema } from '../domain/identifiers';
import { plainTextSchema } from '../domain/text';
import { queryInt } from './common';
import { protocolMessages } from './messages';

// GET /v1/reference/{kind}?since=V

export const referenceKinds = ['catalogue', 'calendar', 'greencards'] as const;
export type ReferenceKind = (typeof referenceKinds)[number];
export const referenceKindSchema = z.enum(referenceKinds);

/**
 * A catalogue is published as one item, the whole document in the shape of
 * `domain/catalogue/schema.ts` (`catalogueSchema`): its rules span entries, so the desk validates it
 * whole with that schema before staging it.
 */
export const catalogueItemSchema = z.record(z.string(), z.unknown());
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;

/** One year's holiday arrangement; the desk folds them into `domain/calendar.ts`'s calendar. */
export const calendarItemSchema = z
  .object({
    year: z.int().min(2000).max(2100),
    holidays: z.array(isoDateSchema).min(1),
    /** Make-up working days (调休上班). */
    workdays: z.array(isoDateSchema),
  })
  .refine((item) => [...item.holidays, ...item.workdays].every((date) => date.startsWith(`${item.year}-`)), {
    error: protocolMessages.calendarDateOutsideYear,
  });
export type CalendarItem = z.infer<typeof calendarItemSchema>;

/** 服务绿卡: priority channel and named liaison (专员). */
export const greenCardItemSchema = z.object({
  uscc: usccSchema,
  enterpriseName: plainTextSchema(200),
  liaisonName: plainTextSchema(50),
  liaisonPhone: phoneSchema,
  validUntil: isoDateSchema.nullable(),
  /** Extension: the priority channel's level, 1 served first; a desk takes a card without one as 3. */
  priority: z.literal([1, 2, 3]).optional(),
});
export type GreenCardItem = z.infer<typeof greenCardItemSchema>;

export const referenceItemSchemas = {
  catalogue: catalogueItemSchema,
  calendar: calendarItemSchema,
  greencards: greenCardItemSchema,
} as const;

export const referenceQuerySchema = z.object({ since: queryInt(0).optional() });

/**
 * `version` is HQ's publication number of that kind (1, 2, …; 0 = nothing published). `full` with the
 * whole list when `since` differs from it; otherwise `full: false` and no items, and the desk keeps what
 * it has. The reference HQ never sends partial lists.
 */
const referenceResponse = <K extends ReferenceKind, I extends z.ZodType>(kind: K, item: I) =>
  z.object({ kind: z.literal(kind), version: z.int().min(0), full: z.boolean(), items: z.array(item) });
export const referenceResponseSchema = z.discriminatedUnion('kind', [
  referenceResponse('catalogue', catalogueItemSchema),
  referenceResponse('calendar', calendarItemSchema),
  referenceResponse('greencards', greenCardItemSchema),
]);
export type ReferenceResponse = z.infer<typeof referenceResponseSchema>;
