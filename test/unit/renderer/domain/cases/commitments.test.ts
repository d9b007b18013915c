import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../../../renderer/src/domain/calendar';
import { caseIdSchema } from '../../../../../renderer/src/domain/cases/caseId';
import { applyCaseCommand } from '../../../../../renderer/src/domain/cases/caseStateMachine';
import type { CaseStatusCode } from '../../../../../renderer/src/domain/cases/caseStatus';
import {
  acceptanceDate,
  commitmentCheckDueDate,
  commitmentCheckPayloadSchema,
  commitmentStatement,
  defaultCommitmentCheckDays,
  latestChecks,
  openCommitmentChecks,
  type CommitmentCase,
} from '../../../../../renderer/src/domain/cases/commitments';
import { committedItems } from '../../../../../renderer/src/domain/cases/decisionChecklist';
import { DUE, checklistWith, clerk, contextFor, stateIn, statusIn } from './caseFixtures';

const caseA = caseIdSchema.parse('0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b');
const caseB = caseIdSchema.parse('0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c');
const premises = { materialKey: 'shared:premises', name: '住所使用证明', checkDays: null };
const loss = { materialKey: 'change/loss', name: '营业执照遗失声明', checkDays: 5 };

function commitmentCase(code: CaseStatusCode, overrides: Partial<CommitmentCase> = {}): CommitmentCase {
  return { caseId: caseA, caseNumber: 'MY01-20260929-0001', enterpriseName: '绵阳宇顺科技有限公司', status: statusIn[code], committed: [premises], checks: [], ...overrides };
}

describe('告知承诺 in a counter decision', () => {
  const committed = checklistWith({ lease: 'committed' });

  it('lets the case be accepted plainly: a commitment owes nothing later', () => {
    const outcome = applyCaseCommand(stateIn('drafting'), { type: 'accept' }, contextFor(clerk, { checklist: committed }));
    expect(outcome.ok && outcome.state.status.code).toBe('accepted');
    expect(committedItems(committed).map((item) => item.name)).toEqual(['房屋租赁合同']);
  });

  it('does not hold the licence back, unlike a deferred material', () => {
    const outcome = applyCaseCommand(stateIn('approved'), { type: 'markReadyForIssuance' }, contextFor(clerk, { checklist: committed }));
    expect(outcome.ok && outcome.state.status.code).toBe('awaitingIssuance');
  });
});

describe('核查 due date', () => {
  it('runs from the acceptance date, in working days', () => {
    expect(acceptanceDate(statusIn.accepted)).toBe('2026-09-29');
    expect(acceptanceDate(statusIn.drafting)).toBeNull();
    // Five working days from Tuesday 2026-09-29 jump the National Day holiday (as the fixtures' promised due date does).
    expect(commitmentCheckDueDate('2026-09-29', 5, addWorkingDays)).toBe(DUE);
  });

  it('takes the default period when the catalogue sets none for the material', () => {
    expect(commitmentCheckDueDate('2026-09-29', null, addWorkingDays)).toBe(addWorkingDays('2026-09-29', defaultCommitmentCheckDays));
  });
});

describe('openCommitmentChecks', () => {
  const defaultDue = addWorkingDays('2026-09-29', defaultCommitmentCheckDays);

  it('lists every committed item of an accepted case without a result, soonest due first', () => {
    const tasks = openCommitmentChecks([commitmentCase('awaitingIssuance', { committed: [premises, loss] })], '2026-10-09', addWorkingDays);
    expect(tasks.map(({ materialKey, dueDate, state }) => ({ materialKey, dueDate, state }))).toEqual([
      { materialKey: 'change/loss', dueDate: DUE, state: 'open' },
      { materialKey: 'shared:premises', dueDate: defaultDue, state: 'open' },
    ]);
    expect(tasks[0]).toMatchObject({ caseId: caseA, caseNumber: 'MY01-20260929-0001', name: '营业执照遗失声明', acceptedOn: '2026-09-29' });
  });

  it('marks a check overdue from the day after its due date, and open on the due date itself', () => {
    const one = [commitmentCase('completed', { committed: [loss] })];
    expect(openCommitmentChecks(one, DUE, addWorkingDays)[0]!.state).toBe('open');
    expect(openCommitmentChecks(one, '2026-10-13', addWorkingDays)[0]!.state).toBe('overdue');
  });

  it('drops an item once a result is recorded for it', () => {
    const checked = commitmentCase('accepted', { committed: [premises, loss], checks: [{ materialKey: 'change/loss', at: '2026-10-09T10:00:00+08:00' }] });
    expect(openCommitmentChecks([checked], '2026-10-09', addWorkingDays).map((task) => task.materialKey)).toEqual(['shared:premises']);
  });

  it('has no check for a case not yet accepted, withdrawn or denied', () => {
    const cases = (['drafting', 'awaitingCorrection', 'refused', 'withdrawn', 'denied'] as const).map((code) => commitmentCase(code));
    expect(openCommitmentChecks(cases, '2027-01-04', addWorkingDays)).toEqual([]);
  });

  it('orders cases due the same day by case number', () => {
    const later = commitmentCase('accepted', { caseId: caseB, caseNumber: 'MY01-20260929-0002' });
    expect(openCommitmentChecks([later, commitmentCase('accepted')], '2026-09-30', addWorkingDays).map((task) => task.caseId)).toEqual([caseA, caseB]);
  });
});

describe('a 核查 result', () => {
  const base = { caseId: caseA, materialKey: 'shared:premises', name: '住所使用证明' };

  it('may be 属实 without an action', () => {
    expect(commitmentCheckPayloadSchema.parse({ ...base, outcome: 'truthful', action: null }).outcome).toBe('truthful');
  });

  it('must say what was done when the commitment proved untrue', () => {
    const refused = commitmentCheckPayloadSchema.safeParse({ ...base, outcome: 'untruthful', action: null });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('核查结果为不属实的，请写明采取的处理措施');
    expect(commitmentCheckPayloadSchema.safeParse({ ...base, outcome: 'untruthful', action: '   ' }).success).toBe(false);
    expect(commitmentCheckPayloadSchema.parse({ ...base, outcome: 'untruthful', action: ' 责令限期改正 ' }).action).toBe('责令限期改正');
  });

  it('stands as the latest recorded for its material', () => {
    const first = { materialKey: 'a', at: '2026-10-09T10:00:00+08:00', outcome: 'untruthful' };
    const second = { materialKey: 'a', at: '2026-10-10T09:00:00+08:00', outcome: 'truthful' };
    expect(latestChecks([second, first]).get('a')).toBe(second);
  });
});

it('names the material in the statement the applicant signs', () => {
  expect(commitmentStatement('住所使用证明')).toContain('「住所使用证明」');
});
