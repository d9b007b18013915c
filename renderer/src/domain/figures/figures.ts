import { isWorkingDay, workingDaysBetween, type WorkingCalendar } from '../calendar';
import { chinaDayOf, chinaEpochDayOf, type CaseFacts } from './caseFacts';
import { dateOfEpochDay, daysOf, epochDayOf, type FigureRange } from './ranges';

/** 1.86 hours from intake to licence: the reference city's published figure, drawn as the reference line. */
export const referenceHours = 1.86;
/** Upper bounds (hours) of the elapsed-time buckets; the last bucket is open. */
export const elapsedBucketBounds = [1, referenceHours, 4, 24, 72, 168] as const;
/** Upper bounds (minutes) of the queue's waiting and service buckets; the last bucket is open. */
export const queueBucketBounds = [5, 10, 15, 30, 60] as const;
/** How far before the range the overdue trend looks for cases still owed (a case stays overdue until decided). */
export const overdueLookbackDays = 90;

/** Whose figures: the hall, one window (the one that took the cases in) or one clerk (who took them in). */
export type FigureScope = { kind: 'hall' } | { kind: 'desk'; deskCode: string } | { kind: 'clerk'; clerkId: string };

export const decisionKinds = ['accepted', 'acceptedWithDeferral', 'correctionNotice', 'refused', 'withdrawn', 'approved', 'denied', 'pending'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

export interface MatterElapsed {
  matterCode: string;
  completed: number;
  medianHours: number;
  withinPromise: number;
  /** Median 承诺时限 of the matter's completed cases, and median working days they took. */
  promisedWorkingDays: number;
  medianWorkingDaysUsed: number;
}

export interface HallFigures {
  range: FigureRange;
  /** Cases taken in within the range (the cohort every figure but the overdue trend counts). */
  cases: number;
  elapsed: {
    completed: number;
    medianHours: number | null;
    withinReference: number;
    withinPromise: number;
    buckets: number[];
    byMatter: MatterElapsed[];
  };
  oneVisit: { completed: number; oneVisit: number; rate: number | null; byVisits: { visits: number; count: number }[] };
  byMatter: { matterCode: string; count: number }[];
  byDecision: Record<DecisionKind, number>;
  byClerk: { clerkId: string; count: number }[];
  byDesk: { deskCode: string; count: number }[];
  /** `working` is null for a day the calendar does not cover. */
  byDay: { day: string; count: number; working: boolean | null }[];
  overdue: {
    /** Cohort cases that went past their due date before a decision (decided late, or still owed). */
    everOverdue: number;
    /** Cohort cases still owed and past their due date today. */
    openOverdue: number;
    /** Most working days one of them is overdue today; null when none. */
    maxWorkingDaysOverdue: number | null;
    /** Cases overdue at the end of each day of the range up to today (null after today). */
    trend: { day: string; overdue: number | null }[];
  };
  deferral: { cases: number; complete: number; completeOnTime: number; rate: number | null; materials: number; received: number };
  /** 叫号: cohort cases taken in on a ticket, their waiting (issued → called) and service (called → finished) in minutes. */
  queue: {
    ticketed: number;
    medianWaitingMinutes: number | null;
    waitingBuckets: number[];
    /** Ticketed cases whose service was finished (完成); only they have a service time. */
    served: number;
    medianServiceMinutes: number | null;
    serviceBuckets: number[];
  };
}

export interface FigureOptions {
  range: FigureRange;
  scope: FigureScope;
  /** The business date the figures are made on: what is overdue is overdue as of today. */
  today: string;
  calendar: WorkingCalendar;
}

export function inScope(facts: CaseFacts, scope: FigureScope): boolean {
  switch (scope.kind) {
    case 'hall':
      return true;
    case 'desk':
      return facts.deskCode === scope.deskCode;
    case 'clerk':
      return facts.clerkId === scope.clerkId;
  }
}

/** The middle value of a list (the mean of the two middle ones when even); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Index of the elapsed-time bucket of `hours` (bounds inclusive above). */
export function elapsedBucketOf(hours: number): number {
  const index = elapsedBucketBounds.findIndex((bound) => hours <= bound);
  return index === -1 ? elapsedBucketBounds.length : index;
}

/** Index of the queue bucket of `minutes` (bounds inclusive above). */
export function queueBucketOf(minutes: number): number {
  const index = queueBucketBounds.findIndex((bound) => minutes <= bound);
  return index === -1 ? queueBucketBounds.length : index;
}

const MS_PER_HOUR = 3_600_000;

function countBy<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sortedCounts(map: Map<string, number>): [string, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * The hall's figures over `facts` (any order; cases taken in before the range are read only by the overdue
 * trend). Pure: the index read and the full scan hand the same facts in and get the same numbers out.
 */
export function computeFigures(facts: readonly CaseFacts[], options: FigureOptions): HallFigures {
  const { range, scope, today, calendar } = options;
  const workingDays = memoWorkingDays(calendar);
  const scoped = facts.filter((entry) => inScope(entry, scope));
  const cohort = scoped.filter((entry) => entry.createdDay >= range.from && entry.createdDay <= range.to);

  const byMatter = new Map<string, number>();
  const byClerk = new Map<string, number>();
  const byDesk = new Map<string, number>();
  const byDayCount = new Map<string, number>();
  const byDecision = Object.fromEntries(decisionKinds.map((kind) => [kind, 0])) as Record<DecisionKind, number>;
  const elapsedHours: number[] = [];
  const buckets = new Array<number>(elapsedBucketBounds.length + 1).fill(0);
  const matterElapsed = new Map<string, { hours: number[]; within: number; promised: number[]; used: number[] }>();
  const visits = new Map<number, number>();
  let withinReference = 0;
  let withinPromise = 0;
  let oneVisit = 0;
  let everOverdue = 0;
  let openOverdue = 0;
  let maxOverdue: number | null = null;
  const deferral = { cases: 0, complete: 0, completeOnTime: 0, materials: 0, received: 0 };
  const waitingMinutes: number[] = [];
  const serviceMinutes: number[] = [];
  const waitingBuckets = new Array<number>(queueBucketBounds.length + 1).fill(0);
  const serviceBuckets = new Array<number>(queueBucketBounds.length + 1).fill(0);

  for (const entry of cohort) {
    for (const code of entry.matterCodes) countBy(byMatter, code);
    countBy(byClerk, entry.clerkId);
    countBy(byDesk, entry.deskCode);
    countBy(byDayCount, entry.createdDay);
    countDecisions(entry, byDecision);

    if (entry.completedMs !== null) {
      const hours = (entry.completedMs - entry.createdMs) / MS_PER_HOUR;
      elapsedHours.push(hours);
      buckets[elapsedBucketOf(hours)]! += 1;
      if (hours <= referenceHours) withinReference += 1;
      const completedDay = chinaDayOf(entry.completedMs);
      const onTime = entry.dueDate !== null && completedDay <= entry.dueDate;
      if (onTime) withinPromise += 1;
      const used = entry.acceptedMs === null ? null : workingDays(chinaDayOf(entry.acceptedMs), completedDay);
      for (const code of entry.matterCodes) {
        let slot = matterElapsed.get(code);
        if (slot === undefined) matterElapsed.set(code, (slot = { hours: [], within: 0, promised: [], used: [] }));
        slot.hours.push(hours);
        if (onTime) slot.within += 1;
        slot.promised.push(entry.promisedWorkingDays);
        if (used !== null && used !== undefined) slot.used.push(used);
      }
      countBy(visits, entry.visits);
      if (entry.visits <= 1) oneVisit += 1;
    }

    if (entry.dueDate !== null) {
      const stopDay = entry.clockStoppedMs === null ? null : chinaDayOf(entry.clockStoppedMs);
      if (stopDay === null ? today > entry.dueDate : stopDay > entry.dueDate) everOverdue += 1;
      if (stopDay === null && today > entry.dueDate) {
        openOverdue += 1;
        const late = workingDays(entry.dueDate, today);
        if (late !== null) maxOverdue = Math.max(maxOverdue ?? 0, late);
      }
    }

    if (entry.acceptance === 'deferral') {
      deferral.cases += 1;
      deferral.materials += entry.deferredMaterials;
      deferral.received += entry.deferredReceived;
      if (entry.deferredReceived >= entry.deferredMaterials) {
        deferral.complete += 1;
        if (entry.deferredLate === 0) deferral.completeOnTime += 1;
      }
    }

    if (entry.waitingSeconds !== null) {
      const minutes = entry.waitingSeconds / 60;
      waitingMinutes.push(minutes);
      waitingBuckets[queueBucketOf(minutes)]! += 1;
      if (entry.serviceSeconds !== null) {
        const served = entry.serviceSeconds / 60;
        serviceMinutes.push(served);
        serviceBuckets[queueBucketOf(served)]! += 1;
      }
    }
  }

  const days = daysOf(range);
  const completed = elapsedHours.length;
  return {
    range,
    cases: cohort.length,
    elapsed: {
      completed,
      medianHours: median(elapsedHours),
      withinReference,
      withinPromise,
      buckets: completed === 0 ? buckets.map(() => 0) : buckets,
      byMatter: [...matterElapsed.entries()]
        .map(([matterCode, slot]) => ({
          matterCode,
          completed: slot.hours.length,
          medianHours: median(slot.hours)!,
          withinPromise: slot.within,
          promisedWorkingDays: median(slot.promised)!,
          medianWorkingDaysUsed: median(slot.used) ?? 0,
        }))
        .sort((a, b) => b.completed - a.completed || (a.matterCode < b.matterCode ? -1 : 1)),
    },
    oneVisit: {
      completed,
      oneVisit,
      rate: completed === 0 ? null : oneVisit / completed,
      byVisits: [...visits.entries()].sort((a, b) => a[0] - b[0]).map(([count, cases]) => ({ visits: count, count: cases })),
    },
    byMatter: sortedCounts(byMatter).map(([matterCode, count]) => ({ matterCode, count })),
    byDecision,
    byClerk: sortedCounts(byClerk).map(([clerkId, count]) => ({ clerkId, count })),
    byDesk: sortedCounts(byDesk).map(([deskCode, count]) => ({ deskCode, count })),
    byDay: days.map((day) => ({ day, count: byDayCount.get(day) ?? 0, working: workingOrNull(day, calendar) })),
    overdue: { everOverdue, openOverdue, maxWorkingDaysOverdue: maxOverdue, trend: overdueTrend(scoped, range, today) },
    deferral: { ...deferral, rate: deferral.cases === 0 ? null : deferral.complete / deferral.cases },
    queue: {
      ticketed: waitingMinutes.length,
      medianWaitingMinutes: median(waitingMinutes),
      waitingBuckets,
      served: serviceMinutes.length,
      medianServiceMinutes: median(serviceMinutes),
      serviceBuckets,
    },
  };
}

/** Adds a case to each decision it counts under (see `figuresMessages.how.byDecision`); no list is made per case. */
function countDecisions(entry: CaseFacts, counts: Record<DecisionKind, number>): void {
  if (entry.correctionNotices > 0) counts.correctionNotice += 1;
  if (entry.acceptance === 'accepted') counts.accepted += 1;
  if (entry.acceptance === 'deferral') counts.acceptedWithDeferral += 1;
  if (entry.statusCode === 'refused') counts.refused += 1;
  if (entry.statusCode === 'withdrawn') counts.withdrawn += 1;
  if (entry.outcome !== null) counts[entry.outcome] += 1;
  if (entry.statusCode === 'drafting' || entry.statusCode === 'awaitingCorrection') counts.pending += 1;
}

/**
 * Cases overdue at the end of each day of the range: due before the day, and not decided by its end. Each
 * case adds one over the interval of days it is overdue (a difference array), so a year of days over
 * 200,000 cases is one pass over each, not their product.
 */
function overdueTrend(facts: readonly CaseFacts[], range: FigureRange, today: string): { day: string; overdue: number | null }[] {
  const start = epochDayOf(range.from);
  const length = epochDayOf(range.to) - start + 1;
  const delta = new Array<number>(length + 1).fill(0);
  const dueDays = new Map<string, number>();
  for (const entry of facts) {
    if (entry.dueDate === null) continue;
    let due = dueDays.get(entry.dueDate);
    if (due === undefined) dueDays.set(entry.dueDate, (due = epochDayOf(entry.dueDate)));
    // Overdue from the day after the due date up to the day before the decision (decided that day: not overdue at its end).
    const first = Math.max(due + 1 - start, 0);
    const end = entry.clockStoppedMs === null ? length : Math.min(chinaEpochDayOf(entry.clockStoppedMs) - start, length);
    if (first >= end) continue;
    delta[first]! += 1;
    delta[end]! -= 1;
  }
  const todayIndex = epochDayOf(today) - start;
  let running = 0;
  return delta.slice(0, length).map((step, index) => {
    running += step;
    return { day: dateOfEpochDay(start + index), overdue: index > todayIndex ? null : running };
  });
}

function workingOrNull(day: string, calendar: WorkingCalendar): boolean | null {
  try {
    return isWorkingDay(day, calendar);
  } catch {
    return null;
  }
}

/**
 * `workingDaysBetween`, remembered per pair of days (many cases share them); null when the calendar does not
 * cover them, so such a case is left out of the working-day figures rather than counted on a guessed week.
 */
function memoWorkingDays(calendar: WorkingCalendar): (from: string, to: string) => number | null {
  const known = new Map<string, number | null>();
  return (from, to) => {
    const key = `${from}${to}`;
    let days = known.get(key);
    if (days === undefined) {
      try {
        days = workingDaysBetween(calendar, from, to);
      } catch {
        days = null;
      }
      known.set(key, days);
    }
    return days;
  };
}
