import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDraftCase } from '../../../../../renderer/src/data/cases';
import { searchKeyerNow } from '../../../../../renderer/src/data/crypto/deskKeys';
import { DeskDatabase } from '../../../../../renderer/src/data/db';
import { developmentDeskIdentity } from '../../../../../renderer/src/data/desk';
import { updateIntake } from '../../../../../renderer/src/data/intakeCorrection';
import type { CaseRow, EnterpriseRow } from '../../../../../renderer/src/data/records';
import { findEnterprises } from '../../../../../renderer/src/data/search/enterprises';
import { caseSearchKeys, enterpriseSearchKeys, normaliseName } from '../../../../../renderer/src/data/search/keys';
import { keysOf, rekeyed, settled, tierOf, type Keyed } from '../../../../../renderer/src/data/search/keyTiers';
import { probeKeyers, readRekeyProgress, rekeyStaleRows } from '../../../../../renderer/src/data/search/rekey';
import { startPass, type KeyedTable } from '../../../../../renderer/src/data/search/staleKeys';
import { searchCases } from '../../../../../renderer/src/data/search/searchCases';
import { settleFreshKeys } from '../../../../../renderer/src/data/search/settleKeys';
import type { SignedInClerk } from '../../../../../renderer/src/domain/clerks/account';
import { mobile, residentId, uscc } from '../../../../fixtures/identities';
import { asKeyedByVersion2 } from '../../../../fixtures/searchKeysV2';
import { plainKeyer } from '../../../support/plainKeyer';
import { caseRow } from '../caseRowFixture';
import { addAccount, startUpInput } from '../dataFixtures';

const enterpriseNames = ['四川智宇顺科技有限公司', '绵阳星辰科技有限公司', '江油青莲文化传媒有限公司', '三台县梓州农业有限公司', '绵阳涪城长虹商贸有限公司'];
const applicantNames = ['单雄信', '欧阳娜娜', '司马光明', '诸葛云飞', '王小明'];

let opened: DeskDatabase[] = [];
let counter = 0;

afterEach(async () => {
  for (const db of opened) db.close();
  for (const name of new Set(opened.map((db) => db.name))) await Dexie.delete(name);
  opened = [];
});

function open(name: string, upToVersion?: number): DeskDatabase {
  const db = new DeskDatabase(name, upToVersion === undefined ? {} : { upToVersion });
  opened.push(db);
  return db;
}

interface OldDesk {
  name: string;
  clerk: SignedInClerk;
  /** The rows as the version-5 desk stored them, keyed by search keys version 2. */
  cases: CaseRow[];
  enterprises: EnterpriseRow[];
}

/** A version-5 desk with five cases (the first three settled, the last two fresh), each with its own enterprise. */
async function version5Desk(): Promise<OldDesk> {
  const name = `rekey-${process.pid}-${++counter}`;
  const old = open(name, 5);
  await old.meta.put({ key: 'deskIdentity', value: developmentDeskIdentity });
  const clerk = await addAccount(old, 'clerk', '周受理');
  for (const [i, enterprise] of enterpriseNames.entries()) {
    if (i === 3) await old.cases.toCollection().modify((row) => void Object.assign(row, settled(row)));
    const input = startUpInput({ enterprise: { kind: 'new', name: enterprise, uscc: null, address: null } });
    const taken = await createDraftCase(old, { ...input, applicant: { ...input.applicant, name: applicantNames[i]! } }, { clerk });
    if (!taken.ok) throw new Error(taken.message);
  }
  await old.cases.toCollection().modify(asKeyedByVersion2);
  await old.enterprises.toCollection().modify(asKeyedByVersion2);
  const desk = { name, clerk, cases: await old.cases.toArray(), enterprises: await old.enterprises.toArray() };
  old.close();
  return desk;
}

const rowCount = enterpriseNames.length * 2;
const unlimited = { budgetMs: Number.POSITIVE_INFINITY };
const foundCases = async (db: DeskDatabase, query: string) => (await searchCases(db, query)).hits.map((hit) => hit.case.enterprise.name);

async function rekeyAll(db: DeskDatabase, maxRows: number) {
  const batches = [];
  for (;;) {
    const batch = await rekeyStaleRows(db, { ...unlimited, maxRows });
    batches.push(batch);
    if (!batch.more) return batches;
  }
}

