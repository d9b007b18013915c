import { z } from 'zod';
import { cleanText } from '../text';
import { catalogueMessages as m } from './messages';

/**
 * The catalogue's shape as HQ publishes it. Only the shape lives here; rules that span entries (unique
 * codes, condition references, shared keys…) are in `consistency.ts`, because zod cannot name the entry
 * that breaks them the way a clerk or an HQ editor needs.
 *
 * Objects are strict: a misspelt key such as `conditon` would otherwise be dropped silently and turn a
 * conditional material into an unconditional one.
 */

/**
 * Names, guidance and legal bases end up on screens and printed notices, so they get the same hygiene as
 * any free text (`domain/text.ts`): trimmed, no control or direction-override characters.
 */
function cleanString(max: number, multiline: boolean) {
  return z
    .string()
    .transform((raw, context) => {
      const cleaned = cleanText(raw, { max, multiline });
      if (cleaned.ok) return cleaned.value;
      context.addIssue({ code: 'custom', message: cleaned.error.message });
      return z.NEVER;
    })
    .pipe(z.string().min(1));
}

const singleLine = (max: number) => cleanString(max, false);
const multiLine = (max: number) => cleanString(max, true);

const codePattern = /^[0-9A-Za-z][0-9A-Za-z-]{2,39}$/;
const identifierPattern = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
const slugPattern = /^[a-z0-9][a-z0-9-]{0,59}$/;
const optionValuePattern = /^[a-z][a-z0-9_]{0,39}$/;

/** e.g. "2026.11.1": year, month, release within the month. */
export const catalogueVersionSchema = z
  .string()
  .regex(/^\d{4}\.(?:[1-9]|1[0-2])\.[1-9]\d{0,2}$/, { error: m.badVersion })
  .brand<'CatalogueVersion'>();
export type CatalogueVersion = z.infer<typeof catalogueVersionSchema>;

/** 事项编码. */
export const matterCodeSchema = z.string().regex(codePattern, { error: m.badCode }).brand<'MatterCode'>();
export type MatterCode = z.infer<typeof matterCodeSchema>;

export const bundleCodeSchema = z.string().regex(codePattern, { error: m.badCode }).brand<'BundleCode'>();
export type BundleCode = z.infer<typeof bundleCodeSchema>;

/** Unique within its matter; the catalogue as a whole may reuse it. */
export const materialIdSchema = z.string().regex(slugPattern, { error: m.badSlug }).brand<'MaterialId'>();
export type MaterialId = z.infer<typeof materialIdSchema>;

/** A material that several matters need carries the same key, so one intake collects it once. */
export const sharedKeySchema = z.string().regex(slugPattern, { error: m.badSlug }).brand<'SharedKey'>();
export type SharedKey = z.infer<typeof sharedKeySchema>;

/**
 * Answers are keyed by question id per case, so one id means one question across the whole catalogue
 * (a bundle asks it once); `consistency.ts` checks that matters sharing an id define it alike.
 */
export const questionIdSchema = z.string().regex(identifierPattern, { error: m.badQuestionId }).brand<'QuestionId'>();
export type QuestionId = z.infer<typeof questionIdSchema>;

export const optionValueSchema = z.string().regex(optionValuePattern, { error: m.badOptionValue });

/**
 * A declarative condition over the intake answers, evaluated by `condition.ts` without `eval`.
 * Leaves name a question and carry exactly one operator; which operator fits which question kind is
 * checked against the matter's questions in `consistency.ts`.
 */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly answer: QuestionId; readonly equals: string }
  | { readonly answer: QuestionId; readonly includes: string }
  | { readonly answer: QuestionId; readonly isTrue: boolean }
  | { readonly answer: QuestionId; readonly atLeast: number };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ all: z.array(conditionSchema).min(1).max(20) }),
      z.strictObject({ any: z.array(conditionSchema).min(1).max(20) }),
      z.strictObject({ not: conditionSchema }),
      z.strictObject({ answer: questionIdSchema, equals: optionValueSchema }),
      z.strictObject({ answer: questionIdSchema, includes: optionValueSchema }),
      z.strictObject({ answer: questionIdSchema, isTrue: z.boolean() }),
      z.strictObject({ answer: questionIdSchema, atLeast: z.number().int().min(0).max(9999) }),
    ],
    { error: m.badCondition },
  ),
);

