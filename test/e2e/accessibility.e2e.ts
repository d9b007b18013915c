import { residentId } from '../fixtures/identities';
import { expectAccessible } from './harness/accessibility';
import { markAllMissingReceived, takeIn, takeInAndAccept } from './harness/counterCase';
import { chiefRepresentative, expect, goToSection, setUpFirstAdmin, signOut, test } from './fixtures';

/**
 * Every main screen and dialog, checked with axe-core as a screen reader or keyboard user meets it: no
 * serious or critical violation (controls without a name, names in English, unreadable contrast…).
 */

test('the first-admin setup, the sign-in screen and the lock screen have Chinese names for every control', async ({ page, shot }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '首次使用：创建管理员账号' })).toBeVisible();
  await expectAccessible(page, 'first-admin setup');
  await setUpFirstAdmin(page);
  await signOut(page);
  await expectAccessible(page, 'sign-in');
  await shot('accessibility-sign-in', { fullPage: false });
  await expect(page.getByRole('button', { name: /password/i })).toHaveCount(0);
});

test.describe('on a furnished desk', () => {
  test.use({ deskSetup: { role: 'chief', furnished: true, fixedTime: new Date('2026-11-02T09:00:00+08:00') } });

  test('受理, a case with its dialogs, 办件, 出证 with the in-hall approval, 日结 and 设置 pass axe', async ({ page, shot }) => {
    test.setTimeout(300_000);
    await expectAccessible(page, '受理');

    await takeIn(page, {
      enterprise: '绵阳青松文化传播有限公司',
      address: '绵阳市涪城区临园路东段12号',
      applicant: { name: '周青松', id: residentId('510703', '19900315', 123), mobile: '13900005555' },
    });
    await expectAccessible(page, 'a case (概况, 材料清单, 窗口决定)');

    // The fixed status bar never covers the row the clerk works on: the last row, focused, stops above it.
    const checklist = page.getByRole('region', { name: '材料清单', exact: true });
    await checklist.getByRole('row').last().focus();
    const lastRow = await checklist.getByRole('row').last().boundingBox();
    const statusBar = await page.getByRole('contentinfo').first().boundingBox();
    expect(lastRow!.y + lastRow!.height).toBeLessThanOrEqual(statusBar!.y);
    await shot('accessibility-last-row-focused', { fullPage: false });
    await checklist.getByRole('row').nth(1).focus();
    await page.keyboard.press('Enter');
    const details = page.getByRole('dialog', { name: /材料详情/ });
    await expect(details).toBeVisible();
    await expectAccessible(page, 'the 材料详情 dialog', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();

    await page.getByRole('button', { name: '一次性告知' }).click();
    const notice = page.getByRole('dialog', { name: '出具一次性告知书' });
    await expect(notice).toBeVisible();
    await expectAccessible(page, 'the 一次性告知 dialog', '[role="dialog"]');
    await shot('accessibility-notice-dialog', { fullPage: false });
    await page.keyboard.press('Escape');
    await expect(notice).toBeHidden();

    for (const [section, heading] of [
      ['cases', '办件'],
      ['issuance', '出证'],
      ['day-close', '日结'],
      ['settings', '设置'],
    ] as const) {
      await goToSection(page, section);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectAccessible(page, heading);
    }

    await page.getByRole('contentinfo').getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByRole('button', { name: '确定退出' })).toBeVisible();
    await expectAccessible(page, 'the sign-out confirmation');
    await page.keyboard.press('Escape');
    await page.getByRole('contentinfo').getByRole('button', { name: '锁屏' }).click();
    await expect(page.getByRole('dialog', { name: '屏幕已锁定' })).toBeVisible();
    await expectAccessible(page, 'the lock screen', '[role="dialog"]');
    await page.getByRole('dialog', { name: '屏幕已锁定' }).getByRole('textbox', { name: '密码', exact: true }).fill(chiefRepresentative.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: '屏幕已锁定' })).toBeHidden();
  });
});

test.describe('the in-hall approval', () => {
  test.use({ deskSetup: { role: 'chief', furnished: true, fixedTime: new Date('2026-11-02T09:00:00+08:00') } });

  test('says what blocks a 容缺 case before any licence field; the form of a clear case takes Chinese dates; both pass axe', async ({ page, shot }) => {
    test.setTimeout(400_000);
    const blocked = await takeIn(page, {
      enterprise: '绵阳白杨商贸有限公司',
      address: '绵阳市游仙区富乐路8号',
      applicant: { name: '白杨', id: residentId('510703', '19850101', 111), mobile: '13900006666' },
    });
    const checklist = page.getByRole('region', { name: '材料清单', exact: true });
    await markAllMissingReceived(page, checklist);
    await checklist.getByRole('row', { name: /董事、监事、经理的身份证件/ }).focus();
    await page.keyboard.press('d');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('region', { name: '窗口决定' }).getByRole('button', { name: '容缺受理' }).click();
    const deferral = page.getByRole('dialog', { name: '容缺受理' });
    await expect(deferral.getByLabel(/补交期限/)).toHaveValue(/^2026年11月\d+日$/);
    await expectAccessible(page, 'the 容缺受理 dialog', '[role="dialog"]');
    await shot('accessibility-deferral-dialog', { fullPage: false });
    await deferral.getByRole('button', { name: '确认容缺受理' }).click();
    await expect(page.getByRole('status', { name: '已作出决定' })).toContainText('已作出决定：容缺受理');

    await goToSection(page, 'issuance');
    await page.getByRole('button', { name: `记录准予（厅内） ${blocked}` }).click();
    const refused = page.getByRole('dialog', { name: `记录准予（厅内）：${blocked}` });
    await expect(refused.getByRole('alert')).toContainText('以下容缺材料尚未补齐');
    await expect(refused.getByLabel('统一社会信用代码')).toHaveCount(0);
    await expectAccessible(page, 'a blocked in-hall approval', '[role="dialog"]');
    await shot('accessibility-approval-blocked', { fullPage: false });
    // The last of the two: the dialog's own × comes first.
    await refused.getByRole('button', { name: '关闭', exact: true }).last().click();
    await expect(refused).toBeHidden();

    await goToSection(page, 'intake');
    const clear = await takeInAndAccept(page, {
      enterprise: '绵阳红枫科技有限公司',
      address: '绵阳市涪城区剑南路西段2号',
      applicant: { name: '洪枫', id: residentId('510703', '19870707', 222), mobile: '13900008888' },
    });
    await goToSection(page, 'issuance');
    await page.getByRole('button', { name: `记录准予（厅内） ${clear}` }).click();
    const approval = page.getByRole('dialog', { name: `记录准予（厅内）：${clear}` });
    const established = approval.getByRole('textbox', { name: '成立日期' });
    await expect(established).toHaveValue('2026年11月2日');
    await established.fill('2026-11-3');
    await established.press('ArrowUp');
    await established.blur();
    await expect(established).toHaveValue('2026年11月4日');
    await established.fill('11/03/2026');
    await established.blur();
    await expect(approval.getByText('请按年、月、日填写日期')).toBeVisible();
    await expectAccessible(page, 'the in-hall approval form', '[role="dialog"]');
    await shot('accessibility-approval-form', { fullPage: false });
  });
});
