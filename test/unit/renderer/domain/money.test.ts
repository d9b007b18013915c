import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fen, fenSchema, formatYuan, toChineseCapitalAmount } from '../../../../renderer/src/domain/money';

const yuan = (amount: number) => fen(Math.round(amount * 100));

describe('toChineseCapitalAmount', () => {
  it.each([
    [yuan(1_000_000), '壹佰万元整'],
    [fen(100_050_030), '壹佰万零伍佰元叁角整'],
    [yuan(107_000.53), '壹拾万柒仟元伍角叁分'],
    [yuan(325.04), '叁佰贰拾伍元零肆分'],
    [yuan(6_007.14), '陆仟零柒元壹角肆分'],
    [yuan(1_409.5), '壹仟肆佰零玖元伍角整'],
    [yuan(10), '壹拾元整'],
    [yuan(1_010), '壹仟零壹拾元整'],
    [yuan(110_000), '壹拾壹万元整'],
    [yuan(30_000_000), '叁仟万元整'],
    [yuan(100_000_001), '壹亿零壹元整'],
    [yuan(100_010_000), '壹亿零壹万元整'],
    [yuan(100_005_000), '壹亿伍仟元整'],
    [yuan(1_000_000_000_000), '壹万亿元整'],
    [yuan(1_200_000_000_000), '壹万贰仟亿元整'],
    [yuan(1_000_500_000_000), '壹万零伍亿元整'],
  ])('writes %d fen as %s', (amount, expected) => {
    expect(toChineseCapitalAmount(amount)).toBe(expected);
  });

  it('writes zero as 零元整', () => {
    expect(toChineseCapitalAmount(fen(0))).toBe('零元整');
  });

  it('writes amounts below one yuan without 元 or a leading 零', () => {
    expect(toChineseCapitalAmount(fen(30))).toBe('叁角整');
    expect(toChineseCapitalAmount(fen(4))).toBe('肆分');
    expect(toChineseCapitalAmount(fen(34))).toBe('叁角肆分');
  });

  it('never writes two 零 in a row, never ends a whole-yuan part with 零, and always ends in 整 or 分', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        const text = toChineseCapitalAmount(fen(amount));
        expect(text).not.toMatch(/零零/);
        expect(text).not.toMatch(/零[元万亿]/);
        expect(text).toMatch(/(整|分)$/);
      }),
    );
  });

  it('refuses negative, fractional and unsafe amounts', () => {
    expect(() => toChineseCapitalAmount(-1 as never)).toThrow(RangeError);
    expect(() => toChineseCapitalAmount(1.5 as never)).toThrow(RangeError);
    expect(() => toChineseCapitalAmount((Number.MAX_SAFE_INTEGER + 2) as never)).toThrow(RangeError);
  });
});

describe('fenSchema', () => {
  it('refuses negative and fractional amounts with a Chinese message', () => {
    expect(fenSchema.safeParse(-100).error?.issues[0]?.message).toBe('金额不能为负数');
    expect(fenSchema.safeParse(10.5).error?.issues[0]?.message).toBe('金额必须以整数“分”表示');
  });
});

describe('formatYuan', () => {
  it('groups thousands and always shows two decimals', () => {
    expect(formatYuan(fen(100_050_030))).toBe('1,000,500.30元');
    expect(formatYuan(fen(5))).toBe('0.05元');
    expect(formatYuan(fen(0))).toBe('0.00元');
    expect(formatYuan(fen(99_900))).toBe('999.00元');
  });
});
