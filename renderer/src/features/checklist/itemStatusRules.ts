import type { ChecklistItemStatus } from '../../domain/cases/decisionChecklist';
import type { ChecklistItem } from '../../domain/catalogue/checklist';
import { checklistMessages as m } from './messages';

/**
 * Which statuses an item may take at the counter. The catalogue decides: 容缺 only where every matter
 * that requires it allows deferral, 承诺 only where every such matter allows a commitment, 免提交 only where the data is shared, and 不适用 only for an optional
 * item (a required one cannot be waved away at the counter; its condition already decided it applies).
 */
export function statusRefusal(item: ChecklistItem, status: ChecklistItemStatus): string | null {
  switch (status) {
    case 'deferred':
      return item.deferrable ? null : m.statusNotAllowed.deferred(item.name);
    case 'exempt':
      return item.exempt !== null ? null : m.statusNotAllowed.exempt(item.name);
    case 'notApplicable':
      return item.required ? m.statusNotAllowed.notApplicable(item.name) : null;
    case 'committed':
      return item.commitmentAllowed ? null : m.statusNotAllowed.committed(item.name);
    default:
      return null;
  }
}

export function allowedStatuses(item: ChecklistItem): ChecklistItemStatus[] {
  const all: ChecklistItemStatus[] = ['received', 'missing', 'deferred', 'committed', 'exempt', 'notApplicable'];
  return all.filter((status) => statusRefusal(item, status) === null);
}

/** The single-letter keys of the checklist; shown beside it with <Kbd>. */
export const statusKeys: Readonly<Record<string, ChecklistItemStatus>> = {
  r: 'received',
  m: 'missing',
  d: 'deferred',
  c: 'committed',
  e: 'exempt',
  n: 'notApplicable',
};
