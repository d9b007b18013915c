import { z } from 'zod';

/**
 * Money is stored as an integer number of fen (分, 1/100 yuan): no floating-point cents anywhere.
 * Amounts on counter documents are never negative (fees, registered capital), so the type forbids it.
 */
export const fenSchema = z
  .number({ error: '金额必须是数字' })
  .int({ error: '金额必须以整数“分”表示' })
  .min(0, { error: '金额不能为负数' })
  .max(Number.MAX_SAFE_INTEGER, { error: '金额超出可表示的范围' })
  .brand<'Fen'>();
export type Fen = z.infer<typeof fenSchema>;

/** Brands a literal fen amount, refusing anything that is not a non-negative safe integer. */
export function fen(amount: number): Fen {
  return fenSchema.parse(amount);
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
/** Units inside a four-digit group, indexed by position from the right. */
const GROUP_POSITIONS = ['', '拾', '佰', '仟'] as const;

function assertFen(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`Not a non-negative integer amount of fen: ${amount}`);
  }
}

/**
 * Writes a positive whole number of yuan in financial capitals (大写).
 *
 * Zero rule (《支付结算办法》附件一 on writing amounts): a run of zeros between two non-zero digits is
 * written as one 零, except when the next non-zero digit is in a group's 仟 position — then the run ends at
 * a 万/亿 boundary and the standard lets the 零 go (its own example: ¥107,000.53 → 壹拾万柒仟元伍角叁分).
 * Sections: 万 after the 1e4 group, 亿 after the 1e8 group whenever anything above it is non-zero, so
 * 1e12 reads 壹万亿 and 1.2e12 reads 壹万贰仟亿.
 */
function wholeYuanToCapitals(yuan: number): string {
  const digits = String(yuan);
  let out = '';
  let zeroPending = false;
  let groupHasDigit = false;
  let anythingAboveYi = false;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = Number(digits[i]);
    const position = digits.length - 1 - i;
    const inGroup = position % 4;
    if (digit === 0) {
      if (out !== '') zeroPending = true;
    } else {
      if (zeroPending && inGroup !== 3) out += '零';
      zeroPending = false;
      out += DIGITS[digit]! + GROUP_POSITIONS[inGroup]!;
      groupHasDigit = true;
      if (position >= 8) anythingAboveYi = true;
    }
    if (inGroup === 0) {
      if (position === 8) {
        if (anythingAboveYi) out += '亿';
      } else if (position > 0 && groupHasDigit) {
        out += '万';
      }
      groupHasDigit = false;
    }
  }
  return out;
}

/**
 * The amount in Chinese financial capitals as written on licences and receipts:
 * 100000000 fen → 壹佰万元整; 100050030 fen → 壹佰万零伍佰元叁角整; 32504 fen → 叁佰贰拾伍元零肆分.
 * 整 follows when there are no 分; a zero 元 digit before 角 takes no 零 (the standard allows either).
 */
export function toChineseCapitalAmount(amount: Fen): string {
  assertFen(amount);
  if (amount === 0) return '零元整';
  const yuan = Math.floor(amount / 100);
  const jiao = Math.floor(amount / 10) % 10;
  const fenDigit = amount % 10;
  let out = yuan > 0 ? `${wholeYuanToCapitals(yuan)}元` : '';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (fenDigit > 0 && yuan > 0) out += '零';
  if (fenDigit > 0) out += `${DIGITS[fenDigit]}分`;
  else out += '整';
  return out;
}

/** Plain display form for screens and tables: 100050030 fen → "1,000,500.30元". */
export function formatYuan(amount: Fen): string {
  assertFen(amount);
  const yuan = Math.floor(amount / 100);
  const cents = String(amount % 100).padStart(2, '0');
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}.${cents}元`;
}
