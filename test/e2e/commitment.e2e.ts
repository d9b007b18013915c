import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { residentId } from '../fixtures/identities';
import { expectAccessible } from './harness/accessibility';
import { caseNumberShown, choose, fillParty, markAllMissingReceived, pickMatter, registerNewEnterprise } from './harness/counterCase';
import { archivedPdfs, openStored, storedArchivedPdfs } from './harness/deskDb';
import { documentWork, printedJob } from './harness/printing';
import { expect, goToSection, test } from './fixtures';

/**
 * 告知承诺: an applicant whose own premises have no title certificate signs a commitment instead of the
 * 场所证明. The clerk marks the item 承诺 at intake, prints the 告知承诺书 (its text names the material, the
 * 核查 deadline and the consequences of a false commitment), attaches the signed scan to the item, accepts
 * the case without the document, and later records the 核查 result, which shows on the case and its timeline.
 * A check not yet done is listed on 办件 (待核查的告知承诺), overdue in red once its due date has passed, and
 * leaves the list once its result is recorded.
 */

const intakeAt = new Date('2026-11-02T09:00:00+08:00');
const material = '住所使用证明：房产管理部门或村（居）委会出具的场所证明';

test.use({ deskSetup: { role: 'clerk', furnished: true, fixedTime: intakeAt } });

/** The text of the archived 告知承诺书 (cups-pdf redraws printed jobs, so the archived bytes are read). */
async function archivedLetterText(page: Page): Promise<string> {
  const [letter] = await archivedPdfs(page, 'commitmentLetter');
  if (letter === undefined) throw new Error('no commitment letter archived');
  const path = join(await mkdtemp(join(tmpdir(), 'commitment-')), 'letter.pdf');
  await writeFile(path, letter);
  const { stdout } = await promisify(execFile)('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return stdout.replace(/\s+/g, '');
}

/**
 * 企业开办 for `enterprise`, whose own premises have no title certificate, submitted from the intake form;
 * returns the case number, with the case and its 材料清单 showing.
 */
async function takeInUntitledPremises(page: Page, enterprise: string, applicant: { name: string; id: string; mobile: string }): Promise<string> {
  await pickMatter(page, 'qykb', '企业开办');
  await registerNewEnterprise(page, enterprise);
  await page.getByRole('textbox', { name: '住所（经营场所）' }).fill('绵阳市游仙区仙人路一段22号');
  await fillParty(page, '申请人', applicant);
  await choose(page, 'group', '股东类型（可多选）', '自然人');
  await choose(page, 'radiogroup', '住所（经营场所）使用情况', '自有房产，未取得产权证明');
  await choose(page, 'radiogroup', '经营范围是否含登记前须经批准的项目（前置许可）', '否');
  await choose(page, 'radiogroup', '是否需要开具发票（数电发票开票额度）', '否');
  await page.getByLabel('本次参保职工人数').fill('2');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: '概况' })).toContainText(enterprise);
  return caseNumberShown(page);
}

/** The premises item of the 材料清单, marked 承诺 from the keyboard. */
async function commitPremises(page: Page) {
  const checklist = page.getByRole('region', { name: '材料清单', exact: true });
  const item = checklist.getByRole('row', { name: new RegExp(material) });
  await item.focus();
  await page.keyboard.press('c');
  await expect(item).toHaveAttribute('data-status', 'committed');
  await expect(item).toContainText('承诺');
  return { checklist, item };
}

/** 受理 (Ctrl+Enter) once every other material is received: the commitment blocks nothing. */
async function acceptWithoutTheDocument(page: Page, checklist: Locator) {
  await markAllMissingReceived(page, checklist);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status', { name: '已作出决定' })).toContainText('已作出决定：受理');
}

