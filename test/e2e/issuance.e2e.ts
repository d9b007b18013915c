import type { Page } from '@playwright/test';
import { residentId, uscc } from '../fixtures/identities';
import { pdfInfo, waitForPrintedPdf } from './harness/cups';
import { takeInAndAccept } from './harness/counterCase';
import { documentWork, enterSerial, printSheet, receiveBlankPaper } from './harness/printing';
import {
  chiefRepresentative,
  counterClerk,
  expect,
  goToSection,
  partShot,
  renderPrintedPage,
  scrollToTop,
  signIn,
  signOut,
  test,
  type TestAccount,
} from './fixtures';

/**
 * End to end: the chief approves an accepted case in the hall (待出证) and receives blank
 * licence paper; the clerk prints 正本 and 副本 on serials checked against stock, a spoiled 副本 is voided
 * (refused with the clerk's own password, allowed with the chief's) and printed again on a new serial;
 * the handover completes the case and shows 全程用时 from intake; the stock report balances.
 */

const at = (time: string) => new Date(`2026-11-02T${time}:00+08:00`);

// The furnished desk prints 营业执照正本 and 副本 on the cups-pdf queue by default; the clerk opens it at 09:00.
test.use({ deskSetup: { role: 'clerk', furnished: true, fixedTime: at('09:00') } });

async function switchTo(page: Page, account: TestAccount, role: 'clerk' | 'chief', time: string): Promise<void> {
  await page.clock.setFixedTime(at(time));
  await signOut(page);
  await signIn(page, account, role);
}

