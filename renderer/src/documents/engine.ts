import { createSubsetter } from './fonts/harfbuzzSubsetter';
import { fontFaceNames, type FontFaceName, type FontSource } from './fonts/fontSource';
import { LoadedFont } from './fonts/loadedFont';
import { PdfBuilder, type DocumentInfo, type FontSet } from './pdf/pdfBuilder';

/**
 * The long-lived half of document generation: both fonts parsed and handed to HarfBuzz once, then any
 * number of documents built from them. Create one per process (or Web Worker) and keep it.
 */
export interface PdfEngine {
  /** Characters of `text` that no font can draw, in order of first appearance (for checks before printing). */
  findMissingCharacters(text: string): Promise<string[]>;
  /** A builder for one document; `text` is everything the document will draw from its request, so the
   * fallback font is opened first when (and only when) some character needs it. */
  createBuilder(info: DocumentInfo, text: string): Promise<PdfBuilder>;
}

export async function createPdfEngine(source: FontSource): Promise<PdfEngine> {
  const [wasm, ...fontBytes] = await Promise.all([source.readSubsetterWasm(), ...fontFaceNames.map((face) => source.readFont(face))]);
  const subsetter = await createSubsetter(wasm!);
  const fonts = Object.fromEntries(fontFaceNames.map((face, i) => [face, new LoadedFont(face, fontBytes[i]!, subsetter)])) as Record<FontFaceName, LoadedFont>;
  // HarfBuzz builds its lookup accelerators on a face's first subset: pay that here, not on the first print.
  for (const font of Object.values(fonts)) font.subset([0x20]);

  // The fallback (30 MB) is opened on the first document that needs it, never at start. It gets its own
  // HarfBuzz instance: an instance's memory is fixed at 65 MB and the two faces above use 25 MB of it.
  let fallback: Promise<LoadedFont> | null = null;
  const openFallback = (): Promise<LoadedFont> => {
    fallback ??= Promise.all([source.readFont('fallback'), createSubsetter(wasm!)])
      .then(([bytes, fallbackSubsetter]) => {
        const font = new LoadedFont('fallback', bytes, fallbackSubsetter);
        font.subset([0x20]);
        return font;
      })
      .catch((error: unknown) => {
        fallback = null; // a failed read is retried by the next document
        throw error;
      });
    return fallback;
  };

  /** Characters of `text` neither Noto face has (whitespace is never drawn). */
  const beyondMainFaces = (text: string): string[] => {
    const beyond = new Set<string>();
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      if (/\s/u.test(char)) continue;
      if (!fonts.serif.has(codePoint) && !fonts.sans.has(codePoint)) beyond.add(char);
    }
    return [...beyond];
  };

  return {
    async findMissingCharacters(text) {
      const beyond = beyondMainFaces(text);
      if (beyond.length === 0) return [];
      const font = await openFallback();
      return beyond.filter((char) => !font.has(char.codePointAt(0)!));
    },
    async createBuilder(info, text) {
      const fontSet: FontSet = { fonts, fallback: beyondMainFaces(text).length > 0 ? await openFallback() : null };
      return PdfBuilder.create(fontSet, info);
    },
  };
}
