import { describe, expect, it } from 'vitest';
import { inHallApprovalRefusal } from '../../../../../renderer/src/domain/cases/decisionAuthority';

const notOnHq = { hqVersion: null, hqCaseNumber: null };

describe('inHallApprovalRefusal (HQ owns decisions)', () => {
  it('lets the chief of a desk not enrolled with HQ approve a case HQ does not hold', () => {
    expect(inHallApprovalRefusal({ deskEnrolled: false, caseOnHq: notOnHq })).toBeNull();
    expect(inHallApprovalRefusal({ deskEnrolled: false })).toBeNull();
  });

  it('refuses on an enrolled desk, whatever the case: its decisions come from HQ by sync', () => {
    expect(inHallApprovalRefusal({ deskEnrolled: true })).toBe('deskEnrolled');
    expect(inHallApprovalRefusal({ deskEnrolled: true, caseOnHq: notOnHq })).toBe('deskEnrolled');
    expect(inHallApprovalRefusal({ deskEnrolled: true, caseOnHq: { hqVersion: 3, hqCaseNumber: 'HQ-MY-2026-000001' } })).toBe('deskEnrolled');
  });

  it('refuses for a case HQ holds (pulled from HQ, or numbered by it) even on a desk no longer enrolled', () => {
    expect(inHallApprovalRefusal({ deskEnrolled: false, caseOnHq: { hqVersion: 2, hqCaseNumber: null } })).toBe('caseHeldByHq');
    expect(inHallApprovalRefusal({ deskEnrolled: false, caseOnHq: { hqVersion: null, hqCaseNumber: 'HQ-MY-2026-000001' } })).toBe('caseHeldByHq');
  });
});
