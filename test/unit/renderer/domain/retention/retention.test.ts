import { describe, expect, it } from 'vitest';
import { closedAtOf, isPastRetention, retentionCutoff, storageLevel } from '../../../../../renderer/src/domain/retention/retention';
import type { CaseStatus } from '../../../../../renderer/src/domain/cases/caseStatus';

const acceptance = { acceptedAt: '2026-11-02T09:00:00+08:00', dueDate: '2026-11-06', deferral: null };

describe('closedAtOf', () => {
  it('is when a completed, withdrawn, refused or denied case closed, and null for a case still open', () => {
    const collector = { name: '王五', idNumber: '510703199001011234' };
    expect(closedAtOf({ code: 'completed', acceptance, decidedAt: 'x', completedAt: '2026-11-09T10:00:00+08:00', collector })).toBe('2026-11-09T10:00:00+08:00');
    expect(closedAtOf({ code: 'withdrawn', withdrawnAt: '2026-11-03T10:00:00+08:00', from: 'accepted', acceptance, reason: null })).toBe('2026-11-03T10:00:00+08:00');
    expect(closedAtOf({ code: 'refused', refusedAt: '2026-11-04T10:00:00+08:00', reason: '不属于受理范围' })).toBe('2026-11-04T10:00:00+08:00');
    expect(closedAtOf({ code: 'denied', acceptance, decidedAt: '2026-11-05T10:00:00+08:00', reason: '名称不符合规定' })).toBe('2026-11-05T10:00:00+08:00');
    const open: CaseStatus[] = [{ code: 'drafting' }, { code: 'accepted', acceptance }, { code: 'awaitingIssuance', acceptance, decidedAt: '2026-11-05T10:00:00+08:00' }];
    for (const status of open) expect(closedAtOf(status)).toBeNull();
  });
});

describe('isPastRetention', () => {
  const now = new Date('2027-11-10T10:00:00+08:00');
  it('is true only for a case closed more than the period before now, never with 0 days or while open', () => {
    const cutoff = retentionCutoff(now, 365);
    expect(cutoff?.toISOString()).toBe('2026-11-10T02:00:00.000Z');
    expect(isPastRetention('2026-11-10T09:59:59+08:00', cutoff)).toBe(true);
    expect(isPastRetention('2026-11-10T10:00:00+08:00', cutoff)).toBe(false);
    expect(isPastRetention(null, cutoff)).toBe(false);
    expect(retentionCutoff(now, 0)).toBeNull();
    expect(isPastRetention('2000-01-01T00:00:00+08:00', null)).toBe(false);
  });
});

describe('storageLevel', () => {
  it('warns from 80 % of the quota, not below', () => {
    expect(storageLevel(799, 1000)).toMatchObject({ known: true, ratio: 0.799, warn: false });
    expect(storageLevel(800, 1000)).toMatchObject({ known: true, ratio: 0.8, warn: true });
    expect(storageLevel(1000, 1000)).toMatchObject({ warn: true });
  });

  it('is unknown when the browser gives no estimate or no quota', () => {
    expect(storageLevel(null, 1000)).toEqual({ known: false });
    expect(storageLevel(10, null)).toEqual({ known: false });
    expect(storageLevel(10, 0)).toEqual({ known: false });
  });
});
