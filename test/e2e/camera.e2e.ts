import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium';
import { expect, screenshotDir, test } from './fixtures';
import { choose, fillParty, registerNewEnterprise } from './harness/counterCase';
import { openStored, storedBlobsOfType } from './harness/deskDb';
import { fakeCameraArgs } from './harness/fakeCamera';
import { scannedPagePng, scannedPdf } from './harness/scans';

const run = promisify(execFile);

// Chromium's fake camera films a document page (a Y4M written by the harness); the browser reads it at launch.
test.use({
  deskSetup: { role: 'clerk', furnished: true },
  launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, ...fakeCameraArgs()] },
});

/** A 个体工商户 case with the item whose scans are taken, its details dialog open. */
async function openItemDetails(page: Page) {
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
  return { titleRow, details: page.getByRole('dialog', { name: /材料详情/ }) };
}

/** Share of a rendered page's pixels (a binary PPM, as pdftoppm writes) that are the document's red frame and its dark ink. */
function inkAndFrame(ppm: Buffer): { red: number; dark: number } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (header === null) throw new Error('not a binary PPM');
  const pixels = Number(header[1]) * Number(header[2]);
  const data = ppm.subarray(header[0].length);
  let red = 0;
  let dark = 0;
  for (let i = 0; i + 2 < data.length; i += 3) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (r > 150 && g < 110 && b < 110) red += 1;
    if (r < 80 && g < 80 && b < 80) dark += 1;
  }
  return { red: red / pixels, dark: dark / pixels };
}

test('the document camera: three pages captured, one cropped, one turned, one deleted, saved as one two-page A4 PDF scan with a thumbnail', async ({ page, desk, shot }) => {
  test.setTimeout(120_000);
  const { titleRow, details } = await openItemDetails(page);
  expect(desk.camera.isOpen()).toBe(false);

  await details.getByRole('button', { name: '拍照', exact: true }).click();
  const camera = page.getByRole('dialog', { name: /高拍仪拍照/ });
  await expect(camera).toBeVisible();
  // The page told the main process the dialog is open: only now would the permission handler grant video.
  await expect.poll(() => desk.camera.isOpen()).toBe(true);
  const preview = camera.getByLabel('高拍仪实时画面');
  await expect.poll(() => preview.evaluate((video: HTMLVideoElement) => video.videoWidth)).toBe(360);
  // The fake camera's frame is drawn into the preview before the first capture.
  await expect.poll(() => preview.evaluate((video: HTMLVideoElement) => video.readyState)).toBeGreaterThanOrEqual(2);

  const capture = camera.getByRole('button', { name: '拍摄本页' });
  const pages = camera.getByRole('list', { name: '已拍摄的页' }).getByRole('listitem');
  for (let n = 1; n <= 3; n += 1) {
    await capture.click();
    await expect(pages).toHaveCount(n);
  }
  await expect(camera).toContainText('已拍3页');

  // Page 1 cropped to the paper (the dark desk around it cut away).
  await camera.getByRole('button', { name: '裁剪第1页' }).click();
  const stage = camera.getByRole('application', { name: '裁剪区域' });
  await expect(stage.getByRole('img', { name: '第1页预览' })).toBeVisible();
  const box = (await stage.boundingBox())!;
  // The paper is x 30–330, y 24–456 of the 360 × 480 frame.
  await page.mouse.move(box.x + (box.width * 32) / 360, box.y + (box.height * 26) / 480);
  await page.mouse.down();
  await page.mouse.move(box.x + (box.width * 200) / 360, box.y + (box.height * 300) / 480, { steps: 4 });
  await page.mouse.move(box.x + (box.width * 328) / 360, box.y + (box.height * 454) / 480, { steps: 4 });
  await page.mouse.up();
  await shot('camera-crop', { fullPage: false });
  await camera.getByRole('button', { name: '应用裁剪' }).click();
  await expect(stage).toBeHidden();

  // Page 2 turned a quarter clockwise; page 3 deleted.
  await camera.getByRole('button', { name: '第2页向右旋转' }).click();
  await expect(camera.getByRole('img', { name: '第2页预览' })).toHaveCSS('transform', /matrix\(6\.1\d*e-17, 1, -1, 6\.1\d*e-17, 0, 0\)|matrix\(0, 1, -1, 0, 0, 0\)/);
  await camera.getByRole('button', { name: '删除第3页' }).click();
  await expect(pages).toHaveCount(2);
  await shot('camera-dialog-two-pages', { fullPage: false });

  await camera.getByRole('button', { name: '保存为 PDF（2页）' }).click();
  await expect(camera).toBeHidden();
  await expect.poll(() => desk.camera.isOpen()).toBe(false);
  // Stored as a picked scan is: listed on the item with a thumbnail of its first page.
  const thumbnail = details.getByRole('img', { name: /扫描件预览：.*（高拍仪2页）\.pdf/ });
  await expect(thumbnail).toBeVisible();
  await shot('camera-saved-scan', { fullPage: false });

  // The PDF as the desk keeps it: two A4 pages, the first portrait (the cropped page), the second landscape (turned).
  const stored = await storedBlobsOfType(page, 'application/pdf');
  expect(stored).toHaveLength(1);
  const pdf = await openStored(page, stored[0]!);
  const dir = await mkdtemp(join(tmpdir(), 'yct-camera-'));
  const pdfPath = join(dir, 'camera.pdf');
  await writeFile(pdfPath, pdf);
  const { stdout: info } = await run('pdfinfo', ['-f', '1', '-l', '2', pdfPath]);
  expect(info).toMatch(/^Pages:\s+2$/m);
  expect(info).toMatch(/^Page\s+1 size:\s+595\.28 x 841\.89 pts \(A4\)/m);
  expect(info).toMatch(/^Page\s+2 size:\s+841\.89 x 595\.28 pts \(A4\)/m);

  // Both pages render, and show the document (its red frame and ink), not a blank or black page.
  await run('pdftoppm', ['-png', '-r', '40', pdfPath, resolve(screenshotDir, 'camera-pdf')]);
  await run('pdftoppm', ['-r', '40', pdfPath, join(dir, 'page')]);
  for (const n of [1, 2]) {
    const share = inkAndFrame(await readFile(join(dir, `page-${n}.ppm`)));
    expect(share.red, `page ${n} shows the red frame`).toBeGreaterThan(0.01);
    expect(share.dark, `page ${n} shows the ink`).toBeGreaterThan(0.01);
  }

  await details.getByRole('button', { name: '取消' }).click();
  await expect(titleRow).toContainText('1份');
});

test('a camera held by another program is explained in Chinese, and the file picker still attaches the scan', async ({ page, desk, shot }) => {
  const { details } = await openItemDetails(page);
  // As Chromium answers when the vendor's own software holds the camera.
  await page.evaluate(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Could not start video source', 'NotReadableError'));
  });
  await details.getByRole('button', { name: '拍照', exact: true }).click();
  const camera = page.getByRole('dialog', { name: /高拍仪拍照/ });
  const alert = camera.getByRole('alert');
  await expect(alert).toContainText('高拍仪正被其他程序占用');
  await expect(camera.getByRole('button', { name: '拍摄本页' })).toBeDisabled();
  await shot('camera-busy', { fullPage: false });
  await camera.locator('input[type="file"]').setInputFiles({ name: '房产证.pdf', mimeType: 'application/pdf', buffer: await scannedPdf(await scannedPagePng(page)) });
  await expect(camera).toBeHidden();
  await expect(details.getByRole('img', { name: '扫描件预览：房产证.pdf' })).toBeVisible();
  await expect.poll(() => desk.camera.isOpen()).toBe(false);
});
