import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import {
  beginText,
  concatTransformationMatrix,
  drawObject,
  endText,
  moveText,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  setFontAndSize,
  showText,
} from 'pdf-lib';
import { jpxScanFixturePath, jpxScanSize } from '../tools/jpxScanFixture';
import { expect, test } from './fixtures';
import { choose, fillParty, registerNewEnterprise } from './harness/counterCase';
import { openStored, storedBlob } from './harness/deskDb';
import { scannedPagePng, scannedPdf } from './harness/scans';

test.use({ deskSetup: { role: 'clerk', furnished: true } });

/**
 * Scans attached to a checklist item: a PDF scan gets a thumbnail of its first page,
 * drawn by pdf.js in the page as the print preview is, JPEG 2000 scans included; a PDF that cannot be drawn (damaged, or protected by
 * a password) is still stored, without a thumbnail, and the clerk is told why in Chinese.
 */

/**
 * What many counter scanners give for a colour page: the image stored as JPEG 2000 (an image XObject with
 * /JPXDecode, the JP2 file as its stream). pdf.js decodes it with its OpenJPEG WebAssembly, fetched by name
 * at run time; the image is the scan page of test/tools/jpxScanFixture.ts.
 */
async function jpeg2000ScannedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595.28, 841.89]);
  const image = pdf.context.register(
    pdf.context.stream(await readFile(jpxScanFixturePath), { Type: 'XObject', Subtype: 'Image', Width: jpxScanSize.width, Height: jpxScanSize.height, Filter: 'JPXDecode' }),
  );
  page.node.setXObject(PDFName.of('Scan'), image);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(page.getWidth(), 0, 0, page.getHeight(), 0, 0), drawObject('Scan'), popGraphicsState());
  return Buffer.from(await pdf.save());
}

/**
 * A form saved by an office suite that does not embed Chinese fonts: its text refers to the predefined
 * Adobe-GB1 font STSong-Light through the UniGB-UCS2-H CMap, which a reader must load by name to know
 * which characters the codes are (the glyphs then come from a system font).
 */
async function unembeddedChineseTextPdf(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595.28, 841.89]);
  const { context } = pdf;
  const descriptor = context.obj({ Type: 'FontDescriptor', FontName: 'STSong-Light', Flags: 6, FontBBox: [-25, -254, 1000, 880], ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 880, StemV: 93 });
  const cidFont = context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType0',
    BaseFont: 'STSong-Light',
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('GB1'), Supplement: 4 },
    FontDescriptor: context.register(descriptor),
    DW: 1000,
  });
  const font = context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'STSong-Light', Encoding: 'UniGB-UCS2-H', DescendantFonts: [context.register(cidFont)] });
  page.node.setFontDictionary(PDFName.of('F1'), context.register(font));
  const ucs2 = (text: string) => PDFHexString.of([...text].map((char) => char.charCodeAt(0).toString(16).padStart(4, '0')).join(''));
  lines.forEach((line, i) => {
    page.pushOperators(beginText(), setFontAndSize('F1', 56), moveText(48, 740 - i * 90), showText(ucs2(line)), endText());
  });
  return Buffer.from(await pdf.save());
}

/**
 * A PDF with an open password (Standard security handler, RC4 40-bit) that is not the empty one: the /U
 * entry matches no password we could give, so a reader must ask for it, as for a protected bank statement.
 */
function passwordProtectedPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${'a5'.repeat(32)}> /U <${'5a'.repeat(32)}> /P -44 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] >>\n`;
  body += `startxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Starts like a PDF (so the type check passes) but is a broken transfer: no objects, no cross-reference. */
const damagedPdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 37 + 11) % 256))]);

/** The thumbnail's size and how much of it is the scan's red frame and dark text. */
async function thumbnailPixels(image: Locator): Promise<{ width: number; height: number; red: number; dark: number }> {
  return image.evaluate(async (element) => {
    const img = element as HTMLImageElement;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let red = 0;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, gr, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r > 140 && gr < 100 && b < 100) red += 1;
      if (r < 90 && gr < 90 && b < 90) dark += 1;
    }
    return { width: canvas.width, height: canvas.height, red, dark };
  });
}

