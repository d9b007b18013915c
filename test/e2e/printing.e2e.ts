import type { Locator } from '@playwright/test';
import { residentId } from '../fixtures/identities';
import { pdfInfo, waitForPrintedPdf } from './harness/cups';
import { takeInAndAccept } from './harness/counterCase';
import { documentWork, printedJob } from './harness/printing';
import { expect, renderPrintedPage, test } from './fixtures';

/**
 * A case accepted at the counter has its receipt and acceptance notice printed through
 * a real CUPS queue (cups-pdf), previewed from the very bytes that are archived, and the printed PDFs are
 * found with the right page count; a reprint prints the archived bytes again (same SHA-256).
 */

const intakeAt = new Date('2026-11-02T09:00:00+08:00');

// The furnished desk prints 收件凭证 and 受理通知书 on the cups-pdf queue by default.
test.use({ deskSetup: { role: 'clerk', furnished: true, fixedTime: intakeAt } });

/** The print dialog's preview is drawn (every page canvas rendered by pdf.js); returns the page count. */
async function previewPages(dialog: Locator): Promise<number> {
  const preview = dialog.getByTestId('print-preview');
  await expect(preview.locator('canvas').first()).toHaveAttribute('data-drawn', 'true', documentWork);
  const pages = preview.locator('canvas');
  const count = await pages.count();
  for (let index = 0; index < count; index += 1) await expect(pages.nth(index)).toHaveAttribute('data-drawn', 'true');
  return count;
}

/** Prints from the open dialog and returns the CUPS job id the outcome names. */
async function printFromDialog(dialog: Locator, button: string): Promise<string> {
  await dialog.getByRole('button', { name: button }).click();
  return printedJob(dialog.getByRole('status', { name: '打印结果' }), 'DeskPDF');
}

async function documentNumberIn(dialog: Locator): Promise<string> {
  return ((await dialog.getByTestId('document-number').textContent()) ?? '').replace('文号：', '').trim();
}

async function shaIn(dialog: Locator): Promise<string> {
  return ((await dialog.getByText(/^SHA-256：/).textContent()) ?? '').replace('SHA-256：', '').trim();
}

test('prints an accepted case’s acceptance notice and receipt through CUPS from the previewed bytes, and reprints the notice byte for byte', async ({ page, printer: queue, shot }) => {
  test.setTimeout(300_000);
  await takeInAndAccept(page, {
    enterprise: '绵阳青禾软件有限公司',
    address: '绵阳市涪城区科创园区创业大道2号',
    applicant: { name: '周敏', id: residentId('510703', '19910315', 122), mobile: '13800005678' },
  });
  const decision = page.getByRole('status', { name: '已作出决定' });

  // --- 受理通知书 ---------------------------------------------------------------------------------------
  await decision.getByRole('button', { name: '打印受理通知书' }).click();
  const notice = page.getByRole('dialog', { name: '打印受理通知书' });
  const noticePages = await previewPages(notice);
  await expect(notice.getByRole('combobox', { name: '打印机' })).toHaveValue(queue.printer);
  const noticeNumber = await documentNumberIn(notice);
  expect(noticeNumber).toBe('绵市监企受字〔2026〕第MY01-0001号');
  const noticeSha = await shaIn(notice);
  await shot('printing-01-notice-preview', { fullPage: false });
  const noticeJob = await printFromDialog(notice, '打印并存档');
  await shot('printing-02-notice-printed', { fullPage: false });
  const noticePdf = await waitForPrintedPdf(queue.outputDir, noticeJob);
  // cups-pdf redraws the job through Ghostscript (its text no longer extracts), so the printed file is
  // checked by its pages and paper, and looked at as an image.
  const printedNotice = await pdfInfo(noticePdf);
  expect(printedNotice.pages).toBe(noticePages);
  expect([Math.round(printedNotice.width), Math.round(printedNotice.height)]).toEqual([595, 842]);
  await renderPrintedPage(noticePdf, 'printing-printed-notice');
  await notice.getByRole('button', { name: '关闭', exact: true }).click();

  // --- 收件凭证 -----------------------------------------------------------------------------------------
  await decision.getByRole('button', { name: '打印收件凭证' }).click();
  const receipt = page.getByRole('dialog', { name: '打印收件凭证' });
  const receiptPages = await previewPages(receipt);
  expect(await documentNumberIn(receipt)).toBe('绵市监企收字〔2026〕第MY01-0001号');
  const receiptJob = await printFromDialog(receipt, '打印并存档');
  const receiptPdf = await waitForPrintedPdf(queue.outputDir, receiptJob);
  expect((await pdfInfo(receiptPdf)).pages).toBe(receiptPages);
  await renderPrintedPage(receiptPdf, 'printing-printed-receipt');
  await receipt.getByRole('button', { name: '关闭', exact: true }).click();

  // --- 重印: the archived bytes again, recorded with the reason -----------------------------------------
  await expect(decision.getByRole('button', { name: '重印受理通知书' })).toBeVisible();
  await expect(decision).toContainText(noticeNumber);
  await decision.getByRole('button', { name: '重印受理通知书' }).click();
  const reprint = page.getByRole('dialog', { name: `重印受理通知书（${noticeNumber}）` });
  expect(await previewPages(reprint)).toBe(noticePages);
  expect(await shaIn(reprint)).toBe(noticeSha);
  await reprint.getByRole('button', { name: '重印' }).click();
  await expect(reprint.getByRole('alert')).toHaveText('须写明原因');
  await reprint.getByLabel('原因').fill('申请人遗失，补打一份');
  const reprintJob = await printFromDialog(reprint, '重印');
  expect(reprintJob).not.toBe(noticeJob);
  expect((await pdfInfo(await waitForPrintedPdf(queue.outputDir, reprintJob))).pages).toBe(noticePages);
  await shot('printing-03-reprinted', { fullPage: false });
});

