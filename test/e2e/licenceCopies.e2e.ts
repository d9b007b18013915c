import type { Page } from '@playwright/test';
import { residentId, uscc } from '../fixtures/identities';
import { pdfInfo, waitForPrintedPdf } from './harness/cups';
import { takeInAndAccept } from './harness/counterCase';
import { documentWork, enterSerial, printSheet, receiveBlankPaper } from './harness/printing';
import { chiefRepresentative, counterClerk, expect, goToSection, partShot, renderPrintedPage, scrollToTop, signIn, signOut, test, type TestAccount } from './fixtures';

/**
 * End to end: a company asks for three 副本. The clerk records the count at 出证; each 副本 prints on its
 * own stock serial through CUPS with 副本 n/3 on it; the second is voided with the chief and printed again
 * on a new serial; the handover needs the whole set, and the stock report balances.
 */

const at = (time: string) => new Date(`2026-11-02T${time}:00+08:00`);

test.use({ deskSetup: { role: 'clerk', furnished: true, fixedTime: at('09:00') } });

async function switchTo(page: Page, account: TestAccount, role: 'clerk' | 'chief', time: string): Promise<void> {
  await page.clock.setFixedTime(at(time));
  await signOut(page);
  await signIn(page, account, role);
}

test('three 副本 print on three serials marked 副本 n/3, one is voided and reprinted, and the stock balances', async ({ page, printer: queue, shot }) => {
  test.setTimeout(600_000);

  const caseNumber = await takeInAndAccept(page, {
    enterprise: '绵阳青川茶业有限公司',
    address: '绵阳市涪城区科创园区创业大道9号',
    applicant: { name: '孙青禾', id: residentId('510703', '19870315', 246), mobile: '13900005555' },
  });

  // --- The chief approves in the hall and receives blank paper -------------------------------------------
  await switchTo(page, chiefRepresentative, 'chief', '10:05');
  await goToSection(page, 'issuance');
  await page.getByRole('button', { name: `记录准予（厅内） ${caseNumber}` }).click();
  const approval = page.getByRole('dialog', { name: `记录准予（厅内）：${caseNumber}` });
  await approval.getByLabel('统一社会信用代码').fill(uscc('510703', 'MA6C2D5F'));
  await approval.getByLabel('类型').fill('有限责任公司（自然人投资或控股）');
  await approval.getByLabel('法定代表人').fill('孙青禾');
  await approval.getByLabel('注册资本（元）').fill('1000000');
  await approval.getByLabel('经营范围').fill('一般项目：茶叶种植；初级农产品收购；食用农产品批发。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）');
  await approval.getByRole('radio', { name: '长期' }).check();
  await approval.getByRole('button', { name: '确认准予并转入待出证' }).click();
  await expect(approval).toBeHidden();
  await receiveBlankPaper(page, [
    ['original', 'A5107000001', 'A5107000010'],
    ['copy', 'B5107000001', 'B5107000010'],
  ]);

  // --- The clerk records three 副本 and prints them ------------------------------------------------------
  await switchTo(page, counterClerk, 'clerk', '10:30');
  await goToSection(page, 'issuance');
  await page.getByRole('button', { name: `出证 ${caseNumber}` }).click();
  const count = page.getByRole('region', { name: '副本份数' });
  await expect(count.getByRole('status')).toHaveText('已登记副本 1 份');
  await count.getByLabel('申请副本份数').fill('3');
  await count.getByRole('button', { name: '保存份数' }).click();
  await expect(page.getByRole('region', { name: '副本份数' }).getByRole('status')).toHaveText('已登记副本 3 份');
  await expect(page.getByRole('region', { name: /^套打营业执照副本 \d\/3$/ })).toHaveCount(3);
  await partShot(page.getByRole('region', { name: '副本份数' }), 'copies-01-count-recorded');

  const original = page.getByRole('region', { name: '套打营业执照正本' });
  await enterSerial(original, 'A5107000001');
  await printSheet(original, '营业执照正本', queue.printer);

  const jobs: string[] = [];
  for (const n of [1, 2, 3]) {
    const panel = page.getByRole('region', { name: `套打营业执照副本 ${n}/3` });
    await enterSerial(panel, `B510700000${n}`);
    await expect(panel.getByRole('region', { name: `营业执照副本 ${n}/3打印预览` }).locator('canvas').first()).toHaveAttribute('data-drawn', 'true', documentWork);
    jobs.push(await printSheet(panel, `营业执照副本 ${n}/3`, queue.printer));
    await expect(page.getByTestId(`licenceCopy-${n}-printed`)).toContainText(`B510700000${n}`);
  }
  // Once a 副本 carries the count, the count is fixed.
  await expect(page.getByRole('region', { name: '副本份数' }).getByLabel('申请副本份数')).toBeDisabled();
  await partShot(page.getByRole('region', { name: '套打营业执照副本 2/3' }), 'copies-02-second-copy-printed');

  // --- Each sheet came out of CUPS as one A4 page, rendered to look at its mark (副本 n/3) -----------------
  // (The fonts are subset without a text layer after CUPS, so the mark is checked on the rendered page.)
  for (const [index, job] of jobs.entries()) {
    const printed = await waitForPrintedPdf(queue.outputDir, job);
    const info = await pdfInfo(printed);
    expect([info.pages, Math.round(info.width), Math.round(info.height)]).toEqual([1, 595, 842]);
    await renderPrintedPage(printed, `copies-printed-copy-${index + 1}-of-3`);
  }

  // --- The second 副本 is spoiled: void it with the chief, print it again on a new serial --------------
  const documents = page.getByRole('region', { name: '本办件的文书' });
  const spoiledRow = documents.getByRole('row', { name: /营业执照副本.*B5107000002/ });
  const spoiledNumber = (await spoiledRow.getByRole('cell').nth(1).textContent())!.trim();
  await spoiledRow.getByRole('button', { name: `作废 ${spoiledNumber}` }).click();
  const voiding = page.getByRole('dialog', { name: `作废营业执照副本（${spoiledNumber}）` });
  await voiding.getByLabel('原因').fill('套打错位');
  await voiding.getByLabel('首席代表登录名').fill(chiefRepresentative.loginName);
  await voiding.getByLabel('首席代表密码').fill(chiefRepresentative.password);
  await voiding.getByRole('button', { name: '确认作废' }).click();
  await expect(voiding).toBeHidden();
  await expect(spoiledRow).toContainText('已作废');
  await expect(page.getByTestId('licenceCopy-1-printed')).toContainText('B5107000001');
  await expect(page.getByTestId('licenceCopy-2-printed')).toHaveCount(0);

  const second = page.getByRole('region', { name: '套打营业执照副本 2/3' });
  await enterSerial(second, 'B5107000004');
  const reprintJob = await printSheet(second, '营业执照副本 2/3', queue.printer);
  await expect(page.getByTestId('licenceCopy-2-printed')).toContainText('B5107000004');
  await renderPrintedPage(await waitForPrintedPdf(queue.outputDir, reprintJob), 'copies-printed-copy-2-of-3-again');
  await partShot(documents, 'copies-03-documents');

  // --- Handover with the whole set, and the stock ------------------------------------------------------
  await page.getByRole('region', { name: '交付领取' }).getByRole('button', { name: '确认交付并办结' }).click();
  await expect(page.getByRole('status', { name: '已办结' })).toContainText('领取人：孙青禾');
  await page.getByRole('button', { name: '返回出证列表' }).click();
  const report = page.getByRole('region', { name: '空白证书库存' });
  await expect(report.getByTestId('stock-copy')).toHaveText(['副本', '10', '3', '1', '6', '相符'].join(''));
  await expect(report.getByTestId('stock-original')).toHaveText(['正本', '10', '1', '0', '9', '相符'].join(''));
  await expect(report).toContainText('B5107000002（副本）：套打错位');
  await partShot(report, 'copies-04-stock-report');

  // --- The case history names each 副本 -------------------------------------------------------------------
  await goToSection(page, 'cases');
  await page.getByLabel('检索办件').fill(caseNumber);
  await page.getByRole('table', { name: '检索结果' }).getByRole('button', { name: `打开办件 ${caseNumber}` }).click();
  await scrollToTop(page);
  await shot('copies-05-case-detail', { fullPage: true });
});