async function expectCurrentKeys(db: DeskDatabase) {
  for (const row of await db.cases.toArray()) expect(new Set(keysOf(row)), row.enterprise.name).toEqual(new Set(caseSearchKeys(row)));
  for (const row of await db.enterprises.toArray()) expect(new Set(keysOf(row)), row.name).toEqual(new Set(enterpriseSearchKeys(row)));
}

describe('the search re-key after schema version 6', () => {
  it('opens a version-5 desk without touching its rows, and records that they still carry the older keys', async () => {
    const old = await version5Desk();
    const db = open(old.name);
    expect(await db.cases.toArray()).toEqual(old.cases);
    expect(await db.enterprises.toArray()).toEqual(old.enterprises);
    expect(await readRekeyProgress(db)).toEqual({ done: 0, total: rowCount });
    // The kinds of key version 2 had still find the rows; pinyin does not, yet.
    expect(await foundCases(db, '智宇顺')).toEqual(['四川智宇顺科技有限公司']);
    const idNumber = startUpInput().applicant.idNumber;
    expect(await foundCases(db, idNumber.slice(-6))).toHaveLength(enterpriseNames.length);
    // Middle keys of 18-character codes are the same in both versions: a six-character fragment finds them already.
    expect(await foundCases(db, idNumber.slice(7, 13))).toHaveLength(enterpriseNames.length);
    expect(await foundCases(db, 'zysk')).toEqual([]);
  });

  it('re-keys every case and enterprise in batches, in the index each is in, then says nothing is left', async () => {
    const old = await version5Desk();
    const db = open(old.name);
    const batches = await rekeyAll(db, 3);
    expect(batches.map((batch) => batch.walked)).toEqual([3, 3, 3, 1]);
    expect(batches.reduce((sum, batch) => sum + batch.rekeyed, 0)).toBe(rowCount);
    await expectCurrentKeys(db);
    for (const before of old.cases) expect(tierOf((await db.cases.get(before.id))!)).toBe(tierOf(before));
    const withoutKeys = <T extends Keyed>(rows: T[]) => rows.map((row) => ({ ...row, searchKeys: undefined, freshKeys: undefined }));
    expect(withoutKeys(await db.cases.toArray())).toEqual(withoutKeys(old.cases));
    expect(await readRekeyProgress(db)).toBeNull();
    expect(await rekeyStaleRows(db)).toEqual({ walked: 0, rekeyed: 0, more: false });
  });

  it('lets pinyin and a case number\'s sequence find rows taken in under version 5 once they are re-keyed', async () => {
    const old = await version5Desk();
    const db = open(old.name);
    await rekeyAll(db, 4);
    expect(await foundCases(db, 'zysk')).toEqual(['四川智宇顺科技有限公司']);
    expect(await foundCases(db, 'danxiongxin')).toEqual(['四川智宇顺科技有限公司']);
    expect(await foundCases(db, 'ouyang')).toEqual(['绵阳星辰科技有限公司']);
    expect((await findEnterprises(db, 'mianyangxingchen')).map((hit) => hit.enterprise.name)).toEqual(['绵阳星辰科技有限公司']);
    const first = old.cases[0]!;
    expect((await searchCases(db, first.caseNumber.slice(-4))).hits.map((hit) => hit.case.id)).toContain(first.id);
  });

  it('shows its progress while it runs', async () => {
    const old = await version5Desk();
    const db = open(old.name);
    await rekeyStaleRows(db, { ...unlimited, maxRows: 4 });
    expect(await readRekeyProgress(db)).toEqual({ done: 4, total: rowCount });
    await rekeyStaleRows(db, { ...unlimited, maxRows: 4 });
    expect(await readRekeyProgress(db)).toEqual({ done: 8, total: rowCount });
  });

  it('stops a batch once its time is spent, after at least one row', async () => {
    const old = await version5Desk();
    const db = open(old.name);
    let clock = 0;
    const slow = { maxRows: 50, budgetMs: 40, now: () => (clock += 15) };
    expect(await rekeyStaleRows(db, slow)).toEqual({ walked: 3, rekeyed: 3, more: true });
    expect(await rekeyStaleRows(db, { ...slow, budgetMs: 0 })).toEqual({ walked: 1, rekeyed: 1, more: true });
  });

  it('resumes where it stopped when the app closes after a batch or a batch fails half-way, walking each row once', async () => {
    const old = await version5Desk();
    const first = open(old.name);
    const walked = [await rekeyStaleRows(first, { ...unlimited, maxRows: 3 })];
    first.close();

    const again = open(old.name);
    expect(await readRekeyProgress(again)).toEqual({ done: 3, total: rowCount });
    // A batch that fails after re-keying a row is rolled back whole: neither the row nor the mark moves.
    const before = await again.cases.toArray();
    let calls = 0;
    const failing = () => {
      calls += 1;
      if (calls > 2) throw new Error('页面关闭');
      return 0;
    };
    await expect(rekeyStaleRows(again, { maxRows: 3, budgetMs: 1_000, now: failing })).rejects.toThrow();
    expect(await again.cases.toArray()).toEqual(before);
    expect(await readRekeyProgress(again)).toEqual({ done: 3, total: rowCount });

    walked.push(...(await rekeyAll(again, 3)));
    expect(walked.reduce((sum, batch) => sum + batch.walked, 0)).toBe(rowCount);
    expect(walked.reduce((sum, batch) => sum + batch.rekeyed, 0)).toBe(rowCount);
    await expectCurrentKeys(again);
  });

  it('does not write again a row the clerk wrote since the upgrade: it carries the current keys', async () => {
    const old = await version5Desk();
    const db = open(old.name);
    const corrected = old.cases[2]!;
    expect(await updateIntake(db, corrected.id, { applicant: { ...startUpInput().applicant, name: '欧阳修' } }, { clerk: old.clerk })).toMatchObject({ ok: true });
    const batches = await rekeyAll(db, 4);
    expect(batches.reduce((sum, batch) => sum + batch.walked, 0)).toBe(rowCount);
    expect(batches.reduce((sum, batch) => sum + batch.rekeyed, 0)).toBe(rowCount - 1);
    expect(await foundCases(db, 'ouyangxiu')).toEqual([corrected.enterprise.name]);
  });

  it('keeps a clerk\'s correction made while a batch re-keys the same case, whichever commits first', async () => {
    const old = await version5Desk();
    const db = open(old.name);
    const [racing, other] = [...old.cases].sort((a, b) => (a.id < b.id ? -1 : 1));
    const correct = (row: CaseRow, name: string) => updateIntake(db, row.id, { applicant: { ...startUpInput().applicant, name } }, { clerk: old.clerk });
    const [batch, raced] = await Promise.all([rekeyStaleRows(db, { ...unlimited, maxRows: 3 }), correct(racing!, '上官婉儿')]);
    expect(raced).toMatchObject({ ok: true });
    expect(batch.walked).toBe(3);
    const [corrected] = await Promise.all([correct(other!, '欧阳修'), rekeyStaleRows(db, { ...unlimited, maxRows: 3 })]);
    expect(corrected).toMatchObject({ ok: true });
    await rekeyAll(db, 3);
    expect((await db.cases.get(racing!.id))!.applicant.name).toBe('上官婉儿');
    expect((await db.cases.get(other!.id))!.applicant.name).toBe('欧阳修');
    await expectCurrentKeys(db);
    expect(await foundCases(db, 'shangguan')).toEqual([racing!.enterprise.name]);
    expect(await foundCases(db, 'ouyangxiu')).toEqual([other!.enterprise.name]);
  });

  it('does not walk rows taken in since the upgrade: they were written with the current keys', async () => {
    const old = await version5Desk();
    const db = open(old.name);
    const taken = await createDraftCase(db, startUpInput({ enterprise: { kind: 'new', name: '绵阳新来商贸有限公司', uscc: null, address: null } }), { clerk: old.clerk });
    expect(taken.ok).toBe(true);
    const batches = await rekeyAll(db, 50);
    expect(batches.reduce((sum, batch) => sum + batch.walked, 0)).toBe(rowCount);
    expect(await foundCases(db, 'xinlai')).toEqual(['绵阳新来商贸有限公司']);
  });

  it('walks every row again from the start when its mark is damaged', async () => {
    const old = await version5Desk();
    const db = open(old.name);
    await rekeyStaleRows(db, { ...unlimited, maxRows: 4 });
    await db.meta.put({ key: 'search.keys', value: { keysVersion: 'three' } });
    expect(await readRekeyProgress(db)).toEqual({ done: 0, total: 0 });
    const batches = await rekeyAll(db, 50);
    expect(batches.reduce((sum, batch) => sum + batch.walked, 0)).toBe(rowCount);
    expect(batches.reduce((sum, batch) => sum + batch.rekeyed, 0)).toBe(rowCount - 4);
    await expectCurrentKeys(db);
  });

  it('has nothing to do on a desk created by this version, and leaves the settling of fresh keys to it', async () => {
    const db = open(`rekey-new-${process.pid}-${++counter}`);
    await db.meta.put({ key: 'deskIdentity', value: developmentDeskIdentity });
    const clerk = await addAccount(db, 'clerk', '钱受理');
    expect((await createDraftCase(db, startUpInput(), { clerk })).ok).toBe(true);
    expect(await readRekeyProgress(db)).toBeNull();
    expect(await rekeyStaleRows(db)).toEqual({ walked: 0, rekeyed: 0, more: false });
    expect(await settleFreshKeys(db, 10)).toBe(2);
  });
});

