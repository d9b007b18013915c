import type { CaseState } from '../cases/caseState';
import { caseStatusCodes, type CaseStatusCode } from '../cases/caseStatus';
import { serviceSeconds, waitingSeconds, type QueueService } from '../cases/queueService';
import { formatIsoDate, fromEpochDay } from '../civilDate';

/**
 * What the hall's figures read of a case: plain, non-personal facts only (ids, codes, instants, counts),
 * so they can rest readable beside the sealed case and be read by the thousand without opening any.
 * Instants are epoch milliseconds; days are the hall's business dates (China Standard Time).
 */
export interface CaseFacts {
  caseId: string;
  /** Business date of intake (登记), `YYYY-MM-DD`. */
  createdDay: string;
  createdMs: number;
  /** The window that took the case in, and the clerk who did. */
  deskCode: string;
  clerkId: string;
  statusCode: CaseStatusCode;
  matterCodes: readonly string[];
  /** The counter decision that accepted the case: none, 受理, or 容缺受理. */
  acceptance: 'none' | 'accepted' | 'deferral';
  /** 一次性告知 notices issued on the case. */
  correctionNotices: number;
  acceptedMs: number | null;
  /** 承诺办结日期 fixed at acceptance (kept after the decision), else null. */
  dueDate: string | null;
  /** 承诺时限 in working days. */
  promisedWorkingDays: number;
  /** When the hall stopped owing a decision on an accepted case (准予 / 不予许可 / 撤回), else null. */
  clockStoppedMs: number | null;
  /** HQ's outcome, when there is one. */
  outcome: 'approved' | 'denied' | null;
  /** When the licence was handed over (已办结), else null. */
  completedMs: number | null;
  /** Every visit of the applicant: counter visits, 补交 and collecting the licence (see `visitsOf`). */
  visits: number;
  /** 容缺: materials deferred, brought in (补交), and brought in after their deadline. */
  deferredMaterials: number;
  deferredReceived: number;
  deferredLate: number;
  /** 叫号: seconds from the ticket to the call, null when the case was not taken in on a ticket. */
  waitingSeconds: number | null;
  /** 叫号: seconds from the call to 完成, null without a ticket or while the service runs. */
  serviceSeconds: number | null;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const MS_PER_DAY = 86_400_000;

/** The hall's business day of an instant, as an epoch day number. */
export function chinaEpochDayOf(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / MS_PER_DAY);
}

/** Dates by epoch day: a year's figures ask for the same few hundred days over and over. */
const dayNames = new Map<number, string>();

/** The hall's business date of an instant given in epoch milliseconds (fast path of `businessDateOf`). */
export function chinaDayOf(ms: number): string {
  const epochDay = chinaEpochDayOf(ms);
  let name = dayNames.get(epochDay);
  if (name === undefined) {
    name = formatIsoDate(fromEpochDay(epochDay));
    dayNames.set(epochDay, name);
  }
  return name;
}

/** What `caseFactsOf` reads of a case row. */
export interface FactsSource {
  id: string;
  createdAt: string;
  deskCode: string;
  clerkId: string;
  matterCodes: readonly string[];
  state: CaseState;
  /** The queue ticket the case was taken in on, if any (absent on cases before 叫号). */
  queueService?: QueueService | null | undefined;
}

/** Statuses HQ's approval leads to. */
const approvedStatuses: ReadonlySet<CaseStatusCode> = new Set(['approved', 'awaitingIssuance', 'completed']);

/**
 * How many times the applicant came to the hall for the case (最多跑一次): the counter visits the case
 * counts (`state.visits`: intake, and each return after a 一次性告知), plus each other day the applicant had
 * to come — to bring deferred materials (补交) or to collect the licence — unless a counter visit or another
 * such trip was already on that day. A licence handed over the day the case was taken in is one visit.
 */
export function visitsOf(state: CaseState): number {
  const counterDays = new Set<string>();
  const extraDays = new Set<string>();
  for (const event of state.timeline) {
    const day = chinaDayOf(Date.parse(event.at));
    if (event.type === 'opened' || 'visit' in event) counterDays.add(day);
    else if (event.type === 'deferredMaterialsReceived') extraDays.add(day);
  }
  if (state.status.code === 'completed') extraDays.add(chinaDayOf(Date.parse(state.status.completedAt)));
  let extra = 0;
  for (const day of extraDays) if (!counterDays.has(day)) extra += 1;
  return state.visits + extra;
}

