import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createBackupFiles, memoryBackupFolderStore } from '../../electron/main/backup/backupFiles';
import { createHqClient } from '../../electron/main/hq/hqClient';
import { memorySecretStore } from '../../electron/main/hq/secretStore';
import { memorySettingsStore } from '../../electron/main/hq/settingsStore';
import { protocolVersion } from '../../renderer/src/protocol/version';
import { fakeSafeStorage } from '../fixtures/fakeSafeStorage';
import { pdfInfo, waitForPrintedPdf } from './harness/cups';
import { acceptWithEverythingReceived, caseNumberShown, choose, fillParty, registerNewEnterprise } from './harness/counterCase';
import { bindDesk, deskDataKey } from './harness/deskBinding';
import { fillAgency, referenceDeskCodes, setDeskCodes, statusBar } from './harness/deskSettings';
import { documentWork, printedJob } from './harness/printing';
import { scannedPagePng, scannedPdf } from './harness/scans';
import { shooter } from './harness/screenshots';
import { counterClerk, expect, firstAdmin, goToSection, partShot, renderPrintedPage, setUpFirstAdmin, signIn, signOut, test } from './fixtures';

const passphrase = '柜台备份-2026-春天';

/**
 * Scrolled into view (as a focus move or a new message scrolls it), `line` shows above the fixed status
 * bar: the page's scroll padding keeps that room (global.css). A picture of an element taller than the
 * window would draw the fixed status bar across its middle, so the window is pictured as the admin sees it.
 */
async function expectAboveStatusBar(page: Page, line: Locator): Promise<void> {
  await line.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  const [lineBox, barBox] = await Promise.all([line.boundingBox(), statusBar(page).boundingBox()]);
  expect(lineBox).not.toBeNull();
  expect(lineBox!.y).toBeGreaterThan(56);
  expect(lineBox!.y + lineBox!.height).toBeLessThanOrEqual(barBox!.y);
}