test.describe('in 设置, as the chief', () => {
  test.use({ deskSetup: { role: 'chief', furnished: true, fixedTime: intakeAt, section: 'settings' } });

  test('the chief prints the calibration sheet through CUPS and saves the correction worked out from what was measured', async ({ page, printer: queue, shot }) => {
    test.setTimeout(240_000);
    const calibration = page.getByRole('region', { name: '套打校准' });
    await calibration.getByRole('combobox', { name: '打印机' }).selectOption(queue.printer);
    await expect(calibration.getByTestId('current-calibration')).toHaveText('尚未校准（按标称位置套打）');
    await calibration.getByRole('button', { name: '打印校准页（无校准）' }).click();
    const sheet = page.getByRole('dialog', { name: '打印套打校准页' });
    expect(await previewPages(sheet)).toBe(1);
    await expect(sheet.getByRole('combobox', { name: '纸张' })).toHaveValue('A3');
    const job = await printFromDialog(sheet, '打印并存档');
    const printed = await pdfInfo(await waitForPrintedPdf(queue.outputDir, job));
    expect(printed.pages).toBe(1);
    expect([Math.round(printed.width), Math.round(printed.height)].sort((a, b) => a - b)).toEqual([842, 1191]);
    await sheet.getByRole('button', { name: '关闭', exact: true }).click();

    // Measured on the sheet (to 0.1 mm, as a ruler reads): cross A right of and above its place, A–B 0.5 % long.
    await expect(calibration).toContainText('十字 A 标称位置（30, 40）毫米，A–B 标称距离 360 毫米');
    await calibration.getByLabel('量得 A 距左边缘（毫米）').fill('31.4');
    await calibration.getByLabel('量得 A 距上边缘（毫米）').fill('39.4');
    await calibration.getByLabel('量得 A–B 距离（毫米）').fill('361.8');
    await expect(calibration.getByTestId('computed-calibration')).toHaveText('将保存：dx -1.2 毫米，dy 0.8 毫米，比例 0.995');
    await calibration.getByRole('button', { name: '保存校准' }).click();
    await expect(calibration.getByRole('status')).toHaveText(`已保存 ${queue.printer} 的正本（420 × 297 毫米）校准`);
    await expect(calibration.getByTestId('current-calibration')).toHaveText('现有校准：dx -1.2 毫米，dy 0.8 毫米，比例 0.995');
    await calibration.scrollIntoViewIfNeeded();
    await shot('printing-04-calibration-saved', { fullPage: false });
  });
});
