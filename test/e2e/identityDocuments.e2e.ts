import type { Page } from '@playwright/test';
import { residentId } from '../fixtures/identities';
import { pdfInfo, waitForPrintedPdf } from './harness/cups';
import { acceptWithEverythingReceived, caseNumberShown, choose, registerNewEnterprise } from './harness/counterCase';
import { printedJob } from './harness/printing';
import { expect, goToSection, renderPrintedPage, scrollToTop, test, type Shot } from './fixtures';

/**
 * Applicants without a mainland 居民身份证: a Hong Kong resident applies with the 港澳居民来往内地通行证 and a
 * +852 mobile, through a British agent with a passport and a London number. The case is taken in through
 * the screens, its materials received, accepted, its receipt printed, and it is found on 办件 by the tail
 * of the permit number typed without its letter. A 居住证 number with a wrong check digit is refused
 * under the field, naming the document.
 */

const intakeAt = new Date('2026-11-03T09:30:00+08:00');

test.use({ deskSetup: { role: 'clerk', furnished: true, fixedTime: intakeAt } });

async function look(page: Page, shot: Shot, name: string): Promise<void> {
  await scrollToTop(page);
  await shot(name);
}

const permit = 'H60248731';

test('takes in a case for a Hong Kong applicant with a foreign agent, prints its receipt and finds it by a fragment of the permit number', async ({ page, printer: queue, shot }) => {
  test.setTimeout(300_000);
  await expect(page.getByRole('heading', { level: 1, name: '受理' })).toBeFocused();
  await page.getByLabel('事项或“一件事”').focus();
  await page.keyboard.type('qykb');
  await expect(page.getByRole('option', { name: /企业开办/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await registerNewEnterprise(page, '绵阳港信贸易有限公司');
  await page.getByRole('textbox', { name: '住所（经营场所）' }).fill('绵阳市涪城区临园路东段66号');

  // --- The applicant: first a 居住证 number with a wrong check digit, then the permit actually shown ---------
  await page.getByLabel('申请人姓名').fill('陈大文');
  const applicantKind = page.getByRole('combobox', { name: '申请人证件类型' });
  await applicantKind.selectOption({ label: '港澳台居民居住证' });
  const goodPermitNumber = residentId('810000', '19880412', 35);
  const wrongCheckDigit = goodPermitNumber.slice(0, 17) + (goodPermitNumber.endsWith('0') ? '1' : '0');
  await page.getByLabel('申请人证件号码').fill(wrongCheckDigit);
  await expect(page.getByText('港澳台居民居住证号码校验不通过（第18位校验码与前17位不符），请逐位核对')).toBeVisible();
  await look(page, shot, 'identity-01-wrong-check-digit');

  await applicantKind.selectOption({ label: '港澳居民来往内地通行证' });
  await page.getByLabel('申请人证件号码').fill('h 6024 8731');
  await expect(page.getByText('港澳台居民居住证号码校验不通过')).toHaveCount(0);
  await page.getByLabel('申请人手机号码').fill('+852 9123 4567');
  await expect(page.getByText('+852 9123 4567', { exact: true })).toBeVisible();

  // --- The agent: a passport, its nationality picked by name, a number abroad ------------------------------
  await page.getByRole('switch', { name: '委托代理人办理' }).check();
  await page.getByLabel('代理人姓名').fill('John Smith');
  await page.getByRole('combobox', { name: '代理人证件类型' }).selectOption({ label: '护照' });
  await page.getByLabel('代理人证件号码').fill('ep1234567');
  await page.getByRole('combobox', { name: '代理人国籍' }).fill('英国');
  await page.getByRole('option', { name: '英国 GBR' }).click();
  await page.getByLabel('代理人手机号码').fill('+44 20 7946 0958');
  await page.getByLabel('授权委托说明').fill('代为办理设立登记、领取营业执照，期限至2026年12月31日');

  await choose(page, 'group', '股东类型（可多选）', '自然人');
  await choose(page, 'radiogroup', '住所（经营场所）使用情况', '租赁或无偿借用他人房屋');
  await choose(page, 'radiogroup', '经营范围是否含登记前须经批准的项目（前置许可）', '否');
  await choose(page, 'radiogroup', '是否需要开具发票（数电发票开票额度）', '否');
  await page.getByLabel('本次参保职工人数').fill('2');
  await look(page, shot, 'identity-02-intake-form');

  await page.keyboard.press('Control+Enter');
  const summary = page.getByRole('region', { name: '概况' });
  await expect(summary).toContainText('绵阳港信贸易有限公司');
  await expect(summary).toContainText(`港澳居民来往内地通行证 ${permit} · +852 9123 4567`);
  await expect(summary).toContainText('护照 EP1234567（英国） · +44 20 7946 0958');
  const caseNumber = await caseNumberShown(page);

  await acceptWithEverythingReceived(page);
  await look(page, shot, 'identity-03-accepted');

  // --- 收件凭证 ---------------------------------------------------------------------------------------------
  await page.getByRole('status', { name: '已作出决定' }).getByRole('button', { name: '打印收件凭证' }).click();
  const receipt = page.getByRole('dialog', { name: '打印收件凭证' });
  await expect(receipt.getByTestId('print-preview').locator('canvas').first()).toHaveAttribute('data-drawn', 'true', { timeout: 60_000 });
  await receipt.getByRole('button', { name: '打印并存档' }).click();
  const job = await printedJob(receipt.getByRole('status', { name: '打印结果' }), 'DeskPDF');
  const printed = await waitForPrintedPdf(queue.outputDir, job);
  expect((await pdfInfo(printed)).pages).toBeGreaterThan(0);
  await renderPrintedPage(printed, 'identity-04-printed-receipt');
  await receipt.getByRole('button', { name: '关闭', exact: true }).click();

  // --- 办件: found by the permit number's tail, typed without its letter ----------------------------------
  await goToSection(page, 'cases');
  await expect(page.getByRole('heading', { level: 1, name: '办件' })).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('60248731');
  const results = page.getByRole('table', { name: '检索结果' });
  await expect(results.getByRole('row', { name: /绵阳港信贸易有限公司/ })).toBeVisible();
  await expect(results).toContainText(caseNumber);
  await look(page, shot, 'identity-05-found-by-permit');
});
