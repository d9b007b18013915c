import { PDFContext, PDFRef, PDFString } from 'pdf-lib';
import type { FontDescriptorMetrics } from '../fonts/loadedFont';
import { registerStream } from './streams';

/**
 * Writes a subset TrueType font as a PDF Type0 / CIDFontType2 font (Identity-H) — the custom path that
 * replaces pdf-lib's `embedFont`. CIDs are the engine's own numbers, handed out per document in the
 * order characters are first drawn, so content streams are written before the subset exists; the
 * CIDToGIDMap then points each CID at its glyph in the subset.
 */
export interface CidFontInput {
  /** Six upper-case letters: the subset prefix (`ABCDEF+`) that marks an embedded subset. */
  subsetTag: string;
  metrics: FontDescriptorMetrics;
  subsetBytes: Uint8Array;
  /** Per CID (index 0 is CID 1): the code point, its glyph id in the subset, and its advance in 1/1000 em. */
  codePoints: readonly number[];
  glyphIds: readonly number[];
  widths: readonly number[];
}

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

function utf16Hex(codePoint: number): string {
  if (codePoint <= 0xffff) return hex4(codePoint);
  const offset = codePoint - 0x10000;
  return hex4(0xd800 + (offset >> 10)) + hex4(0xdc00 + (offset & 0x3ff));
}

/** ToUnicode CMap so text can be searched and copied (and `pdftotext` can read it). */
function toUnicodeCMap(codePoints: readonly number[]): string {
  const blocks: string[] = [];
  for (let start = 0; start < codePoints.length; start += 100) {
    const chunk = codePoints.slice(start, start + 100);
    const entries = chunk.map((codePoint, i) => `<${hex4(start + i + 1)}> <${utf16Hex(codePoint)}>`).join('\n');
    blocks.push(`${chunk.length} beginbfchar\n${entries}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

function cidToGidMap(glyphIds: readonly number[]): Uint8Array {
  const bytes = new Uint8Array((glyphIds.length + 1) * 2); // CID 0 stays .notdef
  glyphIds.forEach((gid, i) => {
    bytes[(i + 1) * 2] = gid >> 8;
    bytes[(i + 1) * 2 + 1] = gid & 0xff;
  });
  return bytes;
}

export function embedCidFont(context: PDFContext, fontRef: PDFRef, input: CidFontInput): void {
  const { metrics } = input;
  const baseFont = `${input.subsetTag}+${metrics.postscriptName}`;
  const fontFile = registerStream(context, input.subsetBytes, { Length1: input.subsetBytes.length });
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
      // Symbolic (4), plus Serif (2) for the 宋体 face; CJK glyphs are outside the standard Latin set.
      Flags: metrics.isSerif ? 6 : 4,
      FontBBox: metrics.bbox,
      ItalicAngle: 0,
      Ascent: metrics.ascent,
      Descent: metrics.descent,
      CapHeight: metrics.capHeight,
      StemV: 80,
      FontFile2: fontFile,
    }),
  );
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      DW: 1000,
      W: [1, [...input.widths]],
      CIDToGIDMap: registerStream(context, cidToGidMap(input.glyphIds)),
    }),
  );
  const toUnicode = registerStream(context, toUnicodeCMap(input.codePoints));
  context.assign(
    fontRef,
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
}
