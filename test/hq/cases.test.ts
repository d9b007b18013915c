import { describe, expect, it } from 'vitest';
import { hqAuthor, planCasePatch } from './cases';

const deskA = 'desk-a';
const deskB = 'desk-b';
const current = {
  fields: { visits: 1, status: { code: 'accepted' }, queueTicket: 'A001' },
  stamps: {
    visits: { version: 1, by: deskA },
    status: { version: 3, by: hqAuthor },
    queueTicket: { version: 2, by: deskB },
  },
};

describe('planCasePatch', () => {
  it('ignores fields the patch leaves as they are, comparing values deeply', () => {
    expect(planCasePatch(current, { visits: 1, status: { code: 'accepted' } }, 1, deskA)).toEqual({ changed: [], conflicts: [], apply: [] });
  });

  it('takes every change made from the current version', () => {
    const plan = planCasePatch(current, { visits: 2, status: { code: 'withdrawn' }, queueTicket: 'B002' }, 3, deskA);
    expect(plan).toEqual({ changed: ['visits', 'status', 'queueTicket'], conflicts: [], apply: ['visits', 'status', 'queueTicket'] });
  });

  it('keeps the value of a field someone else changed after the base version', () => {
    const plan = planCasePatch(current, { visits: 2, status: { code: 'withdrawn' }, queueTicket: 'B002' }, 1, deskA);
    expect(plan).toEqual({ changed: ['visits', 'status', 'queueTicket'], conflicts: ['status', 'queueTicket'], apply: ['visits'] });
  });

  it("never counts a desk's own later change as a conflict with it", () => {
    expect(planCasePatch(current, { queueTicket: 'B003' }, 1, deskB).conflicts).toEqual([]);
  });

  it("without a base version lets the desk's value win over another desk's but never over HQ's", () => {
    const plan = planCasePatch(current, { status: { code: 'withdrawn' }, queueTicket: 'B002' }, undefined, deskA);
    expect(plan).toEqual({ changed: ['status', 'queueTicket'], conflicts: ['status'], apply: ['queueTicket'] });
  });

  it('takes a field the case never had', () => {
    expect(planCasePatch(current, { agent: null }, 1, deskA).apply).toEqual(['agent']);
  });
});