export const questionOptionSchema = z.strictObject({
  value: optionValueSchema,
  label: singleLine(60),
});
export type QuestionOption = z.infer<typeof questionOptionSchema>;

const questionBase = {
  id: questionIdSchema,
  label: singleLine(80),
  help: multiLine(400).optional(),
};

export const questionKinds = ['boolean', 'single', 'multi', 'count'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const intakeQuestionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...questionBase, kind: z.literal('boolean') }),
  z.strictObject({ ...questionBase, kind: z.literal('single'), options: z.array(questionOptionSchema).min(2).max(30) }),
  z.strictObject({ ...questionBase, kind: z.literal('multi'), options: z.array(questionOptionSchema).min(2).max(30) }),
  z.strictObject({ ...questionBase, kind: z.literal('count'), max: z.number().int().min(1).max(9999).optional() }),
]);
export type IntakeQuestion = z.infer<typeof intakeQuestionSchema>;

/** 原件 / 复印件 / 原件及复印件 (original shown for checking, copy kept). */
export const materialForms = ['original', 'copy', 'original_and_copy'] as const;
export type MaterialForm = (typeof materialForms)[number];

export const materialSchema = z.strictObject({
  id: materialIdSchema,
  name: singleLine(120),
  form: z.enum(materialForms),
  copies: z.number().int().min(1).max(20),
  /** Whether the material must be handed in when it applies (its condition holds or it has none). */
  required: z.boolean(),
  /** When absent the material always applies. */
  condition: conditionSchema.optional(),
  /** 容缺: may be accepted now and handed in later, by a deadline set at the counter. */
  deferrable: z.boolean().default(false),
  /** 容缺: working days from acceptance the applicant has to bring it; the hall's default when absent. */
  deferralDays: z.number().int().min(1).max(60).optional(),
  /** 告知承诺: a signed commitment may replace it. */
  commitmentAllowed: z.boolean().default(false),
  /** 核查 of a commitment within this many working days of acceptance; absent: the desk's default period. */
  commitmentCheckDays: z.number().int().min(1).max(365).optional(),
  /** 免提交: the department obtains the data itself from the named source. */
  exemptWhenShared: z.strictObject({ dataSource: singleLine(120) }).optional(),
  sharedKey: sharedKeySchema.optional(),
  legalBasis: z.array(singleLine(200)).min(1).max(10),
  /** What the clerk should check; shown beside the item. */
  guidance: multiLine(600).optional(),
});
export type Material = z.infer<typeof materialSchema>;

/** 即办件 (decided at the counter) / 承诺件 (decided within the promised limit). */
export const matterKinds = ['immediate', 'commitment'] as const;
export type MatterKind = (typeof matterKinds)[number];

export const matterSchema = z.strictObject({
  code: matterCodeSchema,
  name: singleLine(60),
  department: singleLine(60),
  kind: z.enum(matterKinds),
  /** 法定时限, in working days. */
  legalLimitDays: z.number().int().min(0).max(365),
  /** 承诺时限, in working days; 0 for 即办件. */
  promisedLimitDays: z.number().int().min(0).max(365),
  feeFen: z.number().int().min(0).max(100_000_000),
  questions: z.array(intakeQuestionSchema).max(50).default([]),
  materials: z.array(materialSchema).min(1).max(100),
  /** What the matter issues, e.g. 营业执照; null when it issues no certificate. */
  certificate: singleLine(40).nullable(),
  /** Other names the clerk may search by (Chinese or pinyin). */
  aliases: z.array(singleLine(40)).max(20).default([]),
});
export type Matter = z.infer<typeof matterSchema>;

/** 一件事: several matters taken in one intake. */
export const bundleSchema = z.strictObject({
  code: bundleCodeSchema,
  name: singleLine(60),
  matterCodes: z.array(matterCodeSchema).min(2).max(30),
  aliases: z.array(singleLine(40)).max(20).default([]),
});
export type Bundle = z.infer<typeof bundleSchema>;

export const catalogueSchema = z.strictObject({
  version: catalogueVersionSchema,
  matters: z.array(matterSchema).min(1).max(1000),
  bundles: z.array(bundleSchema).max(200).default([]),
});
export type Catalogue = z.infer<typeof catalogueSchema>;