/** What each case of the version-7 desk is taken in with, and a query of each kind that finds it alone. */
const plainDeskCases = [
  { enterprise: '四川智宇顺科技有限公司', nameFragment: '智宇顺', pinyin: 'zysk', applicant: '单雄信', applicantPinyin: 'danxiongxin' },
  { enterprise: '绵阳星辰科技有限公司', nameFragment: '星辰', pinyin: 'xingchen', applicant: '欧阳娜娜', applicantPinyin: 'ouyangnana' },
  { enterprise: '江油青莲文化传媒有限公司', nameFragment: '青莲文化', pinyin: 'qlwh', applicant: '司马光明', applicantPinyin: 'simaguang' },
  { enterprise: '三台县梓州农业有限公司', nameFragment: '梓州', pinyin: 'zizhou', applicant: '诸葛云飞', applicantPinyin: 'zhugeyunfei' },
].map((seed, i) => ({
  ...seed,
  uscc: uscc('510703', `${i + 1}A6B7C8D`),
  idNumber: residentId('510703', '19850312', 101 + i * 22),
  phone: mobile('138', 10000000 + (i + 1) * 1111),
}));

/** A version-7 desk (plain keys, search keys version 3) holding `plainDeskCases`, upgraded by opening it. */
async function upgradedPlainDesk(): Promise<{ db: DeskDatabase; ids: CaseRow['id'][] }> {
  const name = `rekey-plain-${process.pid}-${++counter}`;
  const old = open(name, 7);
  await old.meta.put({ key: 'deskIdentity', value: developmentDeskIdentity });
  const clerk = await addAccount(old, 'clerk', '吴受理');
  const ids: CaseRow['id'][] = [];
  for (const seed of plainDeskCases) {
    const input = startUpInput({ enterprise: { kind: 'new', name: seed.enterprise, uscc: seed.uscc, address: null } });
    const taken = await createDraftCase(old, { ...input, applicant: { ...input.applicant, name: seed.applicant, idNumber: seed.idNumber, phone: seed.phone } }, { clerk });
    if (!taken.ok) throw new Error(taken.message);
    ids.push(taken.value.id);
  }
  await old.cases.toCollection().modify((row) => void Object.assign(row, rekeyed(row, caseSearchKeys(row, plainKeyer))));
  await old.enterprises.toCollection().modify((row) => void Object.assign(row, rekeyed(row, enterpriseSearchKeys(row, plainKeyer))));
  old.close();
  return { db: open(name), ids };
}

