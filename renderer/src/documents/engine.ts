import { createSubsetter } from './fonts/harfbuzzSubsetter';
import { fontFaceNames, type FontFaceName, type FontSource } from './fonts/fontSource';
import { LoadedFont } from './fonts/loadedFont';
import { PdfBuilder, type DocumentInfo } from './pdf/pdfBuilder';

/**
 * The long-lived half of document generation: both fonts parsed and handed to HarfBuzz once, then any
 * number of documents built from them. Create one per process (or Web Worker) and keep it.
 */
export interface PdfEngine {
  /** Characters of `text` that neither face can draw, in order of first appearance (for checks before printing). */
  findMissingCharacters(text: string): string[];
  createBuilder(info: DocumentInfo): Promise<PdfBuilder>;
}

export async function createPdfEngine(source: FontSource): Promise<PdfEngine> {
  const [wasm, ...fontBytes] = await Promise.all([source.readSubsetterWasm(), ...fontFaceNames.map((face) => source.readFont(face))]);
  const subsetter = await createSubsetter(wasm!);
  const fonts = Object.fromEntries(fontFaceNames.map((face, i) => [face, new LoadedFont(face, fontBytes[i]!, subsetter)])) as Record<FontFaceName, LoadedFont>;
  const fontSet = { fonts };
  // HarfBuzz builds its lookup accelerators on a face's first subset: pay that here, not on the first print.
  for (const font of Object.values(fonts)) font.subset([0x20]);

  return {
    findMissingCharacters(text) {
      const missing = new Set<string>();
      for (const char of text) {
        const codePoint = char.codePointAt(0)!;
        if (/\s/u.test(char)) continue;
        if (!fonts.serif.has(codePoint) && !fonts.sans.has(codePoint)) missing.add(char);
      }
      return [...missing];
    },
    createBuilder: (info) => PdfBuilder.create(fontSet, info),
  };
}
