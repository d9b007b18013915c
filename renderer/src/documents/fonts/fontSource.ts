/** The two faces every document draws with: 宋体-like Noto Serif SC for text, 黑体-like Noto Sans SC for labels. */
export type FontFaceName = 'serif' | 'sans';
export const fontFaceNames: readonly FontFaceName[] = ['serif', 'sans'];

/**
 * Every font a document may draw with: the two faces above and, for characters neither has (CJK
 * Extensions B–F, e.g. 𠮷 in a legal name), the fallback 花园明朝B (HanaMinB, shipped in resources/fonts).
 */
export type DrawingFaceName = FontFaceName | 'fallback';

/**
 * Where the engine's binary assets come from. Node (tests, samples, bench) reads them from node_modules
 * and resources/; the renderer's Web Worker fetches the URLs Vite gives them. The engine never knows which.
 */
export interface FontSource {
  /** The full TrueType font of a face (10–30 MB; the engine parses it once and keeps it). */
  readFont(face: DrawingFaceName): Promise<Uint8Array>;
  /** HarfBuzz's standalone subsetter (`harfbuzzjs/dist/harfbuzz-subset.wasm`). */
  readSubsetterWasm(): Promise<Uint8Array>;
}
