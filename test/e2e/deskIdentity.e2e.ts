import { expect, test } from './fixtures';

test.use({ deskSetup: { role: 'admin', section: 'settings' } });

test('an admin sets the hall and desk codes once, and the status bar shows them', async ({ page, shot }) => {
  const section = page.getByRole('region', { name: '本窗口' });
  await expect(page.getByRole('contentinfo', { name: '状态栏' })).toContainText('窗口：未设置');

  await section.getByLabel('大厅代码').fill('my');
  await section.getByLabel('窗口号').fill('1');
  await section.getByRole('button', { name: '保存' }).click();
  await expect(section.getByText('窗口号应为两位数字，如 03')).toBeVisible();
  await expect(page.getByRole('contentinfo', { name: '状态栏' })).toContainText('窗口：未设置');

  await section.getByLabel('窗口号').fill('01');
  await section.getByRole('button', { name: '保存' }).click();
  // Saving asks once more, saying what cannot be changed afterwards; 返回修改 saves nothing.
  const confirm = page.getByRole('dialog', { name: '确认本窗口设定' });
  await expect(confirm).toContainText('大厅代码 MY');
  await expect(confirm).toContainText('窗口号 01');
  await expect(confirm).toContainText('保存后不能再更改');
  await shot('settings-desk-identity-confirm', { fullPage: false });
  await confirm.getByRole('button', { name: '返回修改' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('contentinfo', { name: '状态栏' })).toContainText('窗口：未设置');
  await section.getByRole('button', { name: '保存' }).click();
  await page.getByRole('dialog', { name: '确认本窗口设定' }).getByRole('button', { name: '确认保存，不再更改' }).click();
  await expect(section.getByText('大厅代码 MY · 窗口号 01')).toBeVisible();
  await expect(page.getByRole('contentinfo', { name: '状态栏' })).toContainText('窗口：MY-01');
  await expect(section.getByRole('button', { name: '保存' })).toHaveCount(0);
  await section.scrollIntoViewIfNeeded();
  await shot('settings-desk-identity', { fullPage: false });
});
