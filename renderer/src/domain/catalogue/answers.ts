import { z } from 'zod';

/**
 * Intake answers of one case, keyed by question id. The value's shape follows the question kind:
 * boolean → `boolean`, single choice → the option value, multi choice → the option values chosen,
 * count → a whole number. A question not yet answered has no key.
 */
export const answerValueSchema = z.union([
  z.boolean(),
  z.string().max(40),
  z.array(z.string().max(40)).max(30),
  z.number().int().min(0).max(9999),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const intakeAnswersSchema = z.record(z.string().max(40), answerValueSchema);
export type IntakeAnswers = Readonly<Record<string, AnswerValue | undefined>>;
