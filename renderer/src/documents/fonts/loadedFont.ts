import type { DrawingFaceName } from './fontSource';
import type { Subsetter, SubsetterFace } from './harfbuzzSubsetter';
import { SfntFont } from './sfnt';

/** What a PDF font descriptor needs, in 1/1000 em. */
export interface FontDescriptorMetrics {
  postscriptName: string;
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  capHeight: number;
  isSerif: boolean;
}

const defaultPostscriptNames: Record<DrawingFaceName, string> = {
  serif: 'NotoSerifSC-Regular',
  sans: 'NotoSansSC-Regular',
  fallback: 'HanaMinB',
};

/**
 * A full CJK font opened once and kept for every document the engine makes: character coverage, advance
 * widths (cached per code point) and a HarfBuzz face to subset from.
 */
export class LoadedFont {
  readonly metrics: FontDescriptorMetrics;
  private readonly font: SfntFont;
  private readonly scale: number;
  private readonly advances = new Map<number, number>();
  private readonly subsetterFace: SubsetterFace;

  constructor(
    readonly face: DrawingFaceName,
    bytes: Uint8Array,
    private readonly subsetter: Subsetter,
  ) {
    this.font = new SfntFont(bytes);
    this.subsetterFace = subsetter.loadFace(bytes);
    const metrics = this.font.metrics;
    this.scale = 1000 / metrics.unitsPerEm;
    const thousandths = (value: number) => Math.round(value * this.scale);
    this.metrics = {
      postscriptName: metrics.postscriptName ?? defaultPostscriptNames[face],
      bbox: metrics.bbox.map(thousandths) as [number, number, number, number],
      ascent: thousandths(metrics.ascent),
      descent: thousandths(metrics.descent),
      capHeight: thousandths(metrics.capHeight),
      isSerif: face !== 'sans', // the fallback is a 明朝 (serif) face
    };
  }

  has(codePoint: number): boolean {
    return this.font.glyphId(codePoint) !== 0;
  }

  /** Advance width in 1/1000 em. */
  advance(codePoint: number): number {
    let width = this.advances.get(codePoint);
    if (width === undefined) {
      width = Math.round(this.font.advanceWidth(this.font.glyphId(codePoint)) * this.scale);
      this.advances.set(codePoint, width);
    }
    return width;
  }

  /** The subset font bytes and, for each requested code point, its glyph id inside that subset. */
  subset(codePoints: readonly number[]): { bytes: Uint8Array; glyphIds: Map<number, number> } {
    const bytes = this.subsetter.subset(this.subsetterFace, codePoints);
    const subsetFont = new SfntFont(bytes);
    return { bytes, glyphIds: new Map(codePoints.map((codePoint) => [codePoint, subsetFont.glyphId(codePoint)])) };
  }
}
