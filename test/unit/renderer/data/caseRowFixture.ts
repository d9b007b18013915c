import type { CaseRow, EnterpriseId } from '../../../../renderer/src/data/records';
import type { CaseId } from '../../../../renderer/src/domain/cases/caseId';
import type { CaseNumber } from '../../../../renderer/src/domain/cases/caseNumber';
import type { CatalogueVersion, MatterCode } from '../../../../renderer/src/domain/catalogue/schema';
import type { ClerkId } from '../../../../renderer/src/domain/clerks/clerkId';
import { mobile, residentId } from '../../../fixtures/identities';

/** The applicant of `caseRow`; the agent differs in name and ID number. */
export const person = { name: '王小明', idKind: 'residentId' as const, idNumber: residentId('510703', '19850312', 123), phone: mobile('138', 12345678) };

/** A case as stored, 登记中, for pure functions over case rows (no database). */
export function caseRow(overrides: Partial<CaseRow> = {}): CaseRow {
  return {
    id: '01900000-0000-7000-8000-000000000001' as CaseId,
    caseNumber: 'MY01-20260929-0001' as CaseNumber,
    hallCode: 'MY',
    deskCode: '01',
    state: { promisedWorkingDays: 1, visits: 1, status: { code: 'drafting' }, timeline: [] },
    statusCode: 'drafting',
    dueDate: '',
    enterpriseId: '01900000-0000-7000-8000-0000000000e1' as EnterpriseId,
    enterprise: { name: '绵阳星辰科技有限公司', uscc: null, address: '绵阳市涪城区长虹大道中段18号', greenCard: false },
    applicant: person,
    agent: { ...person, name: '陈代办', idNumber: residentId('510722', '19920708', 246), phone: mobile('139', 87654321) },
    agentAuthorisation: '代为办理企业开办全部事项',
    matterCodes: ['510700-0001' as MatterCode],
    bundleCode: null,
    answers: { premises: 'rented', shareholderKinds: ['natural_person', 'company'], agentUsed: true },
    catalogueVersion: '2026.09.1' as CatalogueVersion,
    queueTicket: 'A023',
    clerkId: '01900000-0000-7000-8000-0000000000c1' as ClerkId,
    createdAt: '2026-09-29T10:00:00.000+08:00',
    updatedAt: '2026-09-29T10:00:00.000+08:00',
    searchKeys: [],
    hqCaseNumber: null,
    decision: null,
    licence: null,
    hqVersion: null,
    conflicts: [],
    ...overrides,
  };
}
