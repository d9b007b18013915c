import { residentId } from '../fixtures/identities';
import { expectAccessible } from './harness/accessibility';
import { takeIn } from './harness/counterCase';
import { openOutbox, syncNow, syncState } from './harness/hqDesk';
import { expect, goToSection, scrollToTop, test } from './fixtures';

/**
 * An op HQ rejected, shown on its case: HQ is set to reject the desk's next case op; the clerk corrects the
 * applicant's mobile and the correction syncs and comes back 被退回. The outbox lists it with HQ's reason;
 * the case carries a 被退回 mark in 办件's list and, opened, HQ's reason in Chinese and what the clerk can
 * do. 重新发送 sends the case as it now stands: HQ takes it, and the mark is gone from the case, the list
 * and the status bar.
 */

test.use({ deskSetup: { role: 'clerk', furnished: true, enrolled: true } });

const reason = '申请人手机号码与实名登记信息不一致，请核实后重新发送';

test('a case op HQ rejected is marked on the case and in 办件, with HQ reason and what to do; 重新发送 clears it everywhere', async ({ page, hq, shot }) => {
  test.setTimeout(240_000);

  // --- A case taken in at an enrolled desk reaches HQ --------------------------------------------------
  await goToSection(page, 'intake');
  const caseNumber = await takeIn(page, {
    enterprise: '绵阳青杉园林工程有限公司',
    address: '绵阳市涪城区园艺山路8号',
    applicant: { name: '苏雨晴', id: residentId('510703', '19910408', 64), mobile: '13800004321' },
  });
  await expect
    .poll(async () => (await hq.operator.listCases({ hallCode: 'MY' })).cases.map((row) => row.caseNumber), { timeout: 30_000 })
    .toEqual([caseNumber]);
  await expect(syncState(page)).toHaveText('已同步');

  // --- HQ will reject the next case op; the clerk corrects the applicant's mobile ----------------------
  await hq.operator.setFaults({ rejectNext: { entity: 'case', count: 1, reason } });
  await page.keyboard.press('F4');
  const correction = page.getByRole('dialog', { name: `修改受理信息 · 办件 ${caseNumber}` });
  const mobile = correction.getByLabel('申请人手机号码');
  await mobile.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('13912345678');
  await page.keyboard.press('Control+Enter');
  await expect(correction).toBeHidden();

  // --- It syncs and comes back 被退回: the outbox says so with HQ's reason --------------------------------
  const outbox = await openOutbox(page);
  await outbox.getByRole('button', { name: '立即同步' }).click();
  const rejectedRow = outbox.getByRole('table', { name: '同步数据列表' }).locator('tbody tr[data-state="rejected"]');
  await expect(rejectedRow).toHaveCount(1);
  await expect(rejectedRow).toContainText(`${caseNumber} 更新：`);
  await expect(rejectedRow).toContainText('被退回');
  await expect(rejectedRow).toContainText(reason);
  await expect(page.getByRole('group', { name: '同步状态' })).toContainText('被退回 1 条');
  await shot('case-rejection-01-outbox', { fullPage: false });
  await page.keyboard.press('Escape');
  await expect(outbox).toBeHidden();

  // --- 办件's list marks the case ---------------------------------------------------------------------------
  await goToSection(page, 'cases');
  const queue = page.getByRole('table', { name: '今日队列' });
  const listed = queue.getByRole('row', { name: new RegExp(caseNumber) });
  await expect(listed.getByLabel('被市级系统退回 1 条数据')).toHaveText('被退回');
  await shot('case-rejection-02-list-mark', { fullPage: false });
  await expectAccessible(page, '办件 with a rejection mark');

  // --- The case shows what was rejected, HQ's reason and what to do ----------------------------------------
  await queue.getByRole('button', { name: `打开办件 ${caseNumber}` }).click();
  const mark = page.getByRole('region', { name: '市级系统退回了本办件的数据' });
  await expect(mark).toBeVisible();
  await expect(mark).toContainText('申请人手机号码');
  await expect(mark.getByRole('row', { name: /^退回原因/ })).toContainText(reason);
  await expect(mark).toContainText('处理办法：如退回原因是受理信息有误，请先按本页的“修改受理信息”更正（受理决定作出前可改），再按“重新发送”');
  await expect(page.getByRole('button', { name: /^修改受理信息/ })).toBeVisible();
  await expect(mark.getByRole('button', { name: '重新发送' })).toBeVisible();
  await expect(mark.getByRole('button', { name: '不再发送' })).toBeVisible();
  await mark.getByRole('button', { name: '重新发送' }).scrollIntoViewIfNeeded();
  await shot('case-rejection-03-case-mark', { fullPage: false });
  await expectAccessible(page, 'the case with its rejection mark');

  // --- 不再发送 needs a reason; 重新发送 sends the case as it stands --------------------------------------------
  await mark.getByRole('button', { name: '不再发送' }).click();
  await expect(mark.getByRole('alert')).toContainText('不再发送须写明原因');
  await mark.getByRole('button', { name: '重新发送' }).click();
  await expect(mark).toHaveCount(0);
  const timeline = page.getByRole('region', { name: '办理过程' });
  await expect(timeline).toContainText('重新发送');

  // HQ takes the op sent again: the mobile stands at HQ as corrected.
  await syncNow(page);
  await expect
    .poll(async () => (await hq.operator.listCases({ hallCode: 'MY' })).cases.map((row) => row.applicant.phone).join())
    .toContain('13912345678');

  // --- The mark is gone everywhere: the case, the list and the status bar ----------------------------------
  await expect(page.getByRole('group', { name: '同步状态' })).not.toContainText('被退回');
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(queue.getByRole('row', { name: new RegExp(caseNumber) })).toBeVisible();
  await expect(queue.getByLabel(/被市级系统退回/)).toHaveCount(0);
  await scrollToTop(page);
  await shot('case-rejection-04-cleared', { fullPage: false });
});
