import { describe, expect, it } from 'vitest';
import { casesMessages } from '../../../../../renderer/src/features/cases/messages';

describe('the lists of materials across cases', () => {
  it('name each row’s button by its visible text first, then the case and material it opens', () => {
    expect(casesMessages.overdue.open('MY01-20261102-0001')).toBe(`${casesMessages.overdue.openButton} MY01-20261102-0001`);
    expect(casesMessages.checks.open('MY01-20261102-0001', '场所证明')).toBe(`${casesMessages.checks.openButton} MY01-20261102-0001 场所证明`);
  });

  it('count the checks still to do, naming the overdue ones only when there are any', () => {
    expect(casesMessages.checks.count(3, 0)).toBe('共 3 项');
    expect(casesMessages.checks.count(3, 2)).toBe('共 3 项，其中已逾期 2 项');
  });
});
