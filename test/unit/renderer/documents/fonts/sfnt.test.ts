import fontkit from '@pdf-lib/fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontFaceNames, type FontFaceName } from '../../../../../renderer/src/documents/fonts/fontSource';
import { createSubsetter } from '../../../../../renderer/src/documents/fonts/harfbuzzSubsetter';
import { nodeFontSource } from '../../../../../renderer/src/documents/fonts/nodeFontSource';
import { SfntFont } from '../../../../../renderer/src/documents/fonts/sfnt';

const bytes = {} as Record<FontFaceName, Uint8Array>;
beforeAll(async () => {
  for (const face of fontFaceNames) bytes[face] = await nodeFontSource.readFont(face);
});

/** Every 97th character of the font plus the edges that matter: ASCII, CJK punctuation, Extension A/B/G, absent ones. */
function probes(reference: fontkit.Font): number[] {
  const every = reference.characterSet.filter((_, i) => i % 97 === 0);
  return [...every, 0x20, 0x41, 0x7e, 0x3000, 0x3014, 0xff08, 0x365f, 0x4dae, 0x20bb7, 0x30edd, 0x10ffff, 0xe000];
}

describe.each(fontFaceNames)('SfntFont on Noto %s SC', (face) => {
  it('maps characters to the same glyphs and advances as fontkit', () => {
    const reference = fontkit.create(bytes[face]);
    const font = new SfntFont(bytes[face]);
    for (const codePoint of probes(reference)) {
      const expected = reference.hasGlyphForCodePoint(codePoint) ? reference.glyphForCodePoint(codePoint).id : 0;
      expect({ codePoint, glyph: font.glyphId(codePoint) }).toEqual({ codePoint, glyph: expected });
      if (expected !== 0) expect(font.advanceWidth(expected)).toBe(reference.glyphForCodePoint(codePoint).advanceWidth);
    }
  });

  it('reads the metrics a PDF font descriptor needs', () => {
    const reference = fontkit.create(bytes[face]);
    const { metrics } = new SfntFont(bytes[face]);
    expect(metrics).toEqual({
      unitsPerEm: reference.unitsPerEm,
      bbox: [reference.bbox.minX, reference.bbox.minY, reference.bbox.maxX, reference.bbox.maxY],
      ascent: reference.ascent,
      descent: reference.descent,
      capHeight: reference.capHeight,
      postscriptName: reference.postscriptName,
    });
  });

  it('reads the character map of a HarfBuzz subset (format 4 and format 12)', async () => {
    const subsetter = await createSubsetter(await nodeFontSource.readSubsetterWasm());
    const chars = face === 'sans' ? '名称𰻞A' : '名称㙟A';
    const subset = new SfntFont(subsetter.subset(subsetter.loadFace(bytes[face]), [...chars].map((c) => c.codePointAt(0)!)));
    const glyphs = [...chars].map((char) => subset.glyphId(char.codePointAt(0)!));
    expect(new Set(glyphs).size).toBe([...chars].length);
    expect(glyphs.every((glyph) => glyph > 0)).toBe(true);
    expect(subset.glyphId('字'.codePointAt(0)!)).toBe(0);
  });

  it('refuses bytes that are not a font', () => {
    expect(() => new SfntFont(new Uint8Array(64))).toThrow();
  });
});
