import { PDFDocument, concatTransformationMatrix, drawObject, PDFName, popGraphicsState, pushGraphicsState } from 'pdf-lib';

/** One page of a document-camera scan: a JPEG and the clockwise quarter turns that make it upright. */
export interface ScanPdfPage {
  jpeg: Uint8Array;
  width: number;
  height: number;
  turns: 0 | 1 | 2 | 3;
}

/** A4 in PDF points. */
export const a4 = { short: 595.28, long: 841.89 } as const;

/**
 * One PDF of the pages, in order: each page A4 (portrait, or landscape for a page wider than tall), the
 * image turned upright, scaled to fit and centred. Deterministic: the same pages give the same bytes (no
 * dates, no producer, no object streams), so a saved scan's SHA-256 depends on the pages alone.
 */
export async function buildScanPdf(pages: readonly ScanPdfPage[]): Promise<Uint8Array> {
  if (pages.length === 0) throw new RangeError('a scan has at least one page');
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (const [index, scan] of pages.entries()) {
    const image = await pdf.embedJpg(scan.jpeg);
    const sideways = scan.turns % 2 === 1;
    const uprightWidth = sideways ? scan.height : scan.width;
    const uprightHeight = sideways ? scan.width : scan.height;
    const landscape = uprightWidth > uprightHeight;
    const page = pdf.addPage(landscape ? [a4.long, a4.short] : [a4.short, a4.long]);
    const scale = Math.min(page.getWidth() / uprightWidth, page.getHeight() / uprightHeight);
    const w = uprightWidth * scale;
    const h = uprightHeight * scale;
    const x = (page.getWidth() - w) / 2;
    const y = (page.getHeight() - h) / 2;
    const name = `Scan${index}`;
    page.node.setXObject(PDFName.of(name), image.ref);
    // The image's unit square onto the box (x, y, w, h), turned clockwise `turns` times.
    const matrix: [number, number, number, number, number, number] = [
      [w, 0, 0, h, x, y],
      [0, -h, w, 0, x, y + h],
      [-w, 0, 0, -h, x + w, y + h],
      [0, h, -w, 0, x + w, y],
    ][scan.turns] as [number, number, number, number, number, number];
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...matrix), drawObject(name), popGraphicsState());
  }
  return pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
