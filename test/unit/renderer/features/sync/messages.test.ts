import { describe, expect, it } from 'vitest';
import { dayCloseMessages } from '../../../../../renderer/src/features/day-close/messages';
import { syncMessages } from '../../../../../renderer/src/features/sync/messages';

describe('the word for an op not yet sent', () => {
  const word = syncMessages.states.pending;

  it('is the outbox state\'s word in the status bar, the outbox filter and counts, and the day close', () => {
    expect(word).toBe('待发送');
    expect(syncMessages.status.pending(3)).toBe(`${word} 3 条`);
    expect(syncMessages.outbox.filters.unsent).toBe(word);
    expect(syncMessages.outbox.counts(3, 0, 0)).toContain(`${word} 3 条`);
    expect(dayCloseMessages.pending.outboxStates.pending).toBe(word);
  });

  it('goes with one word per other state too: 被退回 and 冲突 in the outbox and the day close alike', () => {
    expect(dayCloseMessages.pending.outboxStates.rejected).toBe(syncMessages.states.rejected);
    expect(syncMessages.outbox.filters.rejected).toBe(syncMessages.states.rejected);
    expect(dayCloseMessages.pending.outboxStates.conflict).toBe(syncMessages.outbox.filters.conflict);
  });

  it('has no other name anywhere in the sync texts', () => {
    const texts = JSON.stringify(syncMessages) + String(syncMessages.status.pending(1)) + syncMessages.outbox.counts(1, 1, 1);
    expect(texts).not.toMatch(/待同步|未发送/);
  });
});
