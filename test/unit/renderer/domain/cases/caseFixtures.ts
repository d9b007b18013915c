import { addWorkingDays } from '../../../../../renderer/src/domain/calendar';
import type { CaseCommandContext } from '../../../../../renderer/src/domain/cases/caseStateMachine';
import type { CaseState } from '../../../../../renderer/src/domain/cases/caseState';
import type { CaseStatus, CaseStatusCode } from '../../../../../renderer/src/domain/cases/caseStatus';
import type { ChecklistItemStatus, DecisionChecklistItem } from '../../../../../renderer/src/domain/cases/decisionChecklist';
import { newClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';
import type { ClerkRole } from '../../../../../renderer/src/domain/clerks/roles';
import type { WithdrawalRequest } from '../../../../../renderer/src/domain/cases/withdrawal';

export const clerk = { id: newClerkId(), role: 'clerk' as ClerkRole };
export const chief = { id: newClerkId(), role: 'chief' as ClerkRole };
export const admin = { id: newClerkId(), role: 'admin' as ClerkRole };

/** Tuesday before the 2026 National Day holiday (10-01…10-07 off, 10-10 a make-up Saturday). */
export const AT = '2026-09-29T10:00:00+08:00';
/** Five working days after 2026-09-29: 09-30, 10-08, 10-09, 10-10 (Sat, 调休), 10-12. */
export const DUE = '2026-10-12';

const acceptance = { acceptedAt: AT, dueDate: DUE, deferral: null };
const deferral = {
  undertaking: '本人承诺于2026年10月9日前补交房屋租赁合同原件。',
  materials: [{ materialKey: 'lease', name: '房屋租赁合同', deadline: '2026-10-09' }],
};
const decidedAt = '2026-10-09T15:00:00+08:00';

/** One representative status per code; the mapped type makes each one the right variant. */
export const statusIn: { [C in CaseStatusCode]: Extract<CaseStatus, { code: C }> } = {
  drafting: { code: 'drafting' },
  awaitingCorrection: { code: 'awaitingCorrection', noticeIssuedAt: AT },
  refused: { code: 'refused', refusedAt: AT, reason: '不属于本中心受理范围' },
  accepted: { code: 'accepted', acceptance },
  acceptedWithDeferral: { code: 'acceptedWithDeferral', acceptance: { ...acceptance, deferral } },
  underReview: { code: 'underReview', acceptance, reviewStartedAt: AT },
  approved: { code: 'approved', acceptance, decidedAt },
  denied: { code: 'denied', acceptance, decidedAt, reason: '经营范围涉及禁止类项目' },
  awaitingIssuance: { code: 'awaitingIssuance', acceptance, decidedAt },
  completed: {
    code: 'completed',
    acceptance,
    decidedAt,
    completedAt: '2026-10-10T09:00:00+08:00',
    collector: { name: '王五', idNumber: '11010519491231002X' },
  },
  withdrawn: { code: 'withdrawn', withdrawnAt: AT, from: 'drafting', acceptance: null, reason: null },
};

export function stateIn(code: CaseStatusCode): CaseState {
  return {
    promisedWorkingDays: 5,
    visits: 1,
    status: statusIn[code],
    timeline: [{ seq: 1, type: 'opened', at: '2026-09-29T09:40:00+08:00', clerkId: clerk.id }],
  };
}

function item(materialKey: string, name: string, status: ChecklistItemStatus, extra: Partial<DecisionChecklistItem> = {}): DecisionChecklistItem {
  return { materialKey, name, required: true, deferrable: false, status, ...extra };
}

/** 有限责任公司设立登记 with rented premises, every item settled one way or another. */
export function checklistWith(changes: Record<string, ChecklistItemStatus> = {}): DecisionChecklistItem[] {
  return [
    item('application', '公司登记(备案)申请书', changes.application ?? 'received'),
    item('articles', '公司章程', changes.articles ?? 'received'),
    item('lease', '房屋租赁合同', changes.lease ?? 'received', { deferrable: true }),
    item('ownerTitle', '出租方产权证明', changes.ownerTitle ?? 'received', { deferrable: true }),
    item('preApproval', '前置许可文件', changes.preApproval ?? 'notApplicable', { required: false }),
    item('realName', '实名登记确认', changes.realName ?? 'exempt'),
    item('brochure', '企业宣传资料', changes.brochure ?? 'missing', { required: false }),
  ];
}

export function contextFor(
  actor: { id: CaseCommandContext['clerk']['id']; role: ClerkRole },
  overrides: Partial<CaseCommandContext> = {},
): CaseCommandContext {
  return { clerk: actor, at: AT, checklist: checklistWith(), addWorkingDays, ...overrides };
}

/** The applicant's written request to withdraw: the printed 撤回申请, signed at the counter. */
export const signedWithdrawalRequest: WithdrawalRequest = {
  kind: 'signedForm',
  sha256: 'c'.repeat(64),
  templateVersion: 'withdrawalRequest/1',
  signedAtCounter: true,
};