/** Every kind of query for the i-th case: name fragments, pinyin, ID tail, USCC middle, mobile tail, case number tail. */
function queriesOf(i: number, caseNumber: string): string[] {
  const seed = plainDeskCases[i]!;
  return [seed.nameFragment, seed.applicant.slice(1), seed.pinyin, seed.applicantPinyin, seed.idNumber.slice(-6), seed.uscc.slice(8, 16), seed.phone.slice(-4), caseNumber.slice(-4)];
}

describe('search while the re-key from plain keys (schema version 8) is pending', () => {
  it('finds the rows the pass has reached and those it has not by every kind of fragment', async () => {
    const { db, ids } = await upgradedPlainDesk();
    // Cases first: the first two re-keyed, the other two and every enterprise still plain.
    expect(await rekeyStaleRows(db, { ...unlimited, maxRows: 2 })).toMatchObject({ walked: 2, rekeyed: 2, more: true });
    const rows = await Promise.all(ids.map(async (id) => (await db.cases.get(id))!));
    expect(rows.map((row) => keysOf(row).includes(`N:${row.applicant.name}`))).toEqual([false, false, true, true]);
    for (const [i, row] of rows.entries()) {
      for (const query of queriesOf(i, row.caseNumber)) expect((await searchCases(db, query)).hits.map((hit) => hit.case.id), query).toEqual([row.id]);
    }
    // Enterprises: cases done, then two of the four enterprises.
    await rekeyStaleRows(db, { ...unlimited, maxRows: 4 });
    const keyedEnterprises = (await db.enterprises.toArray()).filter((row) => !keysOf(row).includes(`N:${normaliseName(row.name)}`));
    expect(keyedEnterprises).toHaveLength(2);
    for (const seed of plainDeskCases) {
      for (const query of [seed.nameFragment, seed.pinyin, seed.uscc.slice(8, 16), seed.uscc.slice(-6)]) {
        expect((await findEnterprises(db, query)).map((hit) => hit.enterprise.name), query).toEqual([seed.enterprise]);
      }
    }
  });

  it('probes plain keys only while the pass is pending', async () => {
    const { db, ids } = await upgradedPlainDesk();
    const plainProbes = vi.spyOn(plainKeyer, 'keyed');
    try {
      expect(await probeKeyers(db)).toHaveLength(2);
      expect((await searchCases(db, '星辰')).hits).toHaveLength(1);
      expect(plainProbes).toHaveBeenCalled();
      await rekeyAll(db, 50);
      plainProbes.mockClear();
      expect(await probeKeyers(db)).toEqual([searchKeyerNow()]);
      const row = (await db.cases.get(ids[2]!))!;
      for (const query of queriesOf(2, row.caseNumber)) expect((await searchCases(db, query)).hits.map((hit) => hit.case.id), query).toEqual([row.id]);
      expect((await findEnterprises(db, '梓州')).map((hit) => hit.enterprise.name)).toEqual([plainDeskCases[3]!.enterprise]);
      expect(plainProbes).not.toHaveBeenCalled();
    } finally {
      plainProbes.mockRestore();
    }
  });
});

