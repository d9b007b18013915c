import { describe, expect, it } from 'vitest';
import defaultCatalogue from '../../../../../resources/catalogue/default.json';
import type { CaseConflict, DocumentRow } from '../../../../../renderer/src/data/records';
import type { CaseEvent } from '../../../../../renderer/src/domain/cases/caseEvents';
import type { CaseState } from '../../../../../renderer/src/domain/cases/caseState';
import { catalogueSchema } from '../../../../../renderer/src/domain/catalogue/schema';
import type { ClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';
import { conflictViews, describeFieldValue, type ConflictContext } from '../../../../../renderer/src/features/cases/conflictView';
import { caseRow } from '../../data/caseRowFixture';

const catalogue = catalogueSchema.parse(defaultCatalogue);
const zhang = '019a0000-0000-7000-8000-000000000001' as ClerkId;
const wang = '019a0000-0000-7000-8000-000000000002' as ClerkId;
const acceptedAt = '2026-11-26T10:30:00.000+08:00';
const noticeAt = '2026-11-26T10:40:00.000+08:00';

const accepted: CaseEvent = { seq: 2, at: acceptedAt, clerkId: zhang, type: 'accepted', visit: 1, dueDate: '2026-12-10', documents: [{ kind: 'acceptanceNotice' }, { kind: 'receipt' }] };
const notice: CaseEvent = { seq: 3, at: noticeAt, clerkId: wang, type: 'correctionNoticeIssued', visit: 1, items: [{ materialKey: 'a', name: '申请书', problem: null }], documents: [{ kind: 'correctionNotice' }] };
const state: CaseState = {
  promisedWorkingDays: 10,
  visits: 1,
  status: { code: 'awaitingCorrection', noticeIssuedAt: noticeAt },
  timeline: [{ seq: 1, at: '2026-11-26T09:00:00.000+08:00', clerkId: zhang, type: 'opened' }, accepted, notice],
};
/** Desk 01's acceptance, which HQ did not keep: desk 02's 一次性告知 reached HQ first. */
const statusMark: CaseConflict = {
  field: 'status',
  deskValue: { code: 'accepted', acceptance: { acceptedAt, dueDate: '2026-12-10', deferral: null } },
  hqValue: { code: 'awaitingCorrection', noticeIssuedAt: noticeAt },
  at: acceptedAt,
  clerkId: zhang,
  hqBy: { deskCode: '02', clerkId: wang, clerkName: '王五', at: noticeAt },
};
const row = caseRow({ state, statusCode: 'awaitingCorrection', conflicts: [statusMark] });

function printed(kind: DocumentRow['kind'], status: DocumentRow['status'], eventSeq = accepted.seq): DocumentRow {
  return { kind, status, eventSeq, caseId: row.id } as DocumentRow;
}

function context(documents: DocumentRow[]): ConflictContext {
  return { deskCode: '01', clerkNames: new Map([[zhang, '张三']]), documents, catalogue };
}

describe('the mark of a case whose decision HQ did not keep', () => {
  it('shows both decisions by their Chinese state names, each with window, clerk and time', () => {
    const [view] = conflictViews(row, context([]));
    expect(view).toMatchObject({
      field: 'status',
      label: '状态',
      standing: { value: '待补正', who: '02号窗口 王五', at: '2026年11月26日 10:40' },
      kept: { value: '已受理', who: '本窗口（01号） 张三', at: '2026年11月26日 10:30' },
    });
  });

  it('tells the clerk to void the documents printed for the lost decision, and by whose decision the case now goes', () => {
    const [view] = conflictViews(row, context([printed('acceptanceNotice', 'printed'), printed('receipt', 'printed'), printed('correctionNotice', 'printed', notice.seq)]));
    expect(view!.instruction).toBe(
      '本窗口 张三 出具的受理通知书、收件凭证已被取代：请收回并在“本办件的文书”中作废，告知申请人本办件以02号窗口 王五作出的“出具一次性告知书”为准。',
    );
  });

  it('after a lost acceptance, says the received materials stay and the case is accepted at the next visit', () => {
    expect(conflictViews(row, context([]))[0]!.nextStep).toBe(
      '本窗口已收取的材料仍记在材料清单上，申请人无需重复提交：申请人补正到场时，登记到场、核对一次性告知书所列事项后，重新作出受理决定。',
    );
  });

  it('once they are voided, or when none was printed, says only what to tell the applicant', () => {
    expect(conflictViews(row, context([printed('acceptanceNotice', 'voided')]))[0]!.instruction).toBe(
      '本窗口 张三 出具的受理通知书已被取代并已作废：请告知申请人本办件以02号窗口 王五作出的“出具一次性告知书”为准。',
    );
    expect(conflictViews(row, context([]))[0]!.instruction).toBe(
      '本窗口 张三 作出的“受理”已被取代，其文书不再打印：请告知申请人本办件以02号窗口 王五作出的“出具一次性告知书”为准。',
    );
  });

  it('says HQ’s value is still to come before the pull brings it, and names a field change that was not taken', () => {
    const pending: CaseConflict = { field: 'queueTicket', deskValue: 'A099', hqValue: undefined, at: acceptedAt, clerkId: zhang };
    const [view] = conflictViews(caseRow({ conflicts: [pending] }), context([]));
    expect(view).toMatchObject({
      label: '排队号',
      standing: { value: '（待同步后显示）', who: '（待同步后显示）', at: null },
      kept: { value: 'A099', who: '本窗口（01号） 张三' },
      instruction: '本窗口对“排队号”的修改未被采纳，现以市级系统的值为准；如仍需修改，请核实后重新修改受理信息。',
      nextStep: null,
    });
  });

  it('names HQ itself when it set the value, and an unknown clerk as such', () => {
    const byHq: CaseConflict = { ...statusMark, clerkId: undefined, hqBy: { deskCode: null, clerkName: '审批科 周敏', at: noticeAt } };
    const [view] = conflictViews(caseRow({ state, statusCode: 'awaitingCorrection', conflicts: [byHq] }), { ...context([]), deskCode: null });
    expect(view!.standing.who).toBe('市级系统 审批科 周敏');
    expect(view!.kept.who).toBe('本窗口 （未知工作人员）');
  });
});

describe('describeFieldValue', () => {
  it('reads people, enterprises, matters and visits as a clerk would, and a value it cannot read as such', () => {
    expect(describeFieldValue('applicant', row.applicant, catalogue)).toBe(`${row.applicant.name} · ${row.applicant.idNumber}`);
    expect(describeFieldValue('agent', null, catalogue)).toBe('无');
    expect(describeFieldValue('enterprise', row.enterprise, catalogue)).toBe('绵阳星辰科技有限公司');
    expect(describeFieldValue('visits', 2, catalogue)).toBe('2次');
    expect(describeFieldValue('matterCodes', [catalogue.matters[0]!.code], catalogue)).toBe(catalogue.matters[0]!.name);
    expect(describeFieldValue('status', { code: 'nonsense' }, catalogue)).toBe('（无法显示）');
  });
});
