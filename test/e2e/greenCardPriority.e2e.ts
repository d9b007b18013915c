import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { residentId, uscc } from '../fixtures/identities';
import { takeInAndAccept } from './harness/counterCase';
import { archivedPdfs, archivedText } from './harness/deskDb';
import { installGreenCards } from './harness/greenCards';
import { documentWork, printedJob } from './harness/printing';
import { chiefRepresentative, expect, goToSection, renderPrintedPage, scrollToTop, signIn, signOut, test } from './fixtures';

/**
 * End to end: 服务绿卡 priority. A green-card enterprise's case, taken in first, is nonetheless at the top
 * of today's queue (newest first otherwise); its 专员 shows on the case and on its printed 收件凭证; and in
 * 出证 it leads the 待出证 queue although the other case was approved before it.
 */

const at = (time: string) => new Date(`2026-11-02T${time}:00+08:00`);
test.use({ deskSetup: { role: 'clerk', furnished: true, fixedTime: at('09:00') } });

const greenUscc = uscc('510703', 'MA6G7H8J');
const green = { enterprise: '绵阳绿卡精密制造有限公司', uscc: greenUscc, address: '绵阳市涪城区科创园区创业大道8号', applicant: { name: '钱绿卡', id: residentId('510703', '19850101', 111), mobile: '13900001111' } };
const plain = { enterprise: '绵阳普通商贸有限公司', address: '绵阳市涪城区长虹大道中段20号', applicant: { name: '孙普通', id: residentId('510703', '19870202', 222), mobile: '13900002222' } };

/** The chief records 准予 in the hall for a case, with its licence data, so it goes to 待出证. */
async function approveInHall(page: Page, caseNumber: string, name: string, code: string): Promise<void> {
  await page.getByRole('button', { name: `记录准予（厅内） ${caseNumber}` }).click();
  const approval = page.getByRole('dialog', { name: `记录准予（厅内）：${caseNumber}` });
  await expect(approval.getByLabel('名称')).toHaveValue(name);
  await approval.getByLabel('统一社会信用代码').fill(code);
  await approval.getByLabel('类型').fill('有限责任公司（自然人投资或控股）');
  await approval.getByLabel('法定代表人').fill('钱孙');
  await approval.getByLabel('注册资本（元）').fill('1000000');
  await approval.getByLabel('经营范围').fill('一般项目：技术服务、技术开发。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）');
  await approval.getByRole('radio', { name: '长期' }).check();
  await approval.getByRole('button', { name: '确认准予并转入待出证' }).click();
  await expect(approval).toBeHidden();
}

/** Case numbers of a table's body rows, top to bottom. */
async function caseNumbersIn(page: Page, table: string): Promise<string[]> {
  const cells = page.getByRole('table', { name: table }).locator('tbody tr').locator('td:first-child');
  return (await cells.allTextContents()).map((text) => /[0-9A-Z]+-\d{8}-\d{4}/.exec(text)?.[0] ?? text);
}

test('puts a green-card case first in today’s queue and in 出证, and shows its 专员 on the case and its receipt', async ({ page, printer, shot }) => {
  test.setTimeout(300_000);
  await installGreenCards(page, [{ uscc: greenUscc, enterpriseName: green.enterprise, liaisonName: '陈专员', liaisonPhone: '13800005555', priority: 1 }]);

  // --- 09:00 the green-card case comes first, 09:20 an ordinary one ----------------------------------
  const greenCase = await takeInAndAccept(page, green);
  const summary = page.getByRole('region', { name: '概况' });
  await expect(summary.getByText('服务绿卡')).toBeVisible();
  await expect(summary.getByTestId('case-green-card-liaison')).toHaveText('专员 陈专员\u3000138 0000 5555');
  await scrollToTop(page);
  await shot('green-card-01-case-liaison', { fullPage: false });

  // The 收件凭证 names the 专员: read from the archived bytes, exactly as printed.
  await page.getByRole('button', { name: '打印收件凭证' }).click();
  const receipt = page.getByRole('dialog', { name: '打印收件凭证' });
  await expect(receipt.getByTestId('print-preview').locator('canvas').first()).toHaveAttribute('data-drawn', 'true', documentWork);
  await receipt.getByRole('button', { name: '打印并存档' }).click();
  await printedJob(receipt.getByRole('status', { name: '打印结果' }), printer.printer);
  await receipt.getByRole('button', { name: '关闭', exact: true }).click();
  expect((await archivedText(page, 'receipt')).replace(/\s+/g, '')).toContain('绿卡专员陈专员联系电话13800005555');
  const [archived] = await archivedPdfs(page, 'receipt');
  const receiptFile = join(await mkdtemp(join(tmpdir(), 'green-card-')), 'receipt.pdf');
  await writeFile(receiptFile, archived!);
  await renderPrintedPage(receiptFile, 'green-card-01b-receipt');

  await page.clock.setFixedTime(at('09:20'));
  await goToSection(page, 'cases');
  await goToSection(page, 'intake');
  const plainCase = await takeInAndAccept(page, plain);
  await expect(page.getByRole('region', { name: '概况' }).getByTestId('case-green-card-liaison')).toHaveCount(0);

  // --- 今日队列: newest first, except that the green-card case leads ---------------------------------
  await goToSection(page, 'cases');
  await expect(page.getByRole('table', { name: '今日队列' })).toBeVisible();
  await expect.poll(() => caseNumbersIn(page, '今日队列')).toEqual([greenCase, plainCase]);
  await scrollToTop(page);
  await shot('green-card-02-queue');

  // --- 出证: the chief approves the ordinary case first, then the green-card one ---------------------
  await page.clock.setFixedTime(at('10:00'));
  await signOut(page);
  await signIn(page, chiefRepresentative, 'chief');
  await goToSection(page, 'issuance');
  await expect(page.getByRole('heading', { level: 1, name: '出证' })).toBeVisible();
  await expect.poll(() => caseNumbersIn(page, '待审批办件（首席代表可厅内准予）')).toEqual([greenCase, plainCase]);
  await approveInHall(page, plainCase, plain.enterprise, uscc('510703', 'MA6K9L2M'));
  await page.clock.setFixedTime(at('10:10'));
  await approveInHall(page, greenCase, green.enterprise, greenUscc);
  // 待出证 lists by approval time; the green-card case, approved last, is issued first.
  await expect.poll(() => caseNumbersIn(page, '待出证办件')).toEqual([greenCase, plainCase]);
  await scrollToTop(page);
  await shot('green-card-03-issuance-queue');
});
