import type { CaseState } from '../cases/caseState';
import { businessDateOf } from '../chineseDate';

/**
 * Figures of one business day that HQ stores but does not check (it reconciles the ops' totals, see
 * `dayTotalsOf` in `dayTotals.ts`): what the desk reports on its own work — intake by matter, how
 * long a case took from intake to handover, and how many were done in one visit (最多跑一次). A case
 * often passes through two windows of the hall (taken in at one, licence handed over at the issuing
 * window), so each figure counts only what this desk did: the hall's figures are the sum of its desks'.
 */

/** What the figures read of a case. */
export interface DayCase {
  caseNumber: string;
  matterCodes: readonly string[];
  /** When the case was opened at the counter (intake). */
  createdAt: string;
  state: Pick<CaseState, 'status' | 'visits'>;
  /** This desk took the case in (another window's case may reach it by sync, e.g. to issue its licence). */
  takenInHere: boolean;
  /** This desk handed the licence over (not another window whose handover reached it by sync). */
  handedOverHere: boolean;
}

export interface DayFigures {
  /** Cases this desk took in on the day, per matter code (a bundle counts once for each of its matters). */
  casesByMatter: Record<string, number>;
  /** Cases whose licence this desk handed over on the day (已办结). */
  completedCases: number;
  /** Mean minutes from intake to handover of the day's completed cases, to a tenth; null when none. */
  averageIntakeToHandoverMinutes: number | null;
  /** Share (0–1) of the day's completed cases done in one visit; null when none. */
  oneVisitShare: number | null;
}

const MS_PER_MINUTE = 60_000;

/** When this desk handed the case over, if it was on `businessDate`. */
function handedOverOn(businessDate: string, dayCase: DayCase): string | null {
  const { status } = dayCase.state;
  return dayCase.handedOverHere && status.code === 'completed' && businessDateOf(status.completedAt) === businessDate ? status.completedAt : null;
}

export function dayFiguresOf(businessDate: string, cases: readonly DayCase[]): DayFigures {
  const casesByMatter: Record<string, number> = {};
  for (const dayCase of cases) {
    if (!dayCase.takenInHere || businessDateOf(dayCase.createdAt) !== businessDate) continue;
    for (const code of new Set(dayCase.matterCodes)) casesByMatter[code] = (casesByMatter[code] ?? 0) + 1;
  }
  const completed = cases.flatMap((dayCase) => {
    const at = handedOverOn(businessDate, dayCase);
    return at === null ? [] : [{ minutes: (Date.parse(at) - Date.parse(dayCase.createdAt)) / MS_PER_MINUTE, visits: dayCase.state.visits }];
  });
  if (completed.length === 0) return { casesByMatter, completedCases: 0, averageIntakeToHandoverMinutes: null, oneVisitShare: null };
  const totalMinutes = completed.reduce((sum, entry) => sum + entry.minutes, 0);
  return {
    casesByMatter,
    completedCases: completed.length,
    averageIntakeToHandoverMinutes: Math.round((totalMinutes / completed.length) * 10) / 10,
    oneVisitShare: completed.filter((entry) => entry.visits === 1).length / completed.length,
  };
}
