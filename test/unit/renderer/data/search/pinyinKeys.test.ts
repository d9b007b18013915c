import { describe, expect, it } from 'vitest';
import { caseSearchKeys, enterpriseSearchKeys, namePinyinStarts } from '../../../../../renderer/src/data/search/keys';
import { matchPinyin, maxStarts, type NameKind } from '../../../../../renderer/src/data/search/pinyinKeys';
import { planSearch } from '../../../../../renderer/src/data/search/query';
import { plainKeyer } from '../../../support/plainKeyer';

const pinyinKeysOf = (name: string) => enterpriseSearchKeys({ name, uscc: null }, plainKeyer).filter((key) => /^[pq]:/.test(key));
const matches = (name: string, kind: NameKind, query: string) => matchPinyin(namePinyinStarts(name, kind), query);

describe('pinyin keys of an enterprise name', () => {
  it('hold the initials and the full pinyin from each syllable that has another after it, without the legal form', () => {
    expect(pinyinKeysOf('四川智宇顺科技有限公司').sort()).toEqual(
      [
        'p:sczyskj',
        'q:sichuanzhiyushunkeji',
        'p:czyskj',
        'q:chuanzhiyushunkeji',
        'p:zyskj',
        'q:zhiyushunkeji',
        'p:yskj',
        'q:yushunkeji',
        'p:skj',
        'q:shunkeji',
        'p:kj',
        'q:keji',
      ].sort(),
    );
  });

  it('start after the places a name starts with, besides the whole name', () => {
    expect(namePinyinStarts('绵阳市涪城区星辰科技有限公司', 'enterprise').map((start) => start.initials)).toEqual(['mysfcqxckj', 'xckj', 'ckj', 'kj']);
    // 超市 is no place: a name without places is keyed from every syllable.
    expect(namePinyinStarts('绵阳好又多超市', 'enterprise').map((start) => start.initials)).toEqual(['myhydcs', 'yhydcs', 'hydcs', 'ydcs', 'dcs', 'cs']);
  });

  it('are found by initials, by full pinyin and by its start, from the start of the name or of a later syllable', () => {
    const name = '四川智宇顺科技有限公司';
    expect(matches(name, 'enterprise', 'sczyskj')).toBe('exact');
    expect(matches(name, 'enterprise', 'sichuanzhiyushunkeji')).toBe('exact');
    expect(matches(name, 'enterprise', 'sichuan')).toBe('prefix');
    expect(matches(name, 'enterprise', 'zysk')).toBe('contains');
    expect(matches(name, 'enterprise', 'zhiyushunke')).toBe('contains');
    expect(matches(name, 'enterprise', 'zhiyu')).toBe('contains');
    expect(matches(name, 'enterprise', 'zhiy')).toBe('contains');
  });

  it('are not found by what no start reads as: a mix of initials and full pinyin, another order, the legal form', () => {
    const name = '四川智宇顺科技有限公司';
    for (const query of ['zhiyusk', 'yzsk', 'kjyxgs', 'sichuanx', 'hun']) expect(matches(name, 'enterprise', query), query).toBeNull();
  });

  it('read Latin letters and digits as tokens of their own, and do not match across a character without a reading', () => {
    expect(namePinyinStarts('ABC科技2号店', 'enterprise').map((start) => [start.initials, start.full])).toEqual([
      ['akj2hd', 'abckeji2haodian'],
      ['kj2hd', 'keji2haodian'],
      ['j2hd', 'ji2haodian'],
      ['hd', 'haodian'],
    ]);
    expect(matches('ABC科技2号店', 'enterprise', 'abckeji')).toBe('prefix');
    expect(matches('ABC科技2号店', 'enterprise', 'haodian')).toBe('contains');
    expect(namePinyinStarts('𠮷野家餐饮', 'enterprise').map((start) => start.full)).toEqual(['yejiacanyin', 'jiacanyin', 'canyin']);
    expect(matches('𠮷野家餐饮', 'enterprise', 'yjcy')).toBe('contains');
  });

  it('read words by their context: 银行 hang, 重庆 chong', () => {
    expect(matches('重庆农村商业银行', 'enterprise', 'chongqing')).toBe('prefix');
    expect(matches('重庆农村商业银行', 'enterprise', 'shangyeyinhang')).toBe('contains');
    expect(matches('重庆农村商业银行', 'enterprise', 'zhongqing')).toBeNull();
  });

  it('are at most twice `maxStarts` for a long name', () => {
    const name = '北京城乡建设开发集团星辰瑞祥恒达鑫源盛宏科技发展';
    expect(namePinyinStarts(name, 'enterprise')).toHaveLength(maxStarts);
    expect(pinyinKeysOf(`${name}有限公司`).length).toBeLessThanOrEqual(2 * maxStarts);
  });
});

describe('pinyin keys of a person name', () => {
  it('read a heteronym surname both as a surname and as the word: 单 shan and dan, 曾 zeng and ceng', () => {
    expect(namePinyinStarts('单雄信', 'person').map((start) => start.full)).toEqual(['shanxiongxin', 'xiongxin', 'danxiongxin']);
    expect(matches('单雄信', 'person', 'sxx')).toBe('exact');
    expect(matches('单雄信', 'person', 'dxx')).toBe('exact');
    expect(matches('曾国藩', 'person', 'zengguofan')).toBe('exact');
    expect(matches('曾国藩', 'person', 'cengguofan')).toBe('exact');
  });

  it('have one reading when the surname reads the same either way', () => {
    expect(namePinyinStarts('欧阳娜娜', 'person').map((start) => start.initials)).toEqual(['oynn', 'ynn', 'nn']);
    expect(namePinyinStarts('张三', 'person').map((start) => start.full)).toEqual(['zhangsan']);
    expect(matches('张三', 'person', 'san')).toBeNull();
  });
});

describe('case keys', () => {
  it('add the case number sequence and each name’s pinyin', () => {
    const keys = caseSearchKeys({
      caseNumber: 'MY01-20261128-0002' as never,
      enterprise: { name: '四川智宇顺科技有限公司', uscc: null, address: null, greenCard: false },
      applicant: { name: '单雄信', idKind: 'residentId', idNumber: '510703198503121234', phone: null },
      agent: null,
      licence: null,
    }, plainKeyer);
    expect(keys).toEqual(expect.arrayContaining(['s:0002', 'p:zyskj', 'q:zhiyushunkeji', 'p:sxx', 'p:dxx', 'q:xiongxin']));
  });
});

describe('planSearch', () => {
  it('reads letters as pinyin, separators dropped, from two letters', () => {
    expect(planSearch('zyss').pinyin).toBe('zyss');
    expect(planSearch("Zhi Yu'shun").pinyin).toBe('zhiyushun');
    expect(planSearch('ｚｈｉｙｕ').pinyin).toBe('zhiyu');
    for (const query of ['z', '智宇', 'ma62x4', '0002']) expect(planSearch(query).pinyin, query).toBeNull();
  });

  it('reads four or five digits as a case number sequence', () => {
    expect(planSearch('0002').caseSequence).toBe('0002');
    expect(planSearch('-0002').caseSequence).toBe('0002');
    expect(planSearch('12345').caseSequence).toBe('12345');
    for (const query of ['002', '20261128', 'MY01-20261128-0002', 'ab12']) expect(planSearch(query).caseSequence, query).toBeNull();
  });
});
