import type { Page } from '@playwright/test';
import { expect, goToSection, scrollToTop, test, type Shot } from './fixtures';
import { caseNumberShown, choose, fillParty, markAllMissingReceived, registerNewEnterprise } from './harness/counterCase';
import { installGreenCards } from './harness/greenCards';
import { scannedPagePng } from './harness/scans';

/**
 * The counter’s core job, end to end: intake of the 企业开办 bundle with a live
 * checklist, materials marked received by keyboard, acceptance with a due date across the National Day
 * holiday, and a one-time correction notice whose applicant comes back and is accepted on the second visit.
 *
 * "Today" is pinned with Playwright's clock. By the 2026 arrangement (chinese-days): 10月1日–7日 are off,
 * 10月10日 (a Saturday) is a make-up working day. So:
 *  - accepted on Wed 2026-09-30 with a 1-working-day promise (设立登记, the bundle's slowest matter) →
 *    due Thu 2026-10-08, the first working day after the holiday;
 *  - accepted on Fri 2026-10-09 with a 5-working-day promise (食品经营许可) → Sat 10-10 (make-up), Mon 10-12,
 *    Tue 10-13, Wed 10-14, Thu 10-15: due 2026-10-15.
 */

const beforeHoliday = new Date('2026-09-30T09:30:00+08:00');
const afterHoliday = new Date('2026-10-09T10:00:00+08:00');

test.use({ deskSetup: { role: 'clerk', furnished: true, fixedTime: beforeHoliday } });

/** A full-page screenshot from the top of the page. */
async function look(page: Page, shot: Shot, name: string): Promise<void> {
  await scrollToTop(page);
  await shot(name);
}

