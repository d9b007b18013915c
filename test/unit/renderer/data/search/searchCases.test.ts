import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { createDraftCase } from '../../../../../renderer/src/data/cases';
import { chinaIso } from '../../../../../renderer/src/data/clock';
import type { DeskDatabase } from '../../../../../renderer/src/data/db';
import type { CaseRow, PartyRecord } from '../../../../../renderer/src/data/records';
import { licenceDataSchema } from '../../../../../renderer/src/domain/cases/hqDecision';
import { licenceData } from '../../../../hq/support/fixtures';
import { probeCap } from '../../../../../renderer/src/data/search/candidates';
import { keyedIn, keysOf, rekeyed, type KeyTier } from '../../../../../renderer/src/data/search/keyTiers';
import { caseSearchKeys } from '../../../../../renderer/src/data/search/keys';
import { dueCases, todaysQueue } from '../../../../../renderer/src/data/search/queue';
import { searchCases } from '../../../../../renderer/src/data/search/searchCases';
import { caseIdSchema } from '../../../../../renderer/src/domain/cases/caseId';
import type { CaseNumber } from '../../../../../renderer/src/domain/cases/caseNumber';
import type { CaseStatus } from '../../../../../renderer/src/domain/cases/caseStatus';
import type { CatalogueVersion, MatterCode } from '../../../../../renderer/src/domain/catalogue/schema';
import { newClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';
import { mobile, residentId, uscc } from '../../../../fixtures/identities';
import { closeDatabases, freshDatabase, readyDesk, startUpInput } from '../dataFixtures';

afterEach(closeDatabases);

const clerkA = newClerkId();
const clerkB = newClerkId();
let sequence = 0;

interface CaseSeed {
  enterprise?: string;
  uscc?: string | null;
  applicant?: Partial<PartyRecord>;
  agent?: PartyRecord | null;
  status?: CaseStatus;
  matterCodes?: string[];
  clerkId?: typeof clerkA;
  day?: string;
}

/** Which index `caseRow` puts the keys in. */
let seedTier: KeyTier = 'settled';

/** A stored case as the repository would write it, indexed by the real `caseSearchKeys`. */
function caseRow(seed: CaseSeed): CaseRow {
  sequence += 1;
  const day = seed.day ?? '2026-11-28';
  const status = seed.status ?? { code: 'drafting' };
  const row: CaseRow = {
    id: caseIdSchema.parse(uuidv7()),
    caseNumber: `MY01-${day.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}` as CaseNumber,
    hallCode: 'MY',
    deskCode: '01',
    state: { promisedWorkingDays: 1, visits: 1, status, timeline: [] },
    statusCode: status.code,
    dueDate: 'acceptance' in status && status.acceptance && status.code !== 'completed' ? status.acceptance.dueDate : '',
    enterpriseId: null,
    enterprise: { name: seed.enterprise ?? '绵阳普通商贸有限公司', uscc: seed.uscc ?? null, address: null, greenCard: false },
    applicant: { name: '张三', idKind: 'residentId', idNumber: residentId('510703', '19800101', sequence % 1000), phone: mobile('137', sequence), ...seed.applicant },
    agent: seed.agent ?? null,
    agentAuthorisation: null,
    matterCodes: (seed.matterCodes ?? ['510700-0001']) as MatterCode[],
    bundleCode: null,
    answers: {},
    catalogueVersion: '2026.11.1' as CatalogueVersion,
    queueTicket: null,
    clerkId: seed.clerkId ?? clerkA,
    createdAt: chinaIso(new Date(Date.parse(`${day}T08:00:00+08:00`) + sequence * 1000)),
    updatedAt: `${day}T09:00:00.000+08:00`,
    searchKeys: [],
    hqCaseNumber: null,
    decision: null,
    licence: null,
    hqVersion: null,
    conflicts: [],
  };
  return { ...row, ...keyedIn(seedTier, caseSearchKeys(row)) };
}

async function seed(db: DeskDatabase, seeds: CaseSeed[]): Promise<CaseRow[]> {
  const rows = seeds.map(caseRow);
  await db.cases.bulkAdd(rows);
  return rows;
}

const numbersOf = (result: Awaited<ReturnType<typeof searchCases>>) => result.hits.map((hit) => hit.case.caseNumber);

const id = residentId('510703', '19850312', 123);
const code = uscc('510703', '5A6B7C8D');

// Every specification holds whichever index holds the keys: settled, or fresh (a case just taken in).
describe.each(['settled', 'fresh'] as const)('with the keys in the %s index', (tier) => {
  beforeEach(() => {
    seedTier = tier;
  });

  describe('searchCases by name', () => {
    it('finds an enterprise by a fragment from the middle of its name', async () => {
      const db = freshDatabase();
      const [star] = await seed(db, [{ enterprise: '绵阳星辰科技有限公司' }, { enterprise: '绵阳晨星贸易有限公司' }]);
      const result = await searchCases(db, '星辰');
      expect(numbersOf(result)).toEqual([star!.caseNumber]);
      expect(result.hits[0]!.match).toMatchObject({ field: 'enterpriseName', kind: 'contains' });
    });

    it('finds a person by given name; a single character finds names starting with it (a surname)', async () => {
      const db = freshDatabase();
      const [ouyang, wang] = await seed(db, [{ applicant: { name: '欧阳娜娜' } }, { applicant: { name: '王娜' } }, { applicant: { name: '李强' } }]);
      expect(numbersOf(await searchCases(db, '娜娜'))).toEqual([ouyang!.caseNumber]);
      expect(numbersOf(await searchCases(db, '王'))).toEqual([wang!.caseNumber]);
      expect(numbersOf(await searchCases(db, '娜'))).toEqual([]);
    });

    it('finds agents too', async () => {
      const db = freshDatabase();
      const [withAgent] = await seed(db, [{ agent: { name: '陈代办', idKind: 'residentId', idNumber: residentId('510722', '19920708', 246), phone: null } }, {}]);
      expect(await searchCases(db, '陈代办')).toMatchObject({ hits: [{ case: { id: withAgent!.id }, match: { field: 'agentName', kind: 'exact' } }] });
    });

    it('finds an enterprise by a fragment running into its legal form, which is not indexed', async () => {
      const db = freshDatabase();
      const [star] = await seed(db, [{ enterprise: '绵阳星辰科技有限公司' }, { enterprise: '绵阳星辰商贸有限公司' }]);
      expect(numbersOf(await searchCases(db, '科技有限'))).toEqual([star!.caseNumber]);
      expect(numbersOf(await searchCases(db, '星辰科技有限公司'))).toEqual([star!.caseNumber]);
      expect(keysOf(star!)).not.toContain('n:公司');
    });

    it('does not return a case that has every bigram of the query but not the query itself', async () => {
      const db = freshDatabase();
      const [real] = await seed(db, [{ enterprise: '星辰月影文化传媒' }, { enterprise: '星辰与辰月文化传媒' }]);
      expect(numbersOf(await searchCases(db, '星辰月'))).toEqual([real!.caseNumber]);
    });

    it('ranks a whole-name match above a fragment, then newer above older', async () => {
      const db = freshDatabase();
      const [older, exact, newer] = await seed(db, [{ applicant: { name: '王伟明' } }, { applicant: { name: '王伟' } }, { applicant: { name: '王伟华' } }]);
      expect(numbersOf(await searchCases(db, '王伟'))).toEqual([exact!.caseNumber, newer!.caseNumber, older!.caseNumber]);
    });

    it('answers a very common fragment from the newest cases and says there are more', async () => {
      const db = freshDatabase();
      const rows = await seed(db, Array.from({ length: probeCap + 50 }, (_, i) => ({ enterprise: `绵阳${i}号科技有限公司` })));
      const result = await searchCases(db, '科技', { limit: 10 });
      expect(result.truncated).toBe(true);
      expect(numbersOf(result)).toEqual(rows.slice(-10).reverse().map((row) => row.caseNumber));
    });
  });

  describe('searchCases by pinyin', () => {
    it('finds an enterprise by the initials or the full pinyin of its trade name, or their start', async () => {
      const db = freshDatabase();
      const [target] = await seed(db, [{ enterprise: '四川智宇顺科技有限公司' }, { enterprise: '四川志勇商贸有限公司' }, { enterprise: '绵阳智慧科技有限公司' }]);
      for (const query of ['zysk', 'zhiyushunke', 'zhiyu', 'zhi yu', 'ZYSK', 'sczysk', 'sichuanzhiyushunkeji']) {
        expect(numbersOf(await searchCases(db, query)), query).toEqual([target!.caseNumber]);
      }
      expect((await searchCases(db, 'sczyskj')).hits[0]!.match).toMatchObject({ field: 'enterpriseName', kind: 'exact' });
      expect((await searchCases(db, 'zysk')).hits[0]!.match).toMatchObject({ field: 'enterpriseName', kind: 'contains' });
    });

    it('finds applicants and agents by their pinyin, a heteronym surname read either way', async () => {
      const db = freshDatabase();
      const [shan, agented] = await seed(db, [
        { applicant: { name: '单雄信' } },
        { agent: { name: '曾小乐', idKind: 'residentId', idNumber: residentId('510722', '19920708', 246), phone: null } },
        { applicant: { name: '王小明' } },
      ]);
      expect(await searchCases(db, 'shanxiongxin')).toMatchObject({ hits: [{ case: { id: shan!.id }, match: { field: 'applicantName', kind: 'exact' } }] });
      expect(numbersOf(await searchCases(db, 'danxiongxin'))).toEqual([shan!.caseNumber]);
      expect(numbersOf(await searchCases(db, 'dxx'))).toEqual([shan!.caseNumber]);
      expect(await searchCases(db, 'zxl')).toMatchObject({ hits: [{ case: { id: agented!.id }, match: { field: 'agentName', kind: 'exact' } }] });
      expect(numbersOf(await searchCases(db, 'cengxiao'))).toEqual([agented!.caseNumber]);
    });

    it('ranks a name typed in Chinese above the same pinyin, and a whole name above a part', async () => {
      const db = freshDatabase();
      const [whole, part] = await seed(db, [{ applicant: { name: '张三' } }, { enterprise: '绵阳张三餐饮有限公司', applicant: { name: '李四' } }]);
      expect(numbersOf(await searchCases(db, 'zhangsan'))).toEqual([whole!.caseNumber, part!.caseNumber]);
      expect((await searchCases(db, '张三')).hits[0]!.match!.score).toBeGreaterThan((await searchCases(db, 'zhangsan')).hits[0]!.match!.score);
    });

    it('finds nothing for pinyin no name reads as, nor for one letter', async () => {
      const db = freshDatabase();
      await seed(db, [{ enterprise: '四川智宇顺科技有限公司' }]);
      for (const query of ['zyks', 'zhiyusk', 'z', 'kjyxgs']) expect((await searchCases(db, query)).hits, query).toEqual([]);
    });

    it('answers a pinyin shared by more names than it reads from the cases it does read, and says there are more', async () => {
      const db = freshDatabase();
      await seed(db, Array.from({ length: probeCap + 20 }, (_, i) => ({ applicant: { name: `张三${i}` } })));
      const result = await searchCases(db, 'zs', { limit: 10 });
      expect(result.truncated).toBe(true);
      expect(result.hits).toHaveLength(10);
      expect(result.hits.every((hit) => hit.match?.field === 'applicantName')).toBe(true);
    });
  });

  describe('searchCases by identifier', () => {
    it('finds an ID number by its last six characters, its birth date, or whole', async () => {
      const db = freshDatabase();
      const [target] = await seed(db, [{ applicant: { idNumber: id } }, { applicant: { idNumber: residentId('510703', '19900101', 5) } }]);
      expect(await searchCases(db, id.slice(-6).toLowerCase())).toMatchObject({ hits: [{ case: { id: target!.id }, match: { field: 'applicantIdNumber', kind: 'suffix' } }] });
      expect(numbersOf(await searchCases(db, '19850312'))).toEqual([target!.caseNumber]);
      expect((await searchCases(db, id)).hits[0]!.match).toMatchObject({ kind: 'exact' });
    });

    it('finds a USCC by its organisation code, from the middle', async () => {
      const db = freshDatabase();
      const [target] = await seed(db, [{ uscc: code }, { uscc: uscc('510703', '11111111') }]);
      expect(numbersOf(await searchCases(db, code.slice(8, 17)))).toEqual([target!.caseNumber]);
    });

    it('finds any seven-character fragment of an 18-character code, wherever it starts', async () => {
      const db = freshDatabase();
      const [target] = await seed(db, [{ uscc: code, applicant: { idNumber: id } }, { uscc: uscc('510704', '22222222') }]);
      for (const value of [code, id]) {
        for (let start = 0; start + 7 <= value.length; start += 1) {
          expect(numbersOf(await searchCases(db, value.slice(start, start + 7))), `${value} from ${start}`).toContain(target!.caseNumber);
        }
      }
    });

    it('finds any six-character fragment of an 18-character code, wherever it starts', async () => {
      const db = freshDatabase();
      const lettered = uscc('510703', 'MA62X4K7');
      const [target] = await seed(db, [{ uscc: lettered, applicant: { idNumber: id } }, { uscc: uscc('510704', 'MA62X4K8') }, { uscc: uscc('510704', '22222222') }]);
      expect(numbersOf(await searchCases(db, 'MA62X4K7'))).toEqual([target!.caseNumber]);
      expect(numbersOf(await searchCases(db, 'ma62x4'))).toHaveLength(2);
      for (const value of [lettered, id]) {
        for (let start = 0; start + 6 <= value.length; start += 1) {
          expect(numbersOf(await searchCases(db, value.slice(start, start + 6))), `${value} from ${start}`).toContain(target!.caseNumber);
        }
      }
    });

    it('finds a new company by the USCC HQ assigned with its approval', async () => {
      const db = freshDatabase();
      const [approved] = await seed(db, [{}, {}]);
      const licence = licenceDataSchema.parse(licenceData({ uscc: code, issuedOn: '2026-11-28' }));
      await db.cases.put(rekeyed({ ...approved!, licence }, caseSearchKeys({ ...approved!, licence })));
      expect(numbersOf(await searchCases(db, code))).toEqual([approved!.caseNumber]);
      expect(numbersOf(await searchCases(db, code.slice(-6)))).toEqual([approved!.caseNumber]);
    });

    it('finds a mobile by its start as well as its end', async () => {
      const db = freshDatabase();
      const [target] = await seed(db, [{ applicant: { phone: '13912348765' } }, { applicant: { phone: '13812340000' } }]);
      expect(numbersOf(await searchCases(db, '1391'))).toEqual([target!.caseNumber]);
    });

    it('finds a mobile by its last four digits, typed with spaces or dashes', async () => {
      const db = freshDatabase();
      const [target] = await seed(db, [{ applicant: { phone: '13912348765' } }, { applicant: { phone: '13912340000' } }]);
      expect(numbersOf(await searchCases(db, '8765'))).toEqual([target!.caseNumber]);
      expect(numbersOf(await searchCases(db, '139-1234-8765'))).toEqual([target!.caseNumber]);
    });

    it('ranks an identifier ending with the digits (尾号) above newer ones merely containing them', async () => {
      const db = freshDatabase();
      const [target] = await seed(db, [{ applicant: { phone: '13912348765' } }]);
      await seed(db, Array.from({ length: 250 }, (_, i) => ({ uscc: uscc('510703', `${String(i).padStart(2, '0')}876543`.slice(0, 8)) })));
      expect((await searchCases(db, '8765', { limit: 5 })).hits[0]).toMatchObject({ case: { id: target!.id }, match: { field: 'applicantPhone', kind: 'suffix' } });
    });

    it('answers a 尾号 shared by more cases than it shows from the tail matches alone, newest first, and says there is more', async () => {
      const db = freshDatabase();
      const [startsWith] = await seed(db, [{ applicant: { phone: '87651234000' } }]);
      const tails = await seed(db, Array.from({ length: 4 }, (_, i) => ({ applicant: { phone: mobile('139', 10_000 * i + 8765) } })));
      const newestTails = tails.slice(-3).reverse().map((row) => row.caseNumber);
      expect(await searchCases(db, '8765', { limit: 3 })).toMatchObject({ truncated: true });
      expect(numbersOf(await searchCases(db, '8765', { limit: 3 }))).toEqual(newestTails);
      // Room left after the tails: the identifier starting with the digits follows them.
      expect(numbersOf(await searchCases(db, '8765', { limit: 5 }))).toEqual([...[...tails].reverse().map((row) => row.caseNumber), startsWith!.caseNumber]);
      // A filter may reject tail matches after they are read, so every reading is looked at.
      expect(numbersOf(await searchCases(db, '8765', { limit: 3, clerkId: clerkA }))).toEqual(newestTails);
    });

    it('finds nothing for fragments shorter than four characters rather than guessing', async () => {
      const db = freshDatabase();
      await seed(db, [{ applicant: { phone: '13912348765' } }]);
      expect((await searchCases(db, '765')).hits).toEqual([]);
    });
  });

  describe('searchCases by case number', () => {
    it('finds a case by its whole number however typed, by its start, and by its day and sequence', async () => {
      const db = freshDatabase();
      const [first, second] = await seed(db, [{ day: '2026-11-27' }, { day: '2026-11-28' }]);
      expect(await searchCases(db, ` ${first!.caseNumber.toLowerCase()} `)).toMatchObject({ hits: [{ case: { id: first!.id }, match: { field: 'caseNumber', kind: 'exact' } }] });
      expect(numbersOf(await searchCases(db, 'MY01-2026112'))).toEqual([second!.caseNumber, first!.caseNumber]);
      expect(numbersOf(await searchCases(db, second!.caseNumber.slice(5)))).toEqual([second!.caseNumber]);
      expect(numbersOf(await searchCases(db, '20261127'))).toEqual([first!.caseNumber]);
    });

    it('finds a case by the sequence its number ends with, newest first, ranked as a 尾号', async () => {
      const db = freshDatabase();
      sequence = 0;
      const [older, , newer] = await seed(db, [{ day: '2026-11-27' }, { day: '2026-11-27' }, { day: '2026-11-28' }]);
      expect(older!.caseNumber).toBe('MY01-20261127-0001');
      expect(numbersOf(await searchCases(db, '0001'))).toEqual([older!.caseNumber]);
      expect(await searchCases(db, '-0002')).toMatchObject({ hits: [{ case: { caseNumber: 'MY01-20261127-0002' }, match: { field: 'caseNumber', kind: 'suffix' } }] });
      // Another day's third case.
      sequence = 2;
      const [again] = await seed(db, [{ day: '2026-11-30' }]);
      expect(numbersOf(await searchCases(db, '0003'))).toEqual([again!.caseNumber, newer!.caseNumber]);
    });

    it('answers a sequence every day has from the newest days, and says there are more', async () => {
      const db = freshDatabase();
      const days = Array.from({ length: probeCap + 20 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
      const firsts: CaseRow[] = [];
      for (const day of days) {
        sequence = 0;
        firsts.push(...(await seed(db, [{ day }])));
      }
      const result = await searchCases(db, '0001', { limit: 5 });
      expect(result.truncated).toBe(true);
      expect(numbersOf(result)).toEqual(firsts.slice(-5).reverse().map((row) => row.caseNumber));
    });
  });

  describe('searchCases filters', () => {
    it('filters a query by status, matter and clerk', async () => {
      const db = freshDatabase();
      const accepted: CaseStatus = { code: 'accepted', acceptance: { acceptedAt: '2026-11-28T09:00:00+08:00', dueDate: '2026-12-01', deferral: null } };
      const [, acceptedCase, otherMatter, otherClerk] = await seed(db, [
        { enterprise: '星辰科技' },
        { enterprise: '星辰科技', status: accepted },
        { enterprise: '星辰科技', matterCodes: ['510700-0009'] },
        { enterprise: '星辰科技', clerkId: clerkB },
      ]);
      expect(numbersOf(await searchCases(db, '星辰', { status: 'accepted' }))).toEqual([acceptedCase!.caseNumber]);
      expect(numbersOf(await searchCases(db, '星辰', { matterCode: '510700-0009' as MatterCode }))).toEqual([otherMatter!.caseNumber]);
      expect(numbersOf(await searchCases(db, '星辰', { clerkId: clerkB }))).toEqual([otherClerk!.caseNumber]);
    });

    it('lists by filters alone, newest first, when the query is empty', async () => {
      const db = freshDatabase();
      const rows = await seed(db, [{}, { clerkId: clerkB }, {}, { clerkId: clerkB }]);
      expect(numbersOf(await searchCases(db, '', { clerkId: clerkB }))).toEqual([rows[3]!.caseNumber, rows[1]!.caseNumber]);
      expect(numbersOf(await searchCases(db, '', { limit: 2 }))).toEqual([rows[3]!.caseNumber, rows[2]!.caseNumber]);
    });
  });
});

describe('searchCases across the fresh and settled indexes', () => {
  /** Seeds the cases with their keys in the given index. */
  async function seedIn(db: DeskDatabase, tier: KeyTier, seeds: CaseSeed[]): Promise<CaseRow[]> {
    seedTier = tier;
    try {
      return await seed(db, seeds);
    } finally {
      seedTier = 'settled';
    }
  }

  it('finds matches in both indexes together, best then newest first, each once', async () => {
    const db = freshDatabase();
    const [older] = await seedIn(db, 'settled', [{ enterprise: '绵阳星辰科技有限公司' }]);
    const [newer, exact] = await seedIn(db, 'fresh', [{ enterprise: '四川星辰科技有限公司' }, { applicant: { name: '星辰' } }]);
    expect(numbersOf(await searchCases(db, '星辰'))).toEqual([exact!.caseNumber, newer!.caseNumber, older!.caseNumber]);
  });

  it('intersects the bigrams of a name whichever index each row is in', async () => {
    const db = freshDatabase();
    const [settledRow] = await seedIn(db, 'settled', [{ enterprise: '绵阳星辰科技有限公司' }, { enterprise: '绵阳星辰商贸有限公司' }]);
    const [freshRow] = await seedIn(db, 'fresh', [{ enterprise: '江油星辰科技有限公司' }, { enterprise: '江油晨星科技有限公司' }]);
    expect(numbersOf(await searchCases(db, '星辰科技'))).toEqual([freshRow!.caseNumber, settledRow!.caseNumber]);
  });

  it('answers a very common fragment from the fresh index first, then the newest settled cases', async () => {
    const db = freshDatabase();
    const old = await seedIn(db, 'settled', Array.from({ length: probeCap + 20 }, (_, i) => ({ enterprise: `绵阳${i}号科技有限公司` })));
    const recent = await seedIn(db, 'fresh', Array.from({ length: 4 }, (_, i) => ({ enterprise: `江油${i}号科技有限公司` })));
    const result = await searchCases(db, '科技', { limit: 10 });
    expect(result.truncated).toBe(true);
    expect(numbersOf(result)).toEqual([...recent.reverse(), ...old.slice(-6).reverse()].map((row) => row.caseNumber));
  });
});

describe('search keys', () => {
  it('stay under 41 for a case with every party and identifier, and under 56 with its names’ pinyin, so writing a case stays cheap', async () => {
    const row = caseRow({
      enterprise: '绵阳市涪城区星辰科技有限公司',
      uscc: code,
      agent: { name: '陈代办', idKind: 'residentId', idNumber: residentId('510722', '19920708', 246), phone: '13987654321' },
    });
    expect(keysOf(row).filter((key) => !/^[pq]:/.test(key)).length).toBeLessThanOrEqual(41);
    expect(keysOf(row).length).toBeLessThanOrEqual(56);
  });
});

describe('the real intake path', () => {
  it('indexes a case taken in so that each kind of search finds it', async () => {
    const { db, clerk } = await readyDesk();
    const created = await createDraftCase(db, startUpInput(), { clerk, at: '2026-11-28T09:00:00+08:00' });
    if (!created.ok) throw new Error(created.message);
    const row = created.value;
    for (const query of ['星辰', '小明', '代办', 'xckj', 'wangxiaoming', 'cdb', row.applicant.idNumber.slice(-6), row.agent!.phone!.slice(-4), row.caseNumber, row.caseNumber.slice(-4)]) {
      expect(numbersOf(await searchCases(db, query)), query).toEqual([row.caseNumber]);
    }
  });
});

describe('the company\'s people taken in', () => {
  it('find a founding by a fragment of its legal representative\'s or a shareholder\'s document number, of any kind', async () => {
    const { db, clerk } = await readyDesk();
    const created = await createDraftCase(
      db,
      {
        ...startUpInput(),
        legalRepresentative: { name: '陈大文', idKind: 'hkMacaoPermit', idNumber: 'h 6024 8731', phone: null },
        shareholders: [
          { name: 'John Smith', idKind: 'passport', idNumber: 'ep7319468', nationality: 'GB' },
          { name: '林美玲', idKind: 'taiwanPermit', idNumber: '08123456' },
        ],
      },
      { clerk, at: '2026-11-28T09:00:00+08:00' },
    );
    if (!created.ok) throw new Error(created.message);
    const row = created.value;
    expect(row.legalRepresentative).toMatchObject({ idNumber: 'H60248731' });
    expect(row.shareholders).toEqual([
      { name: 'John Smith', idKind: 'passport', idNumber: 'EP7319468', nationality: 'GBR' },
      { name: '林美玲', idKind: 'taiwanPermit', idNumber: '08123456' },
    ]);
    for (const query of ['H6024', '8731', 'EP73', '19468', '0812']) {
      expect(numbersOf(await searchCases(db, query)), query).toEqual([row.caseNumber]);
    }
    expect((await searchCases(db, '19468')).hits[0]!.match).toMatchObject({ field: 'shareholderIdNumber', kind: 'suffix' });
  });

  it('refuse a shareholder whose document fails its check, naming the row', async () => {
    const { db, clerk } = await readyDesk();
    const refused = await createDraftCase(db, { ...startUpInput(), shareholders: [{ name: 'John Smith', idKind: 'passport', idNumber: 'EP7319468' }] }, { clerk });
    expect(refused).toMatchObject({ ok: false, field: 'shareholders', message: '第1名自然人股东国籍：请选择护照的国籍' });
  });

  it('leave the keys of a case without them as they were, so stored rows need no re-keying', () => {
    const row = caseRow({});
    expect(caseSearchKeys({ ...row, legalRepresentative: null, shareholders: [] }).sort()).toEqual(caseSearchKeys(row).sort());
  });
});

describe('todaysQueue and dueCases', () => {
  it('lists the day\'s cases in the order they came', async () => {
    const db = freshDatabase();
    const rows = await seed(db, [{ day: '2026-11-27' }, { day: '2026-11-28' }, { day: '2026-11-28' }]);
    expect((await todaysQueue(db, '2026-11-28')).map((row) => row.id)).toEqual([rows[1]!.id, rows[2]!.id]);
  });

  it('lists overdue and near-due cases with their highlight, by working days', async () => {
    const db = freshDatabase();
    const acceptedDue = (dueDate: string): CaseStatus => ({ code: 'accepted', acceptance: { acceptedAt: '2026-09-20T09:00:00+08:00', dueDate, deferral: null } });
    const [overdue, nearDue] = await seed(db, [
      { status: acceptedDue('2026-09-29') },
      // 2026-09-30 is the last working day before the National Day holiday; 10-08 is the next.
      { status: acceptedDue('2026-10-08') },
      { status: acceptedDue('2026-10-09') },
      {},
    ]);
    const due = await dueCases(db, '2026-09-30');
    expect(due.map((entry) => [entry.case.id, entry.dueStatus])).toEqual([
      [overdue!.id, 'overdue'],
      [nearDue!.id, 'nearDue'],
    ]);
  });
});
