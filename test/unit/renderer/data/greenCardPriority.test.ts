import { describe, expect, it } from 'vitest';
import { caseLiaison, casePriority, greenCardCasesFirst } from '../../../../renderer/src/data/greenCardPriority';
import type { GreenCardList } from '../../../../renderer/src/data/greenCards';
import type { CaseRow } from '../../../../renderer/src/data/records';
import type { Uscc } from '../../../../renderer/src/domain/identifiers';
import { uscc } from '../../../fixtures/identities';
import { caseRow } from './caseRowFixture';

const code = (orgBody: string) => uscc('510703', orgBody) as Uscc;
const first = code('MA6D2K8L');
const second = code('MA6E3M9N');
const expired = code('MA6F4P1Q');

const cards: GreenCardList = {
  version: '2026.11',
  cards: [
    { uscc: first, enterpriseName: '绵阳一号', liaisonName: '陈专员', liaisonPhone: '13800005555', validUntil: null, priority: 1 },
    { uscc: second, enterpriseName: '绵阳二号', liaisonName: '李专员', liaisonPhone: '13800006666', validUntil: '2026-12-31', priority: 2 },
    { uscc: expired, enterpriseName: '绵阳三号', liaisonName: '周专员', liaisonPhone: '13800007777', validUntil: '2026-11-30', priority: 1 },
  ],
};

const today = '2026-12-08';

function taken(name: string, enterpriseUscc: Uscc | null, greenCard: boolean): CaseRow {
  return caseRow({ caseNumber: `MY01-20261208-${name}` as CaseRow['caseNumber'], enterprise: { name, uscc: enterpriseUscc, address: null, greenCard } });
}

describe('a case’s green-card priority', () => {
  it('is its card’s level when the list in force holds the card', () => {
    expect(casePriority(taken('0001', first, true), cards, today)).toBe(1);
    expect(casePriority(taken('0002', second, true), cards, today)).toBe(2);
  });

  it('is the lowest level for a case taken in with a card the list no longer holds, or while the list loads', () => {
    expect(casePriority(taken('0003', expired, true), cards, today)).toBe(3);
    expect(casePriority(taken('0001', first, true), null, today)).toBe(3);
  });

  it('is none for a case taken in without a card, even if its enterprise holds one now', () => {
    expect(casePriority(taken('0004', first, false), cards, today)).toBeNull();
    expect(casePriority(taken('0005', null, false), cards, today)).toBeNull();
  });
});

describe('a case’s 专员', () => {
  it('is the liaison the list names for the enterprise', () => {
    expect(caseLiaison(taken('0001', first, true), cards, today)).toEqual({ name: '陈专员', phone: '13800005555' });
  });

  it('is nobody once the card has expired, while the list loads, or for a case of no card', () => {
    expect(caseLiaison(taken('0003', expired, true), cards, today)).toBeNull();
    expect(caseLiaison(taken('0001', first, true), null, today)).toBeNull();
    expect(caseLiaison(taken('0004', first, false), cards, today)).toBeNull();
  });
});

describe('greenCardCasesFirst', () => {
  it('puts green-card cases first by level, keeping the queue’s order otherwise', () => {
    const queue = [taken('0010', null, false), taken('0011', second, true), taken('0012', null, false), taken('0013', first, true), taken('0014', expired, true)];
    const ordered = greenCardCasesFirst(queue, (row) => row, cards, today);
    expect(ordered.map((row) => row.caseNumber)).toEqual([
      'MY01-20261208-0013',
      'MY01-20261208-0011',
      'MY01-20261208-0014',
      'MY01-20261208-0010',
      'MY01-20261208-0012',
    ]);
  });

  it('orders entries that carry a case, such as 出证’s queue', () => {
    const queue = [{ row: taken('0020', null, false), printed: [] }, { row: taken('0021', second, true), printed: ['正本'] }];
    expect(greenCardCasesFirst(queue, (entry) => entry.row, cards, today).map((entry) => entry.printed)).toEqual([['正本'], []]);
  });
});