test('the admin backs up into a folder, prints the recovery sheet, and a fresh profile restores from it', async ({ browser, server, printer, locale, timezoneId, viewport }) => {
  test.setTimeout(180_000);
  const folder = mkdtempSync(join(tmpdir(), 'yct-backup-e2e-'));
  // This desk's folder dialog answers with `folder`.
  const context = await browser.newContext({ baseURL: server.origin, locale, timezoneId, viewport });
  try {
    const desk = await context.newPage();
    await bindDesk(desk, server.origin, { backup: createBackupFiles({ folderStore: memoryBackupFolderStore(), chooseFolder: async () => folder, chooseFile: async () => null }) });
    await setUpFirstAdmin(desk, '/#/settings/desk');
    await setDeskCodes(desk, referenceDeskCodes);
    await fillAgency(desk);
    await desk.goto('/#/settings/backup');
    const section = desk.getByRole('region', { name: '备份与恢复' });
    await expect(section).toContainText('尚未设置备份密码');
    await section.getByLabel('备份密码', { exact: true }).fill('short1');
    await section.getByLabel('再次输入备份密码').fill('short1');
    await section.getByRole('button', { name: '设置备份密码' }).click();
    await expect(section.getByRole('alert')).toHaveText('备份密码至少需要 12 个字符');
    await section.getByLabel('备份密码', { exact: true }).fill(passphrase);
    await section.getByLabel('再次输入备份密码').fill(passphrase);
    await section.getByRole('button', { name: '设置备份密码' }).click();
    await expect(section.getByText('备份密码已设置。')).toBeVisible({ timeout: 30_000 });
    await section.getByRole('button', { name: '选择文件夹…' }).click();
    await expect(section.getByTestId('backup-folder')).toHaveText(folder);
    await section.getByRole('button', { name: '立即备份' }).click();
    await expect(section.getByRole('status').filter({ hasText: '备份完成' })).toBeVisible({ timeout: 60_000 });
    await expect(section.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await expect(section.getByRole('table', { name: '文件夹中的备份' })).toContainText('yct-MY01-');
    await expectAboveStatusBar(desk, section.getByText(/^上次备份/));
    await shooter(desk)('backup-settings-done', { fullPage: false });

    // 打印恢复单: straight to the printer, with this desk's folder and newest backup on it.
    await section.getByLabel('打印机').selectOption(printer.printer);
    await section.getByRole('button', { name: '打印恢复单' }).click();
    const job = await printedJob(section.getByRole('status', { name: '恢复单打印结果' }), printer.printer);
    const printed = await waitForPrintedPdf(printer.outputDir, job, documentWork.timeout);
    // CUPS re-renders the page without a text layer: the sheet's words are checked in the unit tests and
    // on the rendered picture; here, that one A4 portrait page came out.
    expect(await pdfInfo(printed)).toMatchObject({ pages: 1, width: 595, height: 842, rotation: 0 });
    await renderPrintedPage(printed, 'recovery-sheet-printed');
    await partShot(section.getByRole('status', { name: '恢复单打印结果' }), 'backup-recovery-sheet-printed');
  } finally {
    await context.close();
  }

  const [fileName] = readdirSync(folder).filter((name) => name.endsWith('.yctbak'));
  expect(fileName).toMatch(/^yct-MY01-\d{8}-\d{6}\.yctbak$/);
  // A copy with one byte changed near the end, in a folder of its own under the same name.
  const tamperedFolder = mkdtempSync(join(tmpdir(), 'yct-backup-e2e-tampered-'));
  const bytes = readFileSync(join(folder, fileName!));
  bytes[bytes.length - 30]! ^= 1;
  writeFileSync(join(tamperedFolder, fileName!), bytes);

  // The fresh profile (another browser context: its own IndexedDB and main process), its file dialog
  // answering first the tampered copy, then the real file.
  let chosen = join(tamperedFolder, fileName!);
  const fresh = await browser.newContext({ baseURL: server.origin, locale, timezoneId, viewport });
  try {
  const page = await fresh.newPage();
  await bindDesk(page, server.origin, { backup: createBackupFiles({ folderStore: memoryBackupFolderStore(), chooseFolder: async () => null, chooseFile: async () => chosen }) });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '首次使用：创建管理员账号' })).toBeVisible();
  await page.getByRole('button', { name: '从备份恢复' }).click();
  await page.getByRole('button', { name: '选择备份文件…' }).click();
  await expect(page.getByTestId('restore-file')).toContainText(fileName!);

  await page.getByLabel('备份密码').fill('不是这个密码-2026');
  await page.getByRole('button', { name: '校验并恢复' }).click();
  await expect(page.getByRole('alert')).toHaveText('备份密码不正确', { timeout: 30_000 });

  await page.getByLabel('备份密码').fill(passphrase);
  await page.getByRole('button', { name: '校验并恢复' }).click();
  await expect(page.getByRole('alert')).toContainText('备份文件已损坏或被改动', { timeout: 30_000 });
  await expect(page.getByRole('alert')).toContainText('未恢复任何数据');
  await page.reload();
  await expect(page.getByRole('heading', { name: '首次使用：创建管理员账号' })).toBeVisible();

  chosen = join(folder, fileName!);
  await page.getByRole('button', { name: '从备份恢复' }).click();
  await page.getByRole('button', { name: '选择备份文件…' }).click();
  await page.getByLabel('备份密码').fill(passphrase);
  await page.getByRole('button', { name: '校验并恢复' }).click();
  await expect(page.getByText('恢复完成。')).toBeVisible({ timeout: 60_000 });
  await partShot(page.locator('main, body').first(), 'backup-restore-done');
  await page.getByRole('button', { name: '重新打开' }).click();
  await signIn(page, firstAdmin, 'admin');
  await expect(statusBar(page)).toContainText(`窗口：${referenceDeskCodes.hallCode}-${referenceDeskCodes.deskCode}`);
  } finally {
    await fresh.close();
  }
});

