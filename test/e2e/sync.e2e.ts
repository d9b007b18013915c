import { licenceData } from '../hq/support/fixtures';
import { acceptWithEverythingReceived, takeInFoodPermit } from './harness/counterCase';
import { readRecord } from './harness/deskDb';
import { referenceDeskCodes, statusBar } from './harness/deskSettings';
import { submitEnrolment, syncState } from './harness/hqDesk';
import { counterClerk, expect, goToSection, signIn, signOut, test } from './fixtures';

/**
 * Sync with the municipal system through the UI: the admin enrols the desk in 设置
 * against a reference HQ started here; a clerk takes a case in and accepts it while HQ refuses pushes,
 * so the status bar shows it waiting and the outbox screen says why; once HQ recovers, 重试 sends it;
 * HQ's back office approves it and the desk shows it 待出证 with the licence data.
 */

test.use({ deskSetup: { role: 'admin', section: 'settings' } });

test('enrols in 设置, sends an accepted case once HQ takes it, and shows HQ\'s approval as 待出证', async ({ page, hq, shot }) => {
  test.setTimeout(180_000);

  // --- The admin enrols the desk ---------------------------------------------------------------------
  await expect(syncState(page)).toHaveText('未连接市级系统');
  const connection = await submitEnrolment(page, hq.url, referenceDeskCodes, 'WRONG-CODE');
  await expect(connection.getByRole('alert')).toHaveText('登记码不正确，请向市级系统管理员核对。');
  await submitEnrolment(page, hq.url, referenceDeskCodes, (await hq.operator.issueEnrolmentCode(referenceDeskCodes)).code);
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
  await signOut(page);
  await signIn(page, counterClerk, 'clerk');
  await hq.operator.setFaults({ failNext: { route: 'push', count: 100, status: 503 } });
  await goToSection(page, 'intake');
  const caseNumber = await takeInFoodPermit(page);
  await acceptWithEverythingReceived(page);

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
  // The case is stored as HQ sent it (read straight from the desk's database), its licence data sealed.
  const stored = await readRecord<Record<string, unknown>>(page, 'cases', onHq[0]!.id);
  expect(stored).toMatchObject({ statusCode: 'awaitingIssuance', hqCaseNumber: expect.stringMatching(/^HQ-MY-2026-\d{6}$/) });
  expect(stored).not.toHaveProperty('licence');
  expect(stored!['sealed']).toBeTruthy();
});
