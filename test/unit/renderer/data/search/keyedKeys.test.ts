import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDraftCase } from '../../../../../renderer/src/data/cases';
import type { PartyInput, ShareholderInput } from '../../../../../renderer/src/data/intakeInput';
import { searchKeyer } from '../../../../../renderer/src/data/crypto/searchKeyer';
import type { CaseRow } from '../../../../../renderer/src/data/records';
import { keysOf } from '../../../../../renderer/src/data/search/keyTiers';
import { caseSearchKeys, keyedKey, longestKeyedPrefix, namePinyinStarts } from '../../../../../renderer/src/data/search/keys';
import { searchCases } from '../../../../../renderer/src/data/search/searchCases';
import { residentId, uscc } from '../../../../fixtures/identities';
import { plainKeyer } from '../../../support/plainKeyer';
import { closeDatabases, readyDesk, startUpInput } from '../dataFixtures';

afterEach(closeDatabases);

const usccOfCase = uscc('510703', '6C7D8E9F');
const documents: { legalRepresentative: PartyInput; shareholders: ShareholderInput[] } = {
  legalRepresentative: { name: '陈大文', idKind: 'hkMacaoPermit', idNumber: 'H60248731', phone: null },
  shareholders: [
    { name: 'John Smith', idKind: 'passport', idNumber: 'EP7319468', nationality: 'GB' },
    { name: '林美玲', idKind: 'taiwanPermit', idNumber: '08123456' },
    { name: '何家明', idKind: 'residencePermit', idNumber: residentId('810000', '19900101', 123) },
    { name: 'Mary Brown', idKind: 'foreignPermanentResident', idNumber: residentId('931840', '19880215', 7), nationality: 'US' },
  ],
};

/** A founding taken in through the real intake path, with a party holding each kind of identity document. */
async function foundingTakenIn() {
  const { db, clerk } = await readyDesk();
  const input = startUpInput({ enterprise: { kind: 'new', name: '四川智宇顺科技有限公司', uscc: usccOfCase, address: null }, ...documents });
  const created = await createDraftCase(db, input, { clerk, at: '2026-11-28T09:00:00+08:00' });
  if (!created.ok) throw new Error(created.message);
  return { db, row: created.value };
}

const keyerOf = (byte: number) => searchKeyer(new Uint8Array(32).fill(byte));

