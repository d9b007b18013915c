/**
 * Realistic cases for the `cases` benchmark, made deterministically from their index so that a seeded
 * database can be resumed or checked without storing anything beside it: Chinese company and person
 * names, valid USCC and resident-ID check digits, mobiles, statuses spread over two years with timelines
 * that follow the state machine's rules.
 */
import { businessDateOf } from '../../../renderer/src/domain/chineseDate';
import { caseSearchKeys, enterpriseSearchKeys, searchKeysVersion } from '../../../renderer/src/data/search/keys';
import type { SearchKeyer } from '../../../renderer/src/data/crypto/searchKeyer';
import { chinaIso } from '../../../renderer/src/data/clock';
import type { CaseRow, EnterpriseRow, PartyRecord } from '../../../renderer/src/data/records';
import { enterpriseIdSchema } from '../../../renderer/src/data/records';
import type { DraftCaseInput } from '../../../renderer/src/data/cases';
import { addWorkingDaysOn, defaultCalendar } from '../../../renderer/src/domain/calendar';
import { decisionDocuments } from '../../../renderer/src/domain/cases/caseDocuments';
import type { CaseEvent } from '../../../renderer/src/domain/cases/caseEvents';
import { caseIdSchema } from '../../../renderer/src/domain/cases/caseId';
import { formatCaseNumber } from '../../../renderer/src/domain/cases/caseNumber';
import type { CaseStatus } from '../../../renderer/src/domain/cases/caseStatus';
import { runningDueDate } from '../../../renderer/src/domain/cases/dueStatus';
import type { BundleCode, CatalogueVersion, MatterCode } from '../../../renderer/src/domain/catalogue/schema';
import { clerkIdSchema, type ClerkId } from '../../../renderer/src/domain/clerks/clerkId';
import { mobile, residentId, uscc } from '../../fixtures/identities';

// Format 6: keys keyed and rows sealed under `benchDataKey`; the enterprise pool scales with the desk.
export const seedFormat = `cases-seed-6-sealed-keys-v${searchKeysVersion}`;

/**
 * The data key the bench page is handed, the same every run: a seeded profile's keyed search keys are
 * only found by a page keying its probes under the same key. A fresh copy each time (unlocking wipes it).
 */
export function benchDataKey(): Uint8Array {
  return Uint8Array.from({ length: 32 }, (_, i) => (i * 29 + 11) & 0xff);
}

