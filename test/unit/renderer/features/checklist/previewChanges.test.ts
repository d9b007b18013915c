import { describe, expect, it } from 'vitest';
import type { ChecklistItem, ChecklistItemKey } from '../../../../../renderer/src/domain/catalogue/checklist';
import { previewChanges, type BaselineItem } from '../../../../../renderer/src/features/checklist/previewChanges';

const key = (text: string) => text as ChecklistItemKey;
const item = (text: string) => ({ key: key(text), name: text }) as ChecklistItem;
const baseline = (text: string, recorded: BaselineItem['recorded'], onList = true): BaselineItem => ({ key: key(text), name: text, recorded, onList });

describe('previewChanges', () => {
  const caseList = [baseline('form', 'received'), baseline('lease', 'received'), baseline('owner-title', null), baseline('old-approval', 'deferred', false)];

  it('changes nothing while the answers give the same list', () => {
    const changes = previewChanges(caseList, [item('form'), item('lease'), item('owner-title')]);
    expect(changes.added.size).toBe(0);
    expect(changes.dropped).toEqual([]);
    expect([...changes.recorded]).toEqual([
      ['form', 'received'],
      ['lease', 'received'],
    ]);
  });

  it('marks new items, keeps what was recorded for items that stay, and lists those no longer needed', () => {
    const changes = previewChanges(caseList, [item('form'), item('own-title')]);
    expect([...changes.added]).toEqual(['own-title']);
    expect([...changes.recorded]).toEqual([['form', 'received']]);
    expect(changes.dropped.map((dropped) => [dropped.key, dropped.recorded])).toEqual([
      ['lease', 'received'],
      ['owner-title', null],
    ]);
  });

  it('brings back an item an earlier correction took off, as new to the list but with its record', () => {
    const changes = previewChanges(caseList, [item('form'), item('lease'), item('owner-title'), item('old-approval')]);
    expect([...changes.added]).toEqual(['old-approval']);
    expect(changes.recorded.get(key('old-approval'))).toBe('deferred');
    // It was not on the list, so leaving it off again drops nothing.
    expect(previewChanges(caseList, [item('form'), item('lease'), item('owner-title')]).dropped).toEqual([]);
  });
});
