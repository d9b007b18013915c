import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { residentId, uscc } from '../fixtures/identities';
import { ensureCupsPdfPrinter, pdfInfo, waitForPrintedPdf } from './harness/cups';
import { fillAgency, setDeskIdentity, takeInAndAccept } from './harness/counterCase';
import {
  addAccount,
  chiefRepresentative,
  counterClerk,
  expect as baseExpect,
  goToSection,
  screenshotDir,
  setUpFirstAdmin,
  signIn,
  signOut,
  test,
  type TestAccount,
} from './fixtures';

const expect = baseExpect.configure({ timeout: 20_000 });
const run = promisify(execFile);

/**
 * Issue 4 point 5–6, end to end: the chief approves an accepted case in the hall (待出证) and receives blank
 * licence paper; the clerk prints 正本 and 副本 on serials checked against stock, a spoiled 副本 is voided
 * (refused with the clerk's own password, allowed with the chief's) and printed again on a new serial;
 * the handover completes the case and shows 全程用时 from intake; the stock report balances.
 */

const at = (time: string) => new Date(`2026-11-02T${time}:00+08:00`);

async function switchTo(page: Page, account: TestAccount, role: 'clerk' | 'chief', time: string): Promise<void> {
  await page.clock.setFixedTime(at(time));
  await signOut(page);
  await signIn(page, account, role);
}

/** Scans or types a serial, checks it against stock and says what the desk answered. */
async function enterSerial(panel: Locator, serial: string): Promise<void> {
  await panel.getByRole('textbox', { name: /空白证书编号/ }).fill(serial);
  await panel.getByRole('button', { name: '核对编号' }).click();
}

/** Prints the sheet in `panel` after the preview is drawn; returns the CUPS job id. */
async function printSheet(panel: Locator, label: string): Promise<string> {
  await expect(panel.getByRole('region', { name: `${label}打印预览` }).locator('canvas').first()).toHaveAttribute('data-drawn', 'true');
  await panel.getByRole('button', { name: `套打${label}` }).click();
  const outcome = panel.getByRole('status', { name: '打印结果' });
  await expect(outcome).toContainText('已打印：DeskPDF 已完成 1 份');
  return /打印作业 (\S+-\d+)）/.exec((await outcome.textContent()) ?? '')![1]!;
}

async function renderForLooking(pdf: string, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, resolve(screenshotDir, name)]);
}

async function top(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** A screenshot of one part of the page (a full-page one would draw the fixed status bar across it). */
async function partShot(part: Locator, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await part.screenshot({ path: resolve(screenshotDir, `${name}.png`) });
}

test('approves in the hall, prints 正本 and 副本 on stock serials, voids a spoiled sheet with the chief, hands over with the elapsed time, and the stock balances', async ({
  page,
  desk,
  shot,
}) => {
  void desk;
  test.setTimeout(400_000);
  const queue = await ensureCupsPdfPrinter();

  // --- The admin sets the desk up --------------------------------------------------------------------
  await page.clock.setFixedTime(at('08:30'));
  await setUpFirstAdmin(page, '/#/settings');
  await setDeskIdentity(page);
  await fillAgency(page);
  const defaults = page.getByRole('region', { name: '默认打印机与纸张' });
  for (const kind of ['营业执照正本', '营业执照副本']) {
    await defaults.getByRole('combobox', { name: `${kind}打印机`, exact: true }).selectOption(queue.printer);
    await defaults.getByRole('button', { name: `保存${kind}`, exact: true }).click();
    await expect(defaults.getByRole('status')).toHaveText(`已保存“${kind}”的默认打印机`);
  }
  await addAccount(page, counterClerk, 'clerk');
  await addAccount(page, chiefRepresentative, 'chief');

  // --- 09:00 the clerk takes the case in and accepts it ---------------------------------------------------
  await switchTo(page, counterClerk, 'clerk', '09:00');
  await goToSection(page, 'intake');
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
  await approval.getByLabel('法定代表人').fill('赵云峰');
  await approval.getByLabel('注册资本（元）').fill('500万');
  await approval.getByLabel('经营范围').fill('一般项目：软件开发；数据处理和存储支持服务；信息技术咨询服务。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）');
  await approval.getByRole('button', { name: '确认准予并转入待出证' }).click();
  await expect(approval.getByText('注册资本应为不超过两位小数的金额（元）')).toBeVisible();
  await approval.getByLabel('注册资本（元）').fill('5000000');
  await shot('issuance-01-in-hall-approval', { fullPage: false });
  await approval.getByRole('button', { name: '确认准予并转入待出证' }).click();
  await expect(approval).toBeHidden();
  const queueTable = page.getByRole('table', { name: '待出证办件' });
  await expect(queueTable.getByRole('row', { name: new RegExp(caseNumber) })).toBeVisible();

  const stock = page.getByRole('region', { name: '空白证书库存' });
  const receive = stock.getByRole('form', { name: '登记入库（首席代表核准）' });
  for (const [kind, first, last] of [
    ['original', 'A5107000001', 'A5107000010'],
    ['copy', 'B5107000001', 'B5107000010'],
  ] as const) {
    await receive.getByRole('combobox', { name: '种类' }).selectOption(kind);
    await receive.getByLabel('首张编号').fill(first);
    await receive.getByLabel('末张编号').fill(last);
    await receive.getByLabel('首席代表登录名').fill(chiefRepresentative.loginName);
    await receive.getByLabel('首席代表密码').fill(chiefRepresentative.password);
    await receive.getByRole('button', { name: '登记入库' }).click();
    await expect(receive.getByRole('status')).toContainText(`10 张：${first} — ${last}`);
  }
  await top(page);
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
  await expect(original.getByRole('region', { name: '营业执照正本打印预览' }).locator('canvas').first()).toHaveAttribute('data-drawn', 'true');
  await partShot(original, 'issuance-03-original-preview');
  const originalJob = await printSheet(original, '营业执照正本');
  await partShot(original, 'issuance-03b-original-printed');

  const copy = page.getByRole('region', { name: '套打营业执照副本' });
  await enterSerial(copy, 'A5107000002');
  await expect(copy.getByText('编号 A5107000002 是正本用纸，与所打证照不符')).toBeVisible();
  await enterSerial(copy, 'B5107000001');
  const spoiledJob = await printSheet(copy, '营业执照副本');

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
  const copyJob = await printSheet(copy, '营业执照副本');
  await partShot(copy, 'issuance-05-copy-printed');
  await partShot(documents, 'issuance-05b-documents');

  // --- 10:52 handover ----------------------------------------------------------------------------------
  await page.clock.setFixedTime(at('10:52'));
  const handover = page.getByRole('region', { name: '交付领取' });
  await expect(handover.getByLabel('领取人姓名')).toHaveValue('赵云峰');
  await handover.getByRole('button', { name: '确认交付并办结' }).click();
  await expect(page.getByTestId('elapsed-from-intake')).toHaveText('全程用时 1小时52分');
  await expect(page.getByRole('status', { name: '已办结' })).toContainText('领取人：赵云峰');
  await top(page);
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
    await renderForLooking(printed, name);
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
  await top(page);
  await shot('issuance-08-case-detail', { fullPage: false });
});
