import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { installReference } from '../../../../../renderer/src/data/catalogueStore';
import { createDraftCase } from '../../../../../renderer/src/data/cases';
import { findEnterprises } from '../../../../../renderer/src/data/search/enterprises';
import { uscc } from '../../../../fixtures/identities';
import { closeDatabases, readyDesk, startUpInput } from '../dataFixtures';

afterEach(closeDatabases);

const changhong = uscc('510703', '20500000');

async function hallWithEnterprises() {
  const desk = await readyDesk();
  for (const enterprise of [
    { name: '四川长虹电器股份有限公司', uscc: changhong },
    { name: '绵阳长虹商贸有限公司', uscc: null },
    { name: '绵阳星辰科技有限公司', uscc: uscc('510703', '5A6B7C8D') },
  ]) {
    const result = await createDraftCase(desk.db, startUpInput({ enterprise: { kind: 'new', address: null, ...enterprise } }), { clerk: desk.clerk });
    if (!result.ok) throw new Error(result.message);
  }
  return desk;
}

describe('findEnterprises', () => {
  it('finds enterprises by a name fragment', async () => {
    const { db } = await hallWithEnterprises();
    expect((await findEnterprises(db, '长虹')).map((hit) => hit.enterprise.name).sort()).toEqual(['四川长虹电器股份有限公司', '绵阳长虹商贸有限公司']);
  });

  it('finds enterprises by the pinyin of their name, initials or full, 长虹 read as chang', async () => {
    const { db } = await hallWithEnterprises();
    const names = async (query: string) => (await findEnterprises(db, query)).map((hit) => hit.enterprise.name);
    expect((await names('changhong')).sort()).toEqual(['四川长虹电器股份有限公司', '绵阳长虹商贸有限公司']);
    expect(await names('chdq')).toEqual(['四川长虹电器股份有限公司']);
    expect(await names('xingchenkeji')).toEqual(['绵阳星辰科技有限公司']);
    expect(await names('zhanghong')).toEqual([]);
  });

  it('finds an enterprise by its whole USCC, however typed, or by a fragment of it', async () => {
    const { db } = await hallWithEnterprises();
    expect(await findEnterprises(db, changhong.toLowerCase())).toMatchObject([{ enterprise: { name: '四川长虹电器股份有限公司' }, match: { kind: 'exact' } }]);
    expect((await findEnterprises(db, changhong.slice(-6))).map((hit) => hit.enterprise.uscc)).toEqual([changhong]);
  });

  it('brings the green card with the enterprise that holds one', async () => {
    const { db } = await hallWithEnterprises();
    const card = { uscc: changhong, enterpriseName: '四川长虹电器股份有限公司', liaisonName: '周专员', liaisonPhone: '13990001111', validUntil: null, priority: 1 };
    await installReference(db, 'greencards', { version: '2026-11', cards: [card] }, { source: 'hq', hqVersion: 1 });
    const hits = await findEnterprises(db, '长虹', 20, '2026-11-28');
    expect(hits.find((hit) => hit.enterprise.uscc === changhong)?.greenCard).toMatchObject({ liaisonName: '周专员', priority: 1 });
    expect(hits.find((hit) => hit.enterprise.uscc === null)?.greenCard).toBeNull();
  });

  it('finds nothing for an empty or punctuation-only query', async () => {
    const { db } = await hallWithEnterprises();
    expect(await findEnterprises(db, '  ')).toEqual([]);
    expect(await findEnterprises(db, '（）')).toEqual([]);
  });
});