describe('keyed search keys', () => {
  it('find a case taken in by every kind of search', async () => {
    const { db, row } = await foundingTakenIn();
    const queries = [
      ['name fragment', '智宇顺'],
      ['applicant given name', '小明'],
      ['surname', '王'],
      ['pinyin initials', 'zysk'],
      ['full pinyin', 'zhiyushunkeji'],
      ['pinyin start', 'zhiyu'],
      ['person pinyin', 'wangxiaoming'],
      ['ID last six', row.applicant.idNumber.slice(-6)],
      ['whole ID, past the keyed prefixes', row.applicant.idNumber],
      ['USCC middle', usccOfCase.slice(8, 16)],
      ['mobile last four', row.applicant.phone!.slice(-4)],
      ['case number', row.caseNumber],
      ['case number tail', row.caseNumber.slice(-4)],
      ['case day and sequence', row.caseNumber.slice(5)],
      ...documents.shareholders.map((person) => [person.idKind, person.idNumber.slice(-5)] as const),
      ['hkMacaoPermit', 'H6024'],
    ] as const;
    for (const [kind, query] of queries) {
      expect((await searchCases(db, query)).hits.map((hit) => hit.case.id), `${kind}: ${query}`).toEqual([row.id]);
    }
  });

  it('find nothing for a long fragment that shares only the keyed prefix: rows found are checked', async () => {
    const { db, row } = await foundingTakenIn();
    const id = row.applicant.idNumber;
    const differsLate = id.slice(0, longestKeyedPrefix + 1) + (id[longestKeyedPrefix + 1] === '0' ? '1' : '0');
    expect((await searchCases(db, differsLate)).hits).toEqual([]);
  });

  it('hold no plain fragment of a name, identifier, pinyin or case number', async () => {
    const { db, row } = await foundingTakenIn();
    const stored = (await db.cases.get(row.id))!;
    const keys = keysOf(stored);
    expect(keys).toHaveLength(caseSearchKeys(stored, plainKeyer).length);
    const pinyin = namePinyinStarts(row.enterprise.name, 'enterprise')[0]!;
    const fragments = [
      '智宇', '王小明', '小明', '陈代办', '陈大文', 'john', 'JOHN', pinyin.initials.slice(0, 3), pinyin.full.slice(0, 4),
      row.applicant.idNumber.slice(-4), row.applicant.idNumber.slice(0, 6), row.applicant.phone!.slice(-4), usccOfCase.slice(8, 12),
      ...documents.shareholders.map((person) => person.idNumber.slice(-4)), row.caseNumber.slice(-4), row.caseNumber.slice(5, 13),
    ];
    for (const fragment of fragments) expect(keys.filter((key) => key.includes(fragment)), fragment).toEqual([]);
    // Past the plain kind, only units: never a digit, a Latin letter or a separator.
    for (const key of keys) expect(key).toMatch(/^[nNpqircs]:[\u4000-\ubfff]+$/);
  });

  it('differ under another data key, and are the same under the same one', () => {
    const row = { ...caseOf(), enterprise: { name: '四川智宇顺科技有限公司', uscc: usccOfCase, address: null, greenCard: false } };
    const [one, again, other] = [1, 1, 2].map((byte) => caseSearchKeys(row, keyerOf(byte))) as [string[], string[], string[]];
    expect(again).toEqual(one);
    const otherSet = new Set(other);
    expect(one.filter((key) => otherSet.has(key))).toEqual([]);
  });

  it('key a probed prefix as a prefix of every key it starts, and a whole key only as itself', () => {
    const keyer = keyerOf(3);
    for (const [plain, probed] of [
      ['i:510703198503121234', 'i:5107'],
      ['r:432121305891307015', 'r:432121'],
      ['q:zhiyushunkeji', 'q:zh'],
      ['p:zyskj', 'p:zysk'],
      ['c:20261128-0003', 'c:20261128'],
      ['N:王小明', 'N:王'],
    ] as const) {
      expect(keyedKey(plain, keyer).startsWith(keyedKey(probed, keyer, true)), plain).toBe(true);
    }
    expect(keyedKey('N:王小明', keyer).startsWith(keyedKey('N:李', keyer, true))).toBe(false);
    expect(keyedKey('i:510703198503121234', keyer).startsWith(keyedKey('i:5108', keyer, true))).toBe(false);
    expect(keyedKey('N:王', keyer)).not.toBe(keyedKey('N:王', keyer, true));
    expect(keyedKey('n:智宇', keyer)).toHaveLength(4);
    expect(() => keyedKey('x:智宇', keyer)).toThrow(RangeError);
  });

  it('cost a few MACs a character: measured for a case with every party', () => {
    const row = caseOf();
    const keyer = keyerOf(4);
    const plain = caseSearchKeys(row, plainKeyer);
    const keyed = caseSearchKeys(row, keyer);
    // One unit a character from a kind's shortest probe to its longest keyed prefix, two for a whole key.
    const units = keyed.reduce((sum, key) => sum + key.length - 2, 0);
    const plainCharacters = plain.reduce((sum, key) => sum + Array.from(key).length - 2, 0);
    expect(units).toBeLessThan(plainCharacters);
    for (let i = 0; i < 20; i += 1) caseSearchKeys(row, keyer);
    const runs = 100;
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) caseSearchKeys(row, keyer);
    const µsPerCase = ((performance.now() - started) * 1000) / runs;
    console.info(`keyed search keys: ${keyed.length} keys, ${units} units (${plainCharacters} plain characters), ${Math.round(µsPerCase)} µs a case, ${(µsPerCase / units).toFixed(2)} µs a unit`);
    expect(units).toBeLessThan(450);
  });
});

/** A case with every party and identifier, as the bench's larger cases. */
function caseOf(): Pick<CaseRow, 'caseNumber' | 'enterprise' | 'applicant' | 'agent' | 'licence' | 'legalRepresentative' | 'shareholders'> {
  return {
    caseNumber: 'MY01-20261128-0002' as CaseRow['caseNumber'],
    enterprise: { name: '绵阳市涪城区四川智宇顺科技有限公司', uscc: usccOfCase, address: null, greenCard: false },
    applicant: { name: '单雄信', idKind: 'residentId', idNumber: residentId('510703', '19850312', 123), phone: '13812345678' },
    agent: { name: '欧阳娜娜', idKind: 'residentId', idNumber: residentId('510722', '19920708', 246), phone: '13987654321' },
    licence: null,
  };
}
