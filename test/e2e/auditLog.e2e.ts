import { expect, test } from './fixtures';
import { takeIn } from './harness/counterCase';
import { chiefRepresentative, signIn, signOut } from './harness/signIn';

/**
 * 审计日志 for the chief: after a clerk took in a case, the chief filters the log by one case number
 * and sees only that case's entries, with the clerk's name, the action in Chinese and the case number
 * linking to the case; the chain check sits beside it.
 */

const takenInAt = new Date('2026-09-30T09:30:00+08:00');

test.use({ deskSetup: { role: 'clerk', furnished: true, fixedTime: takenInAt } });

test('the chief filters the audit log by case number and opens the case from it', async ({ page, shot }) => {
  test.setTimeout(240_000);
  const first = await takeIn(page, { enterprise: '绵阳青禾农业科技有限公司', address: '绵阳市游仙区农科园2号', applicant: { name: '赵敏', id: '510703199003071233', mobile: '13800001234' } });

  await signOut(page);
  await signIn(page, chiefRepresentative, 'chief');
  await page.keyboard.press('Alt+5');
  await page.getByRole('navigation', { name: '设置分类' }).getByRole('link', { name: '审计日志' }).click();
  const viewer = page.getByRole('region', { name: '操作记录查询' });
  await expect(viewer).toBeVisible();
  await expect(page.getByRole('region', { name: '审计日志', exact: true }).getByRole('button', { name: '审计日志校验' })).toBeVisible();

  const table = viewer.getByRole('table', { name: '审计日志记录' });
  // Unfiltered, the sign-ins are listed too.
  await expect(table).toContainText('登录');
  await viewer.getByRole('textbox', { name: '办件编号' }).fill(first.toLowerCase());
  await viewer.getByRole('button', { name: '查询' }).click();
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toContainText(first);
  const count = await rows.count();
  for (let i = 0; i < count; i += 1) {
    await expect(rows.nth(i).getByRole('link', { name: `打开办件 ${first}` })).toBeVisible();
    await expect(rows.nth(i)).toContainText('张三');
  }
  await expect(table).toContainText('登记办件');
  await expect(table).not.toContainText('登录');
  await expect(table).toContainText('2026年9月30日');
  await shot('audit-log-by-case', { fullPage: false });

  await rows.first().getByRole('link', { name: `打开办件 ${first}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('办件');
  await expect(page.getByText(first).first()).toBeVisible();
});
