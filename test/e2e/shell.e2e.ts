import { expect, setUpFirstAdmin, test } from './fixtures';
import { deskApiNames } from '../fixtures/deskApi';

const sections = [
  { key: '1', heading: '受理' },
  { key: '2', heading: '办件' },
  { key: '3', heading: '出证' },
  { key: '4', heading: '日结' },
  { key: '5', heading: '设置' },
  { key: '7', heading: '督办台账' },
] as const;

test('opens the app shell in Chinese and reaches every section by keyboard shortcut', async ({ page, shot }) => {
  const response = await setUpFirstAdmin(page);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByRole('contentinfo').getByText('网络已连接')).toBeVisible();
  await shot('shell-intake');

  for (const section of sections) {
    await page.keyboard.press(`Alt+${section.key}`);
    await expect(page.getByRole('heading', { level: 1, name: section.heading })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  }
});

test('moves through the navigation with Tab and Enter', async ({ page }) => {
  await setUpFirstAdmin(page);
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('button', { name: /受理/ }).focus();
  for (const section of sections.slice(1)) {
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('button', { name: new RegExp(section.heading) })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: section.heading })).toBeVisible();
    await nav.getByRole('button', { name: new RegExp(section.heading) }).focus();
  }
});

test('settings shows what the real appInfo handler answers through window.desk', async ({ page, shot }) => {
  await setUpFirstAdmin(page, '/#/settings');
  const table = page.getByRole('table', { name: '本机信息' });
  await expect(table.getByRole('row', { name: /版本/ })).toContainText('0.1.0-e2e');
  await expect(table.getByRole('row', { name: /数据目录/ })).toContainText('/tmp/yichuangtong-e2e');
  await expect(page.getByText(/已用 .*可用上限/)).toBeVisible();
  await shot('shell-settings');
});

test('window.desk refuses a bad payload and a URL off the allow-list, in Chinese', async ({ page, desk }) => {
  await page.goto('/');
  const bad = await page.evaluate(() => (window.desk.openExternal as (i: unknown) => Promise<unknown>)({ url: 42 }));
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  const offList = await page.evaluate(() => window.desk.openExternal({ url: 'https://evil.example.com/' }));
  expect(offList).toEqual({ ok: false, error: { code: 'refused', message: '该链接不在允许打开的网址名单内。' } });
  const allowed = await page.evaluate(() => window.desk.openExternal({ url: 'https://www.gov.cn/' }));
  expect(allowed).toEqual({ ok: true, value: { opened: true } });
  expect(desk.openedExternally).toEqual(['https://www.gov.cn/']);
  expect(await page.evaluate(() => Object.keys(window.desk).sort())).toEqual(deskApiNames);
});

test('the page takes the data key as it starts, and a later script in it, also after a reload, is refused the key', async ({ page }) => {
  const askAgain = () => page.evaluate(() => window.desk.dataKey());
  const refused = { ok: false, error: { code: 'refused', message: '本页面已经取得过数据密钥，不再重复提供；请重新启动程序。' } };
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '首次使用：创建管理员账号' })).toBeVisible();
  expect(await askAgain()).toEqual(refused);
  await page.reload();
  await expect(page.getByRole('heading', { name: '首次使用：创建管理员账号' })).toBeVisible();
  expect(await askAgain()).toEqual(refused);
});