test.describe('a desk with sealed data restored onto another machine', () => {
  test.use({ deskSetup: { role: 'clerk', furnished: true } });

  /**
   * The clerk takes in a case with a scanned document and prints its receipt (sealed rows, a sealed scan,
   * its sealed thumbnail, a sealed archived PDF); the admin backs up. A fresh profile with a data key of its
   * own, enrolled as another window, is told whose backup it is and restores it once confirmed; its page
   * seals the restored rows under the adopted key, so after the reopen the case is found by a fragment of
   * the name and by the tail of the ID number, opens, shows its scan's thumbnail and its archived receipt,
   * and the desk, now with accounts, refuses any further key adoption.
   */
  test('is found, opens and shows its scan and receipt, after confirming it is another window’s backup', async ({ page, browser, server, locale, timezoneId, viewport, printer }) => {
    test.setTimeout(300_000);
    expect(printer.printer).toBeTruthy();
    // A 个体工商户 registration with a scanned property certificate (as scanThumbnails.e2e.ts takes one in).
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
    const caseNumber = await caseNumberShown(page);
    const checklist = page.getByRole('region', { name: '材料清单', exact: true });
    await checklist.getByRole('row', { name: /经营场所使用证明：房屋产权证明（自有房产）/ }).focus();
    await page.keyboard.press('Enter');
    const details = page.getByRole('dialog', { name: /材料详情/ });
    await details.locator('input[type="file"]').setInputFiles({ name: '房产证.pdf', mimeType: 'application/pdf', buffer: await scannedPdf(await scannedPagePng(page)) });
    await expect(details.getByRole('img', { name: '扫描件预览：房产证.pdf' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();
    await expect(checklist).toBeVisible();
    await acceptWithEverythingReceived(page);
    await page.getByRole('status', { name: '已作出决定' }).getByRole('button', { name: '打印收件凭证' }).click();
    const receipt = page.getByRole('dialog', { name: '打印收件凭证' });
    await expect(receipt.getByTestId('print-preview').locator('canvas').first()).toHaveAttribute('data-drawn', 'true', { timeout: 60_000 });
    await receipt.getByRole('button', { name: '打印并存档' }).click();
    await expect(receipt.getByRole('status', { name: '打印结果' })).toContainText('已打印', { timeout: 60_000 });
    await receipt.getByRole('button', { name: '关闭', exact: true }).click();

    // The admin backs up into the folder the dialog answers with.
    await signOut(page);
    await signIn(page, firstAdmin, 'admin');
    await goToSection(page, 'settings/backup');
    const section = page.getByRole('region', { name: '备份与恢复' });
    await section.getByLabel('备份密码', { exact: true }).fill(passphrase);
    await section.getByLabel('再次输入备份密码').fill(passphrase);
    await section.getByRole('button', { name: '设置备份密码' }).click();
    await expect(section.getByText('备份密码已设置。')).toBeVisible({ timeout: 30_000 });
    await section.getByRole('button', { name: '选择文件夹…' }).click();
    const folder = (await section.getByTestId('backup-folder').textContent())!.trim();
    await section.getByRole('button', { name: '立即备份' }).click();
    await expect(section.getByRole('status').filter({ hasText: '备份完成' })).toBeVisible({ timeout: 60_000 });
    const [fileName] = readdirSync(folder).filter((name) => name.endsWith('.yctbak'));
    const sourceKey = await deskDataKey(page);

    // Another machine: its own key store and data key, enrolled with HQ as window MY-02.
    const otherWindow = createHqClient({ settings: memorySettingsStore(), secrets: memorySecretStore(), protocolVersion });
    const enrolment = { baseUrl: 'http://127.0.0.1:9', hallCode: 'MY', deskCode: '02', deskId: '0193a5c2-7e00-7000-8000-000000000002', enrolledAt: '2026-11-20T09:00:00+08:00' };
    const fresh = await browser.newContext({ baseURL: server.origin, locale, timezoneId, viewport });
    try {
      const other = await fresh.newPage();
      await bindDesk(
        other,
        server.origin,
        {
          backup: createBackupFiles({ folderStore: memoryBackupFolderStore(), chooseFolder: async () => null, chooseFile: async () => join(folder, fileName!) }),
          hq: { ...otherWindow, config: async () => ({ enrolment, tokenAvailable: false }) } as typeof otherWindow,
        },
        fakeSafeStorage(),
      );
      await other.goto('/');
      await expect(other.getByRole('heading', { name: '首次使用：创建管理员账号' })).toBeVisible();
      expect(Buffer.from(await deskDataKey(other)).equals(Buffer.from(sourceKey))).toBe(false);
      await other.getByRole('button', { name: '从备份恢复' }).click();
      await other.getByRole('button', { name: '选择备份文件…' }).click();
      await other.getByLabel('备份密码').fill(passphrase);
      await other.getByRole('button', { name: '校验并恢复' }).click();
      const confirm = other.getByRole('alert').filter({ hasText: '这是窗口 MY01 的备份，本机是窗口 MY02' });
      await expect(confirm).toBeVisible({ timeout: 60_000 });
      await partShot(other.locator('main, body').first(), 'backup-restore-other-desk');
      await confirm.getByRole('button', { name: '确认用此备份恢复本机' }).click();
      await expect(other.getByText('恢复完成。')).toBeVisible({ timeout: 120_000 });
      expect(Buffer.from(await deskDataKey(other)).equals(Buffer.from(sourceKey))).toBe(true);
      await other.getByRole('button', { name: '重新打开' }).click();
      await signIn(other, counterClerk, 'clerk');

      await goToSection(other, 'cases');
      await expect(other.getByRole('heading', { level: 1, name: '办件' })).toBeVisible();
      const results = other.getByRole('table', { name: '检索结果' });
      for (const fragment of ['老张', '071233']) {
        await other.keyboard.press('/');
        await other.keyboard.press('Control+a');
        await other.keyboard.type(fragment);
        await expect(results.getByRole('row', { name: /涪城区老张面馆/ })).toBeVisible();
      }
      await results.getByRole('button', { name: `打开办件 ${caseNumber}` }).click();
      await expect(other.getByRole('region', { name: '概况' })).toContainText('张建国');
      await other.getByRole('region', { name: '材料清单', exact: true }).getByRole('row', { name: /经营场所使用证明：房屋产权证明（自有房产）/ }).focus();
      await other.keyboard.press('Enter');
      const restoredDetails = other.getByRole('dialog', { name: /材料详情/ });
      await expect(restoredDetails.getByRole('img', { name: '扫描件预览：房产证.pdf' })).toBeVisible();
      await partShot(restoredDetails, 'backup-restored-scan');
      await other.keyboard.press('Escape');
      await expect(restoredDetails).toBeHidden();
      const documents = other.getByRole('region', { name: '本办件的文书' });
      await documents.getByRole('row', { name: /收件凭证/ }).getByRole('button', { name: /^重印/ }).click();
      const archived = other.getByRole('dialog', { name: /重印收件凭证/ });
      await expect(archived.getByTestId('print-preview').locator('canvas').first()).toHaveAttribute('data-drawn', 'true', { timeout: 60_000 });
      await partShot(archived, 'backup-restored-receipt');

      // With accounts in place the page has marked the desk in use: no restored key is adopted any more.
      const refused = await other.evaluate(async () => {
        const desk = (window as unknown as { desk: Record<string, (input: unknown) => Promise<unknown>> }).desk;
        return JSON.stringify(await desk['backupAdoptDataKey']!({ key: new Uint8Array(32) }).catch((error: unknown) => String(error)));
      });
      expect(refused).toContain('已设置过账户');
    } finally {
      await fresh.close();
    }
  });
});