/** Weekdays of the two years the seeded cases are spread over, oldest first. */
const firstDay = Date.UTC(2024, 10, 25);
const lastDay = Date.UTC(2026, 10, 20);
const seededDays: string[] = [];
for (let ms = firstDay; ms <= lastDay; ms += 86_400_000) {
  const weekday = new Date(ms).getUTCDay();
  if (weekday !== 0 && weekday !== 6) seededDays.push(new Date(ms).toISOString().slice(0, 10));
}
/** The last day cases were seeded on: cases of its last weeks are still running, some past their promised date. */
export const endOfSeeding = seededDays.at(-1)!;
/** The last business day seeded cases are taken in on (the figures bench ends its ranges there). */
export const lastSeededDay = endOfSeeding;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const digits = (rng: () => number, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');

/** A UUIDv7 for a given instant, the rest from `rng`: ids sort like the times they were made. */
function uuidv7At(ms: number, rng: () => number): string {
  const hex = (n: number, width: number) => Math.floor(n).toString(16).padStart(width, '0');
  const time = hex(ms, 12);
  const random = Array.from({ length: 5 }, () => hex(rng() * 65536, 4)).join('');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(0, 3)}-${hex(8 + Math.floor(rng() * 4), 1)}${random.slice(3, 6)}-${random.slice(6, 18)}`;
}

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const compoundSurnames = ['欧阳', '司马', '诸葛', '上官'];
const givenChars = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅飞鹏辉斌宇浩凯秀珍玲桂芝文博俊杰欣怡子涵梓萱雨轩佳琪思远晨曦天佑嘉怡宏伟国强海燕春梅德华永红';
const tradeNameChars = '星辰瑞祥恒达鑫源盛宏泰丰华宇嘉禾锦程博远创新凯旋金桥银河长虹九洲天府蜀川巴山涪江富乐仙海越王安昌科学城绿野青松翠竹明月清风朝阳东方西部南北中和信义诚德仁智勇美佳乐康宁福寿吉利永昌兴隆汇通联众百川千禧万象';
const industries = ['科技', '商贸', '餐饮管理', '建筑工程', '信息技术', '文化传媒', '农业开发', '物流', '医药', '教育咨询', '电子', '机械制造', '装饰工程', '旅游开发', '食品', '服装', '汽车销售', '房地产经纪', '环保科技', '新能源'];
const places = ['绵阳', '绵阳市', '四川', '绵阳市涪城区', '绵阳市游仙区', '江油市', '三台县', '', ''];
const legalForms = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司'];
const idRegions = ['510703', '510704', '510705', '510722', '510723', '510725', '510726', '510727', '510781', '510106', '510107', '510502', '511302', '500101'];
const divisions = ['510703', '510704', '510705', '510722', '510723', '510725', '510781'];
const mobilePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '177', '180', '181', '183', '186', '187', '188', '189', '198', '199'];

/**
 * The hall's known enterprises for a desk of `total` cases: 0.6 per case (120,000 at 200,000), so a small
 * seed does not pay for a large hall's enterprises.
 */
export function enterprisePoolOf(total: number): number {
  return Math.max(1, Math.round(total * 0.6));
}
/** Fresh intakes' new enterprises are numbered from here, above any pool plus its cases' own companies. */
const intakeEnterpriseBase = 100_000_000;
const agentPool = 3_000;
const clerks: ClerkId[] = Array.from({ length: 8 }, (_, i) => clerkIdSchema.parse(uuidv7At(Date.UTC(2024, 9, 1) + i, mulberry32(900 + i))));

function personName(rng: () => number): string {
  const surname = rng() < 0.01 ? pick(rng, compoundSurnames) : surnames[Math.floor(Math.pow(rng(), 1.6) * surnames.length)]!;
  const given = rng() < 0.3 ? pick(rng, [...givenChars]) : pick(rng, [...givenChars]) + pick(rng, [...givenChars]);
  return surname + given;
}

function person(rng: () => number): PartyRecord & { idKind: 'residentId' } {
  const year = 1960 + Math.floor(rng() * 44);
  const month = 1 + Math.floor(rng() * 12);
  const day = 1 + Math.floor(rng() * 28);
  const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  return {
    name: personName(rng),
    idKind: 'residentId',
    idNumber: residentId(pick(rng, idRegions), birth, Math.floor(rng() * 1000)),
    phone: mobile(pick(rng, mobilePrefixes), Number(digits(rng, 8))),
  };
}

/** The hall's known enterprise number `e` (the same every time), its search keys not yet computed (`keyedEnterprise`). */
export function enterpriseAt(e: number): EnterpriseRow {
  const rng = mulberry32(e * 7919 + 17);
  const tradeName = pick(rng, [...tradeNameChars]) + pick(rng, [...tradeNameChars]);
  const name = `${pick(rng, places)}${tradeName}${pick(rng, industries)}${pick(rng, legalForms)}`;
  // Organisation codes are unique per enterprise (the USCC index is unique): e ↦ e·37 mod 9·10⁷ is one-to-one.
  const code = uscc(pick(rng, divisions), String(10_000_000 + ((e * 37) % 90_000_000)));
  const createdAt = chinaIso(new Date(firstDay - (e % 1000) * 86_400_000));
  const fields = { name, uscc: code, address: null };
  return {
    id: enterpriseIdSchema.parse(uuidv7At(Date.parse(createdAt), rng)),
    ...fields,
    createdAt,
    updatedAt: createdAt,
    searchKeys: [],
  };
}

/** The row with its search keys, keyed as the app keys them (or by `keyer`). */
export function keyedEnterprise(row: EnterpriseRow, keyer?: SearchKeyer): EnterpriseRow {
  return { ...row, searchKeys: enterpriseSearchKeys(row, keyer) };
}

export function keyedCase(row: CaseRow, keyer?: SearchKeyer): CaseRow {
  return { ...row, searchKeys: caseSearchKeys(row, keyer) };
}

function agentAt(a: number): PartyRecord {
  return person(mulberry32(a * 104729 + 3));
}

interface MatterPick {
  matterCodes: MatterCode[];
  bundleCode: BundleCode | null;
  promisedDays: number;
}

const startUpBundle: MatterPick = {
  matterCodes: ['510700-0001', '510700-0002', '510700-0003', '510700-0004', '510700-0005', '510700-0006'] as MatterCode[],
  bundleCode: '510700-YJS-0001' as BundleCode,
  promisedDays: 1,
};
const singleMatters: Array<[string, number]> = [
  ['510700-0007', 1],
  ['510700-0008', 1],
  ['510700-0009', 5],
  ['510700-0010', 1],
  ['510700-0011', 0],
  ['510700-0012', 0],
  ['510700-0013', 0],
];

function matters(rng: () => number): MatterPick {
  if (rng() < 0.35) return startUpBundle;
  const [code, days] = pick(rng, singleMatters);
  return { matterCodes: [code as MatterCode], bundleCode: null, promisedDays: days };
}

const minutes = (n: number) => n * 60_000;
type EventDraft = CaseEvent extends infer E ? (E extends CaseEvent ? Omit<E, 'seq' | 'clerkId'> : never) : never;
const calendar = defaultCalendar();

/** A timeline and status for a case of this age, built the way the state machine would have built it. */
function lifecycle(rng: () => number, createdMs: number, daysAgo: number, promisedDays: number, clerkId: ClerkId, applicant: PartyRecord) {
  const events: CaseEvent[] = [];
  const at = (ms: number) => chinaIso(new Date(ms));
  const push = (draft: EventDraft) => {
    events.push({ ...draft, seq: events.length + 1, clerkId } as CaseEvent);
  };
  push({ type: 'opened', at: at(createdMs) });
  const r = rng();
  const old = daysAgo > 20;
  const path = old
    ? r < 0.84 ? 'completed' : r < 0.88 ? 'withdrawn' : r < 0.91 ? 'refused' : r < 0.92 ? 'denied' : r < 0.95 ? 'awaitingCorrection' : r < 0.97 ? 'awaitingIssuance' : 'approved'
    : r < 0.1 ? 'drafting' : r < 0.25 ? 'accepted' : r < 0.55 ? 'underReview' : r < 0.65 ? 'awaitingCorrection' : r < 0.7 ? 'refused' : r < 0.8 ? 'awaitingIssuance' : 'completed';
  if (path === 'drafting') return { status: { code: 'drafting' } as CaseStatus, events, visits: 1 };
  if (path === 'withdrawn') {
    push({ type: 'withdrawn', at: at(createdMs + minutes(20)), from: 'drafting', reason: '申请人决定暂不办理' });
    return { status: { code: 'withdrawn', withdrawnAt: at(createdMs + minutes(20)), from: 'drafting', acceptance: null, reason: '申请人决定暂不办理' } as CaseStatus, events, visits: 1 };
  }
  if (path === 'refused') {
    const reason = '申请事项不属于本中心受理范围';
    push({ type: 'refused', at: at(createdMs + minutes(25)), visit: 1, reason, documents: decisionDocuments.refused() });
    return { status: { code: 'refused', refusedAt: at(createdMs + minutes(25)), reason } as CaseStatus, events, visits: 1 };
  }
  if (path === 'awaitingCorrection') {
    push({ type: 'correctionNoticeIssued', at: at(createdMs + minutes(30)), visit: 1, items: [{ materialKey: '510700-0001/premises-lease', name: '房屋租赁合同', problem: null }], documents: decisionDocuments.correctionNoticeIssued() });
    return { status: { code: 'awaitingCorrection', noticeIssuedAt: at(createdMs + minutes(30)) } as CaseStatus, events, visits: 1 };
  }
  const acceptedMs = createdMs + minutes(30);
  const acceptedAt = at(acceptedMs);
  const dueDate = addWorkingDaysOn(calendar, businessDateOf(acceptedAt), promisedDays);
  const acceptance = { acceptedAt, dueDate, deferral: null };
  push({ type: 'accepted', at: acceptedAt, visit: 1, dueDate, documents: decisionDocuments.accepted() });
  if (path === 'accepted') return { status: { code: 'accepted', acceptance } as CaseStatus, events, visits: 1 };
  const reviewAt = at(acceptedMs + minutes(60));
  push({ type: 'reviewStarted', at: reviewAt });
  if (path === 'underReview') return { status: { code: 'underReview', acceptance, reviewStartedAt: reviewAt } as CaseStatus, events, visits: 1 };
  const decidedAt = at(acceptedMs + minutes(60 * 20));
  if (path === 'denied') {
    const reason = '经营范围涉及禁止类项目';
    push({ type: 'denied', at: decidedAt, reason, documents: decisionDocuments.denied() });
    return { status: { code: 'denied', acceptance, decidedAt, reason } as CaseStatus, events, visits: 1 };
  }
  push({ type: 'approved', at: decidedAt, note: null });
  if (path === 'approved') return { status: { code: 'approved', acceptance, decidedAt } as CaseStatus, events, visits: 1 };
  push({ type: 'readyForIssuance', at: decidedAt });
  if (path === 'awaitingIssuance') return { status: { code: 'awaitingIssuance', acceptance, decidedAt } as CaseStatus, events, visits: 1 };
  const completedAt = at(acceptedMs + minutes(60 * 24 * (1 + Math.floor(rng() * 3))));
  const collector = { name: applicant.name, idNumber: applicant.idNumber };
  push({ type: 'completed', at: completedAt, collector });
  return { status: { code: 'completed', acceptance, decidedAt, completedAt, collector } as CaseStatus, events, visits: 1 };
}

export interface SeededCase {
  row: CaseRow;
  /** The enterprise row it refers to: one of the hall's `enterprisePoolOf(total)`, or its own new one. */
  enterprise: EnterpriseRow;
  /** The enterprise is this case's own (a company being founded), stored with the case. */
  ownEnterprise: boolean;
}

/** Seeded case number `i` of `total` (the same every time for the same pair), its search keys not yet computed (`keyedCase`). */
export function seededCase(i: number, total: number): SeededCase {
  const rng = mulberry32(i * 2654435761 + 1);
  const perDay = Math.ceil(total / seededDays.length);
  const day = seededDays[Math.min(seededDays.length - 1, Math.floor(i / perDay))]!;
  const k = i % perDay;
  const deskCode = `0${(k % 6) + 1}`;
  const minute = Math.floor((k * 540) / perDay);
  const createdMs = Date.parse(`${day}T08:30:00+08:00`) + minutes(minute) + Math.floor(rng() * 59_000);
  const createdAt = chinaIso(new Date(createdMs));
  const daysAgo = (Date.parse(endOfSeeding) - Date.parse(day)) / 86_400_000;

  const ownEnterprise = rng() < 0.3;
  const pool = enterprisePoolOf(total);
  const enterprise = ownEnterprise ? newCompanyOf(pool + i, createdAt) : enterpriseAt(Math.floor(rng() * pool));
  const applicant = person(rng);
  const agent = rng() < 0.45 ? agentAt(Math.floor(rng() * agentPool)) : null;
  const pickM = matters(rng);
  const clerkId = pick(rng, clerks);
  const life = lifecycle(rng, createdMs, daysAgo, pickM.promisedDays, clerkId, applicant);
  const row: CaseRow = {
    id: caseIdSchema.parse(uuidv7At(createdMs, rng)),
    caseNumber: formatCaseNumber({ hallCode: 'MY', deskCode, businessDate: day, seq: Math.floor(k / 6) + 1 }),
    hallCode: 'MY',
    deskCode,
    state: { promisedWorkingDays: pickM.promisedDays, visits: life.visits, status: life.status, timeline: life.events },
    statusCode: life.status.code,
    dueDate: runningDueDate(life.status) ?? '',
    enterpriseId: enterprise.id,
    enterprise: { name: enterprise.name, uscc: enterprise.uscc, address: enterprise.address, greenCard: false },
    applicant,
    agent,
    agentAuthorisation: agent === null ? null : '授权委托书：代为办理本次申请事项',
    matterCodes: pickM.matterCodes,
    bundleCode: pickM.bundleCode,
    answers: { agentUsed: agent !== null },
    catalogueVersion: '2026.11.1' as CatalogueVersion,
    queueTicket: `A${String(k % 400).padStart(3, '0')}`,
    clerkId,
    createdAt,
    updatedAt: life.events.at(-1)!.at,
    searchKeys: [],
    hqCaseNumber: null,
    decision: null,
    licence: null,
    hqVersion: null,
    conflicts: [],
  };
  return { row, enterprise, ownEnterprise };
}

/** A company being founded (enterprise number `e`, past the pool): no USCC yet. */
function newCompanyOf(e: number, createdAt: string): EnterpriseRow {
  return { ...enterpriseAt(e), uscc: null, createdAt, updatedAt: createdAt };
}

/** A fresh intake as a clerk would enter it, for timing `createDraftCase`. */
export function intakeInput(n: number, knownEnterprise: EnterpriseRow | null): DraftCaseInput {
  const rng = mulberry32(n * 48271 + 99);
  const applicant = person(rng);
  const agentPerson = rng() < 0.45 ? person(rng) : null;
  const bundle = rng() < 0.35;
  const agentUsed = agentPerson !== null;
  const fresh = enterpriseAt(intakeEnterpriseBase + n);
  return {
    enterprise: knownEnterprise === null ? { kind: 'new', name: fresh.name, uscc: null, address: '绵阳市涪城区临园路东段66号' } : { kind: 'existing', id: knownEnterprise.id },
    applicant,
    agent: agentPerson === null ? null : { ...agentPerson, authorisation: '授权委托书：代为办理本次申请事项' },
    selection: bundle ? { kind: 'bundle', bundleCode: startUpBundle.bundleCode! } : { kind: 'matters', matterCodes: [pick(rng, singleMatters)[0] as MatterCode] },
    answers: bundle
      ? { shareholderKinds: ['natural_person', 'company'], premises: 'rented', agentUsed, scopeNeedsPreApproval: false, needsInvoices: true, employeeCount: 3 }
      : { agentUsed },
    queueTicket: `B${String(n % 1000).padStart(3, '0')}`,
  };
}
