import { printableRanges } from './printableRanges';

/** Whether the document fonts draw `codePoint` (binary search over the generated runs). */
function isPrintable(codePoint: number): boolean {
  let low = 0;
  let high = printableRanges.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const [first, last] = printableRanges[mid]!;
    if (codePoint < first) high = mid - 1;
    else if (codePoint > last) low = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Characters of `text` that no document font can draw, once each in order of first appearance — the same
 * coverage the documents print with, so a name accepted here is never refused when its notice prints.
 * Whitespace is never drawn and never counts.
 */
export function unprintableCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const char of text) {
    if (/\s/u.test(char)) continue;
    if (!isPrintable(char.codePointAt(0)!)) found.add(char);
  }
  return [...found];
}
