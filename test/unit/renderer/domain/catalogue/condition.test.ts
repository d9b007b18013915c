import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, IntakeAnswers } from '../../../../../renderer/src/domain/catalogue/answers';
import {
  conditionHolds,
  conditionLeaves,
  evaluateCondition,
} from '../../../../../renderer/src/domain/catalogue/condition';
import type { Condition, QuestionId } from '../../../../../renderer/src/domain/catalogue/schema';

const q = (id: string) => id as QuestionId;
const premisesRented: Condition = { answer: q('premises'), equals: 'rented' };
const hasCompany: Condition = { answer: q('shareholderKinds'), includes: 'company' };
const agentUsed: Condition = { answer: q('agentUsed'), isTrue: true };
const agentNotUsed: Condition = { answer: q('agentUsed'), isTrue: false };
const twoOrMoreStaff: Condition = { answer: q('staffCount'), atLeast: 2 };

describe('evaluateCondition — leaves', () => {
  it('equals holds for the chosen option and fails for another', () => {
    expect(evaluateCondition(premisesRented, { premises: 'rented' })).toBe('holds');
    expect(evaluateCondition(premisesRented, { premises: 'owned' })).toBe('fails');
  });

  it('includes holds when the option is among those chosen and fails when it is not, even with none chosen', () => {
    expect(evaluateCondition(hasCompany, { shareholderKinds: ['natural_person', 'company'] })).toBe('holds');
    expect(evaluateCondition(hasCompany, { shareholderKinds: ['natural_person'] })).toBe('fails');
    expect(evaluateCondition(hasCompany, { shareholderKinds: [] })).toBe('fails');
  });

  it('isTrue compares with the answer in both directions', () => {
    expect(evaluateCondition(agentUsed, { agentUsed: true })).toBe('holds');
    expect(evaluateCondition(agentUsed, { agentUsed: false })).toBe('fails');
    expect(evaluateCondition(agentNotUsed, { agentUsed: false })).toBe('holds');
    expect(evaluateCondition(agentNotUsed, { agentUsed: true })).toBe('fails');
  });

  it('atLeast holds at and above the threshold and fails below it', () => {
    expect(evaluateCondition(twoOrMoreStaff, { staffCount: 2 })).toBe('holds');
    expect(evaluateCondition(twoOrMoreStaff, { staffCount: 7 })).toBe('holds');
    expect(evaluateCondition(twoOrMoreStaff, { staffCount: 1 })).toBe('fails');
    expect(evaluateCondition(twoOrMoreStaff, { staffCount: 0 })).toBe('fails');
  });

  it.each([
    ['equals', premisesRented],
    ['includes', hasCompany],
    ['isTrue', agentUsed],
    ['isTrue false', agentNotUsed],
    ['atLeast', twoOrMoreStaff],
  ])('an unanswered question leaves %s undecided, which does not count as holding', (_, condition) => {
    expect(evaluateCondition(condition, {})).toBe('undecided');
    expect(conditionHolds(condition, {})).toBe(false);
  });

  it.each<[string, Condition, AnswerValue]>([
    ['equals given a list', premisesRented, ['rented']],
    ['includes given a single value', hasCompany, 'company'],
    ['isTrue given text', agentUsed, 'true'],
    ['atLeast given a fraction', twoOrMoreStaff, 2.5],
    ['atLeast given a boolean', twoOrMoreStaff, true],
  ])('treats an answer of the wrong shape (%s) as unanswered', (_, condition, value) => {
    const answers: IntakeAnswers = { premises: value, shareholderKinds: value, agentUsed: value, staffCount: value };
    expect(evaluateCondition(condition, answers)).toBe('undecided');
  });
});

