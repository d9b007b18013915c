import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../../../renderer/src/domain/calendar';
import { caseCommandLabels, type CaseCommandInput, type CaseCommandType } from '../../../../../renderer/src/domain/cases/caseCommands';
import { documentRequestsOf, type CaseEvent } from '../../../../../renderer/src/domain/cases/caseEvents';
import {
  applyCaseCommand,
  availableCaseCommands,
  correctIntake,
  type IntakeCorrection,
  openCase,
  type CaseCommandContext,
  type CaseCommandResult,
} from '../../../../../renderer/src/domain/cases/caseStateMachine';
import { caseStateSchema, type CaseState } from '../../../../../renderer/src/domain/cases/caseState';
import { caseStatusCodes, type CaseStatusCode } from '../../../../../renderer/src/domain/cases/caseStatus';
import { AT, DUE, admin, checklistWith, chief, clerk, contextFor, signedWithdrawalRequest, stateIn } from './caseFixtures';

function ok(result: CaseCommandResult): { state: CaseState; events: CaseEvent[] } {
  if (!result.ok) throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`);
  return result;
}

function refusal(result: CaseCommandResult): { kind: string; message: string } {
  if (result.ok) throw new Error(`expected a refusal, got status ${result.state.status.code}`);
  return result.error;
}

/** A valid instance of every command, with the checklist that lets it through when it is legal. */
const sampleCommands: Record<CaseCommandType, { input: CaseCommandInput; context?: Partial<CaseCommandContext> }> = {
  accept: { input: { type: 'accept' } },
  acceptWithDeferral: {
    input: {
      type: 'acceptWithDeferral',
      undertaking: '本人承诺于2026年10月9日前补交房屋租赁合同原件。',
      deadlines: [{ materialKey: 'lease', deadline: '2026-10-09' }],
    },
    context: { checklist: checklistWith({ lease: 'deferred' }) },
  },
  issueCorrectionNotice: {
    input: { type: 'issueCorrectionNotice', items: [{ materialKey: 'articles' }] },
    context: { checklist: checklistWith({ articles: 'missing' }) },
  },
  applicantReturns: { input: { type: 'applicantReturns' } },
  refuse: { input: { type: 'refuse', reason: '申请事项不属于本中心职权范围' } },
  withdraw: { input: { type: 'withdraw', reason: '申请人决定暂缓设立', request: signedWithdrawalRequest } },
  startReview: { input: { type: 'startReview' } },
  approve: { input: { type: 'approve' } },
  deny: { input: { type: 'deny', reason: '名称与已登记企业近似' } },
  markReadyForIssuance: { input: { type: 'markReadyForIssuance' } },
  complete: { input: { type: 'complete', collector: { name: '王五', idNumber: '11010519491231002X' } } },
};

// The legal moves written out by hand from the case states of ARCHITECTURE.md, with the status each one leads to.
const legalMoves: Record<CaseStatusCode, Partial<Record<CaseCommandType, CaseStatusCode>>> = {
  drafting: {
    accept: 'accepted',
    acceptWithDeferral: 'acceptedWithDeferral',
    issueCorrectionNotice: 'awaitingCorrection',
    refuse: 'refused',
    withdraw: 'withdrawn',
  },
  awaitingCorrection: {
    applicantReturns: 'drafting',
    accept: 'accepted',
    acceptWithDeferral: 'acceptedWithDeferral',
    issueCorrectionNotice: 'awaitingCorrection',
    refuse: 'refused',
    withdraw: 'withdrawn',
  },
  accepted: { startReview: 'underReview', withdraw: 'withdrawn' },
  acceptedWithDeferral: { startReview: 'underReview', withdraw: 'withdrawn' },
  underReview: { approve: 'approved', deny: 'denied', withdraw: 'withdrawn' },
  approved: { markReadyForIssuance: 'awaitingIssuance' },
  awaitingIssuance: { complete: 'completed' },
  refused: {},
  denied: {},
  completed: {},
  withdrawn: {},
};

const commandTypes = Object.keys(sampleCommands) as CaseCommandType[];

describe('applyCaseCommand: every status × every command', () => {
  for (const code of caseStatusCodes) {
    for (const type of commandTypes) {
      const target = legalMoves[code][type];
      const { input, context } = sampleCommands[type];
      if (target !== undefined) {
        it(`${code} + ${type} → ${target}`, () => {
          const before = stateIn(code);
          const { state, events } = ok(applyCaseCommand(before, input, contextFor(chief, context)));
          expect(state.status.code).toBe(target);
          expect(events.length).toBeGreaterThan(0);
          expect(state.timeline).toEqual([...before.timeline, ...events]);
          expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => before.timeline.length + index + 1));
          for (const event of events) expect(event).toMatchObject({ at: AT, clerkId: chief.id });
          expect(caseStateSchema.parse(state)).toEqual(state);
        });
      } else {
        it(`${code} refuses ${type}`, () => {
          const error = refusal(applyCaseCommand(stateIn(code), input, contextFor(chief, context)));
          expect(error.kind).toBe('illegalTransition');
          expect(error.message).toContain(`，不能${caseCommandLabels[type]}。`);
        });
      }
    }
  }

  it('offers the same commands it accepts', () => {
    for (const code of caseStatusCodes) {
      expect(new Set(availableCaseCommands(code))).toEqual(new Set(Object.keys(legalMoves[code])));
    }
  });

  it('says where the case stands and what can still be done', () => {
    const onRefused = refusal(applyCaseCommand(stateIn('refused'), { type: 'accept' }, contextFor(clerk)));
    expect(onRefused.message).toBe('办件已不予受理，不能受理。该办件已终结。');
    const onAccepted = refusal(applyCaseCommand(stateIn('accepted'), { type: 'accept' }, contextFor(clerk)));
    expect(onAccepted.message).toBe('办件已受理，不能受理。当前可以：转入审批、撤回。');
    const afterDecision = refusal(applyCaseCommand(stateIn('approved'), { type: 'withdraw', request: signedWithdrawalRequest }, contextFor(chief)));
    expect(afterDecision.message).toBe('办件已准予许可，不能撤回。当前可以：转入待出证。');
  });
});

describe('who may do what', () => {
  it('leaves approving and denying to the chief', () => {
    const error = refusal(applyCaseCommand(stateIn('underReview'), { type: 'approve' }, contextFor(clerk)));
    expect(error).toEqual({ kind: 'forbidden', message: '受理员无权准予许可，需由首席代表操作。' });
    expect(refusal(applyCaseCommand(stateIn('underReview'), { type: 'deny', reason: '不符合条件' }, contextFor(clerk))).kind).toBe(
      'forbidden',
    );
  });

  it('keeps the admin away from counter decisions', () => {
    const error = refusal(applyCaseCommand(stateIn('drafting'), { type: 'accept' }, contextFor(admin)));
    expect(error).toEqual({ kind: 'forbidden', message: '管理员无权受理，需由受理员或首席代表操作。' });
  });

  it('offers a role only the commands it may give', () => {
    expect(availableCaseCommands('underReview', 'clerk')).toEqual(['withdraw']);
    expect(availableCaseCommands('underReview', 'chief')).toEqual(['approve', 'deny', 'withdraw']);
    expect(availableCaseCommands('drafting', 'admin')).toEqual([]);
  });
});

describe('a case from intake to handover', () => {
  it('runs 登记 → 受理 → 审批 → 准予 → 待出证 → 办结, one event per step, due across National Day', () => {
    const opened = ok(openCase({ promisedWorkingDays: 5 }, { clerk, at: '2026-09-29T09:40:00+08:00' })).state;
    const steps: [CaseCommandInput, typeof clerk][] = [
      [{ type: 'accept' }, clerk],
      [{ type: 'startReview' }, clerk],
      [{ type: 'approve', note: '  材料齐全，准予登记  ' }, chief],
      [{ type: 'markReadyForIssuance' }, clerk],
      [{ type: 'complete', collector: { name: '王五', idNumber: '11010519491231002X' } }, clerk],
    ];
    let state = opened;
    for (const [command, actor] of steps) state = ok(applyCaseCommand(state, command, contextFor(actor))).state;

    expect(state.status).toMatchObject({
      code: 'completed',
      acceptance: { acceptedAt: AT, dueDate: DUE, deferral: null },
      collector: { name: '王五', idNumber: '11010519491231002X' },
    });
    expect(state.timeline.map((event) => [event.seq, event.type])).toEqual([
      [1, 'opened'],
      [2, 'accepted'],
      [3, 'reviewStarted'],
      [4, 'approved'],
      [5, 'readyForIssuance'],
      [6, 'completed'],
    ]);
    expect(state.timeline[3]).toMatchObject({ type: 'approved', clerkId: chief.id, note: '材料齐全，准予登记' });
    expect(state.visits).toBe(1);
  });

  it('does not change the state it was given', () => {
    const before = stateIn('drafting');
    const snapshot = structuredClone(before);
    Object.freeze(before.timeline);
    ok(applyCaseCommand(Object.freeze(before), { type: 'accept' }, contextFor(clerk)));
    expect(before).toEqual(snapshot);
  });
});

describe('openCase', () => {
  it('starts in 登记中 on the first visit with an opened event', () => {
    const { state, events } = ok(openCase({ promisedWorkingDays: 0 }, { clerk, at: AT }));
    expect(state).toEqual({
      promisedWorkingDays: 0,
      visits: 1,
      status: { code: 'drafting' },
      timeline: [{ seq: 1, type: 'opened', at: AT, clerkId: clerk.id }],
    });
    expect(events).toEqual(state.timeline);
  });

  it('refuses a negative or fractional promised limit, a time without offset, and an admin', () => {
    expect(refusal(openCase({ promisedWorkingDays: -1 }, { clerk, at: AT })).message).toBe('承诺时限应为0至365之间的整数（工作日）');
    expect(refusal(openCase({ promisedWorkingDays: 1.5 }, { clerk, at: AT })).kind).toBe('invalidInput');
    expect(refusal(openCase({ promisedWorkingDays: 5 }, { clerk, at: '2026-09-29 10:00' })).kind).toBe('invalidInput');
    expect(refusal(openCase({ promisedWorkingDays: 5 }, { clerk: admin, at: AT })).kind).toBe('forbidden');
  });
});

describe('受理 (accept)', () => {
  it('sets the due date the promised working days after acceptance, skipping the holiday and counting the make-up Saturday', () => {
    const { state, events } = ok(applyCaseCommand(stateIn('drafting'), { type: 'accept' }, contextFor(clerk)));
    expect(state.status).toEqual({ code: 'accepted', acceptance: { acceptedAt: AT, dueDate: '2026-10-12', deferral: null } });
    expect(events).toEqual([
      {
        seq: 2,
        type: 'accepted',
        at: AT,
        clerkId: clerk.id,
        visit: 1,
        dueDate: '2026-10-12',
        documents: [{ kind: 'acceptanceNotice' }, { kind: 'receipt' }],
      },
    ]);
  });

  it('takes the acceptance date in the hall’s time zone, whatever offset the time was written with', () => {
    // 2026-09-29T17:00Z is already 09-30 01:00 in the hall: the limit counts from 09-30.
    const { state } = ok(applyCaseCommand(stateIn('drafting'), { type: 'accept' }, contextFor(clerk, { at: '2026-09-29T17:00:00Z' })));
    expect(state.status).toMatchObject({ acceptance: { dueDate: addWorkingDays('2026-09-30', 5) } });
  });

  it('makes a 即办件 (limit 0) due the day it is accepted', () => {
    const immediate = { ...stateIn('drafting'), promisedWorkingDays: 0 };
    const { state } = ok(applyCaseCommand(immediate, { type: 'accept' }, contextFor(clerk)));
    expect(state.status).toMatchObject({ acceptance: { dueDate: '2026-09-29' } });
  });

  it('refuses while a required material is missing, naming all of them', () => {
    const context = contextFor(clerk, { checklist: checklistWith({ articles: 'missing', ownerTitle: 'missing' }) });
    expect(refusal(applyCaseCommand(stateIn('drafting'), { type: 'accept' }, context))).toEqual({
      kind: 'checklistIncomplete',
      message:
        '以下必交材料尚未收齐，不能受理：「公司章程」、「出租方产权证明」。可出具一次性告知书，一次性告知申请人需补正的全部材料。',
    });
  });

  it('ignores optional materials that are missing and counts exempt and not-applicable ones as settled', () => {
    const checklist = checklistWith({ brochure: 'missing', realName: 'exempt', preApproval: 'notApplicable' });
    expect(applyCaseCommand(stateIn('drafting'), { type: 'accept' }, contextFor(clerk, { checklist })).ok).toBe(true);
  });

  it('sends a case with a deferred material to 容缺受理 instead', () => {
    const context = contextFor(clerk, { checklist: checklistWith({ lease: 'deferred' }) });
    expect(refusal(applyCaseCommand(stateIn('drafting'), { type: 'accept' }, context))).toEqual({
      kind: 'checklistIncomplete',
      message: '材料「房屋租赁合同」标记为容缺，请改用容缺受理，并由申请人签署容缺承诺。',
    });
  });

  it('says which year the calendar lacks when the due date runs past it', () => {
    const context = contextFor(clerk, { at: '2026-12-28T10:00:00+08:00' });
    expect(refusal(applyCaseCommand(stateIn('drafting'), { type: 'accept' }, context))).toEqual({
      kind: 'calendarNotCovered',
      message: '无法计算承诺办结日期：节假日日历未包含2027年的安排，无法计算工作日，请先更新日历',
    });
  });

  it('lets any other calendar failure surface as the bug it is', () => {
    const broken = contextFor(clerk, {
      addWorkingDays: () => {
        throw new TypeError('calendar bug');
      },
    });
    expect(() => applyCaseCommand(stateIn('drafting'), { type: 'accept' }, broken)).toThrow('calendar bug');
  });

  it('refuses a time without an offset', () => {
    const context = contextFor(clerk, { at: '2026-09-29T10:00:00' });
    expect(refusal(applyCaseCommand(stateIn('drafting'), { type: 'accept' }, context)).kind).toBe('invalidInput');
  });
});

describe('容缺受理 (accept with deferral)', () => {
  const deferredLease = checklistWith({ lease: 'deferred' });
  const command = (deadlines: { materialKey: string; deadline: string }[], undertaking = '本人承诺按期补交。'): CaseCommandInput => ({
    type: 'acceptWithDeferral',
    undertaking,
    deadlines,
  });

  it('records the undertaking and each deferred material’s deadline, and asks for the 容缺受理通知书', () => {
    const result = ok(
      applyCaseCommand(stateIn('drafting'), command([{ materialKey: 'lease', deadline: DUE }]), contextFor(clerk, { checklist: deferredLease })),
    );
    const materials = [{ materialKey: 'lease', name: '房屋租赁合同', deadline: DUE }];
    expect(result.state.status).toEqual({
      code: 'acceptedWithDeferral',
      acceptance: { acceptedAt: AT, dueDate: DUE, deferral: { undertaking: '本人承诺按期补交。', materials } },
    });
    expect(result.events[0]).toMatchObject({
      type: 'acceptedWithDeferral',
      undertaking: '本人承诺按期补交。',
      deferredMaterials: materials,
      documents: [{ kind: 'deferralAcceptanceNotice' }, { kind: 'receipt' }],
    });
  });

  it('refuses a deadline beyond the promised time limit', () => {
    const result = applyCaseCommand(
      stateIn('drafting'),
      command([{ materialKey: 'lease', deadline: '2026-10-13' }]),
      contextFor(clerk, { checklist: deferredLease }),
    );
    expect(refusal(result)).toEqual({
      kind: 'deferralInvalid',
      message: '容缺材料「房屋租赁合同」的补交期限（2026年10月13日）超出承诺办结期限（2026年10月12日），容缺材料须在承诺时限内补齐。',
    });
  });

  it('refuses a deadline before the acceptance date', () => {
    const result = applyCaseCommand(
      stateIn('drafting'),
      command([{ materialKey: 'lease', deadline: '2026-09-28' }]),
      contextFor(clerk, { checklist: deferredLease }),
    );
    expect(refusal(result).message).toBe('容缺材料「房屋租赁合同」的补交期限（2026年9月28日）早于受理日期（2026年9月29日）。');
  });

  it('refuses a material the catalogue does not let be deferred', () => {
    const checklist = checklistWith({ lease: 'deferred', articles: 'deferred' });
    const result = applyCaseCommand(
      stateIn('drafting'),
      command([
        { materialKey: 'lease', deadline: DUE },
        { materialKey: 'articles', deadline: DUE },
      ]),
      contextFor(clerk, { checklist }),
    );
    expect(refusal(result)).toEqual({ kind: 'deferralInvalid', message: '以下材料按规定不允许容缺受理：「公司章程」。' });
  });

  it('asks for a deadline for every deferred material, once each, and for nothing else', () => {
    const both = checklistWith({ lease: 'deferred', ownerTitle: 'deferred' });
    const run = (deadlines: { materialKey: string; deadline: string }[], checklist = both) =>
      refusal(applyCaseCommand(stateIn('drafting'), command(deadlines), contextFor(clerk, { checklist })));
    expect(run([{ materialKey: 'lease', deadline: DUE }]).message).toBe('请为容缺材料「出租方产权证明」填写补交期限。');
    expect(
      run([
        { materialKey: 'lease', deadline: DUE },
        { materialKey: 'lease', deadline: DUE },
      ]).message,
    ).toBe('容缺材料「房屋租赁合同」的补交期限填写了不止一次。');
    expect(run([{ materialKey: 'articles', deadline: DUE }], deferredLease).message).toBe(
      '「公司章程」不是本办件标记为容缺的材料，不能为其填写补交期限。',
    );
  });

  it('refuses when nothing is deferred, when a required material is plainly missing, and without an undertaking', () => {
    const deadlines = [{ materialKey: 'lease', deadline: DUE }];
    expect(refusal(applyCaseCommand(stateIn('drafting'), command(deadlines), contextFor(clerk))).message).toBe(
      '清单中没有标记为容缺的材料，请直接受理。',
    );
    const withMissing = checklistWith({ lease: 'deferred', articles: 'missing' });
    expect(refusal(applyCaseCommand(stateIn('drafting'), command(deadlines), contextFor(clerk, { checklist: withMissing }))).kind).toBe(
      'checklistIncomplete',
    );
    expect(
      refusal(applyCaseCommand(stateIn('drafting'), command(deadlines, '   '), contextFor(clerk, { checklist: deferredLease }))),
    ).toEqual({ kind: 'invalidInput', message: '请填写申请人容缺承诺' });
    expect(
      refusal(applyCaseCommand(stateIn('drafting'), command([]), contextFor(clerk, { checklist: deferredLease }))).message,
    ).toBe('请为容缺材料填写补交期限');
  });

  it('holds the licence back until the deferred material is in', () => {
    const approved = stateIn('approved');
    const stillDeferred = contextFor(clerk, { checklist: checklistWith({ lease: 'deferred' }) });
    expect(refusal(applyCaseCommand(approved, { type: 'markReadyForIssuance' }, stillDeferred))).toEqual({
      kind: 'deferredMaterialsOutstanding',
      message: '以下容缺材料尚未补齐，不能出证：「房屋租赁合同」。',
    });
    expect(applyCaseCommand(approved, { type: 'markReadyForIssuance' }, contextFor(clerk)).ok).toBe(true);
  });
});

describe('一次性告知 and the applicant’s return', () => {
  const incomplete = checklistWith({ lease: 'missing', ownerTitle: 'missing' });

  it('lists every missing item on one notice, with what must be corrected on a received one', () => {
    const { state, events } = ok(
      applyCaseCommand(
        stateIn('drafting'),
        {
          type: 'issueCorrectionNotice',
          items: [{ materialKey: 'lease' }, { materialKey: 'ownerTitle' }, { materialKey: 'application', problem: '缺少法定代表人签字' }],
        },
        contextFor(clerk, { checklist: incomplete }),
      ),
    );
    expect(state.status).toEqual({ code: 'awaitingCorrection', noticeIssuedAt: AT });
    expect(events[0]).toMatchObject({
      type: 'correctionNoticeIssued',
      visit: 1,
      items: [
        { materialKey: 'lease', name: '房屋租赁合同', problem: null },
        { materialKey: 'ownerTitle', name: '出租方产权证明', problem: null },
        { materialKey: 'application', name: '公司登记(备案)申请书', problem: '缺少法定代表人签字' },
      ],
      documents: [{ kind: 'correctionNotice' }],
    });
  });

  it('refuses a notice that leaves out a missing required item', () => {
    const result = applyCaseCommand(
      stateIn('drafting'),
      { type: 'issueCorrectionNotice', items: [{ materialKey: 'lease' }] },
      contextFor(clerk, { checklist: incomplete }),
    );
    expect(refusal(result)).toEqual({
      kind: 'correctionNoticeIncomplete',
      message: '一次性告知须列明全部缺少的必交材料，尚未列入：「出租方产权证明」。',
    });
  });

  it('refuses an unknown item, an item listed twice, a received item with no problem stated, and an empty notice', () => {
    const run = (items: { materialKey: string; problem?: string }[]) =>
      refusal(applyCaseCommand(stateIn('drafting'), { type: 'issueCorrectionNotice', items }, contextFor(clerk, { checklist: incomplete })));
    const both = [{ materialKey: 'lease' }, { materialKey: 'ownerTitle' }];
    expect(run([...both, { materialKey: 'nope' }]).message).toBe('材料清单中没有编号为“nope”的材料，无法列入告知书。');
    expect(run([...both, { materialKey: 'lease' }]).message).toBe('材料「房屋租赁合同」在告知书中重复列出。');
    expect(run([...both, { materialKey: 'articles', problem: '  ' }]).message).toBe(
      '材料「公司章程」已收取，列入告知书时请写明需要补正的内容。',
    );
    expect(run([]).message).toBe('一次性告知书至少应列出一项需补正的材料');
  });

  it('continues the same case when the applicant returns, counting the second visit', () => {
    const notice: CaseCommandInput = { type: 'issueCorrectionNotice', items: [{ materialKey: 'lease' }, { materialKey: 'ownerTitle' }] };
    let state = ok(applyCaseCommand(stateIn('drafting'), notice, contextFor(clerk, { checklist: incomplete }))).state;
    const back = '2026-10-08T09:00:00+08:00';
    state = ok(applyCaseCommand(state, { type: 'applicantReturns' }, contextFor(clerk, { at: back, checklist: incomplete }))).state;
    expect(state.status).toEqual({ code: 'drafting' });
    expect(state.visits).toBe(2);
    const accepted = ok(applyCaseCommand(state, { type: 'accept' }, contextFor(clerk, { at: back })));
    expect(accepted.state.visits).toBe(2);
    expect(accepted.state.timeline.map((event) => event.type)).toEqual(['opened', 'correctionNoticeIssued', 'applicantReturned', 'accepted']);
    expect(accepted.events[0]).toMatchObject({ type: 'accepted', visit: 2, dueDate: addWorkingDays('2026-10-08', 5) });
  });

  it('can decide straight away on the return, recording the return first', () => {
    const { state, events } = ok(applyCaseCommand(stateIn('awaitingCorrection'), { type: 'accept' }, contextFor(clerk)));
    expect(state.visits).toBe(2);
    expect(events.map((event) => [event.type, 'visit' in event ? event.visit : null])).toEqual([
      ['applicantReturned', 2],
      ['accepted', 2],
    ]);
  });

  it('counts no visit when the decision on return is refused', () => {
    const result = applyCaseCommand(stateIn('awaitingCorrection'), { type: 'accept' }, contextFor(clerk, { checklist: incomplete }));
    expect(refusal(result).kind).toBe('checklistIncomplete');
  });
});

describe('不予受理, 撤回, 不予许可 and 办结', () => {
  it('requires a reason to refuse, keeps it as plain text, and asks for the 不予受理通知书', () => {
    expect(refusal(applyCaseCommand(stateIn('drafting'), { type: 'refuse', reason: '  \n ' }, contextFor(clerk)))).toEqual({
      kind: 'invalidInput',
      message: '请填写理由',
    });
    const { state, events } = ok(
      applyCaseCommand(stateIn('drafting'), { type: 'refuse', reason: ' <b>不属于</b>本中心职权范围 ' }, contextFor(clerk)),
    );
    expect(state.status).toEqual({ code: 'refused', refusedAt: AT, reason: '<b>不属于</b>本中心职权范围' });
    expect(events[0]).toMatchObject({ visit: 1, documents: [{ kind: 'refusalNotice' }] });
  });

  it('refuses a reason with control characters or over 500 characters', () => {
    const bell = refusal(applyCaseCommand(stateIn('drafting'), { type: 'refuse', reason: '理由\u0007' }, contextFor(clerk)));
    expect(bell.kind).toBe('invalidInput');
    expect(bell.message).toMatch(/^理由：第3个字符是看不见的控制字符/);
    const long = refusal(applyCaseCommand(stateIn('drafting'), { type: 'refuse', reason: '长'.repeat(501) }, contextFor(clerk)));
    expect(long.message).toBe('理由：最多可填500个字，当前501个字，请删减1个字');
  });

  it('refuses a command it does not know', () => {
    const unknown = { type: 'shred' } as unknown as CaseCommandInput;
    expect(refusal(applyCaseCommand(stateIn('drafting'), unknown, contextFor(clerk)))).toEqual({
      kind: 'invalidInput',
      message: '无法识别的办件操作',
    });
  });

  it('keeps the acceptance on a withdrawn case and where it was withdrawn from', () => {
    const { state, events } = ok(applyCaseCommand(stateIn('underReview'), { type: 'withdraw', request: signedWithdrawalRequest }, contextFor(clerk)));
    expect(state.status).toEqual({
      code: 'withdrawn',
      withdrawnAt: AT,
      from: 'underReview',
      acceptance: { acceptedAt: AT, dueDate: DUE, deferral: null },
      reason: null,
    });
    expect(events[0]).toMatchObject({ type: 'withdrawn', from: 'underReview', reason: null });
  });

  it('requires a reason to deny and asks for the 不予行政许可决定书', () => {
    expect(refusal(applyCaseCommand(stateIn('underReview'), { type: 'deny', reason: '' }, contextFor(chief))).message).toBe('请填写理由');
    const { events } = ok(applyCaseCommand(stateIn('underReview'), { type: 'deny', reason: '名称近似' }, contextFor(chief)));
    expect(events[0]).toMatchObject({ type: 'denied', reason: '名称近似', documents: [{ kind: 'denialDecision' }] });
  });

  it('records who collected the licence, and refuses a handover without name or ID number', () => {
    const handover = (name: string, idNumber: string) =>
      applyCaseCommand(stateIn('awaitingIssuance'), { type: 'complete', collector: { name, idNumber } }, contextFor(clerk));
    expect(refusal(handover('', '11010519491231002X')).message).toBe('请填写领取人姓名');
    expect(refusal(handover('王五', ' ')).message).toBe('请填写领取人证件号码');
    expect(ok(handover(' 王五 ', '11010519491231002X')).state.status).toMatchObject({
      code: 'completed',
      completedAt: AT,
      collector: { name: '王五', idNumber: '11010519491231002X' },
    });
  });
});

describe('documentRequestsOf', () => {
  it('lists each decision’s documents with the event that asked for them', () => {
    let state = ok(
      applyCaseCommand(
        stateIn('drafting'),
        { type: 'issueCorrectionNotice', items: [{ materialKey: 'lease' }] },
        contextFor(clerk, { checklist: checklistWith({ lease: 'missing' }) }),
      ),
    ).state;
    state = ok(applyCaseCommand(state, { type: 'accept' }, contextFor(clerk))).state;
    expect(documentRequestsOf(state.timeline)).toEqual([
      { eventSeq: 2, kind: 'correctionNotice' },
      { eventSeq: 4, kind: 'acceptanceNotice' },
      { eventSeq: 4, kind: 'receipt' },
    ]);
  });
});

describe('correctIntake', () => {
  const correction: IntakeCorrection = {
    fields: ['applicant.phone', 'answers'],
    addedItems: [{ materialKey: 'owner-title', name: '房屋产权证明' }],
    droppedItems: [{ materialKey: 'lease', name: '房屋租赁合同' }],
    promisedWorkingDays: 5,
  };

  it('adds an intakeCorrected entry to the timeline and keeps the status and visits', () => {
    const before = stateIn('drafting');
    const { state, events } = ok(correctIntake(before, correction, { clerk, at: AT }));
    const { promisedWorkingDays: _, ...recorded } = correction;
    expect(events).toEqual([{ seq: 2, at: AT, clerkId: clerk.id, type: 'intakeCorrected', ...recorded }]);
    expect(state).toEqual({ ...before, timeline: [...before.timeline, ...events] });
    expect(caseStateSchema.parse(state)).toEqual(state);
  });

  it('follows the matters with the promised limit and names each field once', () => {
    const { state, events } = ok(correctIntake(stateIn('awaitingCorrection'), { ...correction, fields: ['matters', 'matters'], promisedWorkingDays: 20 }, { clerk, at: AT }));
    expect(state).toMatchObject({ promisedWorkingDays: 20, visits: 1, status: { code: 'awaitingCorrection' } });
    expect(events[0]).toMatchObject({ fields: ['matters'] });
  });

  it('is refused once the case has left the counter, saying where it stands', () => {
    const open: CaseStatusCode[] = ['drafting', 'awaitingCorrection'];
    for (const code of caseStatusCodes.filter((candidate) => !open.includes(candidate))) {
      expect(refusal(correctIntake(stateIn(code), correction, { clerk, at: AT }))).toEqual({
        kind: 'illegalTransition',
        message: expect.stringMatching(/^办件.+，不能再修改受理信息。$/),
      });
    }
    expect(refusal(correctIntake(stateIn('accepted'), correction, { clerk, at: AT })).message).toBe('办件已受理，不能再修改受理信息。');
  });

  it('refuses an admin, an empty correction, an impossible limit and a malformed time', () => {
    expect(refusal(correctIntake(stateIn('drafting'), correction, { clerk: admin, at: AT })).kind).toBe('forbidden');
    expect(refusal(correctIntake(stateIn('drafting'), { ...correction, fields: [] }, { clerk, at: AT }))).toEqual({ kind: 'invalidInput', message: '受理信息没有变化，无需保存。' });
    expect(refusal(correctIntake(stateIn('drafting'), { ...correction, promisedWorkingDays: -1 }, { clerk, at: AT })).kind).toBe('invalidInput');
    expect(refusal(correctIntake(stateIn('drafting'), correction, { clerk, at: '2026-09-29 10:00' })).kind).toBe('invalidInput');
  });
});
