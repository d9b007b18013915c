import type { Locator, Page } from '@playwright/test';
import { licenceData } from '../hq/support/fixtures';
import { enrolmentCode, HqHarness } from '../hq/support/harness';
import { addAccount, counterClerk, expect, goToSection, setUpFirstAdmin, signIn, signOut, test } from './fixtures';

/**
 * Sync with the municipal system through the UI (issue 5 point 2): the admin enrols the desk in 设置
 * against a reference HQ started here; a clerk takes a case in and accepts it while HQ refuses pushes,
 * so the status bar shows it waiting and the outbox screen says why; once HQ recovers, 重试 sends it;
 * HQ's back office approves it and the desk shows it 待出证 with the licence data.
 */

let hq: HqHarness;
test.beforeEach(async () => {
  hq = await new HqHarness().start();
});
test.afterEach(async () => {
  await hq.dispose();
});

const statusBar = (page: Page) => page.getByRole('contentinfo', { name: '状态栏' });
const syncState = (page: Page) => statusBar(page).getByTestId('sync-state');

/** Picks an answer of a radio or checkbox question by its option label, from the keyboard. */
async function choose(page: Page, group: string, option: string): Promise<void> {
  const control = page.getByRole('group', { name: group }).getByLabel(option, { exact: true });
  await control.focus();
  await page.keyboard.press('Space');
  await expect(control).toBeChecked();
}

/** Marks every missing item received from the keyboard (R), moving down past the others. */
async function receiveEverything(page: Page, checklist: Locator): Promise<void> {
  const rows = checklist.getByRole('row').filter({ has: page.getByRole('cell') });
  const count = await rows.count();
  await rows.first().focus();
  for (let index = 0; index < count; index += 1) {
    const status = await rows.nth(index).getAttribute('data-status');
    await page.keyboard.press(status === 'missing' ? 'r' : 'ArrowDown');
  }
}

