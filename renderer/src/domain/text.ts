/**
 * Hygiene for every free-text field (names, addresses, notes). Text is kept as plain text: markup such
 * as `<script>` is stored verbatim and never interpreted or escaped here, because React renders it as
 * text. What is refused is what a person cannot see or check on screen: control characters, direction
 * overrides that make text display differently from how it is stored, and broken character encodings.
 */
import { z } from 'zod';

export interface CleanTextOptions {
  /** Longest accepted value, in characters as people count them (code points: 𠮷 is one). */
  readonly max: number;
  /** Allows line breaks (normalised to `\n`); otherwise a line break inside the text is refused. */
  readonly multiline?: boolean;
}

export type TextErrorKind = 'controlCharacter' | 'lineBreak' | 'bidiControl' | 'brokenCharacter' | 'tooLong';

export type CleanTextResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly error: { readonly kind: TextErrorKind; readonly message: string } };

const textMessages = {
  controlCharacter: (position: number, name: string) =>
    `第${position}个字符是看不见的控制字符（${name}），请删除后再保存`,
  lineBreak: (position: number) => `此处只能填写一行，第${position}个字符处有换行，请删除换行后再保存`,
  bidiControl: (position: number, codePoint: string) =>
    `第${position}个字符是文字方向控制符（${codePoint}），它会让文字显示的顺序与实际内容不同，请删除后再保存`,
  brokenCharacter: (position: number) => `第${position}个字符已损坏（编码不完整），请删除后重新输入`,
  tooLong: (max: number, count: number) => `最多可填${max}个字，当前${count}个字，请删减${count - max}个字`,
  empty: '不能为空',
} as const;

const CONTROL_NAMES: Readonly<Record<number, string>> = { 0x09: '制表符 Tab', 0x00: '空字符' };

// Line separators people paste from other programs; all become `\n`.
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/gu;
// Space separators other than the ordinary space: full-width U+3000, no-break, thin, etc.
const UNUSUAL_SPACE = /(?! )\p{Zs}/gu;
// Zero-width space, word joiner and byte-order mark arrive with pasted text, mean nothing in a name
// or address, and would make equal-looking values differ in search; dropping them loses nothing.
const INVISIBLE_FORMAT = /[\u200B\u2060\uFEFF]/gu;

/** Whitespace that `trim` removes, and the invisible characters dropped anywhere. */
function isDroppedAtEdge(character: string): boolean {
  return /^[\s\u200B\u2060]$/u.test(character);
}

function isBidiControl(codePoint: number): boolean {
  return (
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069) ||
    codePoint === 0x200e ||
    codePoint === 0x200f ||
    codePoint === 0x061c
  );
}

/** C0, DEL and C1 controls. */
function isControl(codePoint: number): boolean {
  return codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f);
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Number of characters as people count them (code points), e.g. for a "12/50" counter. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    // The low half of a surrogate pair belongs to the character started by the high half before it.
    const pairedLow = isLowSurrogate(text.charCodeAt(index)) && index > 0 && isHighSurrogate(text.charCodeAt(index - 1));
    if (!pairedLow) count += 1;
  }
  return count;
}

/**
 * Trims, turns unusual spaces (full-width and others) into ordinary ones, and refuses what cannot be
 * stored safely. Positions in messages count characters of the text as typed, from 1.
 */
export function cleanText(raw: string, options: CleanTextOptions): CleanTextResult {
  const { max, multiline = false } = options;
  if (!Number.isSafeInteger(max) || max < 1) throw new RangeError(`cleanText: max must be a positive integer, got ${max}`);

  const value = raw
    .replace(LINE_BREAK, '\n')
    .replace(UNUSUAL_SPACE, ' ')
    .replace(INVISIBLE_FORMAT, '')
    .trim();

  // Scan the raw text between the ends that cleaning drops, so positions match what the clerk typed.
  let start = 0;
  while (start < raw.length && isDroppedAtEdge(raw.charAt(start))) start += 1;
  let end = raw.length;
  while (end > start && isDroppedAtEdge(raw.charAt(end - 1))) end -= 1;
  let position = codePointLength(raw.slice(0, start));
  for (let index = start; index < end; ) {
    const codePoint = raw.codePointAt(index) ?? 0;
    position += 1;
    const error = problemAt(codePoint, position, multiline);
    if (error) return { ok: false, error };
    index += codePoint > 0xffff ? 2 : 1;
  }

  const length = codePointLength(value);
  if (length > max) return { ok: false, error: { kind: 'tooLong', message: textMessages.tooLong(max, length) } };
  return { ok: true, value };
}

function problemAt(
  codePoint: number,
  position: number,
  multiline: boolean,
): { kind: TextErrorKind; message: string } | null {
  if (codePoint === 0x0a || codePoint === 0x0d || codePoint === 0x2028 || codePoint === 0x2029) {
    return multiline ? null : { kind: 'lineBreak', message: textMessages.lineBreak(position) };
  }
  if (isControl(codePoint)) {
    const name = CONTROL_NAMES[codePoint] ?? hex(codePoint);
    return { kind: 'controlCharacter', message: textMessages.controlCharacter(position, name) };
  }
  if (isBidiControl(codePoint)) {
    return { kind: 'bidiControl', message: textMessages.bidiControl(position, hex(codePoint)) };
  }
  // A lone UTF-16 surrogate (e.g. half of 𠮷 cut off by a paste) cannot be encoded for storage or sync.
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
    return { kind: 'brokenCharacter', message: textMessages.brokenCharacter(position) };
  }
  return null;
}

/** Free text as the domain stores it: cleaned by `cleanText`, never empty. */
export function plainTextSchema(max: number, multiline = false) {
  return z.string().transform((raw, ctx) => {
    const result = cleanText(raw, { max, multiline });
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.error.message });
      return z.NEVER;
    }
    if (result.value === '') {
      ctx.addIssue({ code: 'custom', message: textMessages.empty });
      return z.NEVER;
    }
    return result.value;
  });
}
