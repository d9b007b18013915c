import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../../../renderer/src/domain/cases/caseStatus';
import { dayFiguresOf, type DayCase } from '../../../../../renderer/src/domain/dayClose/dayFigures';

const day = '2026-11-28';
const acceptance = { acceptedAt: '2026-11-28T09:10:00+08:00', dueDate: '2026-11-30', deferral: null };
const completed = (completedAt: string): CaseStatus => ({
  code: 'completed',
  acceptance,
  decidedAt: '2026-11-28T10:00:00+08:00',
  completedAt,
  collector: { name: '王小明', idNumber: '510703198503121234' },
});

/** A case this desk took in and (when completed) handed over itself, unless `here` says otherwise. */
const dayCase = (
  caseNumber: string,
  createdAt: string,
  status: CaseStatus,
  visits = 1,
  matterCodes = ['M-SLDJ'],
  here: Partial<Pick<DayCase, 'takenInHere' | 'handedOverHere'>> = {},
): DayCase => ({
  caseNumber,
  matterCodes,
  createdAt,
  state: { status, visits },
  takenInHere: true,
  handedOverHere: status.code === 'completed',
  ...here,
});

describe('dayFiguresOf', () => {
  it('counts the day’s intake by matter, a bundle once for each of its matters, and nothing of other days', () => {
    const figures = dayFiguresOf(day, [
      dayCase('MY01-20261128-1', '2026-11-28T09:00:00+08:00', { code: 'drafting' }, 1, ['M-SLDJ', 'M-GZKZ', 'M-SLDJ']),
      dayCase('MY01-20261128-2', '2026-11-28T09:30:00+08:00', { code: 'refused', refusedAt: '2026-11-28T09:40:00+08:00', reason: '不属于本机关职权' }),
      dayCase('MY01-20261127-5', '2026-11-27T15:00:00+08:00', { code: 'accepted', acceptance }),
      // 2026-11-27T16:10Z is 00:10 on the 28th in the hall: taken in that day.
      dayCase('MY01-20261128-3', '2026-11-27T16:10:00Z', { code: 'awaitingCorrection', noticeIssuedAt: '2026-11-28T00:20:00+08:00' }, 1, ['M-GZKZ']),
    ]);
    expect(figures.casesByMatter).toEqual({ 'M-SLDJ': 2, 'M-GZKZ': 2 });
  });

  it('averages intake-to-handover minutes over the cases handed over that day only', () => {
    const figures = dayFiguresOf(day, [
      dayCase('A', '2026-11-28T09:00:00+08:00', completed('2026-11-28T10:30:00+08:00')), // 90 min
      dayCase('B', '2026-11-28T09:00:00+08:00', completed('2026-11-28T11:00:00+08:00'), 2), // 120 min
      // Taken in the day before and handed over at 08:15 today, written in UTC: 1 095 min.
      dayCase('C', '2026-11-27T14:00:00+08:00', completed('2026-11-28T00:15:00Z')),
      // Handed over yesterday: not today's.
      dayCase('D', '2026-11-27T09:00:00+08:00', completed('2026-11-27T10:00:00+08:00')),
    ]);
    expect(figures.completedCases).toBe(3);
    expect(figures.averageIntakeToHandoverMinutes).toBe(435);
    expect(figures.oneVisitShare).toBeCloseTo(2 / 3, 10);
  });

  it('rounds the average to a tenth of a minute', () => {
    const figures = dayFiguresOf(day, [
      dayCase('A', '2026-11-28T09:00:00+08:00', completed('2026-11-28T09:01:00+08:00')),
      dayCase('B', '2026-11-28T09:00:00+08:00', completed('2026-11-28T09:01:20+08:00')),
      dayCase('C', '2026-11-28T09:00:00+08:00', completed('2026-11-28T09:01:40+08:00')),
    ]);
    expect(figures.averageIntakeToHandoverMinutes).toBe(1.3);
  });

  it('reports no average and no one-visit share on a day nothing was handed over', () => {
    const figures = dayFiguresOf(day, [
      dayCase('A', '2026-11-28T09:00:00+08:00', { code: 'awaitingIssuance', acceptance, decidedAt: '2026-11-28T10:00:00+08:00' }),
      dayCase('B', '2026-11-28T09:00:00+08:00', { code: 'withdrawn', withdrawnAt: '2026-11-28T09:20:00+08:00', from: 'drafting', acceptance: null, reason: null }),
    ]);
    expect(figures).toMatchObject({ completedCases: 0, averageIntakeToHandoverMinutes: null, oneVisitShare: null });
  });

  it('counts only this desk’s part of a case two windows worked: intake where it was taken in, handover where it was handed over', () => {
    // Taken in at another window and handed over here (the issuing window).
    const issuedHere = dayCase('MY01-20261128-0001', '2026-11-28T09:00:00+08:00', completed('2026-11-28T09:45:00+08:00'), 1, ['M-SLDJ'], { takenInHere: false });
    // Taken in here; another window handed the licence over and sync brought the completion back.
    const issuedThere = dayCase('MY02-20261128-0002', '2026-11-28T09:10:00+08:00', completed('2026-11-28T10:10:00+08:00'), 1, ['M-GZKZ'], { handedOverHere: false });
    const figures = dayFiguresOf(day, [issuedHere, issuedThere]);
    expect(figures).toEqual({ casesByMatter: { 'M-GZKZ': 1 }, completedCases: 1, averageIntakeToHandoverMinutes: 45, oneVisitShare: 1 });
  });

  it('counts a case that needed a second visit against the one-visit share', () => {
    const figures = dayFiguresOf(day, [
      dayCase('A', '2026-11-28T09:00:00+08:00', completed('2026-11-28T10:00:00+08:00'), 2),
      dayCase('B', '2026-11-28T09:00:00+08:00', completed('2026-11-28T10:00:00+08:00'), 3),
    ]);
    expect(figures.oneVisitShare).toBe(0);
  });
});
