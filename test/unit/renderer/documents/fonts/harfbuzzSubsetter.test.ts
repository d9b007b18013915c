import fontkit from '@pdf-lib/fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSubsetter, type Subsetter, type SubsetterFace } from '../../../../../renderer/src/documents/fonts/harfbuzzSubsetter';
import { nodeFontSource } from '../../../../../renderer/src/documents/fonts/nodeFontSource';

let subsetter: Subsetter;
let serif: SubsetterFace;

beforeAll(async () => {
  subsetter = await createSubsetter(await nodeFontSource.readSubsetterWasm());
  serif = subsetter.loadFace(await nodeFontSource.readFont('serif'));
});

const codePoints = (text: string) => [...new Set(text)].map((char) => char.codePointAt(0)!);

describe('createSubsetter', () => {
  it('keeps exactly .notdef and the glyphs of the requested characters', () => {
    const text = '壹佰万元整营业执照A1';
    const font = fontkit.create(subsetter.subset(serif, codePoints(text)));
    expect(font.numGlyphs).toBe(codePoints(text).length + 1);
    for (const char of text) expect(font.hasGlyphForCodePoint(char.codePointAt(0)!)).toBe(true);
    expect(font.hasGlyphForCodePoint('执'.codePointAt(0)! + 1)).toBe(false);
  });

  it('drops the layout tables a PDF viewer never reads', () => {
    const font = fontkit.create(subsetter.subset(serif, codePoints('名称')));
    const tables = Object.keys((font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables);
    expect(tables).toEqual(expect.arrayContaining(['glyf', 'loca', 'head', 'hhea', 'hmtx', 'maxp', 'cmap']));
    for (const dropped of ['GSUB', 'GPOS', 'vmtx', 'post']) expect(tables).not.toContain(dropped);
  });

  it('is small and gives the same bytes every time', () => {
    const first = subsetter.subset(serif, codePoints('四川宇顺智联科技有限公司'));
    const second = subsetter.subset(serif, codePoints('四川宇顺智联科技有限公司'));
    expect(first.length).toBeLessThan(20_000);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});