test('a PDF scan, JPEG 2000 compressed or not, gets a thumbnail of its first page; a damaged or password-protected PDF is kept without one and the clerk is told why', async ({
  page,
  shot,
}) => {
  test.setTimeout(120_000);

  // A 个体工商户 registration with the operator's own premises, as counter.e2e.ts takes one in.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('gtgsh');
  await expect(page.getByRole('option', { name: /个体工商户设立登记/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await registerNewEnterprise(page, '涪城区老张面馆');
  await fillParty(page, '申请人', { name: '张建国', id: '510703199003071233', mobile: '13900003333' });
  await choose(page, 'radiogroup', '住所（经营场所）使用情况', '自有房产，已取得产权证明');
  await choose(page, 'radiogroup', '经营范围是否含登记前须经批准的项目（前置许可）', '否');
  await choose(page, 'radiogroup', '是否家庭经营', '否');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: '概况' })).toContainText('涪城区老张面馆');

  const checklist = page.getByRole('region', { name: '材料清单', exact: true });
  const titleRow = checklist.getByRole('row', { name: /经营场所使用证明：房屋产权证明（自有房产）/ });
  await titleRow.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: /材料详情/ });
  const picker = details.locator('input[type="file"]');
  const notice = details.getByRole('status').filter({ hasText: '扫描件已保存，但没有预览' });

  // A scanned PDF: its first page, drawn small, as the thumbnail.
  await picker.setInputFiles({ name: '房产证.pdf', mimeType: 'application/pdf', buffer: await scannedPdf(await scannedPagePng(page)) });
  const thumbnail = details.getByRole('img', { name: '扫描件预览：房产证.pdf' });
  await expect(thumbnail).toBeVisible();
  const pixels = await thumbnailPixels(thumbnail);
  // The page is A4 portrait: 240 px on its long edge, 170 across.
  expect(pixels).toMatchObject({ width: 170, height: 240 });
  // The frame and the text bars of the scan are there, not a blank page.
  expect(pixels.red).toBeGreaterThan(1000);
  expect(pixels.dark).toBeGreaterThan(500);
  await expect(notice).toBeHidden();

  // A JPEG 2000 scan: drawn, not a blank page (nor refused as unreadable).
  await picker.setInputFiles({ name: '营业执照副本-JPEG2000.pdf', mimeType: 'application/pdf', buffer: await jpeg2000ScannedPdf() });
  const jpxThumbnail = details.getByRole('img', { name: '扫描件预览：营业执照副本-JPEG2000.pdf' });
  await expect(jpxThumbnail).toBeVisible();
  const jpxPixels = await thumbnailPixels(jpxThumbnail);
  expect(jpxPixels).toMatchObject({ width: 170, height: 240 });
  expect(jpxPixels.red).toBeGreaterThan(1000);
  expect(jpxPixels.dark).toBeGreaterThan(500);
  await expect(notice).toBeHidden();

  // A form whose Chinese text is in a font the PDF does not embed: the text is there in the thumbnail.
  const formPdf = Buffer.from(await unembeddedChineseTextPdf(['企业设立登记申请书', '房屋所有权证明', '经营场所使用证明', '法定代表人签字']));
  await picker.setInputFiles({ name: '申请书（未嵌入字体）.pdf', mimeType: 'application/pdf', buffer: formPdf });
  const textThumbnail = details.getByRole('img', { name: '扫描件预览：申请书（未嵌入字体）.pdf' });
  await expect(textThumbnail).toBeVisible();
  const textPixels = await thumbnailPixels(textThumbnail);
  expect(textPixels.dark).toBeGreaterThan(500);
  await expect(notice).toBeHidden();
  // At rest the scan is sealed (no PDF header, none of its text); the desk's key opens it byte for byte.
  const storedForm = await storedBlob(page, createHash('sha256').update(formPdf).digest('hex'));
  expect(storedForm.sealed).toBe(1);
  expect(storedForm.stored.includes('%PDF')).toBe(false);
  expect(storedForm.stored.includes(formPdf.subarray(0, 64))).toBe(false);
  expect(storedForm.stored.includes(formPdf.subarray(-64))).toBe(false);
  expect((await openStored(page, storedForm)).equals(formPdf)).toBe(true);

  // A damaged PDF is stored all the same, with a placeholder, and the clerk is told.
  await picker.setInputFiles({ name: '传输中断.pdf', mimeType: 'application/pdf', buffer: damagedPdf });
  await expect(notice).toContainText('无法读取“传输中断.pdf”（文件可能已损坏），没有生成预览');
  await expect(details.getByRole('img', { name: '扫描件：传输中断.pdf（无预览）' })).toBeVisible();

  // So is a PDF with an open password.
  await picker.setInputFiles({ name: '银行流水（加密）.pdf', mimeType: 'application/pdf', buffer: passwordProtectedPdf() });
  await expect(notice).toContainText('“银行流水（加密）.pdf”设有打开密码，无法生成预览');
  await expect(details.getByRole('img', { name: '扫描件：银行流水（加密）.pdf（无预览）' })).toBeVisible();
  await expect(details.getByRole('alert')).toHaveCount(0);
  await expect(details.getByRole('list', { name: '扫描件' }).getByRole('listitem')).toHaveCount(5);
  await shot('scan-thumbnails-item-details', { fullPage: false });

  // A later scan that draws clears the notice.
  await picker.setInputFiles({ name: '房产证-第2页.pdf', mimeType: 'application/pdf', buffer: await scannedPdf(await scannedPagePng(page)) });
  await expect(details.getByRole('img', { name: '扫描件预览：房产证-第2页.pdf' })).toBeVisible();
  await expect(notice).toBeHidden();

  await details.getByRole('button', { name: '取消' }).click();
  await expect(details).toBeHidden();
  await expect(titleRow).toContainText('6份');
});
