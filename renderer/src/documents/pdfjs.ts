import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';

/**
 * pdf.js for everything the desk draws from PDF bytes (the print preview, scan thumbnails), loaded on first
 * use (it is large) with its worker served by Vite from our own origin, which the CSP's `worker-src 'self'`
 * allows. Nothing is evaluated from strings (the CSP forbids it anyway).
 */
type PdfJs = typeof import('pdfjs-dist');
let loaded: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  loaded ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return loaded;
}

/**
 * Where pdf.js finds the data it loads by file name while drawing, copied there by electron.vite.config.ts
 * (`pdfjs/` at the root of our origin, app://desk/pdfjs/ in the app): without it, a scanner's JPEG 2000 or
 * JBIG2 page has no decoder and comes out blank, and text in a font the PDF does not embed (a predefined
 * CJK CMap, one of the standard 14 fonts) is lost.
 */
function runtimeDataUrls() {
  const base = new URL('/pdfjs/', document.baseURI).href;
  return {
    wasmUrl: `${base}wasm/`,
    cMapUrl: `${base}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${base}standard_fonts/`,
    iccUrl: `${base}iccs/`,
    // pdf.js fetches from its worker only for http(s) pages unless told; app:// is same-origin and fetchable
    // there (the documents worker fetches its fonts the same way), and this keeps one path in app and tests.
    useWorkerFetch: true,
  };
}

/**
 * Starts opening PDF bytes; the task can be destroyed to give up on a document that takes too long.
 * pdf.js takes ownership of the buffer it is given, so it gets a copy.
 */
export async function startOpeningPdf(bytes: Uint8Array): Promise<PDFDocumentLoadingTask> {
  const lib = await pdfjs();
  return lib.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, stopAtErrors: true, ...runtimeDataUrls() });
}

/** Opens PDF bytes for drawing. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return (await startOpeningPdf(bytes)).promise;
}
