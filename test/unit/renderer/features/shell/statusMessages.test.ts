import { describe, expect, it } from 'vitest';
import { shellMessages } from '../../../../../renderer/src/features/shell/messages';

describe('the status bar while search keys are re-keyed in the background', () => {
  it('says how many rows of how many are done, with thousands grouped', () => {
    expect(shellMessages.status.searchIndexUpdating(12_345, 200_000)).toBe('正在更新搜索索引（已完成 12,345 / 200,000）');
    expect(shellMessages.status.searchIndexUpdating(0, 0)).toBe('正在更新搜索索引（已完成 0 / 0）');
  });
});
