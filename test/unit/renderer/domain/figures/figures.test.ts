import { describe, expect, it } from 'vitest';
import { caseFactsOf } from '../../../../../renderer/src/domain/figures/caseFacts';
import { computeFigures, elapsedBucketOf, median, queueBucketOf, type FigureOptions } from '../../../../../renderer/src/domain/figures/figures';
import { daysOf } from '../../../../../renderer/src/domain/figures/ranges';
import { clerkB, holidayCalendar, weekFixture } from './fixtures';

const week = { from: '2026-09-28', to: '2026-10-04' };
const options: FigureOptions = { range: week, scope: { kind: 'hall' }, today: '2026-10-09', calendar: holidayCalendar };

function figuresOfWeek(overrides: Partial<FigureOptions> = {}) {
  return computeFigures(weekFixture().rows.map(caseFactsOf), { ...options, ...overrides });
}

describe('computeFigures on the week around the holiday (fixtures.ts gives the hand computation)', () => {
  it('counts the cases taken in within the range only (A B C D E G; not F before, not H after)', () => {
    expect(figuresOfWeek().cases).toBe(6);
  });

  it('gives intake-to-licence hours: median, buckets, the 1.86 h reference and the promised dates', () => {
    const { elapsed } = figuresOfWeek();
    expect(elapsed.completed).toBe(3);
    expect(elapsed.medianHours).toBe(141.5); // 1, 141.5, 216
    expect(elapsed.buckets).toEqual([1, 0, 0, 0, 0, 1, 1]);
    expect(elapsed.withinReference).toBe(1); // A
    expect(elapsed.withinPromise).toBe(2); // A, C; B collected after its due date
  });

  it('compares each matter with its 承诺时限 in working days, across the holiday', () => {
    const { byMatter } = figuresOfWeek().elapsed;
    // SLDJ: A (0 days used), B (3: 7, 8, 9 Oct), C (1: 30 Sep → 6 Oct, 1 2 5 Oct off and a weekend).
    expect(byMatter).toEqual([
      { matterCode: 'M-SLDJ', completed: 3, medianHours: 141.5, withinPromise: 2, promisedWorkingDays: 5, medianWorkingDaysUsed: 1 },
      { matterCode: 'M-GZKZ', completed: 1, medianHours: 216, withinPromise: 0, promisedWorkingDays: 2, medianWorkingDaysUsed: 3 },
    ]);
  });

  it('gives the one-visit rate counting the trip to collect the licence', () => {
    const { oneVisit } = figuresOfWeek();
    expect(oneVisit).toEqual({
      completed: 3,
      oneVisit: 1,
      rate: 1 / 3,
      byVisits: [
        { visits: 1, count: 1 },
        { visits: 2, count: 1 },
        { visits: 3, count: 1 },
      ],
    });
  });

  it('counts by matter, decision, clerk, window and day (every day of the range, holidays marked)', () => {
    const figures = figuresOfWeek();
    expect(figures.byMatter).toEqual([
      { matterCode: 'M-SLDJ', count: 6 },
      { matterCode: 'M-GZKZ', count: 1 },
    ]);
    expect(figures.byDecision).toEqual({ accepted: 3, acceptedWithDeferral: 1, correctionNotice: 1, refused: 1, withdrawn: 0, approved: 3, denied: 0, pending: 1 });
    expect(figures.byClerk.map((entry) => entry.count)).toEqual([5, 1]);
    expect(figures.byDesk).toEqual([
      { deskCode: '01', count: 5 },
      { deskCode: '02', count: 1 },
    ]);
    expect(figures.byDay).toEqual([
      { day: '2026-09-28', count: 0, working: true },
      { day: '2026-09-29', count: 1, working: true },
      { day: '2026-09-30', count: 3, working: true },
      { day: '2026-10-01', count: 0, working: false },
      { day: '2026-10-02', count: 1, working: false },
      { day: '2026-10-03', count: 1, working: false },
      { day: '2026-10-04', count: 0, working: false },
    ]);
  });

  it('counts overdue cases with working days overdue across the holiday, and the trend with earlier cases still owed', () => {
    const { overdue } = figuresOfWeek();
    // D: due 30 Sep, still owed on 9 Oct: 6, 7, 8, 9 Oct are working days (1, 2, 5 off; 3, 4 a weekend).
    expect(overdue.everOverdue).toBe(1);
    expect(overdue.openOverdue).toBe(1);
    expect(overdue.maxWorkingDaysOverdue).toBe(4);
    // F (taken in 20 Sep, due 25 Sep) is overdue all week; D from 1 Oct.
    expect(overdue.trend.map((entry) => entry.overdue)).toEqual([1, 1, 1, 2, 2, 2, 2]);
  });

  it('leaves the days after today out of the trend', () => {
    const { overdue } = figuresOfWeek({ today: '2026-10-01' });
    expect(overdue.trend.map((entry) => entry.overdue)).toEqual([1, 1, 1, 2, null, null, null]);
    expect(overdue.openOverdue).toBe(1);
  });

  it('gives the 容缺 completion rate: all materials brought in, and on time', () => {
    expect(figuresOfWeek().deferral).toEqual({ cases: 1, complete: 1, completeOnTime: 0, rate: 1, materials: 2, received: 2 });
  });

  it('gives 叫号 waiting and service minutes of the ticketed cases only (not D E G without a ticket, not H after)', () => {
    expect(figuresOfWeek().queue).toEqual({
      ticketed: 3,
      medianWaitingMinutes: 25,
      waitingBuckets: [0, 1, 0, 1, 1, 0],
      served: 2,
      medianServiceMinutes: 31.5,
      serviceBuckets: [0, 0, 0, 1, 1, 0],
    });
    // Window 02 took in G alone, without a ticket: no queue figure rather than zero minutes.
    expect(figuresOfWeek({ scope: { kind: 'desk', deskCode: '02' } }).queue).toMatchObject({ ticketed: 0, medianWaitingMinutes: null, served: 0, medianServiceMinutes: null });
  });

  it('narrows to one window or one clerk, by who took the case in', () => {
    expect(figuresOfWeek({ scope: { kind: 'desk', deskCode: '01' } }).cases).toBe(5);
    const clerk = figuresOfWeek({ scope: { kind: 'clerk', clerkId: clerkB } });
    expect(clerk.cases).toBe(1);
    expect(clerk.byDecision.pending).toBe(1);
    expect(clerk.overdue.trend.every((entry) => entry.overdue === 0)).toBe(true);
  });

  it('says there is nothing for an empty range rather than zero rates', () => {
    const empty = figuresOfWeek({ range: { from: '2026-11-02', to: '2026-11-03' }, today: '2026-11-03' });
    expect(empty.cases).toBe(0);
    expect(empty.elapsed).toMatchObject({ completed: 0, medianHours: null, byMatter: [] });
    expect(empty.oneVisit.rate).toBeNull();
    expect(empty.deferral.rate).toBeNull();
    expect(empty.queue).toEqual({
      ticketed: 0,
      medianWaitingMinutes: null,
      waitingBuckets: [0, 0, 0, 0, 0, 0],
      served: 0,
      medianServiceMinutes: null,
      serviceBuckets: [0, 0, 0, 0, 0, 0],
    });
    expect(empty.byDay.map((entry) => entry.count)).toEqual([0, 0]);
    // F and D are still owed in November: the trend counts them though nothing was taken in.
    expect(empty.overdue.trend.map((entry) => entry.overdue)).toEqual([2, 2]);
    expect(computeFigures([], { ...options }).overdue).toEqual({
      everOverdue: 0,
      openOverdue: 0,
      maxWorkingDaysOverdue: null,
      trend: daysOf(week).map((day) => ({ day, overdue: 0 })),
    });
  });

  it('leaves out of the working-day figures a day the calendar does not cover, never guessing', () => {
    const figures = figuresOfWeek({ today: '2027-01-05' });
    expect(figures.overdue.openOverdue).toBe(1);
    expect(figures.overdue.maxWorkingDaysOverdue).toBeNull();
  });
});

describe('median and buckets', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('puts exactly 1.86 h within the reference bucket and anything past a week in the last', () => {
    expect(elapsedBucketOf(1.86)).toBe(1);
    expect(elapsedBucketOf(1.87)).toBe(2);
    expect(elapsedBucketOf(500)).toBe(6);
  });

  it('puts exactly 5 min in the first queue bucket and anything past an hour in the last', () => {
    expect(queueBucketOf(0)).toBe(0);
    expect(queueBucketOf(5)).toBe(0);
    expect(queueBucketOf(5.01)).toBe(1);
    expect(queueBucketOf(60)).toBe(4);
    expect(queueBucketOf(61)).toBe(5);
  });
});
