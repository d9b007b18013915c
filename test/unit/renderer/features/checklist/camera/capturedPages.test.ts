import { describe, expect, it } from 'vitest';
import {
  addPage,
  deletePage,
  maxCapturedPages,
  minCropEdge,
  movePage,
  normalizeCrop,
  replaceImage,
  rotatePage,
  uprightSize,
  type CapturedPage,
} from '../../../../../../renderer/src/features/checklist/camera/capturedPages';

const page = (id: string, width = 600, height = 800): CapturedPage => ({ id, jpeg: new Uint8Array([0xff, 0xd8, id.charCodeAt(0)]), width, height, turns: 0 });
const ids = (pages: readonly CapturedPage[]) => pages.map((p) => p.id);
const three = [page('a'), page('b'), page('c')];

describe('captured pages', () => {
  it('adds pages at the end, up to the limit', () => {
    expect(ids(addPage(three, page('d')))).toEqual(['a', 'b', 'c', 'd']);
    const full = Array.from({ length: maxCapturedPages }, (_, i) => page(`p${i}`));
    expect(addPage(full, page('x'))).toBe(full);
  });

  it('turns one page a quarter clockwise or back, four turns bringing it round, the others untouched', () => {
    const once = rotatePage(three, 'b', 1);
    expect(once.map((p) => p.turns)).toEqual([0, 1, 0]);
    expect(rotatePage(three, 'b', -1)[1]?.turns).toBe(3);
    let turned: readonly CapturedPage[] = three;
    for (let i = 0; i < 4; i += 1) turned = rotatePage(turned, 'c', 1);
    expect(turned[2]?.turns).toBe(0);
    // The list given is not changed.
    expect(three[1]?.turns).toBe(0);
  });

  it('moves a page one place earlier or later, and leaves it at either end', () => {
    expect(ids(movePage(three, 'c', -1))).toEqual(['a', 'c', 'b']);
    expect(ids(movePage(three, 'a', 1))).toEqual(['b', 'a', 'c']);
    expect(ids(movePage(three, 'a', -1))).toEqual(['a', 'b', 'c']);
    expect(ids(movePage(three, 'c', 1))).toEqual(['a', 'b', 'c']);
    expect(ids(movePage(three, 'nope', 1))).toEqual(['a', 'b', 'c']);
  });

  it('deletes the one page named', () => {
    expect(ids(deletePage(three, 'b'))).toEqual(['a', 'c']);
    expect(ids(deletePage(three, 'nope'))).toEqual(['a', 'b', 'c']);
  });

  it('a cropped image replaces the page, upright (the crop was drawn on the turned page)', () => {
    const turned = rotatePage(three, 'a', 1);
    const cropped = replaceImage(turned, 'a', { jpeg: new Uint8Array([1]), width: 300, height: 200 });
    expect(cropped[0]).toMatchObject({ id: 'a', width: 300, height: 200, turns: 0 });
    expect(cropped[1]).toBe(turned[1]);
  });

  it('a quarter turn swaps the upright width and height', () => {
    expect(uprightSize({ width: 600, height: 800, turns: 1 })).toEqual({ width: 800, height: 600 });
    expect(uprightSize({ width: 600, height: 800, turns: 2 })).toEqual({ width: 600, height: 800 });
  });

  it('takes a crop dragged from any corner, clamped to the image, and refuses one too small', () => {
    const size = { width: 600, height: 800 };
    expect(normalizeCrop({ x: 500, y: 700 }, { x: 100, y: 50 }, size)).toEqual({ x: 100, y: 50, width: 400, height: 650 });
    expect(normalizeCrop({ x: -40, y: 10.4 }, { x: 900, y: 900 }, size)).toEqual({ x: 0, y: 10, width: 600, height: 790 });
    expect(normalizeCrop({ x: 10, y: 10 }, { x: 10 + minCropEdge - 1, y: 400 }, size)).toBeNull();
  });
});
