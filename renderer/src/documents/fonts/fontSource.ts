/** The two faces every document draws with: 宋体-like Noto Serif SC for text, 黑体-like Noto Sans SC for labels. */
export type FontFaceName = 'serif' | 'sans';
export const fontFaceNames: readonly FontFaceName[] = ['serif', 'sans'];

/**
 * Where the engine's binary assets come from. Node (tests, samples, bench) reads them from node_modules;
 * the renderer's Web Worker fetches the URLs Vite gives them. The engine never knows which.
 */
export interface FontSource {
  /** The full TrueType font of a face (about 10 MB; the engine parses it once and keeps it). */
  readFont(face: FontFaceName): Promise<Uint8Array>;
  /** HarfBuzz's standalone subsetter (`harfbuzzjs/dist/harfbuzz-subset.wasm`). */
  readSubsetterWasm(): Promise<Uint8Array>;
}
