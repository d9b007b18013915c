import type { IntakeAnswers } from './answers';
import type { Condition, QuestionId } from './schema';

/**
 * Conditions are evaluated with three-valued (Kleene) logic, so that an unanswered question can never
 * make a material appear by accident:
 * - a leaf whose question is unanswered — or whose answer has the wrong shape for its operator — is
 *   `undecided`;
 * - `not` keeps `undecided` undecided (it does not flip it to true);
 * - `all` fails as soon as one part fails, holds when every part holds, else is undecided;
 * - `any` holds as soon as one part holds, fails when every part fails, else is undecided.
 * A material applies only when its condition `holds`; an undecided condition counts as false until the
 * clerk answers the question. So `{any: [unanswered, holds]}` applies, `{not: unanswered}` does not.
 */
export type ConditionOutcome = 'holds' | 'fails' | 'undecided';

export function evaluateCondition(condition: Condition, answers: IntakeAnswers): ConditionOutcome {
  if ('all' in condition) {
    let outcome: ConditionOutcome = 'holds';
    for (const part of condition.all) {
      const partOutcome = evaluateCondition(part, answers);
      if (partOutcome === 'fails') return 'fails';
      if (partOutcome === 'undecided') outcome = 'undecided';
    }
    return outcome;
  }
  if ('any' in condition) {
    let outcome: ConditionOutcome = 'fails';
    for (const part of condition.any) {
      const partOutcome = evaluateCondition(part, answers);
      if (partOutcome === 'holds') return 'holds';
      if (partOutcome === 'undecided') outcome = 'undecided';
    }
    return outcome;
  }
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, answers);
    return inner === 'undecided' ? inner : inner === 'holds' ? 'fails' : 'holds';
  }
  const answer = answers[condition.answer];
  if ('equals' in condition) {
    return typeof answer === 'string' ? verdict(answer === condition.equals) : 'undecided';
  }
  if ('includes' in condition) {
    return Array.isArray(answer) ? verdict(answer.includes(condition.includes)) : 'undecided';
  }
  if ('isTrue' in condition) {
    return typeof answer === 'boolean' ? verdict(answer === condition.isTrue) : 'undecided';
  }
  return typeof answer === 'number' && Number.isInteger(answer) ? verdict(answer >= condition.atLeast) : 'undecided';
}

/** True only when the condition is decided and holds; a missing condition always holds. */
export function conditionHolds(condition: Condition | undefined, answers: IntakeAnswers): boolean {
  return condition === undefined || evaluateCondition(condition, answers) === 'holds';
}

/** Every leaf of the condition, in order, for validation and for finding the questions still to ask. */
export function conditionLeaves(condition: Condition): ConditionLeaf[] {
  if ('all' in condition) return condition.all.flatMap(conditionLeaves);
  if ('any' in condition) return condition.any.flatMap(conditionLeaves);
  if ('not' in condition) return conditionLeaves(condition.not);
  return [condition];
}

export type ConditionLeaf = Extract<Condition, { readonly answer: QuestionId }>;

function verdict(value: boolean): ConditionOutcome {
  return value ? 'holds' : 'fails';
}
