import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../../../renderer/src/domain/calendar';
import { receiveDeferredMaterials } from '../../../../../renderer/src/domain/cases/caseStateMachine';
import {
  daysOverdue,
  defaultDeferralWorkingDays,
  deferralDeadline,
  isOverdue,
  outstandingDeferred,
  overdueDeferredMaterials,
} from '../../../../../renderer/src/domain/cases/deferredMaterials';
import { caseStateSchema, type CaseState } from '../../../../../renderer/src/domain/cases/caseState';
import { admin, checklistWith, clerk, contextFor, stateIn, statusIn } from './caseFixtures';

const lease = { materialKey: 'lease', name: '房屋租赁合同', deadline: '2026-10-09' };
const title = { materialKey: 'ownerTitle', name: '出租方产权证明', deadline: '2026-10-12' };
const deferralAcceptance = { ...statusIn.acceptedWithDeferral.acceptance, deferral: { undertaking: '本人承诺按期补交。', materials: [lease, title] } };

function deferredState(code: 'acceptedWithDeferral' | 'underReview' | 'approved' | 'awaitingIssuance' = 'acceptedWithDeferral'): CaseState {
  const state = stateIn(code);
  return { ...state, status: { ...state.status, acceptance: deferralAcceptance } as CaseState['status'] };
}

describe('deferralDeadline', () => {
  // 2026-09-29 is the Tuesday before the National Day holiday (10-01…10-07 off, 10-10 a make-up Saturday).
  it('counts the catalogue’s working days from acceptance, over holidays and make-up days', () => {
    expect(deferralDeadline('2026-09-29', 3, '2026-10-30', addWorkingDays)).toBe('2026-10-09');
  });

  it('takes the hall’s default when the catalogue sets no period', () => {
    expect(defaultDeferralWorkingDays).toBe(5);
    expect(deferralDeadline('2026-09-29', undefined, '2026-10-30', addWorkingDays)).toBe('2026-10-12');
  });

  it('never passes the promised due date', () => {
    expect(deferralDeadline('2026-09-29', 10, '2026-10-12', addWorkingDays)).toBe('2026-10-12');
  });
});

describe('outstandingDeferred and the overdue list', () => {
  it('owes what the acceptance deferred and the checklist still records as deferred', () => {
    const statuses: Record<string, 'deferred' | 'received'> = { lease: 'received', ownerTitle: 'deferred' };
    expect(outstandingDeferred(deferralAcceptance, (key) => statuses[key])).toEqual([title]);
    expect(outstandingDeferred(statusIn.accepted.acceptance, () => 'deferred')).toEqual([]);
    expect(outstandingDeferred(null, () => 'deferred')).toEqual([]);
  });

  it('is overdue the day after its deadline, not on it', () => {
    expect(isOverdue('2026-10-09', '2026-10-09')).toBe(false);
    expect(isOverdue('2026-10-09', '2026-10-10')).toBe(true);
    expect([daysOverdue('2026-10-09', '2026-10-08'), daysOverdue('2026-10-09', '2026-10-09'), daysOverdue('2026-09-29', '2026-10-10')]).toEqual([0, 0, 11]);
  });

  it('lists overdue materials of every case, most overdue first, then by case number', () => {
    const cases = [
      { caseId: 'b', caseNumber: 'MY02-20260929-0002', enterpriseName: '乙', outstanding: [title, lease] },
      { caseId: 'a', caseNumber: 'MY01-20260929-0001', enterpriseName: '甲', outstanding: [lease] },
      { caseId: 'c', caseNumber: 'MY01-20260929-0003', enterpriseName: '丙', outstanding: [] },
    ];
    expect(overdueDeferredMaterials(cases, '2026-10-12').map((item) => [item.caseNumber, item.name, item.enterpriseName])).toEqual([
      ['MY01-20260929-0001', '房屋租赁合同', '甲'],
      ['MY02-20260929-0002', '房屋租赁合同', '乙'],
    ]);
    expect(overdueDeferredMaterials(cases, '2026-10-13')).toHaveLength(3);
    expect(overdueDeferredMaterials(cases, '2026-10-09')).toEqual([]);
  });
});

describe('receiveDeferredMaterials (补交)', () => {
  const owing = { checklist: checklistWith({ lease: 'deferred', ownerTitle: 'deferred' }) };

  it('appends the 补交 entry with each material’s deadline and lateness, asks for the receipt, and keeps the status', () => {
    for (const code of ['acceptedWithDeferral', 'underReview', 'approved', 'awaitingIssuance'] as const) {
      const before = deferredState(code);
      const result = receiveDeferredMaterials(before, ['lease', 'ownerTitle'], contextFor(clerk, { ...owing, at: '2026-10-10T10:00:00+08:00' }));
      if (!result.ok) throw new Error(result.error.message);
      expect(result.state.status).toEqual(before.status);
      expect(result.events).toEqual([
        {
          seq: 2,
          at: '2026-10-10T10:00:00+08:00',
          clerkId: clerk.id,
          type: 'deferredMaterialsReceived',
          materials: [
            { ...lease, late: true },
            { ...title, late: false },
          ],
          documents: [{ kind: 'supplementaryReceipt' }],
        },
      ]);
      expect(caseStateSchema.parse(result.state)).toEqual(result.state);
    }
  });

  it('refuses a material the acceptance did not defer, one already brought, and one listed twice', () => {
    const state = deferredState();
    const refusal = (keys: string[], context = contextFor(clerk, owing)) => {
      const result = receiveDeferredMaterials(state, keys, context);
      return result.ok ? null : result.error;
    };
    expect(refusal(['articles'])).toEqual({ kind: 'deferralInvalid', message: '「公司章程」不是本办件容缺受理时约定补交的材料。' });
    expect(refusal(['lease'], contextFor(clerk, { checklist: checklistWith({ lease: 'received' }) }))).toEqual({
      kind: 'deferralInvalid',
      message: '容缺材料「房屋租赁合同」已经补交，无需再次登记。',
    });
    expect(refusal(['lease', 'lease'])).toEqual({ kind: 'deferralInvalid', message: '材料「房屋租赁合同」在本次补交中重复列出。' });
    expect(refusal([])).toEqual({ kind: 'invalidInput', message: '请至少选择一项补交的容缺材料' });
  });

  it('refuses a case that owes nothing, one not accepted or already finished, and an admin', () => {
    const error = (state: CaseState, actor = clerk) => {
      const result = receiveDeferredMaterials(state, ['lease'], contextFor(actor, owing));
      return result.ok ? null : result.error;
    };
    expect(error(stateIn('accepted'))).toEqual({ kind: 'illegalTransition', message: '办件已受理，不能登记补交容缺材料。' });
    expect(error(stateIn('underReview'))).toEqual({ kind: 'deferralInvalid', message: '本办件没有容缺材料，无需补交。' });
    expect(error(stateIn('drafting'))?.kind).toBe('illegalTransition');
    expect(error(stateIn('completed'))).toEqual({ kind: 'illegalTransition', message: '办件已办结，不能登记补交容缺材料。' });
    expect(error(deferredState(), admin)?.kind).toBe('forbidden');
    expect(receiveDeferredMaterials(deferredState(), ['lease'], contextFor(clerk, { ...owing, at: 'yesterday' })).ok).toBe(false);
  });
});
