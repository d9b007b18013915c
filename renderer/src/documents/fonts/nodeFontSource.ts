import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontFaceName, FontSource } from './fontSource';

const require = createRequire(import.meta.url);

/** Package paths of the assets, resolved through Node's resolver so hoisting does not matter. */
export const nodeAssetPaths: Record<FontFaceName | 'subsetter', string> = {
  serif: require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  sans: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  subsetter: require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'),
};

/** Reads the fonts and the subsetter from node_modules: for tests, the samples tool and the bench (never the renderer). */
export const nodeFontSource: FontSource = {
  readFont: async (face) => new Uint8Array(await readFile(nodeAssetPaths[face])),
  readSubsetterWasm: async () => new Uint8Array(await readFile(nodeAssetPaths.subsetter)),
};
