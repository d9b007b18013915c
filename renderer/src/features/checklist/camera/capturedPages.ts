/**
 * The pages captured in one document-camera session, in the order they will be in the PDF. Pure: every
 * change returns a new list, so the dialog keeps it in React state and the rules are unit-tested.
 */

/** Clockwise quarter turns applied to a page's image, as the clerk sees it. */
export type QuarterTurns = 0 | 1 | 2 | 3;

export interface CapturedPage {
  readonly id: string;
  /** The page as captured (or as cropped), a JPEG. */
  readonly jpeg: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly turns: QuarterTurns;
}

/** More pages than one attachment should carry (20 MB at ~0.3 MB a page leaves room; a clerk splits beyond). */
export const maxCapturedPages = 40;

export function addPage(pages: readonly CapturedPage[], page: CapturedPage): readonly CapturedPage[] {
  return pages.length >= maxCapturedPages ? pages : [...pages, page];
}

/** A quarter turn clockwise (1) or counter-clockwise (-1); four turns bring the page back. */
export function rotatePage(pages: readonly CapturedPage[], id: string, direction: 1 | -1): readonly CapturedPage[] {
  return pages.map((page) => (page.id === id ? { ...page, turns: (((page.turns + direction) % 4) + 4) % 4 as QuarterTurns } : page));
}

/** Moves a page one place earlier (-1) or later (1); at either end it stays. */
export function movePage(pages: readonly CapturedPage[], id: string, offset: -1 | 1): readonly CapturedPage[] {
  const from = pages.findIndex((page) => page.id === id);
  const to = from + offset;
  if (from < 0 || to < 0 || to >= pages.length) return pages;
  const moved = [...pages];
  const [page] = moved.splice(from, 1);
  moved.splice(to, 0, page!);
  return moved;
}

export function deletePage(pages: readonly CapturedPage[], id: string): readonly CapturedPage[] {
  return pages.filter((page) => page.id !== id);
}

/** The page's image replaced by its cropped copy, which is already upright (the crop is drawn on the turned page). */
export function replaceImage(pages: readonly CapturedPage[], id: string, image: Pick<CapturedPage, 'jpeg' | 'width' | 'height'>): readonly CapturedPage[] {
  return pages.map((page) => (page.id === id ? { ...page, ...image, turns: 0 } : page));
}

/** The page's size once turned: a quarter turn swaps width and height. */
export function uprightSize(page: Pick<CapturedPage, 'width' | 'height' | 'turns'>): { width: number; height: number } {
  return page.turns % 2 === 0 ? { width: page.width, height: page.height } : { width: page.height, height: page.width };
}

export interface CropRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Smallest crop kept, in pixels of the image: a mis-click is not a page. */
export const minCropEdge = 32;

/**
 * The rectangle the clerk dragged (from any corner to any other, in image pixels) as a rectangle inside the
 * image, or null when it is too small to be a document.
 */
export function normalizeCrop(from: { x: number; y: number }, to: { x: number; y: number }, size: { width: number; height: number }): CropRect | null {
  const clamp = (value: number, max: number) => Math.min(max, Math.max(0, Math.round(value)));
  const left = clamp(Math.min(from.x, to.x), size.width);
  const right = clamp(Math.max(from.x, to.x), size.width);
  const top = clamp(Math.min(from.y, to.y), size.height);
  const bottom = clamp(Math.max(from.y, to.y), size.height);
  if (right - left < minCropEdge || bottom - top < minCropEdge) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}
