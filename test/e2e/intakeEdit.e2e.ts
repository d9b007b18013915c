import { expect, goToSection, scrollToTop, test } from './fixtures';
import { markAllMissingReceived, takeIn } from './harness/counterCase';

/**
 * 修改受理信息: while a case is still at the counter the clerk corrects its intake from the case
 * screen, with the same form as intake; a changed answer rebuilds the checklist (what was recorded stays),
 * the correction shows on the summary and the timeline, a wrong ID number is refused in Chinese with nothing
 * saved, and once the case is decided the correction is no longer offered.
 */

const takenInAt = new Date('2026-09-30T09:30:00+08:00');
const applicant = { name: '赵敏', id: '510703199003071233', mobile: '13800001234' };
const enterprise = '绵阳青禾农业科技有限公司';

test.use({ deskSetup: { role: 'clerk', furnished: true, fixedTime: takenInAt } });

test('corrects the intake of a registered case from the keyboard: the checklist gains an item, recorded items stay, the summary and timeline show it; a wrong ID is refused; a decided case offers no correction', async ({
  page,
  shot,
}) => {
  test.setTimeout(180_000);
  const caseNumber = await takeIn(page, { enterprise, address: '绵阳市游仙区农科园2号', applicant });

  // The first item is taken in before the correction; its record must survive the rebuilt checklist.
  const checklist = page.getByRole('region', { name: '材料清单', exact: true });
  const rows = checklist.getByRole('table', { name: '材料清单' }).getByRole('row').filter({ has: page.getByRole('cell') });
  const firstItem = (await rows.first().getByRole('cell').nth(1).locator('p').first().textContent())!;
  await rows.first().focus();
  await page.keyboard.press('r');
  await expect(rows.first()).toHaveAttribute('data-status', 'received');
  const itemsBefore = await rows.count();
  await expect(checklist).not.toContainText('企业股东的营业执照');

  // --- 修改受理信息 right after registration, on 受理 -------------------------------------------
  const summary = page.getByRole('region', { name: '概况' });
  await expect(summary.getByRole('button', { name: /修改受理信息/ })).toBeVisible();
  await page.keyboard.press('F4');
  const dialog = page.getByRole('dialog', { name: `修改受理信息 · 办件 ${caseNumber}` });
  await expect(dialog).toBeVisible();
  // The form opens filled in from the case, the enterprise registered with it open for correcting.
  await expect(dialog.getByLabel('申请人手机号码')).toHaveValue(applicant.mobile);
  await expect(dialog.getByLabel('企业名称（拟设立名称）')).toHaveValue(enterprise);
  const shareholders = dialog.getByRole('group', { name: /^股东类型（可多选）/ });
  await expect(shareholders.getByLabel('自然人', { exact: true })).toBeChecked();

  const companyShareholder = shareholders.getByLabel('企业（公司等）', { exact: true });
  await companyShareholder.focus();
  await page.keyboard.press('Space');
  await expect(companyShareholder).toBeChecked();
  const preview = dialog.getByRole('region', { name: '材料清单（随受理询问实时变化）' });
  const newRow = preview.getByRole('row', { name: /企业股东的营业执照/ });
  await expect(newRow).toContainText('新增');
  // The item recorded at the counter shows its status in the preview: it stays received.
  await expect(preview.getByRole('row', { name: new RegExp(firstItem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toContainText('收到');

  const mobile = dialog.getByLabel('申请人手机号码');
  await mobile.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('13912345678');
  await shot('intakeEdit-01-correction-form', { fullPage: false });
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();

  await expect(summary).toContainText('510703199003071233 · 139 1234 5678');
  await expect(summary).toContainText('登记中');
  await expect(checklist).toContainText('企业股东的营业执照');
  await expect(rows).toHaveCount(itemsBefore + 1);
  await expect(rows.first()).toHaveAttribute('data-status', 'received');
  await scrollToTop(page);
  await shot('intakeEdit-02-corrected-at-intake');

  // --- The case's page in 办件: the correction on the timeline ---------------------------------
  await goToSection(page, 'cases');
  await expect(page.getByRole('heading', { level: 1, name: '办件' })).toBeVisible();
  await page.getByLabel('检索办件').fill(caseNumber);
  await page.getByRole('table', { name: '检索结果' }).getByRole('button', { name: `打开办件 ${caseNumber}` }).click();
  await expect(summary).toContainText('510703199003071233 · 139 1234 5678');
  const timeline = page.getByRole('region', { name: '办理过程' });
  await expect(timeline).toContainText('修改受理信息');
  await expect(timeline).toContainText('修改内容：申请人手机号码、受理询问');
  await expect(timeline).toContainText('清单新增：「企业股东的营业执照」');
  await expect(timeline).toContainText('张三');
  await timeline.scrollIntoViewIfNeeded();
  await shot('intakeEdit-03-timeline', { fullPage: false });

  // --- Owned premises instead of rented: the lease already taken in is no longer needed --------
  const lease = '住所使用证明：租赁协议或无偿使用证明';
  const leaseRow = rows.filter({ hasText: lease });
  await leaseRow.focus();
  await page.keyboard.press('r');
  await expect(leaseRow).toHaveAttribute('data-status', 'received');
  await page.keyboard.press('F4');
  await expect(dialog).toBeVisible();
  const owned = dialog.getByRole('radiogroup', { name: /^住所（经营场所）使用情况/ }).getByLabel('自有房产，已取得产权证明', { exact: true });
  await owned.focus();
  await page.keyboard.press('Space');
  await expect(owned).toBeChecked();
  const noLongerNeeded = preview.getByRole('group', { name: '不再需要的材料' });
  await expect(noLongerNeeded).toContainText(lease);
  await expect(noLongerNeeded).toContainText('收到');
  await expect(noLongerNeeded).toContainText('出租（出借）方的房屋产权证明');
  await expect(preview.getByRole('row', { name: /房屋产权证明（自有房产）/ })).toContainText('新增');
  await noLongerNeeded.scrollIntoViewIfNeeded();
  await shot('intakeEdit-04-premises-preview', { fullPage: false });
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(checklist).not.toContainText(lease);
  await expect(checklist).toContainText('住所使用证明：房屋产权证明（自有房产）');
  const dropped = page.getByRole('region', { name: '不再需要的材料' });
  await expect(dropped.getByRole('row', { name: new RegExp(lease) })).toContainText('收到');
  await expect(timeline).toContainText('修改内容：受理询问');
  await expect(timeline).toContainText(`清单不再需要：「${lease}」、「出租（出借）方的房屋产权证明」`);
  await dropped.scrollIntoViewIfNeeded();
  await shot('intakeEdit-05-no-longer-needed', { fullPage: false });

  // --- A wrong ID number: refused in Chinese, nothing saved ---------------------------------
  await summary.getByRole('button', { name: /修改受理信息/ }).click();
  await expect(dialog).toBeVisible();
  const idNumber = dialog.getByLabel('申请人身份证号码');
  await idNumber.fill('510703199003071234');
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByText('居民身份证号码校验不通过（第18位校验码与前17位不符），请逐位核对').first()).toBeVisible();
  await dialog.getByRole('alert').scrollIntoViewIfNeeded();
  await expect(dialog.getByRole('alert')).toContainText('居民身份证号码校验不通过');
  await shot('intakeEdit-06-wrong-id-refused', { fullPage: false });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Escape closed the dialog only: the case is still open, unchanged, with two corrections on its timeline.
  await expect(summary).toContainText('510703199003071233 · 139 1234 5678');
  await expect(timeline.getByText('修改受理信息', { exact: true })).toHaveCount(2);

  // An unchanged form saves nothing either, and says so.
  await page.keyboard.press('F4');
  // The form is filled in from the stored case before the shortcut means anything.
  await expect(dialog.getByLabel('申请人身份证号码')).toHaveValue('510703199003071233');
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByRole('alert')).toHaveText('受理信息没有变化，无需保存。');
  await dialog.getByRole('button', { name: /^取消/ }).click();
  await expect(dialog).toBeHidden();
  await expect(timeline.getByText('修改受理信息', { exact: true })).toHaveCount(2);

  // --- Once accepted, the intake is what was decided on: no correction offered ---------------
  await markAllMissingReceived(page, checklist);
  await expect(page.getByTestId('checklist-progress')).toHaveText(/^(\d+) \/ \1 必交材料已收$/);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status', { name: '已作出决定' })).toContainText('已作出决定：受理');
  await expect(summary).toContainText('已受理');
  await expect(summary.getByRole('button', { name: /修改受理信息/ })).toHaveCount(0);
  await page.keyboard.press('F4');
  await expect(dialog).toHaveCount(0);
  await scrollToTop(page);
  await shot('intakeEdit-07-accepted-no-correction');
});
