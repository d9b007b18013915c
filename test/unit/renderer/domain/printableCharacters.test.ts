import { describe, expect, it } from 'vitest';
import { unprintableCharacters } from '../../../../renderer/src/domain/printableCharacters';
import { printableRanges } from '../../../../renderer/src/domain/printableRanges';
import { computePrintableRanges } from '../../../tools/fontCoverage';

describe('unprintableCharacters', () => {
  it('accepts what the Noto faces draw, and 𠮷 and the rest of CJK Extensions B–F through the fallback', () => {
    expect(unprintableCharacters('四川智宇顺科技有限公司 刘䶮 㙟 老陕𰻞𰻞面馆 Zhang-San (HK) 123')).toEqual([]);
    expect(unprintableCharacters('𠮷田 𪚥 𫟦 𬌗 𮯠')).toEqual([]);
  });

  it('names each character no font has once, in order: later CJK extensions, emoji', () => {
    expect(unprintableCharacters('𱍐田𰀀𱍐 😀')).toEqual(['𱍐', '𰀀', '😀']);
  });

  it('never counts whitespace, which is not drawn', () => {
    expect(unprintableCharacters(' \t\u3000\n')).toEqual([]);
  });
});

describe('the table of printable characters', () => {
  it('is exactly what the document fonts draw (rerun test/tools/writePrintableRanges.ts after changing a font)', async () => {
    expect(printableRanges).toEqual(await computePrintableRanges());
  }, 60_000);
});
