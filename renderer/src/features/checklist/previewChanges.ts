import type { ChecklistItemStatus } from '../../domain/cases/decisionChecklist';
import type { ChecklistItem, ChecklistItemKey } from '../../domain/catalogue/checklist';

/**
 * A registered case's checklist as the intake correction starts from it: the items on the list, and those
 * earlier corrections took off it that still carry a record (answers changed back bring them back).
 */
export interface BaselineItem {
  readonly key: ChecklistItemKey;
  readonly name: string;
  /** What was recorded for it at the counter; null when nothing was. */
  readonly recorded: ChecklistItemStatus | null;
  readonly onList: boolean;
}

/** How saving the corrected answers would move the checklist. */
export interface PreviewChanges {
  /** Items the corrected answers put on the list that are not on it now. */
  readonly added: ReadonlySet<ChecklistItemKey>;
  /** What was recorded for the items that would be on the list, by key: records stay with their items. */
  readonly recorded: ReadonlyMap<ChecklistItemKey, ChecklistItemStatus>;
  /** Items on the list now that the corrected answers no longer call for, in the list's order. */
  readonly dropped: readonly BaselineItem[];
}

export function previewChanges(baseline: readonly BaselineItem[], items: readonly ChecklistItem[]): PreviewChanges {
  const onList = new Set(baseline.filter((item) => item.onList).map((item) => item.key));
  const next = new Set(items.map((item) => item.key));
  const recorded = new Map<ChecklistItemKey, ChecklistItemStatus>();
  for (const item of baseline) {
    if (item.recorded !== null && next.has(item.key)) recorded.set(item.key, item.recorded);
  }
  return {
    added: new Set(items.filter((item) => !onList.has(item.key)).map((item) => item.key)),
    recorded,
    dropped: baseline.filter((item) => item.onList && !next.has(item.key)),
  };
}
