import { describe, expect, it } from 'vitest';
import { breakLines, fitText, type FitOptions } from '../../../../../renderer/src/documents/pdf/textFitting';
import { ptToMm } from '../../../../../renderer/src/documents/pdf/units';

/** Ideographs and full-width punctuation one em wide, everything else half an em — like the real fonts. */
const measure = (text: string, sizePt: number) =>
  [...text].reduce((sum, char) => sum + (char.codePointAt(0)! < 0x100 ? 0.5 : 1), 0) * ptToMm(sizePt);
/** A box exactly `chars` ideographs wide at 10 pt. */
const em10 = ptToMm(10);
const widthOf = (chars: number) => chars * em10;

describe('breakLines', () => {
  it('breaks Chinese between any two characters', () => {
    expect(breakLines('一二三四五六七八九十', widthOf(4), 10, measure)).toEqual(['一二三四', '五六七八', '九十']);
  });

  it('keeps a Latin word or a code whole and breaks at spaces', () => {
    expect(breakLines('USCC 91510703MA6BQ7K30Q', widthOf(10), 10, measure)).toEqual(['USCC', '91510703MA6BQ7K30Q']);
  });

  it('splits a word wider than the box by character rather than letting it overflow', () => {
    const lines = breakLines('ABCDEFGHIJKLMNOPQRST', widthOf(4), 10, measure);
    expect(lines).toEqual(['ABCDEFGH', 'IJKLMNOP', 'QRST']);
  });

  it('never starts a line with closing punctuation: the character before comes along', () => {
    const lines = breakLines('一二三四，五六', widthOf(4), 10, measure);
    expect(lines).toEqual(['一二三', '四，五六']);
    for (const line of breakLines('技术服务、技术开发、技术咨询；软件开发。', widthOf(4), 10, measure)) {
      expect(line).not.toMatch(/^[，。、；：）]/);
    }
  });

  it('never ends a line with an opening bracket', () => {
    const lines = breakLines('一二三（四五）', widthOf(4), 10, measure);
    expect(lines).toEqual(['一二三', '（四五）']);
  });

  it('honours explicit line breaks', () => {
    expect(breakLines('一二\n三', widthOf(10), 10, measure)).toEqual(['一二', '三']);
  });
});

const box = (chars: number, lines: number, overrides: Partial<FitOptions> = {}): FitOptions => ({
  widthMm: widthOf(chars),
  heightMm: em10 + (lines - 1) * em10 * 1.2,
  maxSizePt: 10,
  minSizePt: 6,
  lineHeight: 1.2,
  overflowMarker: '（详见附页）',
  ...overrides,
});

describe('fitText', () => {
  it('keeps the largest size when the text fits', () => {
    const fitted = fitText('一二三四', box(4, 1), measure);
    expect(fitted).toMatchObject({ lines: ['一二三四'], sizePt: 10, truncated: false });
  });

  it('steps the size down until the text fits the box', () => {
    const fitted = fitText('一二三四五六', box(4, 1), measure);
    expect(fitted.truncated).toBe(false);
    expect(fitted.lines).toEqual(['一二三四五六']);
    expect(fitted.sizePt).toBeLessThan(10);
    expect(fitted.sizePt).toBeGreaterThanOrEqual(6);
    expect(measure(fitted.lines[0]!, fitted.sizePt)).toBeLessThanOrEqual(widthOf(4));
  });

  it('wraps onto more lines when the box is tall enough, before shrinking', () => {
    const fitted = fitText('一二三四五六七八', box(4, 2), measure);
    expect(fitted).toMatchObject({ lines: ['一二三四', '五六七八'], sizePt: 10, truncated: false });
    expect(fitted.heightMm).toBeLessThanOrEqual(box(4, 2).heightMm + 1e-9);
  });

  it('cuts text that overflows even at the minimum size and ends it with the marker', () => {
    const text = '经营范围'.repeat(40);
    const options = box(10, 2);
    const fitted = fitText(text, options, measure);
    expect(fitted.truncated).toBe(true);
    expect(fitted.sizePt).toBe(6);
    expect(fitted.lines.at(-1)).toMatch(/（详见附页）$/);
    expect(fitted.heightMm).toBeLessThanOrEqual(options.heightMm + 1e-9);
    for (const line of fitted.lines) expect(measure(line, fitted.sizePt)).toBeLessThanOrEqual(options.widthMm + 1e-9);
  });
});
