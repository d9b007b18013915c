import { expect, type Page, type Response } from '@playwright/test';

export interface TestAccount {
  loginName: string;
  displayName: string;
  password: string;
}

export type TestRole = 'clerk' | 'chief' | 'admin';

/** The first admin every end-to-end desk is set up with. */
export const firstAdmin: TestAccount = { loginName: 'admin', displayName: '王管理', password: 'Guanli#2026desk' };
/** Counter staff the helpers below can open accounts for. */
export const counterClerk: TestAccount = { loginName: 'zhangsan', displayName: '张三', password: 'Chuangkou#2026' };
export const chiefRepresentative: TestAccount = { loginName: 'lishouxi', displayName: '李首席', password: 'Shouxi#2026desk' };
/** The account of each role on a desk the `counterDesk` fixture opens. */
export const deskAccounts: Readonly<Record<TestRole, TestAccount>> = { admin: firstAdmin, clerk: counterClerk, chief: chiefRepresentative };

const roleLabels: Record<TestRole, string> = { clerk: '受理员', chief: '首席代表', admin: '管理员' };

/** Fields by exact accessible name: "密码" is also part of "再次输入密码" and "当前密码". */
const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

/** Waits until the desk shows `account` signed in, in the status bar. */
export async function expectSignedIn(page: Page, account: TestAccount, role: TestRole): Promise<void> {
  await expect(page.getByRole('contentinfo').getByText(`工作人员：${account.displayName}（${roleLabels[role]}）`)).toBeVisible();
}

/**
 * Opens `path` on a brand-new desk (a test without `deskSetup` has its own empty database),
 * creates the first admin on the setup screen and waits until the desk shows them signed in.
 * Returns the navigation's response (for header checks). Costs one PBKDF2 hash in the page.
 */
export async function setUpFirstAdmin(page: Page, path = '/'): Promise<Response | null> {
  const response = await page.goto(path);
  await expect(page.getByRole('heading', { name: '首次使用：创建管理员账号' })).toBeVisible();
  await field(page, '登录名').fill(firstAdmin.loginName);
  await field(page, '姓名').fill(firstAdmin.displayName);
  await field(page, '密码').fill(firstAdmin.password);
  await field(page, '再次输入密码').fill(firstAdmin.password);
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await expectSignedIn(page, firstAdmin, 'admin');
  return response;
}

/** Signs in on the sign-in screen and waits for the desk. */
export async function signIn(page: Page, account: TestAccount, role: TestRole): Promise<void> {
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
  await field(page, '登录名').fill(account.loginName);
  await field(page, '密码').fill(account.password);
  await field(page, '密码').press('Enter');
  await expectSignedIn(page, account, role);
}

/** Signs out through the status bar (confirming the warning) and waits for the sign-in screen. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('contentinfo').getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '确定退出' }).click();
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
}

/** As the signed-in admin, opens an account in 设置 → 工作人员账号 (one PBKDF2 hash). */
export async function addAccount(page: Page, account: TestAccount, role: TestRole): Promise<void> {
  await page.keyboard.press('Alt+5');
  const section = page.getByRole('region', { name: '工作人员账号' });
  await section.getByRole('textbox', { name: '登录名', exact: true }).fill(account.loginName);
  await section.getByRole('textbox', { name: '姓名', exact: true }).fill(account.displayName);
  await section.getByRole('combobox', { name: '角色' }).selectOption({ label: roleLabels[role] });
  await section.getByRole('textbox', { name: '密码', exact: true }).fill(account.password);
  await section.getByRole('textbox', { name: '再次输入密码', exact: true }).fill(account.password);
  await section.getByRole('button', { name: '开设账号' }).click();
  await expect(section.getByRole('table', { name: '工作人员账号列表' }).getByRole('row', { name: new RegExp(account.loginName) })).toBeVisible();
}

/** Changes section in place: a reload (`page.goto` to another path) would sign the clerk out. */
export async function goToSection(page: Page, section: string): Promise<void> {
  await page.evaluate((id) => {
    window.location.hash = `/${id}`;
  }, section);
}
