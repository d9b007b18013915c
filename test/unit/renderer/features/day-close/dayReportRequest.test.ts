import { describe, expect, it } from 'vitest';
import type { DaySnapshot } from '../../../../../renderer/src/data/dayClose/snapshot';
import { issuingAgencySchema } from '../../../../../renderer/src/data/issuingAgency';
import type { CaseId } from '../../../../../renderer/src/domain/cases/caseId';
import type { ClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';
import type { DocumentNumber } from '../../../../../renderer/src/domain/documentNumber';
import { dayReportRequestSchema } from '../../../../../renderer/src/documents/schemas';
import { differenceLabel, differenceValue } from '../../../../../renderer/src/features/day-close/dayCloseText';
import { dayReportRequest } from '../../../../../renderer/src/features/day-close/dayReportRequest';
import { agencyInput } from '../../data/issuanceFixtures';

const snapshot: DaySnapshot = {
  businessDate: '2026-11-28',
  lastSeq: 41,
  totals: {
    ops: 12,
    casesByStatus: { completed: 1, drafting: 2, accepted: 3 },
    documents: { printed: 5, reprinted: 0, voided: 1 },
    licenceSheets: { used: ['A0001', 'B0001'], voided: ['A0002'] },
    handovers: 1,
    casesByMatter: { 'M-B': 2, 'M-A': 2, 'M-GONE': 1 },
  },
  figures: { casesByMatter: {}, completedCases: 1, averageIntakeToHandoverMinutes: 95, oneVisitShare: 1 },
  outbox: { pending: 0, sending: 0, applied: 41, duplicate: 0, conflict: 0, rejected: 0 },
  cases: [
    { id: 'c1' as CaseId, caseNumber: 'MY01-20261128-0001', enterpriseName: '绵阳星辰科技有限公司', matterCodes: ['M-A', 'M-B'], statusCode: 'completed', visits: 1, createdAt: '2026-11-28T09:00:00.000+08:00' },
    { id: 'c2' as CaseId, caseNumber: 'MY01-20261128-0002', enterpriseName: '绵阳味道餐饮管理有限公司', matterCodes: ['M-GONE'], statusCode: 'drafting', visits: 1, createdAt: '2026-11-28T10:00:00.000+08:00' },
  ],
  drafting: [],
  deferredDue: [],
  unprinted: [],
  record: null,
  blockers: [],
};

const clerk = { id: '0193c5e0-0000-7000-8000-000000000001' as ClerkId, role: 'clerk' as const, displayName: '张三' };
const chief = { id: '0193c5e0-0000-7000-8000-000000000002' as ClerkId, role: 'chief' as const, displayName: '李首席' };

describe('dayReportRequest', () => {
  const request = dayReportRequest({
    snapshot,
    reconciledAt: '2026-11-28T17:20:00.000+08:00',
    agency: issuingAgencySchema.parse(agencyInput),
    desk: { hallCode: 'MY', deskCode: '01' },
    matterNames: new Map([
      ['M-A', '有限责任公司设立登记'],
      ['M-B', '公章刻制备案'],
    ]),
    preparedBy: clerk,
    signer: chief,
    signedAt: '2026-11-28T17:30:00.000+08:00',
    documentNumber: '绵市监企日字〔2026〕第MY01-0001号' as DocumentNumber,
    auditHead: { seq: 812, hash: 'ab'.repeat(32) },
  });

  it('is a valid day report request carrying the reconciled figures and the signature', () => {
    const parsed = dayReportRequestSchema.parse(request);
    expect(parsed).toMatchObject({
      deskTag: 'MY01',
      window: agencyInput.windowName,
      preparedBy: '张三',
      signature: { name: '李首席', signedAt: '2026-11-28T17:30:00.000+08:00' },
      reconciliation: { lastSeq: 41 },
      auditHead: { seq: 812, hash: 'ab'.repeat(32) },
      licenceSheets: { used: ['A0001', 'B0001'], voided: ['A0002'] },
      figures: { ops: 12, handovers: 1, completedCases: 1, averageIntakeToHandoverMinutes: 95, documents: { printed: 5, voided: 1 } },
    });
  });

  it('lists statuses in lifecycle order and matters largest first, by name (the code for a matter the catalogue lost)', () => {
    expect(request.casesByStatus).toEqual([
      { label: '登记中', count: 2 },
      { label: '已受理', count: 3 },
      { label: '已办结', count: 1 },
    ]);
    expect(request.casesByMatter).toEqual([
      { code: 'M-A', name: '有限责任公司设立登记', count: 2 },
      { code: 'M-B', name: '公章刻制备案', count: 2 },
      { code: 'M-GONE', name: 'M-GONE', count: 1 },
    ]);
    expect(request.cases.map((line) => [line.matters, line.status])).toEqual([
      ['有限责任公司设立登记等2项', '已办结'],
      ['M-GONE', '登记中'],
    ]);
  });
});

describe('dayReportRequest of a day signed with documents unprinted', () => {
  it('carries each with the chief’s reason, from the same snapshot as the rest of the report', () => {
    const unprinted = [
      { caseId: 'c2', caseNumber: 'MY01-20261128-0002', eventSeq: 2, kind: 'acceptanceNotice' as const, reason: '申请人已离开，改为邮寄送达' },
      { caseId: 'c2', caseNumber: 'MY01-20261128-0002', eventSeq: 2, kind: 'receipt' as const, reason: '打印机卡纸' },
    ];
    const request = dayReportRequest({
      snapshot: { ...snapshot, unprinted },
      reconciledAt: '2026-11-28T17:20:00.000+08:00',
      agency: issuingAgencySchema.parse(agencyInput),
      desk: { hallCode: 'MY', deskCode: '01' },
      matterNames: new Map(),
      preparedBy: clerk,
      signer: chief,
      signedAt: '2026-11-28T17:30:00.000+08:00',
      documentNumber: '绵市监企日字〔2026〕第MY01-0001号' as DocumentNumber,
      auditHead: { seq: 812, hash: 'ab'.repeat(32) },
    });
    expect(dayReportRequestSchema.parse(request).unprinted).toEqual([
      { caseNumber: 'MY01-20261128-0002', document: '受理通知书', reason: '申请人已离开，改为邮寄送达' },
      { caseNumber: 'MY01-20261128-0002', document: '收件凭证', reason: '打印机卡纸' },
    ]);
  });
});

describe('differenceLabel and differenceValue', () => {
  it('names HQ’s difference fields in Chinese', () => {
    expect(differenceLabel('casesByStatus.accepted')).toBe('办件状态·已受理');
    expect(differenceLabel('licenceSheets.used')).toBe('已使用执照纸');
    expect(differenceLabel('lastSeq')).toBe('最后业务序号');
    expect(differenceLabel('somethingNew')).toBe('somethingNew');
    expect(differenceValue(['A0001', 'A0002'])).toBe('A0001、A0002');
    expect(differenceValue([])).toBe('无');
    expect(differenceValue(7)).toBe('7');
  });
});
