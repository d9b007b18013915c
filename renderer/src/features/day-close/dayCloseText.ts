import { caseStatusCodes, caseStatusLabels, type CaseStatusCode } from '../../domain/cases/caseStatus';
import type { DayDifference } from '../../data/dayClose/record';
import type { DayTotals } from '../../domain/dayClose/dayTotals';
import { dayCloseMessages as m } from './messages';

/** The day's statuses in the order of the case lifecycle, with their labels, leaving out zeros. */
export function statusLines(totals: Pick<DayTotals, 'casesByStatus'>): { code: CaseStatusCode; label: string; count: number }[] {
  return caseStatusCodes
    .map((code) => ({ code, label: caseStatusLabels[code], count: totals.casesByStatus[code] ?? 0 }))
    .filter((line) => line.count > 0);
}

/** A listed case's status as the day left it; a case whose status the day's work did not set says so. */
export function dayStatusText(code: CaseStatusCode | null): string {
  return code === null ? m.totals.statusUnchanged : caseStatusLabels[code];
}

/** The day's intake per matter, largest first, named from the catalogue (the code alone for a matter it no longer has). */
export function matterLines(totals: Pick<DayTotals, 'casesByMatter'>, matterNames: ReadonlyMap<string, string>): { code: string; name: string; count: number }[] {
  return Object.entries(totals.casesByMatter ?? {})
    .map(([code, count]) => ({ code, name: matterNames.get(code) ?? code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** A difference HQ reported, in words: `casesByStatus.accepted` → 办件状态·已受理. */
export function differenceLabel(field: string): string {
  const [head, tail] = field.split(/\.(.*)/s) as [string, string | undefined];
  if (head === 'casesByStatus' && tail !== undefined) {
    const label = (caseStatusLabels as Readonly<Record<string, string>>)[tail] ?? tail;
    return `${m.reconcile.fields.casesByStatus}·${label}`;
  }
  return m.reconcile.fields[field] ?? field;
}

export function differenceValue(value: DayDifference['desk']): string {
  if (Array.isArray(value)) return value.length === 0 ? m.totals.none : value.join('、');
  return value === null || value === undefined ? m.totals.dash : String(value);
}
