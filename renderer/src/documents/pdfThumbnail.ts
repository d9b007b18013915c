import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import { startOpeningPdf } from './pdfjs';

/** Why a PDF got no thumbnail although the runtime can draw one: the clerk is told, the scan is kept. */
export type PdfPreviewProblem = 'encrypted' | 'unreadable' | 'timedOut';

export type PdfThumbnail = { ok: true; thumbnail: Blob } | { ok: false; problem: PdfPreviewProblem };

/** A scanned page renders in well under a second; past this the document is given up on, not the scan. */
const defaultTimeoutMs = 15_000;

/**
 * A JPEG of a PDF's first page, its longer edge `edgePx`, on white (a scan's page, as the clerk would
 * recognise it). Needs a DOM canvas, so call it only in the renderer window.
 */
export async function pdfFirstPageThumbnail(bytes: Uint8Array, edgePx: number, timeoutMs = defaultTimeoutMs): Promise<PdfThumbnail> {
  const opening: { task: PDFDocumentLoadingTask | null; abandoned: boolean } = { task: null, abandoned: false };
  // Frees the worker's copy of the document and stops a render still running.
  const close = () => void opening.task?.destroy().catch(() => undefined);

  const drawn = (async (): Promise<PdfThumbnail> => {
    try {
      opening.task = await startOpeningPdf(bytes);
      if (opening.abandoned) return { ok: false, problem: 'timedOut' };
      const pdf = await opening.task.promise;
      const page = await pdf.getPage(1);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: edgePx / Math.max(base.width, base.height) });
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(viewport.width));
      canvas.height = Math.max(1, Math.round(viewport.height));
      const context = canvas.getContext('2d');
      if (context === null) return { ok: false, problem: 'unreadable' };
      await page.render({ canvas: null, canvasContext: context, viewport, background: 'rgb(255,255,255)' }).promise;
      const thumbnail = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
      return thumbnail === null ? { ok: false, problem: 'unreadable' } : { ok: true, thumbnail };
    } catch (error) {
      // pdf.js rebuilds the worker's exceptions on this side by name; a password it was not given is "encrypted".
      return { ok: false, problem: error instanceof Error && error.name === 'PasswordException' ? 'encrypted' : 'unreadable' };
    } finally {
      close();
    }
  })();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<PdfThumbnail>((resolve) => {
    timer = setTimeout(() => {
      opening.abandoned = true;
      close();
      resolve({ ok: false, problem: 'timedOut' });
    }, timeoutMs);
  });
  try {
    return await Promise.race([drawn, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