describe('the cost of the background re-key', () => {
  const rowsMeasured = 2_000;

  /** A desk of `rowsMeasured` sealed cases keyed plain (as schema version 8 leaves them), the re-key pass recorded. */
  async function staleSealedDesk(): Promise<DeskDatabase> {
    const db = open(`rekey-cost-${process.pid}-${++counter}`);
    const rows = Array.from({ length: rowsMeasured }, (_, i) => {
      const id = `01900000-0000-7000-8000-${String(i + 1).padStart(12, '0')}` as CaseRow['id'];
      const row = caseRow({ id, caseNumber: `MY01-20260929-${String(i + 1).padStart(4, '0')}` as CaseRow['caseNumber'] });
      return { ...row, applicant: { ...row.applicant, name: applicantNames[i % applicantNames.length]! } };
    });
    await db.cases.bulkAdd(rows.map((row) => rekeyed(row, caseSearchKeys(row, plainKeyer))));
    await db.meta.put({ key: 'search.keys', value: { keysVersion: 4, pass: await startPass({ cases: db.cases as unknown as KeyedTable, enterprises: db.enterprises as unknown as KeyedTable }) } });
    return db;
  }

  it(`re-keys ${rowsMeasured} sealed cases without sealing any of them again, and says what a row costs`, async () => {
    const db = await staleSealedDesk();
    const encrypt = vi.spyOn(globalThis.crypto.subtle, 'encrypt');
    try {
      const started = performance.now();
      const batches = await rekeyAll(db, 20);
      const perRow = (performance.now() - started) / rowsMeasured;
      console.info(`re-key: ${perRow.toFixed(2)} ms a row over ${rowsMeasured} cases, ${batches.length} batches (fake-indexeddb, Node)`);
      expect(batches.reduce((sum, batch) => sum + batch.rekeyed, 0)).toBe(rowsMeasured);
      // The re-key changes only the plain key fields: each row's sealed part is written back as it was.
      expect(encrypt).not.toHaveBeenCalled();
    } finally {
      encrypt.mockRestore();
    }
    const sample = (await db.cases.get(`01900000-0000-7000-8000-${String(rowsMeasured).padStart(12, '0')}` as CaseRow['id']))!;
    expect(sample.applicant.name).toBe(applicantNames[(rowsMeasured - 1) % applicantNames.length]);
    expect(new Set(keysOf(sample))).toEqual(new Set(caseSearchKeys(sample)));
    expect((await searchCases(db, applicantNames[0]!)).hits.length).toBeGreaterThan(0);
  });
});