test('approves in the hall, prints 正本 and 副本 on stock serials, voids a spoiled sheet with the chief, hands over with the elapsed time, and the stock balances', async ({
  page,
  printer: queue,
  shot,
}) => {
  test.setTimeout(400_000);

  // --- 09:00 the clerk takes the case in and accepts it ---------------------------------------------------
  const applicantId = residentId('510703', '19880612', 135);
  const caseNumber = await takeInAndAccept(page, {
    enterprise: '绵阳云杉数据科技有限公司',
    address: '绵阳市涪城区科创园区创业大道3号',
    applicant: { name: '赵云峰', id: applicantId, mobile: '13900007777' },
  });

  // --- 10:05 the chief approves it in the hall and receives blank paper --------------------------------
  await switchTo(page, chiefRepresentative, 'chief', '10:05');
  await goToSection(page, 'issuance');
  await expect(page.getByRole('heading', { level: 1, name: '出证' })).toBeVisible();
  await page.getByRole('button', { name: `记录准予（厅内） ${caseNumber}` }).click();
  const approval = page.getByRole('dialog', { name: `记录准予（厅内）：${caseNumber}` });
  await expect(approval.getByLabel('名称')).toHaveValue('绵阳云杉数据科技有限公司');
  await approval.getByLabel('统一社会信用代码').fill(uscc('510703', 'MA6C2D4E'));
  await approval.getByLabel('类型').fill('有限责任公司（自然人投资或控股）');
  // A character no document font draws is named as it is typed, as at intake, not when the licence will not print.
  await approval.getByLabel('法定代表人').fill('赵云𱍐');
  await expect(approval.getByText('“𱍐”（U+31350）文书字库中没有，通知书和执照都打印不出来。', { exact: false })).toBeVisible();
  await approval.getByLabel('法定代表人').fill('赵云峰');
  await expect(approval.getByText('文书字库中没有', { exact: false })).toBeHidden();
  await approval.getByLabel('注册资本（元）').fill('500万');
  await approval.getByLabel('经营范围').fill('一般项目：软件开发；数据处理和存储支持服务；信息技术咨询服务。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）');
  await approval.getByRole('button', { name: '确认准予并转入待出证' }).click();
  await expect(approval.getByText('注册资本应为不超过两位小数的金额（元）')).toBeVisible();
  await approval.getByLabel('注册资本（元）').fill('5000000');
  // 营业期限 is never assumed: the chief chooses 长期 or a last day.
  await approval.getByRole('button', { name: '确认准予并转入待出证' }).click();
  await expect(approval.getByText('请选择营业期限：长期，或至某日')).toBeVisible();
  await approval.getByRole('radio', { name: '长期' }).check();
  await shot('issuance-01-in-hall-approval', { fullPage: false });
  await approval.getByRole('button', { name: '确认准予并转入待出证' }).click();
  await expect(approval).toBeHidden();
  const queueTable = page.getByRole('table', { name: '待出证办件' });
  await expect(queueTable.getByRole('row', { name: new RegExp(caseNumber) })).toBeVisible();

  const stock = page.getByRole('region', { name: '空白证书库存' });
  await receiveBlankPaper(page, [
    ['original', 'A5107000001', 'A5107000010'],
    ['copy', 'B5107000001', 'B5107000010'],
  ]);
  await scrollToTop(page);
  await shot('issuance-02-queue-and-stock', { fullPage: false });
  await partShot(stock, 'issuance-02b-stock-received');

  // --- 10:30 the clerk prints 正本 and 副本 --------------------------------------------------------------
  await switchTo(page, counterClerk, 'clerk', '10:30');
  await goToSection(page, 'issuance');
  await page.getByRole('button', { name: `出证 ${caseNumber}` }).click();
  await expect(page.getByRole('heading', { name: `出证：${caseNumber}` })).toBeVisible();

  const original = page.getByRole('region', { name: '套打营业执照正本' });
  await enterSerial(original, 'A5107000099');
  await expect(original.getByText('编号 A5107000099 不在本机库存中，请核对或先登记入库')).toBeVisible();
  await enterSerial(original, 'a5107000001');
  await expect(original.getByRole('status')).toHaveText('编号 A5107000001 在库，可以套打');
  await expect(original.getByRole('combobox', { name: '打印机' })).toHaveValue(queue.printer);
  await expect(original.getByRole('region', { name: '营业执照正本打印预览' }).locator('canvas').first()).toHaveAttribute('data-drawn', 'true', documentWork);
  await partShot(original, 'issuance-03-original-preview');
  const originalJob = await printSheet(original, '营业执照正本', queue.printer);
  await partShot(original, 'issuance-03b-original-printed');

  const copy = page.getByRole('region', { name: '套打营业执照副本' });
  await enterSerial(copy, 'A5107000002');
  await expect(copy.getByText('编号 A5107000002 是正本用纸，与所打证照不符')).toBeVisible();
  await enterSerial(copy, 'B5107000001');
  const spoiledJob = await printSheet(copy, '营业执照副本', queue.printer);

  // The 副本 came out of the printer misaligned: void it (the chief must approve), print on a new sheet.
  const documents = page.getByRole('region', { name: '本办件的文书' });
  const spoiledRow = documents.getByRole('row', { name: /营业执照副本.*B5107000001/ });
  await expect(spoiledRow).toContainText('已打印');
  const spoiledNumber = (await spoiledRow.getByRole('cell').nth(1).textContent())!.trim();
  await spoiledRow.getByRole('button', { name: `作废 ${spoiledNumber}` }).click();
  const voiding = page.getByRole('dialog', { name: `作废营业执照副本（${spoiledNumber}）` });
  await voiding.getByLabel('原因').fill('卡纸，字段错位');
  await voiding.getByLabel('首席代表登录名').fill(counterClerk.loginName);
  await voiding.getByLabel('首席代表密码').fill(counterClerk.password);
  await voiding.getByRole('button', { name: '确认作废' }).click();
  await expect(voiding.getByRole('alert')).toHaveText('“张三”不是首席代表，不能批准此操作');
  await shot('issuance-04-void-refused', { fullPage: false });
  await voiding.getByLabel('首席代表登录名').fill(chiefRepresentative.loginName);
  await voiding.getByLabel('首席代表密码').fill(chiefRepresentative.password);
  await voiding.getByRole('button', { name: '确认作废' }).click();
  await expect(voiding).toBeHidden();
  await expect(spoiledRow).toContainText('已作废');
  await expect(spoiledRow).toContainText('卡纸，字段错位');

  await enterSerial(copy, 'B5107000001');
  await expect(copy.getByText('编号 B5107000001 的证书纸已作废，不能再使用')).toBeVisible();
  await enterSerial(copy, 'B5107000002');
  const copyJob = await printSheet(copy, '营业执照副本', queue.printer);
  await partShot(copy, 'issuance-05-copy-printed');
  await partShot(documents, 'issuance-05b-documents');

  // --- 10:52 handover ----------------------------------------------------------------------------------
  await page.clock.setFixedTime(at('10:52'));
  const handover = page.getByRole('region', { name: '交付领取' });
  await expect(handover.getByLabel('领取人姓名')).toHaveValue('赵云峰');
  await handover.getByRole('button', { name: '确认交付并办结' }).click();
  await expect(page.getByTestId('elapsed-from-intake')).toHaveText('全程用时 1小时52分');
  await expect(page.getByRole('status', { name: '已办结' })).toContainText('领取人：赵云峰');
  await scrollToTop(page);
  await shot('issuance-06-completed', { fullPage: false });

  // --- The printed sheets and the stock --------------------------------------------------------------
  for (const [job, name, size] of [
    // CUPS lays the landscape 正本 onto A3 media as fed (portrait), turned a quarter: same size, no scaling.
    [originalJob, 'issuance-printed-original', [842, 1191]],
    [spoiledJob, 'issuance-printed-copy-spoiled', [595, 842]],
    [copyJob, 'issuance-printed-copy', [595, 842]],
  ] as const) {
    const printed = await waitForPrintedPdf(queue.outputDir, job);
    const info = await pdfInfo(printed);
    expect(info.pages).toBe(1);
    expect([Math.round(info.width), Math.round(info.height)].sort((a, b) => a - b)).toEqual(size);
    await renderPrintedPage(printed, name);
  }

  await page.getByRole('button', { name: '返回出证列表' }).click();
  await expect(page.getByRole('table', { name: '待出证办件' })).toBeHidden();
  const report = page.getByRole('region', { name: '空白证书库存' });
  await expect(report.getByTestId('stock-original')).toHaveText(['正本', '10', '1', '0', '9', '相符'].join(''));
  await expect(report.getByTestId('stock-copy')).toHaveText(['副本', '10', '1', '1', '8', '相符'].join(''));
  await expect(report).toContainText('B5107000001（副本）：卡纸，字段错位');
  await partShot(report, 'issuance-07-stock-report');

  // The headline figure stays on the case itself, with its documents.
  await goToSection(page, 'cases');
  await page.getByLabel('检索办件').fill(caseNumber);
  await page.getByRole('table', { name: '检索结果' }).getByRole('button', { name: `打开办件 ${caseNumber}` }).click();
  await expect(page.getByTestId('elapsed-from-intake')).toHaveText('全程用时 1小时52分');
  const caseDocuments = page.getByRole('region', { name: '本办件的文书' });
  // Header row and the three licences (the 副本 voided, the 正本 and the new 副本 handed over).
  await expect(caseDocuments.getByRole('row')).toHaveCount(4);
  await expect(caseDocuments.getByRole('button', { name: /^作废/ })).toHaveCount(0);
  await scrollToTop(page);
  await shot('issuance-08-case-detail', { fullPage: false });
});