describe('evaluateCondition — combinations', () => {
  it('all holds only when every part holds', () => {
    const condition: Condition = { all: [premisesRented, hasCompany] };
    expect(evaluateCondition(condition, { premises: 'rented', shareholderKinds: ['company'] })).toBe('holds');
    expect(evaluateCondition(condition, { premises: 'owned', shareholderKinds: ['company'] })).toBe('fails');
  });

  it('all fails as soon as one part fails, even when another is unanswered', () => {
    expect(evaluateCondition({ all: [premisesRented, hasCompany] }, { premises: 'owned' })).toBe('fails');
  });

  it('all is undecided when no part fails but one is unanswered', () => {
    expect(evaluateCondition({ all: [premisesRented, hasCompany] }, { premises: 'rented' })).toBe('undecided');
  });

  it('any holds as soon as one part holds, even when another is unanswered', () => {
    expect(evaluateCondition({ any: [premisesRented, hasCompany] }, { premises: 'rented' })).toBe('holds');
  });

  it('any fails only when every part fails', () => {
    const condition: Condition = { any: [premisesRented, hasCompany] };
    expect(evaluateCondition(condition, { premises: 'owned', shareholderKinds: [] })).toBe('fails');
    expect(evaluateCondition(condition, { premises: 'owned' })).toBe('undecided');
  });

  it('not flips a decided condition', () => {
    expect(evaluateCondition({ not: premisesRented }, { premises: 'owned' })).toBe('holds');
    expect(evaluateCondition({ not: premisesRented }, { premises: 'rented' })).toBe('fails');
  });

  it('not keeps an unanswered question undecided, so it never makes a material appear', () => {
    expect(evaluateCondition({ not: premisesRented }, {})).toBe('undecided');
    expect(conditionHolds({ not: premisesRented }, {})).toBe(false);
  });

  it('nests: rented premises with a corporate shareholder, unless an agent applies', () => {
    const condition: Condition = { all: [premisesRented, { any: [hasCompany, twoOrMoreStaff] }, { not: agentUsed }] };
    expect(
      evaluateCondition(condition, { premises: 'rented', shareholderKinds: [], staffCount: 3, agentUsed: false }),
    ).toBe('holds');
    expect(
      evaluateCondition(condition, { premises: 'rented', shareholderKinds: [], staffCount: 3, agentUsed: true }),
    ).toBe('fails');
  });
});

describe('conditionHolds', () => {
  it('holds for a material without a condition', () => {
    expect(conditionHolds(undefined, {})).toBe(true);
  });
});

describe('conditionLeaves', () => {
  it('lists every leaf in order through all, any and not', () => {
    const condition: Condition = { all: [premisesRented, { any: [hasCompany, { not: agentUsed }] }, twoOrMoreStaff] };
    expect(conditionLeaves(condition)).toEqual([premisesRented, hasCompany, agentUsed, twoOrMoreStaff]);
  });
});

describe('evaluateCondition — answering more never reverses a decided outcome', () => {
  const questions = ['a', 'b', 'c'] as const;
  const leaf: fc.Arbitrary<Condition> = fc.oneof(
    fc.constantFrom(...questions).map((id): Condition => ({ answer: q(id), isTrue: true })),
    fc.constantFrom(...questions).map((id): Condition => ({ answer: q(id), isTrue: false })),
  );
  const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((all): Condition => ({ all })),
      fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((any): Condition => ({ any })),
      tie('condition').map((not): Condition => ({ not })),
    ),
  }));
  const answers = fc.record({ a: fc.boolean(), b: fc.boolean(), c: fc.boolean() });

  it('holds for random conditions and answers', () => {
    fc.assert(
      fc.property(condition, answers, fc.subarray([...questions]), (cond, full, unanswered) => {
        const partial: Record<string, boolean> = { ...full };
        for (const id of unanswered) delete partial[id];
        const before = evaluateCondition(cond, partial);
        const after = evaluateCondition(cond, full);
        expect(after).not.toBe('undecided');
        if (before !== 'undecided') expect(after).toBe(before);
      }),
    );
  });
});
