import type { Page } from '@playwright/test';
import {
  addAccount,
  counterClerk,
  expect,
  expectSignedIn,
  firstAdmin,
  setUpFirstAdmin,
  signIn,
  signOut,
  test,
} from './fixtures';
import { putRecord, readRecord } from './harness/deskDb';

const signInHeading = (page: Page) => page.getByRole('heading', { name: '工作人员登录' });
const lockDialog = (page: Page) => page.getByRole('dialog', { name: '屏幕已锁定' });

/** A sign-in attempt expected to fail: done once the screen has cleared the refused password. */
async function tryWrongPassword(page: Page, loginName: string, password: string) {
  const passwordField = page.getByRole('textbox', { name: '密码', exact: true });
  await page.getByRole('textbox', { name: '登录名', exact: true }).fill(loginName);
  await passwordField.fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(passwordField).toHaveValue('');
}

test('a new desk shows only the first-admin setup, checks every field, and signs the admin in', async ({ page, shot }) => {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: '首次使用：创建管理员账号' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  await expect(page.getByText('不能与登录名相同')).toBeVisible();
  await shot('clerks-setup');

  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await expect(page.getByText('登录名应为2至32位字母、数字、点、下划线或连字符')).toBeVisible();
  await expect(page.getByText('请填写姓名')).toBeVisible();
  await expect(page.getByText(/密码至少需要8个字符/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: '登录名', exact: true })).toBeFocused();

  await page.getByRole('textbox', { name: '登录名', exact: true }).fill('admin');
  await page.getByRole('textbox', { name: '姓名', exact: true }).fill('王管理');
  await page.getByRole('textbox', { name: '密码', exact: true }).fill('12345678');
  await page.getByRole('textbox', { name: '再次输入密码', exact: true }).fill('12345679');
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await expect(page.getByText('密码不能是连续的数字或字母（如 12345678、abcdefgh）')).toBeVisible();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await shot('clerks-setup-errors');

  await page.getByRole('textbox', { name: '密码', exact: true }).fill(firstAdmin.password);
  await page.getByRole('textbox', { name: '再次输入密码', exact: true }).fill(firstAdmin.password);
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await expectSignedIn(page, firstAdmin, 'admin');
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
});

test('signs out, refuses a wrong password and an unknown name alike, waits after repeated failures, signs in', async ({ page, shot }) => {
  await page.clock.install();
  await setUpFirstAdmin(page);
  await signOut(page);
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);

  await tryWrongPassword(page, 'admin', 'Guanli#2025desk');
  await expect(page.getByRole('alert')).toHaveText('登录名或密码不正确');
  await expect(page.getByRole('textbox', { name: '密码', exact: true })).toHaveValue('');
  await expect(page.getByRole('textbox', { name: '密码', exact: true })).toBeFocused();
  await shot('clerks-sign-in-refused');
  await tryWrongPassword(page, 'nobody', firstAdmin.password);
  await expect(page.getByRole('alert')).toHaveText('登录名或密码不正确');

  for (let attempt = 3; attempt <= 5; attempt += 1) {
    await tryWrongPassword(page, 'admin', `wrong-${attempt}`);
    await expect(page.getByRole('alert')).toHaveText(attempt < 5 ? '登录名或密码不正确' : /密码错误次数过多，请30秒后再试/);
  }
  const waiting = page.getByRole('button', { name: /秒后再试/ });
  await expect(waiting).toBeDisabled();
  await shot('clerks-sign-in-throttled');

  await page.clock.fastForward('00:31');
  await expect(page.getByRole('button', { name: '登录' })).toBeEnabled();
  await page.getByRole('textbox', { name: '登录名', exact: true }).fill(' ADMIN ');
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(firstAdmin.password);
  await page.getByRole('textbox', { name: '密码', exact: true }).press('Enter');
  await expectSignedIn(page, firstAdmin, 'admin');
});

test('the admin opens a clerk account; the clerk signs in and sees no account management', async ({ page, shot }) => {
  await setUpFirstAdmin(page);
  await addAccount(page, counterClerk, 'clerk');
  const accounts = page.getByRole('region', { name: '工作人员账号' });
  await expect(accounts.getByRole('status')).toHaveText('已为张三开设受理员账号。');
  const row = accounts.getByRole('row', { name: /zhangsan/ });
  await expect(row).toContainText('张三');
  await expect(row).toContainText('受理员');
  await expect(row).toContainText('在用');

  // The same login name in other capitals is refused beside the field.
  await accounts.getByRole('textbox', { name: '登录名', exact: true }).fill('ZhangSan');
  await accounts.getByRole('textbox', { name: '姓名', exact: true }).fill('张三丰');
  await accounts.getByRole('textbox', { name: '密码', exact: true }).fill('Sanfeng#2026');
  await accounts.getByRole('textbox', { name: '再次输入密码', exact: true }).fill('Sanfeng#2026');
  await accounts.getByRole('button', { name: '开设账号' }).click();
  await expect(accounts.getByText('登录名“zhangsan”已被使用，请换一个')).toBeVisible();
  await expect(accounts.getByRole('textbox', { name: '登录名', exact: true })).toBeFocused();

  const audit = page.getByRole('region', { name: '审计日志' });
  await audit.getByRole('button', { name: '审计日志校验' }).click();
  await expect(audit.getByRole('status')).toHaveText('审计日志完整：共3条记录，未发现改动或删除。');
  await accounts.getByRole('table').scrollIntoViewIfNeeded();
  await shot('clerks-accounts', { fullPage: false });

  await signOut(page);
  await signIn(page, counterClerk, 'clerk');
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('region', { name: '我的账号' })).toBeVisible();
  await expect(page.getByRole('region', { name: '工作人员账号' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: '自动锁屏' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: '审计日志' })).toHaveCount(0);
});

