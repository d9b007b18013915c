import { ptToMm } from './units';

/** Width in mm of `text` set at `sizePt`. */
export type MeasureText = (text: string, sizePt: number) => number;

/**
 * Chinese typesetting (禁则): these never begin a line — closing brackets and punctuation that belongs to the
 * character before — and the opening brackets never end one. A break that would violate it carries the
 * neighbouring character across with the punctuation instead of letting anything hang outside the box.
 */
const NO_LINE_START = new Set([...'，。、；：？！）】」』》〉”’…—·％,.;:?!)]%']);
const NO_LINE_END = new Set([...'（【「『《〈“‘([']);

/** Han, kana, hangul, CJK symbols and full-width forms break between any two characters. */
const BREAKS_ANYWHERE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2014\u2026\u00b7\u201c\u201d\u2018\u2019]/u;
const SPACE = /^[ \t]$/;

type Token = { text: string; kind: 'word' | 'space' | 'newline' };

/** CJK characters one by one, Latin/number runs as unbreakable words, spaces, and hard line breaks. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  const flushWord = () => {
    if (word !== '') tokens.push({ text: word, kind: 'word' });
    word = '';
  };
  for (const char of text.replace(/\r\n?/g, '\n')) {
    if (char === '\n') {
      flushWord();
      tokens.push({ text: char, kind: 'newline' });
    } else if (SPACE.test(char)) {
      flushWord();
      tokens.push({ text: char, kind: 'space' });
    } else if (BREAKS_ANYWHERE.test(char) || NO_LINE_START.has(char) || NO_LINE_END.has(char)) {
      flushWord();
      tokens.push({ text: char, kind: 'word' });
    } else {
      word += char;
    }
  }
  flushWord();
  return tokens;
}

function firstChar(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) ?? 0);
}

function lastChar(text: string): string {
  return [...text].pop() ?? '';
}

function joinLine(tokens: Token[]): string {
  return tokens
    .map((token) => token.text)
    .join('')
    .replace(/[ \t]+$/, '');
}

/** Breaks `text` into lines no wider than `widthMm` (a word wider than the box is split by character). */
export function breakLines(text: string, widthMm: number, sizePt: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line: Token[] = [];
  let lineWidth = 0;
  const widthOf = (tokens: Token[]) => tokens.reduce((sum, token) => sum + measure(token.text, sizePt), 0);
  const endLine = (next: Token[]) => {
    lines.push(joinLine(line));
    line = next;
    lineWidth = widthOf(line);
  };

  const queue = tokenize(text);
  for (let i = 0; i < queue.length; i += 1) {
    const token = queue[i]!;
    if (token.kind === 'newline') {
      endLine([]);
      continue;
    }
    if (token.kind === 'space' && line.length === 0) continue;
    const tokenWidth = measure(token.text, sizePt);
    if (lineWidth + tokenWidth <= widthMm + 1e-9) {
      line.push(token);
      lineWidth += tokenWidth;
      continue;
    }
    if (token.kind === 'space') {
      endLine([]);
      continue;
    }
    if (tokenWidth > widthMm && [...token.text].length > 1) {
      // An over-long word (a URL, a long code): split it into characters and continue with those.
      queue.splice(i + 1, 0, ...[...token.text].map((char): Token => ({ text: char, kind: 'word' })));
      continue;
    }
    const carried: Token[] = [token];
    const lastOnLine = line[line.length - 1];
    if (line.length > 1 && lastOnLine && (NO_LINE_START.has(firstChar(token.text)) || NO_LINE_END.has(lastChar(lastOnLine.text)))) {
      carried.unshift(line.pop()!);
    }
    if (line.length > 0) endLine(carried);
    else {
      line = carried;
      lineWidth = widthOf(line);
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(joinLine(line));
  return lines;
}

export interface FitOptions {
  widthMm: number;
  heightMm: number;
  maxSizePt: number;
  /** The smallest size the field may shrink to; below it the text is cut (see `fitText`). */
  minSizePt: number;
  /** Baseline-to-baseline distance as a multiple of the size. */
  lineHeight: number;
  /** Appended where the text is cut, e.g. （详见附页）. */
  overflowMarker: string;
  stepPt?: number;
}

export interface FittedText {
  lines: string[];
  sizePt: number;
  lineHeightMm: number;
  /** Height the lines occupy: one em for the first line plus a line height for each further one. */
  heightMm: number;
  truncated: boolean;
}

function blockHeight(lineCount: number, sizePt: number, lineHeight: number): number {
  return lineCount === 0 ? 0 : ptToMm(sizePt) + (lineCount - 1) * ptToMm(sizePt * lineHeight);
}

/**
 * Fits text into a box: wrap at the largest size, then step the size down until the lines fit. If even the
 * minimum size overflows, keep the lines that fit and end the last with the overflow marker (the caller
 * reports the cut; licences never grow past their pre-printed box).
 */
export function fitText(text: string, options: FitOptions, measure: MeasureText): FittedText {
  const step = options.stepPt ?? 0.5;
  const { widthMm, heightMm, lineHeight } = options;
  for (let size = options.maxSizePt; size >= options.minSizePt - 1e-9; size -= step) {
    const lines = breakLines(text, widthMm, size, measure);
    const height = blockHeight(lines.length, size, lineHeight);
    if (height <= heightMm + 1e-9) {
      return { lines, sizePt: size, lineHeightMm: ptToMm(size * lineHeight), heightMm: height, truncated: false };
    }
  }
  const size = options.minSizePt;
  const lineHeightMm = ptToMm(size * lineHeight);
  const all = breakLines(text, widthMm, size, measure);
  const capacity = heightMm < ptToMm(size) ? 0 : Math.floor((heightMm - ptToMm(size)) / lineHeightMm + 1e-9) + 1;
  const lines = all.slice(0, Math.max(capacity, 1));
  const last = [...lines[lines.length - 1]!];
  while (last.length > 0 && measure(last.join('') + options.overflowMarker, size) > widthMm) last.pop();
  // Never leave an opening bracket or half a pair dangling before the marker.
  while (last.length > 0 && NO_LINE_END.has(last[last.length - 1]!)) last.pop();
  lines[lines.length - 1] = last.join('') + options.overflowMarker;
  return { lines, sizePt: size, lineHeightMm, heightMm: blockHeight(lines.length, size, lineHeight), truncated: true };
}
