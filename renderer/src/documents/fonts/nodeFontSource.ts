import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { DrawingFaceName, FontSource } from './fontSource';

const require = createRequire(import.meta.url);

/** Paths of the assets: packages resolved through Node's resolver so hoisting does not matter, the fallback from resources/. */
export const nodeAssetPaths: Record<DrawingFaceName | 'subsetter', string> = {
  serif: require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  sans: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  fallback: fileURLToPath(new URL('../../../../resources/fonts/HanaMinB.ttf', import.meta.url)),
  subsetter: require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'),
};

/** Reads the fonts and the subsetter from disk: for tests, the samples tool and the bench (never the renderer). */
export const nodeFontSource: FontSource = {
  readFont: async (face) => new Uint8Array(await readFile(nodeAssetPaths[face])),
  readSubsetterWasm: async () => new Uint8Array(await readFile(nodeAssetPaths.subsetter)),
};