test('a 承诺 item at intake: the 告知承诺书 printed, its signed scan attached, the case accepted, the 核查 result recorded and shown', async ({ page, shot }) => {
  test.setTimeout(300_000);
  const caseNumber = await takeInUntitledPremises(page, '绵阳青竹文化传播有限公司', { name: '何静', id: residentId('510703', '19880521', 126), mobile: '13800006789' });

  // --- 承诺 instead of the document, from the keyboard -----------------------------------------------
  const { checklist, item } = await commitPremises(page);

  // --- 告知承诺书 ------------------------------------------------------------------------------------
  const panel = page.getByRole('region', { name: '告知承诺', exact: true });
  await expect(panel).toContainText(material);
  await expect(panel).toContainText('受理后起算');
  await panel.getByRole('button', { name: '打印告知承诺书' }).click();
  const dialog = page.getByRole('dialog', { name: '打印告知承诺书' });
  await expect(dialog.getByTestId('print-preview').locator('canvas').first()).toHaveAttribute('data-drawn', 'true', documentWork);
  await dialog.getByRole('combobox', { name: '打印机' }).selectOption('DeskPDF');
  await shot('commitment-01-letter-preview', { fullPage: false });
  await dialog.getByRole('button', { name: '打印并存档' }).click();
  await printedJob(dialog.getByRole('status', { name: '打印结果' }), 'DeskPDF');
  await dialog.getByRole('button', { name: '关闭', exact: true }).click();
  const text = await archivedLetterText(page);
  // The table wraps the material's name across lines beside the statement: its head is checked.
  for (const needle of ['告知承诺书', material.slice(0, 12), '个工作日内', '撤销登记', '严重违法失信名单', '申请人（签字或盖章）', caseNumber]) expect(text).toContain(needle.replace(/\s+/g, ''));
  // At rest the letter is sealed: neither a PDF nor anything of its text, only the desk's key opens it.
  const [stored] = await storedArchivedPdfs(page, 'commitmentLetter');
  expect(stored?.sealed).toBe(1);
  const plainLetter = await openStored(page, stored!);
  expect(plainLetter.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(stored!.stored.includes('%PDF')).toBe(false);
  expect(stored!.stored.includes(plainLetter.subarray(0, 64))).toBe(false);
  expect(stored!.stored.includes('pdf-lib')).toBe(false);
  await expect(panel.getByRole('button', { name: '重印告知承诺书' })).toBeVisible();

  // --- the signed 承诺书, scanned onto the item ---------------------------------------------------------
  await item.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: /材料详情/ });
  const scan = await page.screenshot({ clip: { x: 0, y: 0, width: 400, height: 300 } });
  await details.locator('input[type="file"]').setInputFiles({ name: '告知承诺书（已签字）.png', mimeType: 'image/png', buffer: scan });
  await expect(details.getByRole('img', { name: /告知承诺书（已签字）\.png/ })).toBeVisible();
  await shot('commitment-02-signed-scan', { fullPage: false });
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();

  // --- accepted without the document: the commitment blocks nothing -----------------------------------
  await acceptWithoutTheDocument(page, checklist);
  await expect(panel).toContainText('待核查');

  // --- 核查: 不属实 needs the action taken ------------------------------------------------------------
  await panel.getByRole('button', { name: `登记核查结果：${material}` }).click();
  const record = page.getByRole('dialog', { name: `登记核查结果：${material}` });
  await record.getByText('不属实', { exact: true }).click();
  // The form will not go without the action (the write refuses it too: see the data tests).
  await expect(record.getByLabel(/处理措施/)).toHaveAttribute('required', '');
  await record.getByLabel(/处理措施/).fill('场所证明与实际不符，已责令申请人限期改正');
  await shot('commitment-03-check-form', { fullPage: false });
  await record.getByRole('button', { name: '保存核查结果' }).click();
  await expect(record).toBeHidden();
  await expect(panel).toContainText('不属实');
  await expect(panel).toContainText('已责令申请人限期改正');
  await shot('commitment-04-check-recorded', { fullPage: true });
});

test('办件 lists the 核查 still to do, overdue in red, opens the case at its 告知承诺 panel, and the check leaves the list once 属实 is recorded', async ({ page, shot }) => {
  test.setTimeout(300_000);
  const caseNumber = await takeInUntitledPremises(page, '绵阳松柏商贸有限公司', { name: '罗平', id: residentId('510703', '19790314', 53), mobile: '13800002345' });
  const { checklist } = await commitPremises(page);
  await acceptWithoutTheDocument(page, checklist);

  // --- Accepted on 11月2日: the 核查 is due 20 working days later, on 11月30日; on 12月3日 it is 3 days late --
  await page.clock.setFixedTime(new Date('2026-12-03T09:00:00+08:00'));
  await goToSection(page, 'cases');
  const section = page.getByRole('region', { name: '待核查的告知承诺' });
  await expect(section.getByLabel('待核查 1 项')).toHaveText('1');
  await expect(section.getByRole('status')).toHaveText('共 1 项，其中已逾期 1 项');
  const row = section.getByRole('table', { name: '待核查的告知承诺' }).getByRole('row', { name: new RegExp(caseNumber) });
  await expect(row).toContainText('绵阳松柏商贸有限公司');
  await expect(row).toContainText(material);
  await expect(row).toContainText('2026年11月30日');
  await expect(row).toContainText('已逾期 3 天');
  await expect(row).toHaveAttribute('data-overdue', 'true');
  await section.scrollIntoViewIfNeeded();
  await shot('commitment-05-checks-list', { fullPage: false });
  await expectAccessible(page, '办件 with the checks list');

  // --- 去核查 opens the case at its 告知承诺 panel ------------------------------------------------------
  await row.getByRole('button', { name: `去核查 ${caseNumber} ${material}` }).click();
  const panel = page.getByRole('region', { name: '告知承诺', exact: true });
  await expect(panel).toBeFocused();
  await expect(panel).toBeInViewport();
  await expect(panel).toContainText('已逾期');
  await panel.getByRole('button', { name: `登记核查结果：${material}` }).click();
  const record = page.getByRole('dialog', { name: `登记核查结果：${material}` });
  await record.getByText('属实', { exact: true }).click();
  await record.getByRole('button', { name: '保存核查结果' }).click();
  await expect(record).toBeHidden();
  await expect(panel).toContainText('属实（');
  await shot('commitment-06-checked-from-list', { fullPage: false });

  // --- Back on 办件 the check is gone from the list ------------------------------------------------------
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(page.getByRole('region', { name: '今日队列' })).toBeVisible();
  await expect(page.getByRole('region', { name: '待核查的告知承诺' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: '待核查的告知承诺' })).toHaveCount(0);
});