test('takes in 企业开办 with a live checklist, marks it received by keyboard and accepts across the holiday; a corrected case is accepted on the second visit', async ({
  page,
  shot,
}) => {
  test.setTimeout(180_000);
  await expect(page.getByRole('heading', { level: 1, name: '受理' })).toBeVisible();

  // --- Case 1: 企业开办 for a new company -------------------------------------------------------
  await page.keyboard.press('Control+k');
  const matterBox = page.getByLabel('事项或“一件事”');
  await expect(matterBox).toBeFocused();
  await page.keyboard.type('qykb');
  await expect(page.getByRole('option', { name: /企业开办/ })).toBeVisible();
  await look(page, shot, 'counter-01-matter-search');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: '已选事项' })).toContainText('企业开办');

  await page.getByLabel('排队号').fill('A012');
  await registerNewEnterprise(page, '绵阳云帆科技有限公司');
  await expect(page.getByLabel('企业名称（拟设立名称）')).toHaveValue('绵阳云帆科技有限公司');
  await page.getByRole('textbox', { name: '住所（经营场所）' }).fill('绵阳市涪城区科创园区创业大道1号');

  await fillParty(page, '申请人', { name: '李明', id: '510703199003071233', mobile: '13800001234' });
  // The resident ID shows what it says about its holder as soon as it is valid.
  await expect(page.getByText('出生日期 1990年3月7日 · 男 · 四川省')).toBeVisible();

  await choose(page, 'group', '股东类型（可多选）', '自然人');
  await choose(page, 'group', '股东类型（可多选）', '企业（公司等）');
  await choose(page, 'radiogroup', '住所（经营场所）使用情况', '租赁或无偿借用他人房屋');
  await choose(page, 'radiogroup', '经营范围是否含登记前须经批准的项目（前置许可）', '否');
  await choose(page, 'radiogroup', '是否需要开具发票（数电发票开票额度）', '是');
  await page.getByLabel('本次参保职工人数').fill('3');

  // The checklist beside the form follows the answers.
  const preview = page.getByRole('table', { name: '材料清单' });
  await expect(preview).toContainText('住所使用证明：租赁协议或无偿使用证明');
  await expect(preview).toContainText('出租（出借）方的房屋产权证明');
  await expect(preview).toContainText('企业股东的营业执照');
  await expect(preview).toContainText('自然人股东身份证件');
  await expect(preview).not.toContainText('住所使用证明：房屋产权证明（自有房产）');
  await look(page, shot, 'counter-02-intake-form');

  await page.keyboard.press('Control+Enter');
  const checklist = page.getByRole('region', { name: '材料清单', exact: true });
  await expect(checklist.getByRole('table', { name: '材料清单' })).toBeVisible();
  await expect(page.getByRole('region', { name: '概况' })).toContainText('绵阳云帆科技有限公司');
  await expect(checklist).toContainText('出租（出借）方的房屋产权证明');
  await expect(checklist).not.toContainText('住所使用证明：房屋产权证明（自有房产）');
  await expect(page.getByTestId('due-if-accepted')).toHaveText('如现在受理，承诺办结日期为 2026年10月8日（1个工作日）');
  await look(page, shot, 'counter-03-checklist');

  await markAllMissingReceived(page, checklist);
  const progress = page.getByTestId('checklist-progress');
  await expect(progress).toHaveText(/^(\d+) \/ \1 必交材料已收$/);
  await look(page, shot, 'counter-04-all-received');

  await page.keyboard.press('Control+Enter');
  const result = page.getByRole('status', { name: '已作出决定' });
  await expect(result).toContainText('已作出决定：受理');
  await expect(page.getByTestId('decision-due-date')).toHaveText('承诺办结日期：2026年10月8日');
  await expect(result.getByRole('list', { name: '本决定须出具的文书' })).toContainText('受理通知书');
  await expect(result.getByRole('button', { name: '打印受理通知书' })).toBeEnabled();
  await expect(page.getByRole('region', { name: '概况' }).getByText('已受理')).toBeVisible();
  await look(page, shot, 'counter-05-accepted');

  // --- Case 2: 食品经营许可 with materials missing: one-time notice ----------------------------------
  await page.keyboard.press('F2');
  await expect(matterBox).toBeVisible();
  await matterBox.focus();
  await page.keyboard.type('spjy');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: '已选事项' })).toContainText('食品经营许可');
  await page.getByLabel('排队号').fill('A013');
  await registerNewEnterprise(page, '91510700MA62QH3T4P');
  await expect(page.getByLabel('统一社会信用代码')).toHaveValue('91510700MA62QH3T4P');
  await page.getByLabel('企业名称（拟设立名称）').fill('绵阳味道餐饮管理有限公司');
  await fillParty(page, '申请人', { name: '王芳', id: '11010519491231002X', mobile: '13900002222' });
  await choose(page, 'group', '经营项目（可多选）', '热食类食品制售');
  await page.keyboard.press('Control+Enter');

  const checklist2 = page.getByRole('region', { name: '材料清单', exact: true });
  await expect(checklist2.getByRole('table', { name: '材料清单' })).toBeVisible();
  // Only the application form comes today; everything else required is missing.
  const applicationForm = checklist2.getByRole('row', { name: /食品经营许可申请书/ });
  await applicationForm.focus();
  await page.keyboard.press('r');
  await expect(applicationForm).toContainText('收到');
  await page.getByRole('button', { name: '一次性告知' }).click();
  const notice = page.getByRole('dialog', { name: '出具一次性告知书' });
  await expect(notice.getByRole('list', { name: '缺少的必交材料' })).toContainText('经营设施空间布局和操作流程文件');
  await expect(notice.getByRole('list', { name: '缺少的必交材料' })).toContainText('食品安全管理人员任命文件');
  await look(page, shot, 'counter-06-correction-notice');
  await notice.getByRole('button', { name: '确认出具告知书' }).click();
  await expect(page.getByRole('status', { name: '已作出决定' })).toContainText('出具一次性告知书');
  await expect(page.getByRole('region', { name: '概况' }).getByText('待补正')).toBeVisible();
  const caseNumber2 = await caseNumberShown(page);

  // --- The applicant comes back after the holiday ------------------------------------------------
  await page.clock.setFixedTime(afterHoliday);
  await goToSection(page, 'cases');
  await expect(page.getByRole('heading', { level: 1, name: '办件' })).toBeVisible();
  // Case 1 was promised for 10月8日 and HQ has not decided it: on 10月9日 it is overdue.
  const attention = page.getByRole('table', { name: '需要关注：已超期或临近承诺期限' });
  await expect(attention.getByRole('row', { name: /绵阳云帆科技有限公司/ })).toContainText('已超期');
  await look(page, shot, 'counter-07-cases-overview');
  await page.keyboard.press('/');
  await page.keyboard.type('云帆');
  const results = page.getByRole('table', { name: '检索结果' });
  await expect(results.getByRole('row', { name: /绵阳云帆科技有限公司/ })).toBeVisible();
  await expect(results).toContainText('已受理');
  await look(page, shot, 'counter-08-search');

  // Filtering by status alone lists the case waiting for its applicant.
  await page.getByLabel('检索办件').fill('');
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.getByRole('option', { name: '待补正' }).click();
  await expect(results.getByRole('row', { name: /绵阳味道餐饮管理有限公司/ })).toBeVisible();
  await expect(results).not.toContainText('绵阳云帆科技有限公司');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByLabel('检索办件').fill(caseNumber2);
  await results.getByRole('button', { name: `打开办件 ${caseNumber2}` }).click();
  await expect(page.getByRole('region', { name: '概况' })).toContainText('待补正');
  const returning = page.getByRole('region', { name: '材料清单', exact: true });
  await markAllMissingReceived(page, returning);
  await expect(page.getByTestId('due-if-accepted')).toHaveText('如现在受理，承诺办结日期为 2026年10月15日（5个工作日）');
  await page.getByRole('region', { name: '窗口决定' }).getByRole('button', { name: /^受理/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('decision-due-date')).toHaveText('承诺办结日期：2026年10月15日');
  await expect(page.getByRole('status', { name: '已作出决定' })).toContainText('本次为申请人第2次到场');
  const summary = page.getByRole('region', { name: '概况' });
  await expect(summary).toContainText('已受理');
  await expect(summary).toContainText('2次');
  const timeline = page.getByRole('region', { name: '办理过程' });
  await expect(timeline).toContainText('出具一次性告知书');
  await expect(timeline).toContainText('申请人补正后再次到场');
  await expect(timeline).toContainText('第2次到场');
  await expect(timeline).toContainText('张三');
  await look(page, shot, 'counter-09-second-visit-accepted');
});

