import type { PDFDocumentProxy } from 'pdfjs-dist';

// pdf.js and its worker are set up once, in documents/, for the preview and for scan thumbnails alike.
export { openPdf } from '../../documents/pdfjs';

const MM_PER_PT = 25.4 / 72;

/** A page's size in millimetres, as drawn (the licence layouts are in mm). */
export async function pageSizeMm(pdf: PDFDocumentProxy, pageNumber: number): Promise<{ widthMm: number; heightMm: number }> {
  const viewport = (await pdf.getPage(pageNumber)).getViewport({ scale: 1 });
  return { widthMm: viewport.width * MM_PER_PT, heightMm: viewport.height * MM_PER_PT };
}

/**
 * Draws one page into `canvas` at `widthPx` CSS pixels wide (sharp on high-density screens). With
 * `transparent`, only what the PDF draws is painted, so a blank form underneath shows through.
 */
export async function drawPage(pdf: PDFDocumentProxy, pageNumber: number, canvas: HTMLCanvasElement, widthPx: number, transparent: boolean): Promise<void> {
  const page = await pdf.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const density = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (widthPx / base.width) * density });
  canvas.width = Math.round(viewport.width);
  canvas.height = Math.round(viewport.height);
  canvas.style.width = `${widthPx}px`;
  canvas.style.height = `${Math.round(viewport.height / density)}px`;
  // Given only the canvas, pdf.js opens it without an alpha channel (transparent would come out black), so
  // it is handed a context of ours, with alpha.
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('canvas 2d context unavailable');
  await page.render({ canvas: null, canvasContext: context, viewport, background: transparent ? 'rgba(0,0,0,0)' : 'rgb(255,255,255)' }).promise;
}
