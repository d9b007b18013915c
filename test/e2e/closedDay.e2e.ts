import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { fillFoodPermit, takeInFoodPermit } from './harness/counterCase';
import { archivedPdfs } from './harness/deskDb';
import { chiefRepresentative, expect, goToSection, test } from './fixtures';

/**
 * A closed day stays closed: once the chief has signed 日结, a clerk's new intake on the same business
 * day is refused with the reason (before anything is written), and the archived day report keeps its
 * bytes whatever is tried afterwards.
 */

test.use({ deskSetup: { role: 'clerk', furnished: true, enrolled: true } });

/** The sha256 of every archived day report's bytes, as stored in the desk's database. */
async function archivedReportHashes(page: Page): Promise<string[]> {
  return (await archivedPdfs(page, 'dayReport')).map((pdf) => createHash('sha256').update(pdf).digest('hex'));
}

test('after the chief signs 日结, a new intake that day is refused and the archived report keeps its bytes', async ({ page, cups, shot }) => {
  test.setTimeout(150_000);
  const { printer } = cups;
  if (printer === null) console.warn(`[closedDay.e2e] printing not checked: ${cups.problem}`);
  const caseNumber = await takeInFoodPermit(page);

  // --- Close the day: push, reconcile, the chief signs ---------------------------------------------
  await goToSection(page, 'day-close');
  const reconcile = page.getByRole('region', { name: '推送并对账' });
  await reconcile.getByRole('button', { name: '推送并对账' }).click();
  await expect(reconcile.getByRole('status')).toContainText('与市级系统对账一致');
  const sign = page.getByRole('region', { name: '首席代表签字' });
  if (printer !== null) {
    await sign.getByLabel('打印机').click();
    await page.getByRole('option', { name: printer.printer, exact: true }).click();
  }
  await sign.getByLabel('首席代表登录名').fill(chiefRepresentative.loginName);
  await sign.getByLabel('密码', { exact: true }).fill(chiefRepresentative.password);
  await sign.getByRole('button', { name: '签字并打印日结报表' }).click();
  // Signing renders, archives and prints the report: slow when the machine is shared.
  await expect(page.getByRole('status').filter({ hasText: '本营业日已日结' })).toContainText('首席代表李首席', { timeout: 60_000 });
  const signedHashes = await archivedReportHashes(page);
  expect(signedHashes).toHaveLength(1);

  // --- A new intake the same business day is refused with the reason -------------------------------
  // A second new enterprise, without a USCC yet (the first one's is registered).
  await goToSection(page, 'intake');
  await fillFoodPermit(page, '绵阳川味小厨');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: '已日结（首席代表已签字）' })).toContainText('请于下一个工作日办理');
  await expect(page.getByRole('region', { name: '概况' })).toHaveCount(0);
  await shot('closed-day-01-intake-refused');

  // --- The closed day's page and archived report are as signed -------------------------------------
  await goToSection(page, 'day-close');
  const cases = page.getByRole('region', { name: '当日汇总' }).getByRole('table', { name: '当日办件' });
  await expect(cases).toContainText(caseNumber);
  await expect(cases.getByRole('row')).toHaveCount(2);
  expect(await archivedReportHashes(page)).toEqual(signedHashes);
  await shot('closed-day-02-closed-page');
});
