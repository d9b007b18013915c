import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { caseChecklist, recordChecklistItem } from '../../../../../renderer/src/data/caseChecklist';
import { applyCommand, createDraftCase } from '../../../../../renderer/src/data/cases';
import type { CaseId } from '../../../../../renderer/src/domain/cases/caseId';
import { DeskDatabase } from '../../../../../renderer/src/data/db';
import { findEnterprises } from '../../../../../renderer/src/data/search/enterprises';
import { caseSearchKeys, enterpriseSearchKeys } from '../../../../../renderer/src/data/search/keys';
import { tierOf } from '../../../../../renderer/src/data/search/keyTiers';
import { searchCases } from '../../../../../renderer/src/data/search/searchCases';
import { settleFreshKeys } from '../../../../../renderer/src/data/search/settleKeys';
import { closeDatabases, readyDesk, startUpInput } from '../dataFixtures';
import { signedWithdrawalRequest } from '../../domain/cases/caseFixtures';

afterEach(closeDatabases);

const people = ['欧阳娜娜', '司马光明', '诸葛云飞'];

/** Three cases taken in at the counter, each with a new enterprise. */
async function takenIn() {
  const desk = await readyDesk();
  const ids: string[] = [];
  for (const [i, name] of people.entries()) {
    const input = startUpInput({ enterprise: { kind: 'new', name: `绵阳第${i + 1}星辰科技有限公司`, uscc: null, address: null } });
    const taken = await createDraftCase(desk.db, { ...input, applicant: { ...input.applicant, name } }, { clerk: desk.clerk });
    if (!taken.ok) throw new Error(taken.message);
    ids.push(taken.value.id);
  }
  return { ...desk, ids };
}

const freshCounts = async (db: DeskDatabase) => ({
  cases: new Set(await db.cases.orderBy('freshKeys').primaryKeys()).size,
  enterprises: new Set(await db.enterprises.orderBy('freshKeys').primaryKeys()).size,
});

describe('settleFreshKeys', () => {
  it('finds cases and enterprises just taken in through the fresh index', async () => {
    const { db, ids } = await takenIn();
    expect(await freshCounts(db)).toEqual({ cases: 3, enterprises: 3 });
    expect(await db.cases.orderBy('searchKeys').count()).toBe(0);
    expect((await searchCases(db, '娜娜')).hits.map((hit) => hit.case.id)).toEqual([ids[0]]);
    expect((await findEnterprises(db, '第2星辰')).map((hit) => hit.enterprise.name)).toEqual(['绵阳第2星辰科技有限公司']);
  });

  it('moves keys into the settled index a batch at a time, cases first, and says when nothing is left', async () => {
    const { db } = await takenIn();
    expect(await settleFreshKeys(db, 2)).toBe(2);
    expect(await freshCounts(db)).toEqual({ cases: 1, enterprises: 3 });
    expect(await settleFreshKeys(db, 10)).toBe(4);
    expect(await freshCounts(db)).toEqual({ cases: 0, enterprises: 0 });
    expect(await settleFreshKeys(db, 10)).toBe(0);
    for (const row of await db.cases.toArray()) expect(row).toMatchObject({ freshKeys: [], searchKeys: caseSearchKeys(row) });
    for (const row of await db.enterprises.toArray()) expect(row).toMatchObject({ freshKeys: [], searchKeys: enterpriseSearchKeys(row) });
  });

  it('finds the same cases and enterprises once the keys have settled', async () => {
    const { db, ids } = await takenIn();
    const queries = ['娜娜', '司马光明', '第3星辰', startUpInput().applicant.idNumber.slice(-6)];
    const before = await Promise.all(queries.map(async (query) => (await searchCases(db, query)).hits.map((hit) => hit.case.id)));
    await settleFreshKeys(db, 10);
    const after = await Promise.all(queries.map(async (query) => (await searchCases(db, query)).hits.map((hit) => hit.case.id)));
    expect(after).toEqual(before);
    expect(before[3]).toEqual([...ids].reverse());
    expect((await findEnterprises(db, '第2星辰')).map((hit) => hit.enterprise.name)).toEqual(['绵阳第2星辰科技有限公司']);
  });

  it('changes nothing but the index: the rows\' other fields, the outbox and the audit log stay as they were', async () => {
    const { db } = await takenIn();
    const withoutKeys = <T extends object>(rows: T[]) => rows.map((row) => ({ ...row, searchKeys: undefined, freshKeys: undefined }));
    const before = { cases: withoutKeys(await db.cases.toArray()), enterprises: withoutKeys(await db.enterprises.toArray()), outbox: await db.outbox.toArray(), audit: await db.auditLog.toArray() };
    await settleFreshKeys(db, 10);
    expect({ cases: withoutKeys(await db.cases.toArray()), enterprises: withoutKeys(await db.enterprises.toArray()), outbox: await db.outbox.toArray(), audit: await db.auditLog.toArray() }).toEqual(before);
  });

  it('moves a settled case back to the fresh index when a clerk writes it: a checklist record, a decision', async () => {
    const { db, clerk, ids } = await takenIn();
    const caseId = ids[0]! as CaseId;
    const settledNow = async () => {
      expect(await settleFreshKeys(db, 10)).toBeGreaterThan(0);
      expect(tierOf((await db.cases.get(caseId))!)).toBe('settled');
    };
    const expectFresh = async () => {
      const row = (await db.cases.get(caseId))!;
      expect(row).toMatchObject({ searchKeys: [], freshKeys: caseSearchKeys(row) });
      expect((await searchCases(db, row.caseNumber)).hits.map((hit) => hit.case.id)).toEqual([caseId]);
    };
    await settledNow();
    const [item] = await caseChecklist(db, caseId);
    expect(await recordChecklistItem(db, caseId, item!.key, { status: 'received' }, { clerk, at: '2026-11-28T09:05:00+08:00' })).toMatchObject({ ok: true });
    await expectFresh();
    expect((await db.cases.get(caseId))!.updatedAt).toBe('2026-11-28T09:05:00.000+08:00');

    await settledNow();
    expect(await applyCommand(db, caseId, { type: 'withdraw', reason: '申请人撤回', request: signedWithdrawalRequest }, { clerk })).toMatchObject({ ok: true });
    await expectFresh();
  });

  it('settles each row once even when two windows settle at the same time', async () => {
    const { db } = await takenIn();
    const otherWindow = new DeskDatabase(db.name);
    try {
      expect((await Promise.all([settleFreshKeys(db, 10), settleFreshKeys(otherWindow, 10)])).sort()).toEqual([0, 6]);
    } finally {
      otherWindow.close();
    }
    expect((await db.cases.toArray()).every((row) => tierOf(row) === 'settled')).toBe(true);
  });
});
