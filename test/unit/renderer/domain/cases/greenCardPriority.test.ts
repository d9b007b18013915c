import { describe, expect, it } from 'vitest';
import { greenCardsFirst } from '../../../../../renderer/src/domain/cases/greenCardPriority';

interface Entry {
  name: string;
  priority: number | null;
}

const entry = (name: string, priority: number | null): Entry => ({ name, priority });
const names = (entries: readonly Entry[]) => entries.map((item) => item.name);

describe('greenCardsFirst', () => {
  it('lifts green-card items to the top, level 1 before 2 before 3, the rest after', () => {
    const queue = [entry('a', null), entry('b', 3), entry('c', null), entry('d', 1), entry('e', 2)];
    expect(names(greenCardsFirst(queue, (item) => item.priority))).toEqual(['d', 'e', 'b', 'a', 'c']);
  });

  it('keeps the given order within a level and among cases of no card', () => {
    const queue = [entry('late', null), entry('g2', 2), entry('early', null), entry('g1', 2), entry('last', null)];
    expect(names(greenCardsFirst(queue, (item) => item.priority))).toEqual(['g2', 'g1', 'late', 'early', 'last']);
  });

  it('leaves a queue without green cards as it was, and does not touch the input', () => {
    const queue = [entry('x', null), entry('y', null), entry('z', null)];
    const ordered = greenCardsFirst(queue, (item) => item.priority);
    expect(names(ordered)).toEqual(['x', 'y', 'z']);
    expect(ordered).not.toBe(queue);
    expect(names(greenCardsFirst([entry('q', null), entry('p', 1)], (item) => item.priority))).toEqual(['p', 'q']);
    expect(names(queue)).toEqual(['x', 'y', 'z']);
  });

  it('orders an empty queue as empty', () => {
    expect(greenCardsFirst([], () => 1)).toEqual([]);
  });
});
