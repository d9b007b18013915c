import { describe, expect, it } from 'vitest';
import { formatElapsed } from '../../../../../renderer/src/features/issuance/elapsed';

describe('formatElapsed', () => {
  it.each([
    [0, '0分'],
    [45, '45分'],
    [60, '1小时0分'],
    [112, '1小时52分'],
    [1440 + 180, '1天3小时0分'],
  ])('says %i minutes as %s', (minutes, text) => {
    expect(formatElapsed(minutes)).toBe(text);
  });

  it('refuses a negative or fractional count, which would mean a clock error', () => {
    expect(() => formatElapsed(-1)).toThrow(RangeError);
    expect(() => formatElapsed(1.5)).toThrow(RangeError);
  });
});
