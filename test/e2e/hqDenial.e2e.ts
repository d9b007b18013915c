import { formatChineseDateTime } from '../../renderer/src/domain/chineseDate';
import { residentId } from '../fixtures/identities';
import { takeInAndAccept } from './harness/counterCase';
import { syncNow, syncState } from './harness/hqDesk';
import { expect, goToSection, test } from './fixtures';

/**
 * HQ's denial explained: the back office denies a case the desk accepted, with a reason and a legal basis;
 * once the desk syncs, the case shows 不予许可 with who decided, when and why, the timeline records it,
 * and the counter's 受理 panel with its print buttons is gone (HQ serves its denial on the applicant).
 */

test.use({ deskSetup: { role: 'clerk', furnished: true, enrolled: true } });

test('a case HQ denies shows the reason, legal basis, decider and time, and a timeline entry, and no 受理 print buttons', async ({ page, hq, shot }) => {
  test.setTimeout(180_000);

  // --- An enrolled desk takes a case in and accepts it; the sync loop pushes it ----------------------
  await goToSection(page, 'intake');
  const caseNumber = await takeInAndAccept(page, {
    enterprise: '绵阳白鹭矿业有限公司',
    address: '绵阳市涪城区工业园区南湖路3号',
    applicant: { name: '钱立诚', id: residentId('510703', '19850612', 135), mobile: '13900006666' },
  });
  // Before HQ decides: the counter's decision with its 打印 buttons.
  await expect(page.getByRole('button', { name: /^打印/ }).first()).toBeVisible();
  await expect
    .poll(async () => (await hq.operator.listCases({ hallCode: 'MY' })).cases.map((row) => [row.caseNumber, row.status.code]), { timeout: 20_000 })
    .toEqual([[caseNumber, 'accepted']]);

  // --- HQ's back office denies it, with its reason and legal basis -----------------------------------
  const [onHq] = (await hq.operator.listCases({ hallCode: 'MY' })).cases;
  const reason = '经营范围含采矿，未取得采矿许可证';
  const legalBasis = '《中华人民共和国行政许可法》第三十八条第二款';
  const denied = await hq.operator.deny(onHq!.id, reason, { legalBasis, decidedBy: '审批科 周敏' });
  await syncNow(page);
  await expect(syncState(page)).toHaveText('已同步');

  // --- The open case shows HQ's decision, explained ------------------------------------------------------
  await goToSection(page, 'cases');
  await page.getByLabel('检索办件').fill(caseNumber);
  await page.getByRole('table', { name: '检索结果' }).getByRole('button', { name: `打开办件 ${caseNumber}` }).click();
  const overview = page.getByRole('region', { name: '概况' });
  await expect(overview.getByRole('status', { name: '办件状态' })).toHaveText('不予许可');

  const hqPanel = page.getByRole('region', { name: '市级系统决定' });
  await expect(hqPanel).toContainText('市级系统决定：不予许可');
  const decidedAt = formatChineseDateTime(denied.decision!.decidedAt);
  for (const [label, value] of [
    ['决定人', '审批科 周敏'],
    ['理由', reason],
    ['法律依据', legalBasis],
  ]) {
    await expect(hqPanel.getByRole('row', { name: new RegExp(`^${label}`) })).toContainText(value!);
  }
  await expect(hqPanel.getByRole('row', { name: /^决定时间/ })).toContainText(decidedAt);

  // The counter's 受理 panel and its print buttons are gone.
  await expect(page.getByRole('status', { name: '已作出决定' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^打印/ })).toHaveCount(0);

  // --- 办理过程 records the denial with the decider, time, reason and legal basis ---------------------------
  const timeline = page.getByRole('region', { name: '办理过程' });
  const entry = timeline.locator('.mantine-Timeline-item').filter({ hasText: '不予许可' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('市级系统 审批科 周敏');
  await expect(entry).toContainText(decidedAt);
  await expect(entry).toContainText(`理由：${reason}`);
  await expect(entry).toContainText(`法律依据：${legalBasis}`);
  await shot('hq-denial-01-denied-case-explained');
});