test('enrols in 设置, sends an accepted case once HQ takes it, and shows HQ\'s approval as 待出证', async ({ page, desk, shot }) => {
  void desk;
  test.setTimeout(180_000);

  // --- The admin enrols the desk ---------------------------------------------------------------------
  await setUpFirstAdmin(page, '/#/settings');
  await expect(syncState(page)).toHaveText('未连接市级系统');
  const connection = page.getByRole('region', { name: '市级系统连接' });
  await connection.getByLabel('市级系统地址').fill(hq.url);
  await connection.getByLabel('大厅代码').fill('MY');
  await connection.getByLabel('窗口号').fill('01');
  await connection.getByLabel('登记码').fill('WRONG-CODE');
  await connection.getByRole('button', { name: '注册本窗口' }).click();
  await page.getByRole('dialog', { name: '确认本窗口设定' }).getByRole('button', { name: '确认代码并注册' }).click();
  await expect(connection.getByRole('alert')).toHaveText('登记码不正确，请向市级系统管理员核对。');
  await connection.getByLabel('登记码').fill(enrolmentCode);
  await connection.getByRole('button', { name: '注册本窗口' }).click();
  await page.getByRole('dialog', { name: '确认本窗口设定' }).getByRole('button', { name: '确认代码并注册' }).click();
  const [enrolled] = await hq.operator.desks();
  await expect(connection.getByRole('status')).toHaveText(`注册成功，本窗口编号 ${enrolled!.deskId}。`);
  const details = connection.getByRole('table', { name: '注册信息' });
  await expect(details.getByRole('row', { name: /窗口编号/ })).toContainText(enrolled!.deskId);
  await expect(details.getByRole('row', { name: /市级系统地址/ })).toContainText(hq.url);
  // The enrolment gave the desk its codes, so the form now shows them from 本窗口 and cannot change them.
  await expect(connection.getByLabel('窗口号')).toBeDisabled();
  await expect(connection.getByLabel('窗口号')).toHaveValue('01');
  await expect(syncState(page)).toHaveText('已同步');
  await expect(statusBar(page)).toContainText('上次同步');
  await shot('sync-01-enrolled');

  // --- A clerk takes a case in while HQ refuses pushes ---------------------------------------------
  await addAccount(page, counterClerk, 'clerk');
  await signOut(page);
  await signIn(page, counterClerk, 'clerk');
  await hq.operator.setFaults({ failNext: { route: 'push', count: 100, status: 503 } });
  await goToSection(page, 'intake');
  await expect(page.getByRole('heading', { level: 1, name: '受理' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('spjy');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: '已选事项' })).toContainText('食品经营许可');
  await page.getByLabel('排队号').fill('A031');
  await page.getByLabel('查找企业（名称片段或统一社会信用代码）').fill('91510700MA62QH3T4P');
  await page.getByRole('button', { name: '登记新企业' }).click();
  await page.getByLabel('企业名称（拟设立名称）').fill('绵阳味道餐饮管理有限公司');
  await page.getByLabel('申请人姓名').fill('王芳');
  await page.getByLabel('申请人身份证号码').fill('11010519491231002X');
  await page.getByLabel('申请人手机号码').fill('13900002222');
  await choose(page, '经营项目（可多选）', '热食类食品制售');
  await page.keyboard.press('Control+Enter');
  const checklist = page.getByRole('region', { name: '材料清单', exact: true });
  await expect(checklist.getByRole('table', { name: '材料清单' })).toBeVisible();
  await receiveEverything(page, checklist);
  await expect(page.getByTestId('checklist-progress')).toHaveText(/^(\d+) \/ \1 必交材料已收$/);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status', { name: '已作出决定' })).toContainText('已作出决定：受理');
  const caseNumber = (await page.getByRole('region', { name: '概况' }).getByRole('heading').textContent())!.replace('办件 ', '').trim();

  await expect(syncState(page)).toHaveText('同步出错');
  // Beside it: why (in full on hover) and when the next retry comes.
  await expect(statusBar(page).getByTestId('sync-error')).not.toBeEmpty();
  await expect(statusBar(page).getByTestId('sync-error')).toHaveAttribute('title', /.+/);
  await expect(statusBar(page).getByTestId('sync-retry')).toHaveText(/下次重试：(\d+ 分 )?\d+ 秒后|正在重试…/);
  await expect(statusBar(page)).toContainText(/待发送 \d+ 条/);
  await shot('sync-02-pending');

  // --- The outbox says why; HQ recovers; 重试 sends everything -------------------------------------
  await statusBar(page).getByRole('button', { name: '同步队列' }).click();
  const outbox = page.getByRole('dialog', { name: '同步队列' });
  const ops = outbox.getByRole('table', { name: '同步数据列表' });
  await expect(ops.getByRole('row', { name: new RegExp(`${caseNumber} 新建`) })).toContainText('待发送');
  await expect(ops).toContainText('市级系统暂时出错（503）');
  await expect(outbox.getByRole('alert')).toContainText('503');
  await shot('sync-03-outbox-waiting');
  await hq.operator.clearFaults();
  await outbox.getByRole('button', { name: '重试' }).click();
  await expect(ops.locator('tbody tr[data-state="pending"]')).toHaveCount(0);
  await expect(ops.getByRole('row', { name: new RegExp(`${caseNumber} 新建`) })).toContainText('已接收');
  await expect(syncState(page)).toHaveText('已同步');
  await shot('sync-04-outbox-sent');
  const onHq = (await hq.operator.listCases({ hallCode: 'MY' })).cases;
  expect(onHq.map((row) => [row.caseNumber, row.status.code])).toEqual([[caseNumber, 'accepted']]);

  // --- HQ approves; the desk pulls the decision ---------------------------------------------------
  await hq.operator.approve(onHq[0]!.id, licenceData({ name: '绵阳味道餐饮管理有限公司', uscc: '91510700MA62QH3T4P' }));
  await outbox.getByRole('button', { name: '立即同步' }).click();
  await page.keyboard.press('Escape');
  await expect(outbox).toBeHidden();
  await goToSection(page, 'cases');
  await page.getByLabel('检索办件').fill(caseNumber);
  const results = page.getByRole('table', { name: '检索结果' });
  await expect(results.getByRole('row', { name: new RegExp(caseNumber) })).toContainText('待出证');
  await results.getByRole('button', { name: `打开办件 ${caseNumber}` }).click();
  await expect(page.getByRole('region', { name: '概况' })).toContainText('待出证');
  await shot('sync-05-awaiting-issuance');
  // The licence data is on the desk for the issuing window (read straight from the desk's database).
  const stored = await page.evaluate(
    (caseId) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('yichuangtong-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('cases').objectStore('cases').get(caseId);
          read.onsuccess = () => {
            open.result.close();
            resolve(read.result);
          };
          read.onerror = () => reject(read.error);
        };
      }),
    onHq[0]!.id,
  );
  expect(stored).toMatchObject({
    statusCode: 'awaitingIssuance',
    licence: { uscc: '91510700MA62QH3T4P', name: '绵阳味道餐饮管理有限公司' },
    hqCaseNumber: expect.stringMatching(/^HQ-MY-2026-\d{6}$/),
  });
});