test('locks after the idle minutes and opens again only with the same clerk’s password, with the work kept', async ({ page, shot }) => {
  await page.clock.install();
  await setUpFirstAdmin(page, '/#/settings');
  const idle = page.getByRole('region', { name: '自动锁屏' });
  await idle.getByRole('textbox', { name: '无操作多少分钟后锁屏' }).fill('0');
  await idle.getByRole('button', { name: '保存' }).click();
  await expect(idle.getByRole('alert')).toHaveText('自动锁屏时间应为1至120分钟之间的整数');
  await idle.getByRole('textbox', { name: '无操作多少分钟后锁屏' }).fill('1');
  await idle.getByRole('button', { name: '保存' }).click();
  await expect(idle.getByRole('status')).toHaveText('已保存：无操作1分钟后自动锁屏。');

  // Half-typed work that is saved nowhere yet.
  const own = page.getByRole('region', { name: '我的账号' });
  await own.getByRole('textbox', { name: '新密码', exact: true }).fill('half-typed new password');
  await own.getByRole('textbox', { name: '当前密码', exact: true }).fill('half-typed');

  await page.clock.fastForward('00:50');
  await expect(lockDialog(page)).toHaveCount(0);
  await page.clock.fastForward('00:15');
  await expect(lockDialog(page)).toBeVisible();
  await expect(lockDialog(page)).toContainText('王管理（管理员）');
  await expect(lockDialog(page).getByRole('textbox', { name: '密码', exact: true })).toBeFocused();
  await shot('clerks-locked', { fullPage: false });

  // Nothing underneath can be reached: not by shortcut, not by Tab.
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Tab');
  await expect(own.getByRole('textbox', { name: '当前密码', exact: true })).not.toBeFocused();

  await lockDialog(page).getByRole('textbox', { name: '密码', exact: true }).fill(counterClerk.password);
  await lockDialog(page).getByRole('textbox', { name: '密码', exact: true }).press('Enter');
  await expect(lockDialog(page).getByRole('alert')).toHaveText('密码不正确');

  await lockDialog(page).getByRole('textbox', { name: '密码', exact: true }).fill(firstAdmin.password);
  await lockDialog(page).getByRole('button', { name: '解锁' }).click();
  await expect(lockDialog(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(own.getByRole('textbox', { name: '当前密码', exact: true })).toHaveValue('half-typed');
  await expect(own.getByRole('textbox', { name: '新密码', exact: true })).toHaveValue('half-typed new password');
  await expect(own.getByRole('textbox', { name: '当前密码', exact: true })).toBeFocused();
  await shot('clerks-unlocked', { fullPage: false });

  // Typing keeps the desk open: a minute of work in 20-second steps never locks it.
  for (let step = 0; step < 4; step += 1) {
    await page.clock.fastForward('00:20');
    await page.keyboard.type('x');
  }
  await expect(lockDialog(page)).toHaveCount(0);
});

test.describe('on a desk with its accounts', () => {
  test.use({ deskSetup: { role: 'admin' } });

  test('another clerk takes over a locked desk only after signing the first one out', async ({ page, shot }) => {
    await page.getByRole('contentinfo').getByRole('button', { name: '锁屏' }).click();
    await expect(lockDialog(page)).toBeVisible();
    await lockDialog(page).getByRole('button', { name: '切换工作人员' }).click();
    await expect(lockDialog(page)).toContainText('尚未保存的录入内容会丢失');
    await shot('clerks-lock-switch', { fullPage: false });
    await lockDialog(page).getByRole('button', { name: '确定退出' }).click();
    await expect(signInHeading(page)).toBeVisible();
    await signIn(page, counterClerk, 'clerk');
  });
});

test('the audit-log check finds an entry edited behind the desk’s back', async ({ page, shot }) => {
  await setUpFirstAdmin(page, '/#/settings');
  await page.getByRole('contentinfo').getByRole('button', { name: '锁屏' }).click();
  await lockDialog(page).getByRole('textbox', { name: '密码', exact: true }).fill(firstAdmin.password);
  await lockDialog(page).getByRole('button', { name: '解锁' }).click();
  await expect(lockDialog(page)).toHaveCount(0);

  // Someone with the developer tools rewrites the lock entry (seq 3) in IndexedDB.
  const lockEntry = await readRecord<Record<string, unknown>>(page, 'auditLog', 3);
  await putRecord(page, 'auditLog', { ...lockEntry, details: { reason: 'idle' } });
  const audit = page.getByRole('region', { name: '审计日志' });
  await audit.getByRole('button', { name: '审计日志校验' }).click();
  await expect(audit.getByRole('alert')).toContainText('审计日志校验未通过');
  await expect(audit.getByRole('alert')).toContainText('第3条审计记录的内容与写入时不符，已被改动');
  await audit.scrollIntoViewIfNeeded();
  await shot('clerks-audit-tampered', { fullPage: false });
});
