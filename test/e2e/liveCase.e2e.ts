import type { Page } from '@playwright/test';
import { residentId, uscc } from '../fixtures/identities';
import { licenceData } from '../hq/support/fixtures';
import { takeInAndAccept } from './harness/counterCase';
import { syncState } from './harness/hqDesk';
import { expect, goToSection, test } from './fixtures';

/**
 * An open case follows what is stored: the clerk has a case open in 办件 when HQ's back office approves it;
 * the desk's sync loop pulls the decision and the open case's status turns to 待出证 (approved, the licence
 * data with it), with nobody reading it again — no navigation, no reload, no button pressed on this screen.
 */

test.use({ deskSetup: { role: 'clerk', furnished: true, enrolled: true } });

/**
 * The sync loop runs a pass at once when another window of the desk presses 立即同步, which it asks for
 * over the BroadcastChannel `desk-sync`: ask the way such a window does, leaving this screen alone.
 */
async function syncAsAnotherWindowAsks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const channel = new BroadcastChannel('desk-sync');
    channel.postMessage('syncNow');
    channel.close();
  });
}

test('an open case shows HQ\'s approval once the sync loop pulls it, without the clerk doing anything', async ({ page, hq, shot }) => {
  test.setTimeout(180_000);

  // --- An enrolled desk takes a case in and accepts it; the sync loop pushes it ----------------------
  await goToSection(page, 'intake');
  const enterprise = '绵阳青松软件有限公司';
  const caseNumber = await takeInAndAccept(page, {
    enterprise,
    address: '绵阳市涪城区科创园区创业大道9号',
    applicant: { name: '孙明远', id: residentId('510703', '19900415', 246), mobile: '13900005555' },
  });
  await expect
    .poll(async () => (await hq.operator.listCases({ hallCode: 'MY' })).cases.map((row) => [row.caseNumber, row.status.code]), { timeout: 20_000 })
    .toEqual([[caseNumber, 'accepted']]);
  await expect(syncState(page)).toHaveText('已同步');

  // --- The clerk opens the case in 办件 ---------------------------------------------------------------
  await goToSection(page, 'cases');
  await page.getByLabel('检索办件').fill(caseNumber);
  await page.getByRole('table', { name: '检索结果' }).getByRole('button', { name: `打开办件 ${caseNumber}` }).click();
  const overview = page.getByRole('region', { name: '概况' });
  const status = overview.getByRole('status', { name: '办件状态' });
  await expect(status).toHaveText('已受理');
  // Anything the page would lose on a reload or a navigation: still there at the end.
  await page.evaluate(() => document.documentElement.setAttribute('data-opened-case', 'still-open'));

  // --- HQ's back office approves it; the sync loop pulls the decision -----------------------------------
  const [onHq] = (await hq.operator.listCases({ hallCode: 'MY' })).cases;
  await hq.operator.approve(onHq!.id, licenceData({ name: enterprise, uscc: uscc('510703', 'MA6C3D5E') }));
  await syncAsAnotherWindowAsks(page);

  // --- The open case shows it ---------------------------------------------------------------------------
  // HQ approved with the licence data: the case waits for its licence (待出证).
  await expect(status).toHaveText('待出证');
  await expect(overview.getByRole('heading', { name: `办件 ${caseNumber}` })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-opened-case'))).toBe('still-open');
  await expect(page.getByLabel('检索办件')).toHaveCount(0);
  await shot('live-case-01-approved-while-open', { fullPage: false });
});
