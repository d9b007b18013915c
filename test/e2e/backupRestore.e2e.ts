import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackupFiles, memoryBackupFolderStore } from '../../electron/main/backup/backupFiles';
import { bindDesk } from './harness/deskBinding';
import { referenceDeskCodes, setDeskCodes, statusBar } from './harness/deskSettings';
import { expect, firstAdmin, partShot, setUpFirstAdmin, signIn, test } from './fixtures';

const passphrase = '柜台备份-2026-春天';

/**
 * 设置 › 备份与恢复: the admin sets the passphrase and the folder and backs up with the progress bar; a
 * fresh profile (another machine) restores the file on its first-run screen: a wrong passphrase and a
 * tampered copy are refused in Chinese with nothing written, the right one restores the desk, whose
 * accounts and window then open.
 */
test('the admin backs up into a folder, and a fresh profile restores from it', async ({ browser, server, locale, timezoneId, viewport }) => {
  test.setTimeout(180_000);
  const folder = mkdtempSync(join(tmpdir(), 'yct-backup-e2e-'));
  // This desk's folder dialog answers with `folder`.
  const context = await browser.newContext({ baseURL: server.origin, locale, timezoneId, viewport });
  try {
    const desk = await context.newPage();
    await bindDesk(desk, server.origin, { backup: createBackupFiles({ folderStore: memoryBackupFolderStore(), chooseFolder: async () => folder, chooseFile: async () => null }) });
    await setUpFirstAdmin(desk, '/#/settings/desk');
    await setDeskCodes(desk, referenceDeskCodes);
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
    await partShot(section, 'backup-settings-done');
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
