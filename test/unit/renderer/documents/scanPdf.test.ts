import { PDFArray, PDFContentStream, PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { a4, buildScanPdf, type ScanPdfPage } from '../../../../renderer/src/documents/scanPdf';

/** The header of a baseline JPEG (SOI, SOF0 with the size, EOI): all pdf-lib reads to embed one. */
function jpegHeader(width: number, height: number, shade = 0): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03,
    0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xfe, 0x00, 0x03, shade, 0xff, 0xd9,
  ]);
}

const portrait = (turns: ScanPdfPage['turns'] = 0, shade = 0): ScanPdfPage => ({ jpeg: jpegHeader(600, 800, shade), width: 600, height: 800, turns });

async function pageContents(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  return pdf.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents];
    return streams
      .map((stream) => {
        if (stream instanceof PDFRawStream) return new TextDecoder().decode(decodePDFRawStream(stream).decode());
        if (stream instanceof PDFContentStream) return new TextDecoder().decode(stream.getUnencodedContents());
        throw new Error('a page content stream was expected');
      })
      .join('\n');
  });
}

describe('the document-camera PDF', () => {
  it('has one page per captured page, in order', async () => {
    const pdf = await PDFDocument.load(await buildScanPdf([portrait(0, 1), portrait(0, 2), portrait(0, 3)]));
    expect(pdf.getPageCount()).toBe(3);
  });

  it('puts each page on A4: portrait for a tall page, landscape for a wide one or a tall one turned a quarter', async () => {
    const wide: ScanPdfPage = { jpeg: jpegHeader(1000, 500), width: 1000, height: 500, turns: 0 };
    const pdf = await PDFDocument.load(await buildScanPdf([portrait(), wide, portrait(1), portrait(2)]));
    const sizes = pdf.getPages().map((page) => page.getSize());
    expect(sizes).toEqual([
      { width: a4.short, height: a4.long },
      { width: a4.long, height: a4.short },
      { width: a4.long, height: a4.short },
      { width: a4.short, height: a4.long },
    ]);
  });

  it('scales the image to fit the page, centred, and turns it clockwise as asked', async () => {
    const [upright, quarter, half, threeQuarters] = await pageContents(await buildScanPdf([portrait(0), portrait(1), portrait(2), portrait(3)]));
    // 600×800 on 595.28×841.89: width-bound, 595.28 × 793.71, centred vertically (24.09 above and below).
    expect(upright).toMatch(/^q\s+595\.28 0 0 793\.70\d* 0 24\.09\d* cm/m);
    // Turned: 800×600 upright on a landscape A4 (841.89 × 595.28): height-bound, 793.71 × 595.28.
    expect(quarter).toMatch(/0 -595\.28 793\.70\d* 0 24\.09\d* 595\.28 cm/);
    expect(half).toMatch(/-595\.28 0 0 -793\.70\d* 595\.28 817\.79\d* cm/);
    expect(threeQuarters).toMatch(/0 595\.28 -793\.70\d* 0 817\.79\d* 0 cm/);
  });

  it('gives the same bytes for the same pages, and different bytes when a page differs', async () => {
    const pages = [portrait(0, 1), portrait(1, 2)];
    const first = await buildScanPdf(pages);
    const second = await buildScanPdf(pages.map((page) => ({ ...page, jpeg: page.jpeg.slice() })));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(new TextDecoder('latin1').decode(first)).not.toMatch(/CreationDate|ModDate|Producer/);
    const turned = await buildScanPdf([portrait(0, 1), portrait(2, 2)]);
    expect(Buffer.from(turned).equals(Buffer.from(first))).toBe(false);
  });

  it('refuses to build a PDF of no pages', async () => {
    await expect(buildScanPdf([])).rejects.toThrow(RangeError);
  });
});