/** The facts of a case as its row stands. */
export function caseFactsOf(row: FactsSource): CaseFacts {
  const { status, timeline } = row.state;
  const acceptance = 'acceptance' in status ? status.acceptance : null;
  let correctionNotices = 0;
  let deferredReceived = 0;
  let deferredLate = 0;
  for (const event of timeline) {
    if (event.type === 'correctionNoticeIssued') correctionNotices += 1;
    if (event.type === 'deferredMaterialsReceived') {
      deferredReceived += event.materials.length;
      deferredLate += event.materials.filter((material) => material.late).length;
    }
  }
  const createdMs = Date.parse(row.createdAt);
  const deferredMaterials = acceptance?.deferral?.materials.length ?? 0;
  const stoppedAt = 'decidedAt' in status ? status.decidedAt : status.code === 'withdrawn' && acceptance !== null ? status.withdrawnAt : null;
  return {
    caseId: row.id,
    createdDay: chinaDayOf(createdMs),
    createdMs,
    deskCode: row.deskCode,
    clerkId: row.clerkId,
    statusCode: status.code,
    matterCodes: [...new Set(row.matterCodes)],
    acceptance: acceptance === null ? 'none' : acceptance.deferral === null ? 'accepted' : 'deferral',
    correctionNotices,
    acceptedMs: acceptance === null ? null : Date.parse(acceptance.acceptedAt),
    dueDate: acceptance?.dueDate ?? null,
    promisedWorkingDays: row.state.promisedWorkingDays,
    clockStoppedMs: stoppedAt === null ? null : Date.parse(stoppedAt),
    outcome: status.code === 'denied' ? 'denied' : approvedStatuses.has(status.code) ? 'approved' : null,
    completedMs: status.code === 'completed' ? Date.parse(status.completedAt) : null,
    visits: visitsOf(row.state),
    // A material brought in twice is counted once: never more received than deferred.
    deferredMaterials,
    deferredReceived: Math.min(deferredReceived, deferredMaterials),
    deferredLate: Math.min(deferredLate, deferredMaterials),
    waitingSeconds: row.queueService == null ? null : waitingSeconds(row.queueService),
    serviceSeconds: row.queueService == null ? null : serviceSeconds(row.queueService),
  };
}

/**
 * The facts as one line of text that sorts by intake: a key of the `caseFacts` store, so a range of days is
 * read with one key-only request and no row is opened. Fields are separated by `|`, which no code, id or
 * number holds; a line that does not read back (another version's) is `null`.
 */
export function encodeCaseFacts(facts: CaseFacts): string {
  const num = (value: number | null) => (value === null ? '' : String(value));
  return [
    facts.createdDay,
    facts.createdMs,
    facts.caseId,
    facts.deskCode,
    facts.clerkId,
    facts.statusCode,
    facts.matterCodes.join(','),
    facts.acceptance[0],
    facts.correctionNotices,
    num(facts.acceptedMs),
    facts.dueDate ?? '',
    facts.promisedWorkingDays,
    num(facts.clockStoppedMs),
    facts.outcome === null ? '' : facts.outcome[0],
    num(facts.completedMs),
    facts.visits,
    facts.deferredMaterials,
    facts.deferredReceived,
    facts.deferredLate,
    num(facts.waitingSeconds),
    num(facts.serviceSeconds),
  ].join('|');
}

const FIELD_COUNT = 21;
/** Matter lists by their text: a hall has few combinations, and a year's figures decode a hundred thousand lines. */
const matterLists = new Map<string, readonly string[]>();

function matterListOf(text: string): readonly string[] {
  let list = matterLists.get(text);
  if (list === undefined) {
    list = Object.freeze(text === '' ? [] : text.split(','));
    matterLists.set(text, list);
  }
  return list;
}
const statusSet: ReadonlySet<string> = new Set(caseStatusCodes);
const acceptanceOf = { n: 'none', a: 'accepted', d: 'deferral' } as const;

export function decodeCaseFacts(line: string): CaseFacts | null {
  const f = line.split('|');
  if (f.length !== FIELD_COUNT || !statusSet.has(f[5]!) || !(f[7]! in acceptanceOf)) return null;
  const num = (text: string) => (text === '' ? null : Number(text));
  return {
    createdDay: f[0]!,
    createdMs: Number(f[1]),
    caseId: f[2]!,
    deskCode: f[3]!,
    clerkId: f[4]!,
    statusCode: f[5] as CaseStatusCode,
    matterCodes: matterListOf(f[6]!),
    acceptance: acceptanceOf[f[7] as keyof typeof acceptanceOf],
    correctionNotices: Number(f[8]),
    acceptedMs: num(f[9]!),
    dueDate: f[10] === '' ? null : f[10]!,
    promisedWorkingDays: Number(f[11]),
    clockStoppedMs: num(f[12]!),
    outcome: f[13] === 'a' ? 'approved' : f[13] === 'd' ? 'denied' : null,
    completedMs: num(f[14]!),
    visits: Number(f[15]),
    deferredMaterials: Number(f[16]),
    deferredReceived: Number(f[17]),
    deferredLate: Number(f[18]),
    waitingSeconds: num(f[19]!),
    serviceSeconds: num(f[20]!),
  };
}
