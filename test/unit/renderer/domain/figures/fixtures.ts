import type { CaseEvent } from '../../../../../renderer/src/domain/cases/caseEvents';
import type { CaseState } from '../../../../../renderer/src/domain/cases/caseState';
import type { CaseStatus } from '../../../../../renderer/src/domain/cases/caseStatus';
import { workingCalendarSchema } from '../../../../../renderer/src/domain/calendar';
import type { ClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';
import type { QueueService } from '../../../../../renderer/src/domain/cases/queueService';
import type { FactsSource } from '../../../../../renderer/src/domain/figures/caseFacts';

/**
 * A hall's fortnight around a national holiday, on a calendar of its own: 1, 2 and 5 October 2026 (Thu, Fri,
 * Mon) are off, Saturday 10 October is a make-up working day. The figures' tests compute by hand from it.
 */
export const holidayCalendar = workingCalendarSchema.parse({
  version: 'test-2026',
  years: { '2026': { holidays: ['2026-10-01', '2026-10-02', '2026-10-05'], workdays: ['2026-10-10'] } },
});

export const clerkA = '0190a000-0000-7000-8000-00000000000a' as ClerkId;
export const clerkB = '0190a000-0000-7000-8000-00000000000b' as ClerkId;

type EventDraft = CaseEvent extends infer E ? (E extends CaseEvent ? Omit<E, 'seq' | 'clerkId'> : never) : never;

export function state(promisedWorkingDays: number, visits: number, status: CaseStatus, events: EventDraft[]): CaseState {
  return { promisedWorkingDays, visits, status, timeline: events.map((event, index) => ({ ...event, seq: index + 1, clerkId: clerkA }) as CaseEvent) };
}

let counter = 0;
export function row(createdAt: string, caseState: CaseState, options: { matters?: string[]; desk?: string; clerk?: ClerkId; queue?: QueueService } = {}): FactsSource {
  counter += 1;
  return {
    ...(options.queue === undefined ? {} : { queueService: options.queue }),
    id: `0190a000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    createdAt,
    deskCode: options.desk ?? '01',
    clerkId: options.clerk ?? clerkA,
    matterCodes: options.matters ?? ['M-SLDJ'],
    state: caseState,
  };
}

const at = (day: string, time: string) => `${day}T${time}:00+08:00`;
const collector = { name: '王小明', idNumber: '510703198503121234' };
const ticket = (n: number, issuedAt: string, calledAt: string, finishedAt: string | null): QueueService => ({
  ticketId: `0190b000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  issuedAt,
  calledAt,
  finishedAt,
});
const acceptance = (acceptedAt: string, dueDate: string) => ({ acceptedAt, dueDate, deferral: null });

/**
 * The week of 28 September to 4 October 2026 (today 9 October), by hand:
 * - A: taken in 30 Sep 09:00, accepted, licence handed over 10:00 the same day: 1 h, one visit, on time,
 *   0 working days used.
 * - B: taken in 30 Sep 10:00, 一次性告知, back 6 Oct and accepted (due 8 Oct), approved 8 Oct, licence
 *   collected 9 Oct 10:00: 216 h, three visits (two counter visits and the collection), late by a day
 *   (decided on the due date, so never overdue), 3 working days used (7, 8, 9 Oct). Matters SLDJ and GZKZ.
 * - C: taken in 30 Sep 14:00, 容缺受理 of two materials (due 7 Oct), both brought 6 Oct 09:00 (one late),
 *   approved and handed over 11:30 that day: 141.5 h, two visits (补交 and collection on one day), on time,
 *   1 working day used (30 Sep → 6 Oct across the holiday).
 * - D: taken in 29 Sep, accepted (due 30 Sep), still under review: overdue from 1 Oct, by 4 working days on
 *   9 Oct (6, 7, 8, 9 Oct; 1, 2 and 5 Oct are off).
 * - E: taken in 2 Oct and refused at the counter.
 * - G: taken in Saturday 3 Oct at window 02 by clerk B, still being registered.
 * - F: taken in 20 Sep (before the week), accepted (due 25 Sep), never decided: in the overdue trend only.
 * - H: taken in 10 Oct: after the week.
 * 叫号 tickets (D, E, G and F were taken in without one):
 * - A: issued 08:50, called 08:58, finished 09:20: waited 8 min, served 22 min.
 * - B: issued 09:30, called 09:55, 完成 never pressed: waited 25 min, no service time.
 * - C: issued 13:00, called 13:59:30, finished 14:40:30: waited 59.5 min, served 41 min.
 * - H: issued 08:57, called 09:00 (3 min), after the week: not counted.
 * So the week has 3 ticketed cases, median wait 25 min (buckets 5–10, 15–30, 30–60), and 2 served, median
 * service (22 + 41) / 2 = 31.5 min (buckets 15–30, 30–60).
 */
export function weekFixture(): { rows: FactsSource[]; names: Record<string, string> } {
  // The same ids on every call, so two calls describe the same cases.
  counter = 0;
  const A = row(
    at('2026-09-30', '09:00'),
    state(5, 1, { code: 'completed', acceptance: acceptance(at('2026-09-30', '09:10'), '2026-10-09'), decidedAt: at('2026-09-30', '09:40'), completedAt: at('2026-09-30', '10:00'), collector }, [
      { type: 'opened', at: at('2026-09-30', '09:00') },
      { type: 'accepted', at: at('2026-09-30', '09:10'), visit: 1, dueDate: '2026-10-09', documents: [] },
      { type: 'approved', at: at('2026-09-30', '09:40'), note: null },
      { type: 'completed', at: at('2026-09-30', '10:00'), collector },
    ]),
    { queue: ticket(1, at('2026-09-30', '08:50'), at('2026-09-30', '08:58'), at('2026-09-30', '09:20')) },
  );
  const B = row(
    at('2026-09-30', '10:00'),
    state(2, 2, { code: 'completed', acceptance: acceptance(at('2026-10-06', '09:05'), '2026-10-08'), decidedAt: at('2026-10-08', '15:00'), completedAt: at('2026-10-09', '10:00'), collector }, [
      { type: 'opened', at: at('2026-09-30', '10:00') },
      { type: 'correctionNoticeIssued', at: at('2026-09-30', '10:20'), visit: 1, items: [{ materialKey: 'm1', name: '章程', problem: null }], documents: [] },
      { type: 'applicantReturned', at: at('2026-10-06', '09:00'), visit: 2 },
      { type: 'accepted', at: at('2026-10-06', '09:05'), visit: 2, dueDate: '2026-10-08', documents: [] },
      { type: 'approved', at: at('2026-10-08', '15:00'), note: null },
      { type: 'completed', at: at('2026-10-09', '10:00'), collector },
    ]),
    { matters: ['M-SLDJ', 'M-GZKZ'], queue: ticket(2, at('2026-09-30', '09:30'), at('2026-09-30', '09:55'), null) },
  );
  const deferral = {
    undertaking: '承诺按期补交',
    materials: [
      { materialKey: 'm2', name: '租赁合同', deadline: '2026-10-06' },
      { materialKey: 'm3', name: '房产证明', deadline: '2026-09-30' },
    ],
  };
  const C = row(
    at('2026-09-30', '14:00'),
    state(5, 1, { code: 'completed', acceptance: { acceptedAt: at('2026-09-30', '14:30'), dueDate: '2026-10-07', deferral }, decidedAt: at('2026-10-06', '11:00'), completedAt: at('2026-10-06', '11:30'), collector }, [
      { type: 'opened', at: at('2026-09-30', '14:00') },
      { type: 'acceptedWithDeferral', at: at('2026-09-30', '14:30'), visit: 1, dueDate: '2026-10-07', undertaking: deferral.undertaking, deferredMaterials: deferral.materials, documents: [] },
      {
        type: 'deferredMaterialsReceived',
        at: at('2026-10-06', '09:00'),
        materials: [
          { ...deferral.materials[0]!, late: false },
          { ...deferral.materials[1]!, late: true },
        ],
        documents: [],
      },
      { type: 'approved', at: at('2026-10-06', '11:00'), note: null },
      { type: 'completed', at: at('2026-10-06', '11:30'), collector },
    ]),
    { queue: ticket(3, '2026-09-30T13:00:00+08:00', '2026-09-30T13:59:30+08:00', '2026-09-30T14:40:30+08:00') },
  );
  const D = row(
    at('2026-09-29', '09:00'),
    state(1, 1, { code: 'underReview', acceptance: acceptance(at('2026-09-29', '09:30'), '2026-09-30'), reviewStartedAt: at('2026-09-29', '10:00') }, [
      { type: 'opened', at: at('2026-09-29', '09:00') },
      { type: 'accepted', at: at('2026-09-29', '09:30'), visit: 1, dueDate: '2026-09-30', documents: [] },
      { type: 'reviewStarted', at: at('2026-09-29', '10:00') },
    ]),
  );
  const E = row(
    at('2026-10-02', '09:00'),
    state(5, 1, { code: 'refused', refusedAt: at('2026-10-02', '09:20'), reason: '不属于本机关职权' }, [
      { type: 'opened', at: at('2026-10-02', '09:00') },
      { type: 'refused', at: at('2026-10-02', '09:20'), visit: 1, reason: '不属于本机关职权', documents: [] },
    ]),
  );
  const G = row(at('2026-10-03', '16:00'), state(5, 1, { code: 'drafting' }, [{ type: 'opened', at: at('2026-10-03', '16:00') }]), { desk: '02', clerk: clerkB });
  const F = row(
    at('2026-09-20', '09:00'),
    state(3, 1, { code: 'accepted', acceptance: acceptance(at('2026-09-20', '09:30'), '2026-09-25') }, [
      { type: 'opened', at: at('2026-09-20', '09:00') },
      { type: 'accepted', at: at('2026-09-20', '09:30'), visit: 1, dueDate: '2026-09-25', documents: [] },
    ]),
  );
  const H = row(at('2026-10-10', '09:00'), state(5, 1, { code: 'drafting' }, [{ type: 'opened', at: at('2026-10-10', '09:00') }]), {
    queue: ticket(4, at('2026-10-10', '08:57'), at('2026-10-10', '09:00'), null),
  });
  const rows = [A, B, C, D, E, G, F, H];
  return { rows, names: Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'G', 'F', 'H'].map((name, index) => [rows[index]!.id, name])) };
}
