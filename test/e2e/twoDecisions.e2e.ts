import type { Locator, Page } from '@playwright/test';
import { residentId } from '../fixtures/identities';
import { Relay } from '../hq/support/relay';
import { acceptWithEverythingReceived, takeIn } from './harness/counterCase';
import { fillAgency, setDefaultPrinters } from './harness/deskSettings';
import { enrolDesk, syncNow } from './harness/hqDesk';
import { documentWork, printedJob } from './harness/printing';
import { addAccount, expect, goToSection, partShot, signIn, signOut, test, type TestAccount } from './fixtures';

/**
 * Two windows of hall MY decide one case at once. Desk 01 (张三) is enrolled with the reference HQ; desk 02
 * (王五) reaches HQ through a relay, its window's network. The case reaches both desks; desk 02's network is
 * cut; desk 01 issues 一次性告知 and HQ takes it; desk 02, offline, accepts and prints its 受理通知书. Once
 * the network is back and both desks have synced, both show HQ's state (待补正, the notice standing) and
 * desk 02's case carries the mark with both values, who and when, and what its clerk is to do; 已知悉
 * clears it, and desk 01's timeline records that it was seen.
 */

test.use({ deskSetup: { role: 'clerk', furnished: true, enrolled: true } });

const secondClerk: TestAccount = { loginName: 'wangwu', displayName: '王五', password: 'Chuangkou#2026wu' };

/** 办件 → the case by its number, from another section or from 办件's list. */
async function openCase(page: Page, caseNumber: string): Promise<void> {
  await searchCase(page, caseNumber);
  await page.getByRole('table', { name: '检索结果' }).getByRole('button', { name: `打开办件 ${caseNumber}` }).click();
  await expect(page.getByRole('region', { name: '概况' })).toContainText(caseNumber);
}

/** From an open case back to 办件's list. */
async function backToList(page: Page): Promise<void> {
  await page.getByRole('button', { name: /返回列表/ }).click();
  await expect(page.getByLabel('检索办件')).toBeVisible();
}

/** 办件's search for the case; returns its row in the results. */
async function searchCase(page: Page, caseNumber: string): Promise<Locator> {
  await goToSection(page, 'cases');
  await page.getByLabel('检索办件').fill(caseNumber);
  return page.getByRole('table', { name: '检索结果' }).getByRole('row', { name: new RegExp(caseNumber) });
}

