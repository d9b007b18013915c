import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { residentId } from '../fixtures/identities';
import { takeInAndAccept } from './harness/counterCase';
import { expectAccessible } from './harness/accessibility';
import { archivedText } from './harness/deskDb';
import { documentWork, printedJob } from './harness/printing';
import { fillAgency } from './harness/deskSettings';
import { enrolDesk, syncNow } from './harness/hqDesk';
import { chiefRepresentative, expect, goToSection, partShot, scrollToTop, signIn, signOut, test } from './fixtures';

/**
 * 督办台账 on two desks of hall MY with the reference HQ. Desk 01 accepts a 企业开办 case on Monday
 * 2 November 2026, due the next working day; on Friday the 6th (the page's clock moved on) the case is
 * 3 working days late: the clerk escalates it (提请专班督办, a reason required) and reads the ledger, which
 * lists it 超期; the chief assigns it to a department and its 专员 and records a follow-up. Desk 02 of the
 * hall pulls the item with its owner and follow-up, and its chief closes it with a result, which desk 01
 * then pulls too.
 */

const monday = new Date('2026-11-02T09:00:00+08:00');
const friday = new Date('2026-11-06T09:30:00+08:00');

test.use({ deskSetup: { role: 'clerk', furnished: true, enrolled: true, fixedTime: monday } });

const department = '市场监管局登记注册科';
const liaison = { name: '周敏', phone: '13800001111' };
const followUpText = '电话催办登记注册科，承诺11月9日前作出决定';

/** The ledger's row of `caseNumber` for `source` (超期预警, 提请督办, …). */
function ledgerRow(page: Page, caseNumber: string, source: string) {
  return page.getByRole('table', { name: '督办事项列表' }).getByRole('row', { name: new RegExp(`${source}.*${caseNumber}`) });
}

/** Waits for a drawer or dialog to finish sliding or fading in, so a screenshot shows it as the clerk sees it. */
async function settled(dialog: Locator): Promise<void> {
  await expect
    .poll(() =>
      dialog.evaluate((element) => {
        const style = getComputedStyle(element);
        return style.opacity === '1' && (style.transform === 'none' || style.transform === 'matrix(1, 0, 0, 1, 0, 0)');
      }),
    )
    .toBe(true);
}

