import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';

/** A scanned page as the scanner's PNG: cream paper, a red frame, a title and lines of text as bars. */
export async function scannedPagePng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 620;
    canvas.height = 877;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#fdfcf7';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.strokeStyle = '#b22';
    g.lineWidth = 14;
    g.strokeRect(30, 30, 560, 817);
    g.fillStyle = '#222';
    g.font = '48px "Noto Sans CJK SC", sans-serif';
    g.fillText('房屋所有权证', 170, 140);
    for (let line = 0; line < 14; line += 1) g.fillRect(80, 220 + line * 40, 460 - (line % 3) * 60, 8);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** What a scanner's "scan to PDF" gives: one A4 page that is the scanned image. */
export async function scannedPdf(png: Buffer): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(png);
  const page = pdf.addPage([595.28, 841.89]);
  page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  return Buffer.from(await pdf.save());
}
