import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const shipped = resolve(root, 'out/renderer/pdfjs');
const pdfjsDist = resolve(root, 'node_modules/pdfjs-dist');

beforeAll(() => {
  if (!existsSync(resolve(root, 'out/renderer/index.html'))) throw new Error('out/ is missing: run `npm run build` before these tests');
});

const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

/**
 * pdf.js loads its decoders, CMaps and standard fonts by file name while drawing (documents/pdfjs.ts points
 * it at app://desk/pdfjs/); anything missing shows up only as a blank scan thumbnail or lost text.
 */
describe('pdf.js run-time data in the built renderer', () => {
  it('ships the WebAssembly decoders of JPEG 2000, JBIG2 and ICC colour, byte for byte, with their licences', () => {
    const wasm = filesIn(join(shipped, 'wasm'));
    expect(wasm.filter((name) => name.endsWith('.wasm'))).toEqual(['jbig2.wasm', 'openjpeg.wasm', 'qcms_bg.wasm']);
    for (const name of ['jbig2.wasm', 'openjpeg.wasm', 'qcms_bg.wasm']) {
      expect(readFileSync(join(shipped, 'wasm', name)).equals(readFileSync(join(pdfjsDist, 'wasm', name)))).toBe(true);
    }
    expect(wasm.filter((name) => name.startsWith('LICENSE'))).toEqual(filesIn(join(pdfjsDist, 'wasm')).filter((name) => name.startsWith('LICENSE')));
  });

  it('ships every packed CMap pdf.js may ask for by name, and every standard font', () => {
    expect(filesIn(join(shipped, 'cmaps'))).toEqual(filesIn(join(pdfjsDist, 'cmaps')));
    expect(filesIn(join(shipped, 'cmaps'))).toContain('UniGB-UCS2-H.bcmap');
    expect(filesIn(join(shipped, 'standard_fonts'))).toEqual(filesIn(join(pdfjsDist, 'standard_fonts')));
    expect(filesIn(join(shipped, 'iccs'))).toEqual(filesIn(join(pdfjsDist, 'iccs')));
  });

  it('ships no script (the asm.js fallback is never needed where WebAssembly may compile) and stays near 2.5 MB', () => {
    const all = ['wasm', 'cmaps', 'standard_fonts', 'iccs'].flatMap((dir) => filesIn(join(shipped, dir)).map((name) => join(shipped, dir, name)));
    expect(filesIn(shipped)).toEqual(['cmaps', 'iccs', 'standard_fonts', 'wasm']);
    expect(all.filter((file) => /\.m?js$/.test(file))).toEqual([]);
    const bytes = all.reduce((sum, file) => sum + statSync(file).size, 0);
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
  });
});
