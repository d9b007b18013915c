import { PDFDocument } from 'pdf-lib';
import { pdfInfo, waitForPrintedPdf } from './harness/cups';
import { expect, test } from './fixtures';

/**
 * The print channels from the page: PDF bytes go from the renderer as a Uint8Array (Playwright serialises
 * typed arrays across exposeBinding, as Electron's structured clone does across IPC), through the real
 * contract and handlers, into a real CUPS queue backed by cups-pdf.
 */
test('window.desk prints PDF bytes to a CUPS queue and reports the job completed', async ({ page, printer: queue }) => {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  doc.addPage([595.28, 841.89]);
  const pdf = await doc.save();

  await page.goto('/');
  const printers = await page.evaluate(() => window.desk.listPrinters());
  expect(printers).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ name: queue.printer })]) });

  const reply = await page.evaluate(
    ({ bytes, printer }) => window.desk.printPdf({ pdf: new Uint8Array(bytes), printer, copies: 1, paper: 'A4', title: '收件凭证' }),
    { bytes: Array.from(pdf), printer: queue.printer },
  );
  expect(reply).toMatchObject({ ok: true, value: { state: 'completed' } });
  if (!reply.ok) return;

  const printed = await waitForPrintedPdf(queue.outputDir, reply.value.jobId);
  expect((await pdfInfo(printed)).pages).toBe(2);
  await expect(page.evaluate((jobId) => window.desk.printJobState({ jobId }), reply.value.jobId)).resolves.toEqual({
    ok: true,
    value: { state: 'completed', jobId: reply.value.jobId },
  });
});

test('window.desk refuses PDF bytes sent as base64 text, in Chinese', async ({ page }) => {
  await page.goto('/');
  const reply = await page.evaluate(() =>
    (window.desk.printPdf as (input: unknown) => Promise<unknown>)({ pdf: 'JVBERi0xLjcK', printer: 'DeskPDF', copies: 1, paper: 'A4', title: '收件凭证' }),
  );
  expect(reply).toEqual({ ok: false, error: { code: 'invalid_input', message: '请求内容不符合要求：pdf：打印内容必须是 PDF 文件的字节数据。' } });
});
