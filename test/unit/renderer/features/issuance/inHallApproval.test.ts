import { describe, expect, it } from 'vitest';
import { hqConfigSchema, type HqConfig } from '../../../../../electron/ipc/hq';
import { decisionMode, mayApproveInHall } from '../../../../../renderer/src/features/issuance/inHallApproval';

const notEnrolled: HqConfig = { enrolment: null, tokenAvailable: false };
const enrolled: HqConfig = hqConfigSchema.parse({
  enrolment: { baseUrl: 'https://hq.example.cn', hallCode: 'MY', deskCode: '02', deskId: '0193a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b', enrolledAt: '2026-11-02T08:30:00+08:00' },
  tokenAvailable: true,
});
const tokenLost: HqConfig = { ...enrolled, tokenAvailable: false };
const notOnHq = { hqVersion: null, hqCaseNumber: null };

describe('decisionMode (what the issuance screen offers)', () => {
  it('offers in-hall approval to the chief of a desk not enrolled with HQ, and to nobody else', () => {
    expect(decisionMode(notEnrolled, 'chief')).toBe('inHall');
    expect(decisionMode(notEnrolled, 'clerk')).toBe('none');
  });

  it('says approvals come from HQ on an enrolled desk, to every role, also while its token cannot be read', () => {
    for (const role of ['chief', 'clerk', 'admin'] as const) expect(decisionMode(enrolled, role)).toBe('fromHq');
    expect(decisionMode(tokenLost, 'chief')).toBe('fromHq');
  });

  it('offers nothing while the enrolment is still being read', () => {
    expect(decisionMode(null, 'chief')).toBe('none');
  });
});

describe('mayApproveInHall', () => {
  it('is only for a case HQ does not hold, in in-hall mode', () => {
    expect(mayApproveInHall('inHall', notOnHq)).toBe(true);
    expect(mayApproveInHall('inHall', { hqVersion: 4, hqCaseNumber: 'HQ-MY-2026-000002' })).toBe(false);
    expect(mayApproveInHall('fromHq', notOnHq)).toBe(false);
    expect(mayApproveInHall('none', notOnHq)).toBe(false);
  });
});