test('two windows decide one case at once: both show HQ’s decision, the losing window the mark with both values and what to do, and 已知悉 clears it', async ({
  page: deskA,
  hq,
  printer,
  openDesk,
  shot: shotA,
}) => {
  test.setTimeout(420_000);
  const relay = await new Relay(hq.url).start();
  try {
    // --- Desk 02 enrols through its window's network and prints 受理通知书 on the cups-pdf queue ------------
    const { page: deskB, shot: shotB } = await openDesk({ role: 'admin', section: 'settings' });
    await enrolDesk(deskB, hq, { hallCode: 'MY', deskCode: '02' }, relay.url);
    await fillAgency(deskB, { 窗口名称: '企业开办综合窗口 2号' });
    await setDefaultPrinters(deskB, printer.printer, ['受理通知书']);
    await addAccount(deskB, secondClerk, 'clerk');
    await signOut(deskB);
    await signIn(deskB, secondClerk, 'clerk');

    // --- Desk 01 takes the case in; it reaches both desks ---------------------------------------------------
    const caseNumber = await takeIn(deskA, {
      enterprise: '绵阳青松云计算有限公司',
      address: '绵阳市涪城区科创园区创业大道5号',
      applicant: { name: '孙立华', id: residentId('510703', '19870421', 135), mobile: '13900008888' },
    });
    await syncNow(deskA);
    await syncNow(deskB);
    await openCase(deskB, caseNumber);

    // --- Desk 02's network is cut; desk 01 issues 一次性告知 and HQ takes it -------------------------------
    relay.cut();
    await deskA.getByRole('button', { name: '一次性告知' }).click();
    await deskA.getByRole('dialog', { name: '出具一次性告知书' }).getByRole('button', { name: '确认出具告知书' }).click();
    await expect(deskA.getByRole('status', { name: '已作出决定' })).toContainText('已作出决定：出具一次性告知书');
    await syncNow(deskA);

    // --- Desk 02, offline, receives everything, accepts, and prints the 受理通知书 --------------------------
    await acceptWithEverythingReceived(deskB);
    await deskB.getByRole('status', { name: '已作出决定' }).getByRole('button', { name: '打印受理通知书' }).click();
    const print = deskB.getByRole('dialog', { name: '打印受理通知书' });
    await expect(print.getByTestId('print-preview').locator('canvas').first()).toHaveAttribute('data-drawn', 'true', documentWork);
    await print.getByRole('button', { name: '打印并存档' }).click();
    await printedJob(print.getByRole('status', { name: '打印结果' }), printer.printer);
    await print.getByRole('button', { name: '关闭', exact: true }).click();
    await shotB('two-decisions-01-desk-02-accepted-offline', { fullPage: false });

    // --- The network is back: desk 02 syncs (HQ answers its acceptance `conflict`), then desk 01 -----------
    relay.restore();
    await syncNow(deskB);
    await syncNow(deskA);
    const listedOnHq = (await hq.operator.listCases({ hallCode: 'MY' })).cases.find((row) => row.caseNumber === caseNumber);
    expect(listedOnHq?.status.code).toBe('awaitingCorrection');

    // --- Both desks show HQ's state: 待补正, the notice standing, never a 受理 panel over it ----------------
    for (const page of [deskA, deskB]) {
      await expect(page.getByRole('region', { name: '概况' }).getByRole('status', { name: '办件状态' })).toHaveText('待补正');
      await expect(page.getByRole('status', { name: '已作出决定' })).toContainText('已作出决定：出具一次性告知书');
      await expect(page.getByRole('status', { name: '已作出决定' })).not.toContainText('已作出决定：受理');
      await expect(page.getByRole('status', { name: '已作出决定' }).getByRole('button', { name: /受理通知书/ })).toHaveCount(0);
    }
    await expect(deskA.getByRole('region', { name: '与市级系统不一致' })).toHaveCount(0);

    // --- Desk 02's case carries the mark: both values, which window, which clerk, when; what to do ---------
    const mark = deskB.getByRole('region', { name: '与市级系统不一致' });
    const status = mark.getByRole('row', { name: /^状态/ });
    await expect(status).toContainText('待补正');
    await expect(status).toContainText('01号窗口 张三');
    await expect(status).toContainText('已受理');
    await expect(status).toContainText('本窗口（02号） 王五');
    await expect(mark.getByRole('list', { name: '请这样处理' }).getByRole('listitem')).toHaveText([
      '本窗口 王五 出具的受理通知书已被取代：请收回并在“本办件的文书”中作废，告知申请人本办件以01号窗口 张三作出的“出具一次性告知书”为准。',
      '本窗口已收取的材料仍记在材料清单上，申请人无需重复提交：申请人补正到场时，登记到场、核对一次性告知书所列事项后，重新作出受理决定。',
    ]);
    await deskB.evaluate(() => window.scrollTo(0, 0));
    await shotB('two-decisions-02-desk-02-marked', { fullPage: false });
    await deskA.evaluate(() => window.scrollTo(0, 0));
    await shotA('two-decisions-03-desk-01-standing', { fullPage: false });

    // The case list shows the mark too.
    await backToList(deskB);
    const listed = await searchCase(deskB, caseNumber);
    await expect(listed.getByLabel('与市级系统不一致 1 处')).toHaveText('待核对');
    await shotB('two-decisions-04-desk-02-list-badge', { fullPage: false });

    // --- 已知悉 clears the mark; desk 01 learns, from its timeline, that desk 02 saw it --------------------
    await openCase(deskB, caseNumber);
    await deskB.getByRole('region', { name: '与市级系统不一致' }).getByRole('button', { name: '已知悉' }).click();
    await expect(deskB.getByRole('region', { name: '与市级系统不一致' })).toHaveCount(0);
    await expect(deskB.getByRole('region', { name: '办理过程' })).toContainText('已知悉与市级系统不一致');
    await deskB.evaluate(() => window.scrollTo(0, 0));
    await shotB('two-decisions-05-desk-02-acknowledged');
    await syncNow(deskB);
    await syncNow(deskA);
    await openCase(deskA, caseNumber);
    const timelineA = deskA.getByRole('region', { name: '办理过程' });
    await expect(timelineA).toContainText('已知悉与市级系统不一致');
    await expect(timelineA).toContainText('王五');
    // Desk 02's acceptance is on desk 01's timeline too, marked as superseded.
    await expect(timelineA.getByText('已被取代', { exact: true })).toHaveCount(1);
    // So is the notice desk 02 printed for it, with its clerk and window.
    await expect(timelineA).toContainText(/打印受理通知书\s*02号窗口\s*\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} · 王五/);
    await partShot(timelineA, 'two-decisions-07-desk-01-timeline');
    await backToList(deskB);
    await expect(await searchCase(deskB, caseNumber)).not.toContainText('待核对');
    await deskA.evaluate(() => window.scrollTo(0, 0));
    await shotA('two-decisions-06-desk-01-after-acknowledged');
  } finally {
    await relay.stop();
  }
});
