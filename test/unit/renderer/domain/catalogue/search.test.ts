import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../../../../renderer/src/domain/catalogue/parseCatalogue';
import type { Catalogue } from '../../../../../renderer/src/domain/catalogue/schema';
import { buildCatalogueIndex, searchCatalogue } from '../../../../../renderer/src/domain/catalogue/search';
import { rawCatalogue, validCatalogue, type RawCatalogue } from './catalogueFixture';

function shippedCatalogue(): Catalogue {
  const result = parseCatalogue(JSON.parse(readFileSync('resources/catalogue/default.json', 'utf8')));
  if (!result.ok) throw new Error(result.message);
  return result.catalogue;
}

const shipped = buildCatalogueIndex(shippedCatalogue());
const names = (query: string) => searchCatalogue(shipped, query).map((hit) => hit.name);

/** A catalogue whose matters are named to test ranking: 登记 / 登记变更 / 变更登记. */
function rankingIndex() {
  const raw: RawCatalogue = rawCatalogue();
  const template = raw.matters[1]!;
  raw.matters = [
    { ...template, code: 'T-0003', name: '变更登记' },
    { ...template, code: 'T-0002', name: '登记变更' },
    { ...template, code: 'T-0001', name: '登记' },
  ];
  raw.bundles = [];
  return buildCatalogueIndex(validCatalogue(raw));
}

describe('searchCatalogue — ways to type', () => {
  it('finds 企业开办 by its initials qykb, as the best match', () => {
    const [first] = searchCatalogue(shipped, 'qykb');
    expect(first).toMatchObject({ kind: 'bundle', name: '企业开办', rank: 'exact' });
  });

  it.each(['qiyekaiban', 'qiyekb', "qi'ye kai ban", 'QYKB', 'ｑｙｋｂ', '企业开办'])(
    'finds 企业开办 exactly from %s',
    (query) => {
      expect(searchCatalogue(shipped, query)[0]).toMatchObject({ name: '企业开办', rank: 'exact' });
    },
  );

  it('finds the matters that cover 社保登记 from sheb', () => {
    expect(names('sheb')).toEqual(expect.arrayContaining(['有限责任公司设立登记（含社保登记）', '员工参保登记']));
  });

  it('finds a matter by a fragment of its Chinese name', () => {
    expect(names('公积金')).toEqual(['住房公积金单位缴存登记']);
  });

  it('finds a matter by an alias', () => {
    expect(searchCatalogue(shipped, 'kezhang')[0]).toMatchObject({ kind: 'matter', name: '公章刻制', rank: 'exact' });
    expect(names('开餐馆')).toEqual(['食品经营许可']);
  });

  it('finds a matter by its code, with its department', () => {
    expect(searchCatalogue(shipped, '510700-0009')[0]).toEqual({
      kind: 'matter',
      code: '510700-0009',
      name: '食品经营许可',
      department: '市市场监督管理局',
      rank: 'exact',
    });
  });

  it('finds nothing for an empty query or one that matches no name', () => {
    expect(searchCatalogue(shipped, '   ')).toEqual([]);
    expect(searchCatalogue(shipped, 'xyzq')).toEqual([]);
    expect(searchCatalogue(shipped, '火箭发射')).toEqual([]);
  });

  it('does not let a syllable give more letters than it has', () => {
    // 企业 is "qi ye": "qiy" spans two syllables, "qiiye" spells neither.
    expect(names('qiy')).toContain('企业开办');
    expect(names('qiiye')).not.toContain('企业开办');
  });
});

describe('searchCatalogue — ranking', () => {
  const index = rankingIndex();

  it.each(['dengji', 'dj', '登记'])('ranks exact before prefix before contains for %s', (query) => {
    expect(searchCatalogue(index, query).map((hit) => [hit.name, hit.rank])).toEqual([
      ['登记', 'exact'],
      ['登记变更', 'prefix'],
      ['变更登记', 'contains'],
    ]);
  });

  it('puts a bundle before a matter of equal rank, then keeps catalogue order', () => {
    const raw: RawCatalogue = rawCatalogue();
    raw.matters[0]!.aliases = ['企业开办'];
    raw.matters[1]!.aliases = ['企业开办'];
    const hits = searchCatalogue(buildCatalogueIndex(validCatalogue(raw)), 'qykb');
    expect(hits.map((hit) => [hit.kind, hit.code, hit.rank])).toEqual([
      ['bundle', 'YJS-0001', 'exact'],
      ['matter', '110000-0001', 'exact'],
      ['matter', '110000-0002', 'exact'],
    ]);
  });

  it('returns at most the limit', () => {
    expect(searchCatalogue(shipped, 'dj', 3)).toHaveLength(3);
  });
});

describe('searchCatalogue — speed', () => {
  it('answers a keystroke well within a millisecond on average once the index is built', () => {
    const queries = ['q', 'qy', 'qyk', 'qykb', 'sheb', 'dengji', 'shipinjingying', '登记', 'zhufanggongjijin', 'x'];
    const started = performance.now();
    for (let round = 0; round < 200; round += 1) for (const query of queries) searchCatalogue(shipped, query);
    const perSearch = (performance.now() - started) / (200 * queries.length);
    expect(perSearch).toBeLessThan(1);
  });

  it('does not blow up on a long query that almost matches', () => {
    const started = performance.now();
    expect(searchCatalogue(shipped, 'xinbannashuirenfapiaoshenlingjishuiwudengjixinxiquerenx')).toEqual([]);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