/** Picks the ledger's 状态 filter. */
async function chooseStatus(page: Page, label: string): Promise<void> {
  await page.getByRole('search', { name: '筛选' }).getByRole('combobox', { name: '状态' }).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

test('a case past its 承诺时限 is listed in the ledger, assigned and followed up by the chief, seen with its follow-up on a second desk after sync, and closed there with a result', async ({
  page: deskA,
  hq,
  openDesk,
  printer,
  shot: shotA,
}) => {
  test.setTimeout(300_000);
  const applicant = { name: '陈立新', id: residentId('510703', '19850317', 211), mobile: '13900008888' };
  const enterprise = '绵阳涪江智造科技有限公司';
  const caseNumber = await takeInAndAccept(deskA, { enterprise, address: '绵阳市涪城区科创园区创新路6号', applicant });
  await syncNow(deskA);

  // --- Friday: the case is 3 working days past its due date (Tuesday the 3rd) ----------------------------
  await deskA.clock.setFixedTime(friday);
  await goToSection(deskA, 'cases');
  await deskA.getByLabel('检索办件').fill(caseNumber);
  await deskA.getByRole('table', { name: '检索结果' }).getByRole('button', { name: `打开办件 ${caseNumber}` }).click();
  await deskA.getByRole('button', { name: '提请专班督办' }).click();
  const escalate = deskA.getByRole('dialog', { name: `提请专班督办：${caseNumber}` });
  // No reason, no escalation: the dialog says so and stays open.
  await escalate.getByRole('button', { name: '提请督办' }).click();
  await expect(escalate.getByText('请填写提请理由')).toBeVisible();
  await escalate.getByLabel(/提请理由/).fill('申请人反映审批卡在登记环节，需专班协调');
  await escalate.getByRole('button', { name: '提请督办' }).click();
  await expect(escalate).toBeHidden();
  const supervised = deskA.getByRole('status').filter({ hasText: '专班督办中' });
  await expect(supervised).toContainText('提请督办 · 待督办');
  await partShot(supervised, 'ledger-01-case-escalated');

  // --- The clerk reads the ledger and may not act on it ----------------------------------------------------
  await deskA.keyboard.press('Alt+7');
  await expect(deskA.getByRole('heading', { level: 1, name: '督办台账' })).toBeFocused();
  await expect(deskA.getByRole('note').filter({ hasText: '受理员可查看督办台账' })).toBeVisible();
  const overdueRow = ledgerRow(deskA, caseNumber, '超期预警');
  await expect(overdueRow).toContainText(enterprise);
  await expect(overdueRow).toContainText('2026年11月3日');
  await expect(overdueRow).toContainText('超期 3 个工作日');
  await expect(overdueRow).toContainText('待督办');
  await expect(overdueRow).toHaveAttribute('data-overdue', 'true');
  await expect(ledgerRow(deskA, caseNumber, '提请督办')).toContainText('待督办');
  await overdueRow.getByRole('button', { name: `督办 ${caseNumber} 超期预警` }).click();
  const drawerA = deskA.getByRole('dialog', { name: `督办事项：${caseNumber}` });
  await expect(drawerA.getByRole('region', { name: '督办记录' })).toContainText('还没有督办记录');
  await expect(drawerA.getByRole('region', { name: '指派' })).toHaveCount(0);
  await expect(drawerA.getByRole('region', { name: '办结' })).toHaveCount(0);
  await settled(drawerA);
  await shotA('ledger-02-desk-a-clerk-reads', { fullPage: false });
  await deskA.keyboard.press('Escape');
  await expect(drawerA).toBeHidden();

  // --- The chief: search, filters, then 指派 and 督办记录 --------------------------------------------------
  await signOut(deskA);
  await signIn(deskA, chiefRepresentative, 'chief');
  await goToSection(deskA, 'ledger');
  await expect(deskA.getByRole('heading', { level: 1, name: '督办台账' })).toBeVisible();
  await deskA.keyboard.press('/');
  await expect(deskA.getByLabel('检索督办事项')).toBeFocused();
  await deskA.keyboard.type('没有这家企业');
  await expect(deskA.getByRole('region', { name: '督办事项列表' })).toContainText('没有符合条件的督办事项');
  await deskA.keyboard.press('Escape');
  await expect(deskA.getByLabel('检索督办事项')).toHaveValue('');
  await deskA.getByLabel('检索督办事项').fill(enterprise.slice(2, 6));
  await deskA.getByRole('checkbox', { name: '只看超期' }).check();
  await expect(ledgerRow(deskA, caseNumber, '超期预警')).toBeVisible();
  await expect(ledgerRow(deskA, caseNumber, '提请督办')).toHaveCount(0);
  await ledgerRow(deskA, caseNumber, '超期预警').getByRole('button', { name: `督办 ${caseNumber} 超期预警` }).click();

  const assign = drawerA.getByRole('region', { name: '指派' });
  await assign.getByRole('button', { name: '保存指派' }).click();
  await expect(assign.getByText('请填写责任部门')).toBeVisible();
  await assign.getByLabel('专员姓名').fill(liaison.name);
  await assign.getByLabel('专员电话').fill(liaison.phone);
  await assign.getByLabel(/责任部门/).fill(department);
  await assign.getByRole('button', { name: '保存指派' }).click();
  await expect(assign.getByRole('status')).toHaveText('已指派');

  // A refused 调整期限 keeps what was typed: the date stays, the reason is asked for.
  const due = drawerA.getByRole('region', { name: '调整期限' });
  await due.getByLabel(/新的期限/).fill('2026-11-10');
  await due.getByRole('button', { name: '保存期限' }).click();
  await expect(due.getByText('请填写调整理由')).toBeVisible();
  await expect(due.getByLabel(/新的期限/)).toHaveValue(/2026/);

  const followUps = drawerA.getByRole('region', { name: '督办记录' });
  await followUps.getByLabel(/督办情况/).fill(followUpText);
  await expect(followUps.getByLabel(/督办人/)).toHaveValue('李首席');
  await followUps.getByRole('button', { name: '添加督办记录' }).click();
  const list = followUps.getByRole('table', { name: '督办记录列表' });
  await expect(list).toContainText(followUpText);
  await expect(list).toContainText('2026年11月6日');
  await expect(drawerA.getByRole('region', { name: '事项概况' })).toContainText('督办中');
  await expect(drawerA.getByRole('region', { name: '事项概况' })).toContainText(`${department} · ${liaison.name}（${liaison.phone}）`);
  await settled(drawerA);
  await shotA('ledger-03-desk-a-chief-drawer', { fullPage: false });
  await partShot(drawerA.getByRole('region', { name: '事项概况' }), 'ledger-03b-desk-a-item-facts');
  await expectAccessible(deskA, '督办台账 item drawer');
  await deskA.keyboard.press('Escape');
  const assigned = ledgerRow(deskA, caseNumber, '超期预警');
  await expect(assigned).toContainText('督办中');
  await expect(assigned).toContainText(department);
  await scrollToTop(deskA);
  await shotA('ledger-04-desk-a-ledger', { fullPage: false });
  await expectAccessible(deskA, '督办台账');

  // --- 导出 Excel: every item the filters match (here the overdue one), read back from the saved file ---------
  await deskA.getByRole('button', { name: '导出 Excel' }).click();
  const exported = deskA.getByRole('status').filter({ hasText: '已导出' });
  await expect(exported).toContainText('已导出 1 项督办事项到');
  const savedPath = /到 (\S+\.xlsx)/.exec((await exported.textContent()) ?? '')?.[1];
  expect(savedPath).toMatch(/督办台账-MY01-20261106\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(savedPath!);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['督办台账']);
  const sheet = workbook.getWorksheet('督办台账')!;
  expect(sheet.getCell('A1').text).toMatch(/^督办台账\u3000.+\u30002026-11-03至2026-11-06\u3000制表时间：2026-11-06 09:30$/);
  expect(sheet.getCell('B2').text).toBe('办件编号');
  expect(sheet.rowCount).toBe(3);
  const line = sheet.getRow(3);
  expect([2, 3, 5, 6, 7, 8, 11, 13, 14].map((column) => line.getCell(column).text)).toEqual([
    caseNumber,
    enterprise,
    '超期预警',
    department,
    liaison.name,
    liaison.phone,
    '督办中',
    '李首席',
    followUpText,
  ]);
  // Typed cells: the due date a date (hall wall-clock, stored as UTC), the days left a number.
  expect(line.getCell(9).value).toEqual(new Date(Date.UTC(2026, 10, 3)));
  expect(line.getCell(10).value).toBe(-3);
  await partShot(exported, 'ledger-04b-desk-a-exported');

  // --- 打印台账: the PDF through the print dialog, with a 督字 文号, archived (read back decrypted) --------------
  await deskA.getByRole('button', { name: '打印台账' }).click();
  const printDialog = deskA.getByRole('dialog', { name: '打印督办台账' });
  await expect(printDialog.getByTestId('print-preview').locator('canvas').first()).toHaveAttribute('data-drawn', 'true', documentWork);
  await expect(printDialog.getByTestId('document-number')).toContainText('督字〔2026〕第MY01-');
  const ledgerNumber = /文号：(\S+号)/.exec((await printDialog.getByTestId('document-number').textContent()) ?? '')![1]!;
  await printDialog.getByRole('combobox', { name: '打印机' }).selectOption(printer.printer);
  await settled(printDialog);
  await shotA('ledger-04c-desk-a-print-ledger', { fullPage: false });
  await printDialog.getByRole('button', { name: '打印并存档' }).click();
  await printedJob(printDialog.getByRole('status', { name: '打印结果' }), printer.printer);
  await printDialog.getByRole('button', { name: '关闭', exact: true }).click();
  const printed = (await archivedText(deskA, 'ledgerReport')).replace(/\s+/g, '');
  // Table cells wrap over lines in the text layout: what is checked here stays on one line.
  expect(printed).toContain(`督办台账${ledgerNumber}`);
  expect(printed).toContain('2026年11月3日至2026年11月6日');
  expect(printed).toContain('共1项，其中逾期1项');
  expect(printed).toContain(`${caseNumber}${enterprise}超期预警`);
  expect(printed).toContain('逾期3个工作日督办中');
  await syncNow(deskA);

  // --- Desk 02 of the hall pulls the item and its follow-up -------------------------------------------------
  const { page: deskB, shot: shotB } = await openDesk({ role: 'admin', section: 'settings', fixedTime: new Date('2026-11-06T10:00:00+08:00') });
  await enrolDesk(deskB, hq, { hallCode: 'MY', deskCode: '02' });
  await fillAgency(deskB, { 窗口名称: '综合窗口 2号' });
  await signOut(deskB);
  await signIn(deskB, chiefRepresentative, 'chief');
  await syncNow(deskB);
  await goToSection(deskB, 'ledger');
  const rowB = ledgerRow(deskB, caseNumber, '超期预警');
  await expect(rowB).toContainText('督办中');
  await expect(rowB).toContainText(`${department} · ${liaison.name}`);
  await expect(rowB).toContainText('超期 3 个工作日');
  await rowB.getByRole('button', { name: `督办 ${caseNumber} 超期预警` }).click();
  const drawerB = deskB.getByRole('dialog', { name: `督办事项：${caseNumber}` });
  await expect(drawerB.getByRole('table', { name: '督办记录列表' })).toContainText(followUpText);
  await expect(drawerB.getByRole('table', { name: '督办记录列表' })).toContainText('李首席');
  await settled(drawerB);
  await shotB('ledger-05-desk-b-pulled', { fullPage: false });
  await partShot(drawerB.getByRole('region', { name: '督办记录' }), 'ledger-05b-desk-b-follow-ups');

  // --- Closed there with a result: required, then confirmed ---------------------------------------------------
  const close = drawerB.getByRole('region', { name: '办结' });
  await close.getByRole('button', { name: '办结督办事项' }).click();
  await expect(close.getByText('请填写办理结果')).toBeVisible();
  await close.getByLabel(/办理结果/).fill('登记注册科已于11月6日作出准予决定，办件转入出证');
  await close.getByRole('button', { name: '办结督办事项' }).click();
  const confirm = deskB.getByRole('dialog', { name: '确认办结' });
  await expect(confirm).toContainText('登记注册科已于11月6日作出准予决定');
  await settled(confirm);
  await shotB('ledger-06-desk-b-confirm-close', { fullPage: false });
  await confirm.getByRole('button', { name: '确认办结' }).click();
  await expect(confirm).toBeHidden();
  await expect(drawerB.getByRole('region', { name: '事项概况' })).toContainText('已办结');
  await expect(drawerB.getByRole('region', { name: '办结' })).toHaveCount(0);
  await expect(drawerB.getByRole('region', { name: '事项概况' })).toContainText('登记注册科已于11月6日作出准予决定');
  await partShot(drawerB.getByRole('region', { name: '事项概况' }), 'ledger-06b-desk-b-closed');
  await deskB.keyboard.press('Escape');
  // The ledger lists the items still to supervise; a closed one under 已办结.
  await expect(rowB).toHaveCount(0);
  await chooseStatus(deskB, '已办结');
  await expect(rowB).toContainText('已办结');
  await expect(rowB).not.toHaveAttribute('data-overdue', 'true');
  await syncNow(deskB);

  // --- Desk 01 pulls the closing -------------------------------------------------------------------------------
  await syncNow(deskA);
  await deskA.getByRole('checkbox', { name: '只看超期' }).uncheck();
  await chooseStatus(deskA, '全部');
  await deskA.getByLabel('检索督办事项').fill(caseNumber);
  await expect(ledgerRow(deskA, caseNumber, '超期预警')).toContainText('已办结');
  await expect(ledgerRow(deskA, caseNumber, '提请督办')).toContainText('待督办');
  await scrollToTop(deskA);
  await shotA('ledger-07-desk-a-sees-closed', { fullPage: false });
});
