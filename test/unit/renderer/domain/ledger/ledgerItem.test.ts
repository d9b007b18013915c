import { describe, expect, it } from 'vitest';
import { newCaseId } from '../../../../../renderer/src/domain/cases/caseId';
import { ledgerFollowUpSchema, ledgerItemIdOf, ledgerItemSchema, type LedgerItem } from '../../../../../renderer/src/domain/ledger/ledgerItem';

const caseId = newCaseId();
const at = '2026-12-08T09:30:00+08:00';

function item(overrides: Partial<Record<keyof LedgerItem, unknown>> = {}): unknown {
  return {
    id: ledgerItemIdOf('overdue', caseId),
    source: 'overdue',
    caseId,
    subject: null,
    owner: null,
    dueDate: '2026-12-10',
    reason: null,
    status: 'open',
    result: null,
    createdAt: at,
    updatedAt: at,
    previous: null,
    ...overrides,
  };
}

describe('ledger items', () => {
  it('gives two desks that find the same matter the same item id', () => {
    expect(ledgerItemIdOf('overdue', caseId)).toBe(ledgerItemIdOf('overdue', caseId));
    expect(ledgerItemIdOf('deferred', caseId, 'm-01')).not.toBe(ledgerItemIdOf('deferred', caseId, 'm-02'));
    expect(ledgerItemIdOf('overdue', caseId)).not.toBe(ledgerItemIdOf('escalated', caseId));
  });

  it('accepts an open overdue item', () => {
    expect(ledgerItemSchema.safeParse(item()).success).toBe(true);
  });

  it('refuses to close an item without a result', () => {
    const parsed = ledgerItemSchema.safeParse(item({ status: 'closed', result: null }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('办结督办事项须填写办理结果');
  });

  it('refuses an escalation without a reason', () => {
    expect(ledgerItemSchema.safeParse(item({ id: ledgerItemIdOf('escalated', caseId), source: 'escalated' })).success).toBe(false);
    expect(ledgerItemSchema.safeParse(item({ id: ledgerItemIdOf('escalated', caseId), source: 'escalated', reason: '申请人多次来电催办' })).success).toBe(true);
  });

  it('requires the material of a deferred item and refuses one on a case-wide item', () => {
    expect(ledgerItemSchema.safeParse(item({ source: 'deferred', id: ledgerItemIdOf('deferred', caseId, 'm-01') })).success).toBe(false);
    expect(ledgerItemSchema.safeParse(item({ source: 'deferred', id: ledgerItemIdOf('deferred', caseId, 'm-01'), subject: 'm-01' })).success).toBe(true);
    expect(ledgerItemSchema.safeParse(item({ subject: 'm-01' })).success).toBe(false);
  });

  it('refuses an id that is not made from a source and a case', () => {
    expect(ledgerItemSchema.safeParse(item({ id: 'anything' })).success).toBe(false);
  });

  it('refuses an empty follow-up', () => {
    expect(ledgerFollowUpSchema.safeParse({ itemId: ledgerItemIdOf('overdue', caseId), at, by: '王科长', text: '' }).success).toBe(false);
    expect(ledgerFollowUpSchema.safeParse({ itemId: ledgerItemIdOf('overdue', caseId), at, by: '王科长', text: '电话催办市监局' }).success).toBe(true);
  });
});
