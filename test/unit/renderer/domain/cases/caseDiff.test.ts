import { describe, expect, it } from 'vitest';
import type { EnterpriseId } from '../../../../../renderer/src/data/records';
import { checklistDelta, correctedFields, sameAnswers, sameSelection } from '../../../../../renderer/src/domain/cases/caseDiff';
import type { Checklist, ChecklistItem, ChecklistItemKey } from '../../../../../renderer/src/domain/catalogue/checklist';
import type { BundleCode, CatalogueVersion, MatterCode } from '../../../../../renderer/src/domain/catalogue/schema';
import { caseRow, person } from '../../data/caseRowFixture';

describe('sameAnswers', () => {
  it('ignores the order of questions and of ticked options', () => {
    expect(sameAnswers({ a: 1, b: ['x', 'y'] }, { b: ['y', 'x'], a: 1 })).toBe(true);
    expect(sameAnswers({ a: 1, gone: undefined }, { a: 1 })).toBe(true);
  });

  it('tells a changed, added or removed answer', () => {
    expect(sameAnswers({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameAnswers({ a: 1 }, { a: 1, b: false })).toBe(false);
    expect(sameAnswers({ b: ['x'] }, { b: ['x', 'y'] })).toBe(false);
    expect(sameAnswers({ a: '1' }, { a: 1 })).toBe(false);
  });
});

describe('sameSelection', () => {
  const bundle = { kind: 'bundle' as const, bundleCode: 'YJS-0001' as BundleCode };
  const matters = (...codes: string[]) => ({ kind: 'matters' as const, matterCodes: codes as MatterCode[] });
  it('compares bundles by code and matters in order', () => {
    expect(sameSelection(bundle, { ...bundle })).toBe(true);
    expect(sameSelection(bundle, { kind: 'bundle', bundleCode: 'YJS-0002' as BundleCode })).toBe(false);
    expect(sameSelection(bundle, matters('510700-0001'))).toBe(false);
    expect(sameSelection(matters('a', 'b'), matters('a', 'b'))).toBe(true);
    expect(sameSelection(matters('a', 'b'), matters('a'))).toBe(false);
  });
});

describe('correctedFields', () => {
  it('names nothing for the same case', () => {
    expect(correctedFields(caseRow(), caseRow({ updatedAt: '2026-09-29T11:00:00.000+08:00' }))).toEqual([]);
  });

  it('names each corrected field of a person, the enterprise, the ticket and the answers, in form order', () => {
    const before = caseRow();
    const after = caseRow({
      queueTicket: 'B-105',
      enterprise: { ...before.enterprise, name: '绵阳星辰智能科技有限公司', address: null },
      applicant: { ...person, phone: '13912345678' },
      agent: { ...before.agent!, idNumber: '510722199207081234' },
      agentAuthorisation: '代为办理设立登记',
      answers: { ...before.answers, premises: 'owned_titled' },
    });
    expect(correctedFields(before, after)).toEqual([
      'queueTicket',
      'enterprise.name',
      'enterprise.address',
      'applicant.phone',
      'agent.idNumber',
      'agent.authorisation',
      'answers',
    ]);
  });

  it('names the enterprise or the agent as a whole when another enterprise is chosen or the agent comes or goes', () => {
    const before = caseRow();
    const moved = caseRow({ enterpriseId: '01900000-0000-7000-8000-0000000000e2' as EnterpriseId, enterprise: { ...before.enterprise, name: '别的企业' } });
    expect(correctedFields(before, moved)).toEqual(['enterprise']);
    expect(correctedFields(before, caseRow({ agent: null, agentAuthorisation: null }))).toEqual(['agent']);
    expect(correctedFields(caseRow({ agent: null, agentAuthorisation: null }), before)).toEqual(['agent']);
  });

  it('names the matters when the bundle or the matters picked change, and an ID number when its kind does', () => {
    expect(correctedFields(caseRow(), caseRow({ bundleCode: 'YJS-0001' as BundleCode }))).toEqual(['matters']);
    expect(correctedFields(caseRow(), caseRow({ matterCodes: ['510700-0001', '510700-0003'] as MatterCode[] }))).toEqual(['matters']);
    expect(correctedFields(caseRow(), caseRow({ applicant: { ...person, idKind: 'passport' } }))).toEqual(['applicant.idNumber']);
  });
});

describe('checklistDelta', () => {
  const item = (key: string, name: string) => ({ key: key as ChecklistItemKey, name }) as ChecklistItem;
  const checklist = (...items: ChecklistItem[]): Checklist => ({
    catalogueVersion: '2026.09.1' as CatalogueVersion,
    bundleCode: null,
    matterCodes: [],
    items,
    pendingQuestionIds: [],
  });

  it('lists the items gained in the new order and those lost in the old order', () => {
    const before = checklist(item('m/form', '申请书'), item('m/lease', '租赁合同'), item('m/owner-title', '出租方产权证明'));
    const after = checklist(item('m/form', '申请书'), item('m/own-title', '产权证明'), item('m/pre-approval', '前置许可文件'));
    expect(checklistDelta(before, after)).toEqual({
      addedItems: [
        { materialKey: 'm/own-title', name: '产权证明' },
        { materialKey: 'm/pre-approval', name: '前置许可文件' },
      ],
      droppedItems: [
        { materialKey: 'm/lease', name: '租赁合同' },
        { materialKey: 'm/owner-title', name: '出租方产权证明' },
      ],
    });
  });

  it('compares nothing without an old checklist', () => {
    expect(checklistDelta(null, checklist(item('m/form', '申请书')))).toEqual({ addedItems: [], droppedItems: [] });
  });
});
