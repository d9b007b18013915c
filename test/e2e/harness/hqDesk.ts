import { expect, type Locator, type Page } from '@playwright/test';
import type { HqHarness } from '../../hq/support/harness';
import { statusBar, type DeskCodes } from './deskSettings';
import { documentWork } from './printing';

/**
 * Steps of a desk that syncs with the reference HQ, as the end-to-end tests with HQ drive them through the
 * UI: enrolment in 设置, the status bar's sync state and the outbox, and 日结.
 */

export const syncState = (page: Page): Locator => statusBar(page).getByTestId('sync-state');

/**
 * As the admin in 设置 → 市级系统连接, on a desk without codes yet: fills in the enrolment form with
 * `code` and presses 注册本窗口. Returns the section.
 */
export async function submitEnrolment(page: Page, hqUrl: string, codes: DeskCodes, code: string): Promise<Locator> {
  const connection = page.getByRole('region', { name: '市级系统连接' });
  await connection.getByLabel('市级系统地址').fill(hqUrl);
  await connection.getByLabel('大厅代码').fill(codes.hallCode);
  await connection.getByLabel('窗口号').fill(codes.deskCode);
  await connection.getByLabel('登记码').fill(code);
  await connection.getByRole('button', { name: '注册本窗口' }).click();
  await page.getByRole('dialog', { name: '确认本窗口设定' }).getByRole('button', { name: '确认代码并注册' }).click();
  return connection;
}

/**
 * As the admin in 设置 → 市级系统连接: enrols the desk with its hall and desk codes and an enrolment code
 * the operator issued for them, at `hqUrl` (HQ's own, or a relay standing for the desk's network);
 * returns its desk id on HQ.
 */
export async function enrolDesk(page: Page, hq: HqHarness, codes: DeskCodes, hqUrl = hq.url): Promise<string> {
  const { code } = await hq.operator.issueEnrolmentCode(codes);
  const connection = await submitEnrolment(page, hqUrl, codes, code);
  await expect(connection.getByRole('status')).toContainText('注册成功');
  const deskId = await connection.getByRole('table', { name: '注册信息' }).getByRole('row', { name: /窗口编号/ }).getByRole('cell').textContent();
  await expect(syncState(page)).toHaveText('已同步');
  return deskId!.trim();
}

/** Opens 同步队列 from the status bar. */
export async function openOutbox(page: Page): Promise<Locator> {
  await statusBar(page).getByRole('button', { name: '同步队列' }).click();
  const outbox = page.getByRole('dialog', { name: '同步队列' });
  await expect(outbox).toBeVisible();
  return outbox;
}

/** 立即同步 from the outbox, waiting until nothing is left to send and the status bar says 已同步. */
export async function syncNow(page: Page): Promise<void> {
  const outbox = await openOutbox(page);
  await outbox.getByRole('button', { name: '立即同步' }).click();
  await expect(outbox.getByRole('table', { name: '同步数据列表' }).locator('tbody tr[data-state="pending"], tbody tr[data-state="sending"]')).toHaveCount(0);
  await expect(syncState(page)).toHaveText('已同步');
  await page.keyboard.press('Escape');
  await expect(outbox).toBeHidden();
}

/**
 * On 日结, signed in as anyone: 推送并对账 until HQ says the day reconciles, then the chief signs with their
 * password (and `reasonForUnprinted` for each decided document never printed), the day report is printed on
 * `printer` and the day shows as closed.
 */
export async function closeDay(page: Page, chief: { loginName: string; password: string }, printer: string, reasonForUnprinted?: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: '日结' })).toBeVisible();
  const reconcile = page.getByRole('region', { name: '推送并对账' });
  await reconcile.getByRole('button', { name: '推送并对账' }).click();
  await expect(reconcile.getByRole('status')).toContainText('与市级系统对账一致');
  await expect(page.getByRole('region', { name: '未完成事项' }).getByRole('region', { name: '未同步的业务数据' })).toContainText('已全部同步');
  const sign = page.getByRole('region', { name: '首席代表签字' });
  await sign.getByLabel('打印机').click();
  await page.getByRole('option', { name: printer, exact: true }).click();
  await sign.getByLabel('首席代表登录名').fill(chief.loginName);
  await sign.getByLabel('密码', { exact: true }).fill(chief.password);
  if (reasonForUnprinted !== undefined) {
    const reasons = sign.getByRole('region', { name: '未打印文书的原因' }).getByRole('textbox');
    await expect(reasons.first()).toBeVisible();
    for (const reason of await reasons.all()) await reason.fill(reasonForUnprinted);
  }
  await sign.getByRole('button', { name: '签字并打印日结报表' }).click();
  // A PBKDF2 check, the report drawn in the worker, archived and printed.
  await expect(page.getByRole('status').filter({ hasText: '本营业日已日结' })).toBeVisible(documentWork);
  await expect(page.getByRole('region', { name: '日结报表', exact: true }).getByRole('status')).toContainText(`已打印：${printer} 已完成 1 份`, documentWork);
}
