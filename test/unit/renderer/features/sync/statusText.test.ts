import { describe, expect, it } from 'vitest';
import { retryCountdown, secondsUntil, shortReason } from '../../../../../renderer/src/features/sync/statusText';

describe('shortReason', () => {
  it('shows a short reason whole', () => {
    expect(shortReason('无法连接市级系统')).toBe('无法连接市级系统');
  });

  it('keeps the first clause of a long reason and cuts it with an ellipsis', () => {
    expect(shortReason('无法连接市级系统。请检查网络')).toBe('无法连接市级系统');
    const long = '市级系统暂时不可用（HTTP 503），请稍后再试或联系管理员';
    expect(shortReason(long, 10)).toBe('市级系统暂时不可用…');
    expect([...shortReason(long)].length).toBeLessThanOrEqual(18);
  });
});

describe('secondsUntil', () => {
  const now = new Date('2026-12-07T04:00:00.000Z');

  it('rounds the wait up to whole seconds', () => {
    expect(secondsUntil('2026-12-07T12:00:11.200+08:00', now)).toBe(12);
  });

  it('is null when no retry waits or its time has passed', () => {
    expect(secondsUntil(null, now)).toBeNull();
    expect(secondsUntil('2026-12-07T12:00:00.000+08:00', now)).toBeNull();
    expect(secondsUntil('2026-12-07T11:59:50.000+08:00', now)).toBeNull();
  });
});

describe('retryCountdown', () => {
  it('counts seconds, and minutes with seconds past a minute', () => {
    expect(retryCountdown(12)).toBe('下次重试：12 秒后');
    expect(retryCountdown(125)).toBe('下次重试：2 分 05 秒后');
  });
});
