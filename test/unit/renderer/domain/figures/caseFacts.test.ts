import { describe, expect, it } from 'vitest';
import { caseFactsOf, chinaDayOf, decodeCaseFacts, encodeCaseFacts, visitsOf } from '../../../../../renderer/src/domain/figures/caseFacts';
import { weekFixture } from './fixtures';

describe('visitsOf (最多跑一次)', () => {
  const [A, B, C, D] = weekFixture().rows;

  it('counts a licence handed over on the day of intake as the same visit', () => {
    expect(visitsOf(A!.state)).toBe(1);
  });

  it('adds the trip to collect the licence on another day to the counter visits (intake, return after 一次性告知)', () => {
    expect(visitsOf(B!.state)).toBe(3);
  });

  it('counts bringing deferred materials (补交) and collecting the licence on one day as one trip', () => {
    expect(visitsOf(C!.state)).toBe(2);
  });

  it('counts only the counter visit of a case still being decided', () => {
    expect(visitsOf(D!.state)).toBe(1);
  });
});

describe('caseFactsOf', () => {
  it('takes the acceptance, the clock and the deferral from the case', () => {
    const { rows } = weekFixture();
    const facts = caseFactsOf(rows[2]!);
    expect(facts).toMatchObject({
      createdDay: '2026-09-30',
      acceptance: 'deferral',
      dueDate: '2026-10-07',
      outcome: 'approved',
      clockStoppedMs: Date.parse('2026-10-06T11:00:00+08:00'),
      completedMs: Date.parse('2026-10-06T11:30:00+08:00'),
      deferredMaterials: 2,
      deferredReceived: 2,
      deferredLate: 1,
      visits: 2,
    });
    expect(caseFactsOf(rows[4]!)).toMatchObject({ statusCode: 'refused', acceptance: 'none', dueDate: null, clockStoppedMs: null });
  });

  it('reads an instant given in UTC on the hall’s business date', () => {
    expect(chinaDayOf(Date.parse('2026-09-29T16:30:00Z'))).toBe('2026-09-30');
  });
});

describe('the facts line', () => {
  it('reads back every fact it was written from, and sorts by intake day', () => {
    const { rows } = weekFixture();
    const lines = rows.map((row) => encodeCaseFacts(caseFactsOf(row)));
    for (const [index, line] of lines.entries()) expect(decodeCaseFacts(line)).toEqual(caseFactsOf(rows[index]!));
    expect([...lines].sort()[0]!.startsWith('2026-09-20|')).toBe(true);
  });

  it('carries the 叫号 waiting and service seconds, empty without a ticket or before 完成', () => {
    const [A, B, , D] = weekFixture().rows.map(caseFactsOf);
    expect(A).toMatchObject({ waitingSeconds: 480, serviceSeconds: 1320 });
    expect(B).toMatchObject({ waitingSeconds: 1500, serviceSeconds: null });
    expect(D).toMatchObject({ waitingSeconds: null, serviceSeconds: null });
    expect(encodeCaseFacts(A!).endsWith('|480|1320')).toBe(true);
    expect(encodeCaseFacts(D!).endsWith('||')).toBe(true);
  });

  it('refuses a line that is not one (other version, cut short, unknown status)', () => {
    const line = encodeCaseFacts(caseFactsOf(weekFixture().rows[0]!));
    expect(decodeCaseFacts(line.split('|').slice(0, -1).join('|'))).toBeNull();
    expect(decodeCaseFacts(line.replace('|completed|', '|finished|'))).toBeNull();
  });
});
