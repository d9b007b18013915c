import type { Page } from '@playwright/test';
import { caseNumberShown, choose, registerNewEnterprise } from './harness/counterCase';
import { expect, goToSection, scrollToTop, test, type Shot } from './fixtures';

/**
 * A company being founded names its people at intake: a Hong Kong 法定代表人 with the 港澳居民来往内地通行证
 * and a British natural-person shareholder with a passport and its nationality. The case shows them, and
 * 办件 finds it by a fragment of the shareholder's passport number.
 */

test.use({ deskSetup: { role: 'clerk', furnished: true, fixedTime: new Date('2026-11-03T09:30:00+08:00') } });

async function look(page: Page, shot: Shot, name: string): Promise<void> {
  await scrollToTop(page);
  await shot(name);
}

test('takes in a company with a Hong Kong legal representative and a foreign shareholder, and finds it by the shareholder\'s passport', async ({ page, shot }) => {
  test.setTimeout(300_000);
  await expect(page.getByRole('heading', { level: 1, name: '受理' })).toBeFocused();
  await page.getByLabel('事项或“一件事”').focus();
  await page.keyboard.type('qykb');
  await expect(page.getByRole('option', { name: /企业开办/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await registerNewEnterprise(page, '绵阳港英投资有限公司');
  await page.getByRole('textbox', { name: '住所（经营场所）' }).fill('绵阳市涪城区临园路东段68号');
  await page.getByLabel('申请人姓名').fill('李明');
  await page.getByLabel('申请人身份证号码').fill('510703199003071233');
  await page.getByLabel('申请人手机号码').fill('13800001234');

  // --- 法定代表人: a Hong Kong resident, no phone ------------------------------------------------------------
  await page.getByLabel('法定代表人姓名').fill('陈大文');
  await page.getByRole('combobox', { name: '法定代表人证件类型' }).selectOption({ label: '港澳居民来往内地通行证' });
  await page.getByLabel('法定代表人证件号码').fill('X6024');
  await page.getByLabel('法定代表人证件号码').blur();
  await expect(page.getByText('港澳居民来往内地通行证号码应为H（香港）或M（澳门）加8位数字，旧版为H或M加10位数字')).toBeVisible();
  await page.getByLabel('法定代表人证件号码').fill('h 6024 8731');

  // --- 自然人股东: a British passport holder --------------------------------------------------------------
  await page.getByRole('button', { name: '添加自然人股东' }).click();
  const shareholder = page.getByRole('group', { name: '第1名自然人股东' });
  await shareholder.getByLabel('股东1姓名').fill('John Smith');
  await shareholder.getByRole('combobox', { name: '股东1证件类型' }).selectOption({ label: '护照' });
  await shareholder.getByLabel('股东1证件号码').fill('ep7319468');
  await shareholder.getByRole('combobox', { name: '股东1国籍' }).fill('英国');
  await page.getByRole('option', { name: '英国 GBR' }).click();

  await choose(page, 'group', '股东类型（可多选）', '自然人');
  await choose(page, 'radiogroup', '住所（经营场所）使用情况', '租赁或无偿借用他人房屋');
  await choose(page, 'radiogroup', '经营范围是否含登记前须经批准的项目（前置许可）', '否');
  await choose(page, 'radiogroup', '是否需要开具发票（数电发票开票额度）', '否');
  await page.getByLabel('本次参保职工人数').fill('2');
  await shareholder.scrollIntoViewIfNeeded();
  await shot('legalRepresentative-01-intake-form', { fullPage: false });

  await page.keyboard.press('Control+Enter');
  const summary = page.getByRole('region', { name: '概况' });
  await expect(summary).toContainText('绵阳港英投资有限公司');
  await expect(summary).toContainText('港澳居民来往内地通行证 H60248731');
  await expect(summary).toContainText('护照 EP7319468（英国）');
  const caseNumber = await caseNumberShown(page);
  await look(page, shot, 'legalRepresentative-02-case');

  // --- 办件: found by a fragment of the shareholder's passport number ---------------------------------------
  await goToSection(page, 'cases');
  await expect(page.getByRole('heading', { level: 1, name: '办件' })).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('319468');
  const results = page.getByRole('table', { name: '检索结果' });
  await expect(results.getByRole('row', { name: /绵阳港英投资有限公司/ })).toBeVisible();
  await expect(results).toContainText(caseNumber);
  await look(page, shot, 'legalRepresentative-03-found-by-passport');
});
