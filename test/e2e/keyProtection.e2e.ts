import { fakeSafeStorage } from '../fixtures/fakeSafeStorage';
import { bindDesk } from './harness/deskBinding';
import { expect, partShot, setUpFirstAdmin, test } from './fixtures';

/**
 * A desk on a Linux without a system key store (safeStorage's `basic_text`): 设置 explains in Chinese that
 * the data key is protected only by a fixed password anyone can look up; the admin acknowledges it there,
 * and the desk says who did and when. (Until then every write of personal data is refused: see the unit
 * tests of data/keyProtection.)
 */
test('on a Linux without a key store, 设置 explains the risk and the admin acknowledges it', async ({ browser, server, locale, timezoneId, viewport }) => {
  const context = await browser.newContext({ baseURL: server.origin, locale, timezoneId, viewport });
  try {
    const page = await context.newPage();
    await bindDesk(page, server.origin, {}, fakeSafeStorage({ backend: 'basic_text', keyStore: false }));
    await page.clock.setFixedTime(new Date('2026-09-29T09:00:00+08:00'));
    await setUpFirstAdmin(page, '/#/settings');
    const section = page.getByRole('region', { name: '数据加密' });
    await expect(section).toContainText('本机没有系统密钥库');
    await expect(section).toContainText('这个固定口令写在公开的程序源码里，任何人都查得到');
    await partShot(section, 'keyProtection-fixedPassword');

    await section.getByRole('button', { name: '我已知悉风险，允许本机保存个人信息' }).click();
    await expect(section.getByRole('status')).toHaveText(/^管理员王管理已于2026年9月29日.*确认知悉，本机可以保存个人信息。$/);
    await expect(section.getByRole('button')).toHaveCount(0);
    await partShot(section, 'keyProtection-acknowledged');
  } finally {
    await context.close();
  }
});

test('a desk whose key the OS key store protects says so and asks nothing', async ({ page }) => {
  await setUpFirstAdmin(page, '/#/settings');
  const section = page.getByRole('region', { name: '数据加密' });
  await expect(section).toHaveText(/数据加密本机保存的个人信息所用的数据密钥由操作系统的密钥库保护/);
  await expect(section.getByRole('button')).toHaveCount(0);
});
