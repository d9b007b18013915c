import sansUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import serifUrl from '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf?url';
import subsetterUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import fallbackUrl from '../../../../resources/fonts/HanaMinB.ttf?url';
import type { DrawingFaceName, FontSource } from './fontSource';

const fontUrls: Record<DrawingFaceName, string> = { serif: serifUrl, sans: sansUrl, fallback: fallbackUrl };

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load document asset ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Fetches the assets Vite emitted next to the renderer (same origin, so the CSP's 'self' covers it). */
export const browserFontSource: FontSource = {
  readFont: (face) => fetchBytes(fontUrls[face]),
  readSubsetterWasm: () => fetchBytes(subsetterUrl),
};