const greenCardUscc = '91510703MA6D2K8L86';

/** HQ's green-card list with one key enterprise. */
async function installGreenCard(page: Page): Promise<void> {
  await installGreenCards(page, [{ uscc: greenCardUscc, enterpriseName: '小吃店', liaisonName: '陈专员', liaisonPhone: '13800005555', priority: 1 }]);
}

test('checks identifiers as typed, keeps markup as text, opens an item with its legal basis and scans, refuses only after confirmation, and accepts a green-card enterprise with a deferred material', async ({
  page,
  shot,
}) => {
  test.setTimeout(120_000);
  await installGreenCard(page);

  await page.keyboard.press('Control+k');
  await page.keyboard.type('gtgsh');
  await expect(page.getByRole('option', { name: /个体工商户设立登记/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await registerNewEnterprise(page, '<script>alert(1)</script>小吃店');
  await expect(page.getByLabel('企业名称（拟设立名称）')).toHaveValue('<script>alert(1)</script>小吃店');
  await page.getByLabel('统一社会信用代码').fill(greenCardUscc);

  await fillParty(page, '申请人', { name: '赵六', id: '510703199003071234', mobile: '12345678901' });
  await expect(page.getByText('居民身份证号码校验不通过（第18位校验码与前17位不符），请逐位核对')).toBeVisible();
  await expect(page.getByText('不是有效的中国大陆手机或固定电话号码，请核对（固定电话请带区号，如0816-2345678；境外号码请以“+国际区号”开头）')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: '处需要修改' })).toBeVisible();
  await look(page, shot, 'counter-10-intake-problems');

  await page.getByLabel('申请人身份证号码').fill('510703199003071233');
  await page.getByLabel('申请人手机号码').fill('+86 139 0000 3333');
  await choose(page, 'radiogroup', '住所（经营场所）使用情况', '自有房产，已取得产权证明');
  await choose(page, 'radiogroup', '经营范围是否含登记前须经批准的项目（前置许可）', '否');
  await choose(page, 'radiogroup', '是否家庭经营', '否');
  await page.keyboard.press('Control+Enter');

  const summary = page.getByRole('region', { name: '概况' });
  await expect(summary.getByText('<script>alert(1)</script>小吃店')).toBeVisible();
  const checklist = page.getByRole('region', { name: '材料清单', exact: true });
  const titleRow = checklist.getByRole('row', { name: /经营场所使用证明：房屋产权证明（自有房产）/ });

  // 容缺 is refused for a material the catalogue does not allow it for, in the catalogue's words.
  await checklist.getByRole('row', { name: /个体工商户登记（备案）申请书/ }).focus();
  await page.keyboard.press('d');
  await expect(checklist.getByRole('alert')).toContainText('「个体工商户登记（备案）申请书」按规定不允许容缺');

  await titleRow.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: /材料详情/ });
  await expect(details).toContainText('设定依据');
  await details.locator('input[type="file"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
  await expect(details.getByRole('alert')).toContainText('只能附加 PDF 或图片');
  await details.locator('input[type="file"]').setInputFiles({ name: '房产证.png', mimeType: 'image/png', buffer: await scannedPagePng(page) });
  await expect(details.getByRole('img', { name: '扫描件预览：房产证.png' })).toBeVisible();
  await details.getByRole('radio', { name: '收到' }).focus();
  await page.keyboard.press('Space');
  await expect(details.getByRole('radio', { name: '收到' })).toBeChecked();
  await details.getByLabel('页数').fill('2');
  await look(page, shot, 'counter-11-item-details');
  await details.getByRole('button', { name: '保存' }).click();
  await expect(details).toBeHidden();
  await expect(titleRow).toContainText('收到');
  await expect(titleRow).toContainText('1份');

  const decisions = page.getByRole('region', { name: '窗口决定' });
  await decisions.getByRole('button', { name: '不予受理' }).click();
  const refuse = page.getByRole('dialog', { name: '不予受理' });
  await refuse.getByRole('button', { name: '下一步' }).click();
  await expect(refuse.getByText('请填写不予受理的理由')).toBeVisible();
  await refuse.getByLabel('不予受理的理由').fill('申请登记的经营场所位于禁止经营区域');
  await refuse.getByRole('button', { name: '下一步' }).click();
  await expect(refuse.getByRole('alertdialog', { name: '确认不予受理' })).toBeVisible();
  await look(page, shot, 'counter-12-refuse-confirm');
  await refuse.getByRole('button', { name: '确认不予受理' }).click();
  await expect(page.getByRole('status', { name: '已作出决定' })).toContainText('不予受理通知书');
  // The buttons are gone with the decision; the clerk continues from its outcome.
  await expect(page.getByRole('status', { name: '已作出决定' })).toBeFocused();
  await expect(summary).toContainText('不予受理');
  await look(page, shot, 'counter-13-refused');

  // --- The same enterprise comes back for a food permit: a green-card holder, through an agent ----
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('spjyxk');
  await expect(page.getByRole('option', { name: /食品经营许可/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.getByLabel('查找企业（名称片段或统一社会信用代码）').fill('小吃');
  await expect(page.getByRole('option', { name: /小吃店/ })).toContainText('服务绿卡');
  await page.keyboard.press('Enter');
  const card = page.getByRole('status').filter({ hasText: '专员' });
  await expect(card).toContainText('专员：陈专员（13800005555）');
  await expect(card).toContainText('优先级：一级（最优先）');
  await fillParty(page, '申请人', { name: '赵六', id: '510703199003071233', mobile: '13900003333' });
  const agentSwitch = page.getByRole('switch', { name: '委托代理人办理' });
  await agentSwitch.focus();
  await page.keyboard.press('Space');
  await fillParty(page, '代理人', { name: '王芳', id: '11010519491231002X', mobile: '13900002222' });
  await page.getByLabel('授权委托说明').fill('代为办理食品经营许可申请及领取许可证，期限至2026年12月31日');
  await choose(page, 'group', '经营项目（可多选）', '热食类食品制售');
  await expect(page.getByRole('table', { name: '材料清单' })).toContainText('指定代表或委托代理人身份证件');
  await look(page, shot, 'counter-14-green-card-agent');
  await page.keyboard.press('Control+Enter');

  const foodList = page.getByRole('region', { name: '材料清单', exact: true });
  await expect(foodList.getByRole('table', { name: '材料清单' })).toBeVisible();
  await expect(page.getByRole('region', { name: '概况' })).toContainText('王芳');
  await markAllMissingReceived(page, foodList);
  const manager = foodList.getByRole('row', { name: /食品安全管理人员任命文件/ });
  await manager.focus();
  await page.keyboard.press('d');
  // 5 working days from 9月30日: 10月8日, 9日, 10日 (make-up Saturday), 12日, 13日.
  await expect(manager).toContainText('2026年10月13日前补交');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: '窗口决定' }).getByRole('alert')).toContainText('请改用容缺受理');
  await page.getByRole('region', { name: '窗口决定' }).getByRole('button', { name: '容缺受理' }).click();
  const deferral = page.getByRole('dialog', { name: '容缺受理' });
  await expect(deferral.getByLabel('「食品安全管理人员任命文件」补交期限')).toHaveValue('2026年10月13日');
  await look(page, shot, 'counter-15-deferral');
  await deferral.getByRole('button', { name: '确认容缺受理' }).click();
  const deferred = page.getByRole('status', { name: '已作出决定' });
  await expect(deferred).toContainText('已作出决定：容缺受理');
  await expect(deferred).toContainText('容缺受理通知书');
  await expect(page.getByTestId('decision-due-date')).toHaveText('承诺办结日期：2026年10月13日');
  await look(page, shot, 'counter-16-deferred');
});
