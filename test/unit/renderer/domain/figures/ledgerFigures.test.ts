import { describe, expect, it } from 'vitest';
import { ledgerFiguresOf, type LedgerItemFacts } from '../../../../../renderer/src/domain/figures/ledgerFigures';

const item = (source: LedgerItemFacts['source'], status: LedgerItemFacts['status'], dueDate: string, updatedAt: string): LedgerItemFacts => ({ source, status, dueDate, updatedAt });
const range = { from: '2026-09-28', to: '2026-10-04' };

describe('ledgerFiguresOf', () => {
  it('counts open and overdue items as of today, and items closed in the range by their due date', () => {
    const figures = ledgerFiguresOf(
      [
        item('overdue', 'open', '2026-10-08', '2026-10-01T09:00:00+08:00'), // open, overdue on the 9th
        item('greenCard', 'supervising', '2026-10-09', '2026-10-02T09:00:00+08:00'), // open, due today: not overdue
        item('escalated', 'closed', '2026-09-30', '2026-09-30T17:00:00+08:00'), // closed on its due date: on time
        item('deferred', 'closed', '2026-09-29', '2026-09-30T08:00:00+08:00'), // closed a day late
        item('overdue', 'closed', '2026-10-20', '2026-10-05T09:00:00+08:00'), // closed after the range
        // Closed at 23:30 UTC on 3 Oct, which is 4 Oct in the hall: in the range, on time.
        item('rating', 'closed', '2026-10-04', '2026-10-03T23:30:00Z'),
      ],
      range,
      '2026-10-09',
    );
    expect(figures).toMatchObject({ open: 2, overdue: 1, closed: 3, closedOnTime: 2, closedOnTimeRate: 2 / 3 });
    expect(figures.openBySource).toMatchObject({ overdue: 1, greenCard: 1, escalated: 0 });
  });

  it('has no on-time rate when nothing closed', () => {
    expect(ledgerFiguresOf([], range, '2026-10-09')).toMatchObject({ open: 0, overdue: 0, closed: 0, closedOnTimeRate: null });
  });
});
