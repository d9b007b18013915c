import type { Locator, Page } from '@playwright/test';
import { residentId, uscc } from '../fixtures/identities';
import { licenceData } from '../hq/support/fixtures';
import { Relay } from '../hq/support/relay';
import { takeInAndAccept } from './harness/counterCase';
import { fillAgency, setDefaultPrinters } from './harness/deskSettings';
import { enrolDesk, syncNow } from './harness/hqDesk';
import { documentWork, enterSerial, printSheet, receiveBlankPaper } from './harness/printing';
import { addAccount, chiefRepresentative, counterClerk, expect, goToSection, partShot, scrollToTop, signIn, signOut, test, type TestAccount } from './fixtures';

/**
 * One licence, two windows of hall MY. Window 01 (the test's desk, enrolled straight with HQ) and window
 * 02 (enrolled through a relay that stands for its network) both try to issue the case HQ approved.
 * Online, HQ's issuance claim lets only one print: window 02 is refused and told who holds the case.
 * With window 02's network cut, its chief approves issuing offline after the warning; when it syncs,
 * HQ keeps window 01's issuance and flags the case 重复发证 at both windows; window 02's chief recovers
 * and voids its two sheets, the day close refusing until then; the flag clears at both windows.
 */

test.use({ deskSetup: { role: 'clerk', furnished: true, enrolled: true } });

const issuingClerk: TestAccount = { loginName: 'wangwu', displayName: '王五', password: 'Chuchu#2026desk' };

function hallToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Opens the case from the 待出证 queue of 出证. */
async function openForIssuance(page: Page, caseNumber: string): Promise<void> {
  await goToSection(page, 'issuance');
  await page.getByRole('table', { name: '待出证办件' }).getByRole('button', { name: `出证 ${caseNumber}` }).click();
  await expect(page.getByRole('heading', { name: `出证：${caseNumber}` })).toBeVisible();
}

async function printBoth(page: Page, serials: { original: string; copy: string }, printer: string): Promise<void> {
  for (const [label, serial] of [
    ['营业执照正本', serials.original],
    ['营业执照副本', serials.copy],
  ] as const) {
    const panel = page.getByRole('region', { name: `套打${label}` });
    await enterSerial(panel, serial);
    await printSheet(panel, label, printer);
  }
}

async function handOver(page: Page): Promise<void> {
  await page.getByRole('region', { name: '交付领取' }).getByRole('button', { name: '确认交付并办结' }).click();
  await expect(page.getByRole('status', { name: '已办结' })).toBeVisible();
}

/** Voids one licence of the task with the chief's password, giving the reason. */
async function voidFromTask(page: Page, task: Locator, documentNumber: string): Promise<void> {
  await task.getByRole('button', { name: `作废 ${documentNumber}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('原因').fill('重复发证，已向申请人收回');
  await dialog.getByLabel('首席代表登录名').fill(chiefRepresentative.loginName);
  await dialog.getByLabel('首席代表密码').fill(chiefRepresentative.password);
  await dialog.getByRole('button', { name: '确认作废' }).click();
  await expect(dialog).toBeHidden(documentWork);
}

test('a licence is issued once: another window is refused online, and an offline second issuance is flagged, voided and cleared', async ({
  page: deskA,
  counterDesk,
  hq,
  printer,
  openDesk,
  shot: shotA,
}) => {
  test.setTimeout(600_000);
  const relay = await new Relay(hq.url).start();
  try {
    const deskAId = counterDesk.enrolment!.deskId;
    // --- Window 02 enrols through its own network (the relay): 文书抬头, printers, its issuing clerk ----
    const { page: deskB, shot: shotB } = await openDesk({ role: 'admin', section: 'settings' });
    const deskBId = await enrolDesk(deskB, hq, { hallCode: 'MY', deskCode: '02' }, relay.url);
    await fillAgency(deskB, { 窗口名称: '统一出件窗口 2号' });
    await setDefaultPrinters(deskB, printer.printer, ['营业执照正本', '营业执照副本']);
    await addAccount(deskB, issuingClerk, 'clerk');
    await signOut(deskB);

    // --- Window 01 takes the case in; HQ approves it --------------------------------------------------
    const applicant = { name: '钱海燕', id: residentId('510703', '19900214', 246), mobile: '13900008888' };
    const enterprise = '绵阳青禾农业科技有限公司';
    const caseNumber = await takeInAndAccept(deskA, { enterprise, address: '绵阳市涪城区青义镇农科路8号', applicant });
    await syncNow(deskA);
    const caseId = (await hq.operator.listCases({ hallCode: 'MY' })).cases.find((row) => row.caseNumber === caseNumber)!.id;
    await hq.operator.approve(
      caseId,
      licenceData({ uscc: uscc('510703', 'MA6D3F5G'), name: enterprise, legalRepresentative: applicant.name, address: '绵阳市涪城区青义镇农科路8号', establishedOn: hallToday() }),
    );

    // --- (a) Online: window 01 claims the case and prints its 正本 ---------------------------------------
    await goToSection(deskA, 'issuance');
    await receiveBlankPaper(deskA, [
      ['original', 'A5107000101', 'A5107000110'],
      ['copy', 'B5107000101', 'B5107000110'],
    ]);
    await syncNow(deskA);
    await openForIssuance(deskA, caseNumber);
    await expect(deskA.getByTestId('issuance-claim')).toContainText('已取得本办件的发证权');
    const originalA = deskA.getByRole('region', { name: '套打营业执照正本' });
    await enterSerial(originalA, 'A5107000101');
    await printSheet(originalA, '营业执照正本', printer.printer);

    // Window 02 pulls the approved case and tries to issue it: refused, told who holds it.
    await signIn(deskB, chiefRepresentative, 'chief');
    await goToSection(deskB, 'issuance');
    await receiveBlankPaper(deskB, [
      ['original', 'A5107000201', 'A5107000210'],
      ['copy', 'B5107000201', 'B5107000210'],
    ]);
    await signOut(deskB);
    await signIn(deskB, issuingClerk, 'clerk');
    await syncNow(deskB);
    await openForIssuance(deskB, caseNumber);
    const refused = deskB.getByRole('alert').filter({ hasText: '其他窗口正在为该办件发证' });
    await expect(refused).toContainText(`窗口 01 的${counterClerk.displayName}自`);
    await expect(refused).toContainText('请引导申请人到窗口 01 领取');
    await expect(deskB.getByRole('region', { name: '套打营业执照正本' })).toHaveCount(0);
    await scrollToTop(deskB);
    await shotB('double-issuance-01-desk-b-refused-online', { fullPage: false });
    await scrollToTop(deskA);
    await shotA('double-issuance-01b-desk-a-holds-the-claim', { fullPage: false });

    // --- (b) Window 02's network is cut; window 01 prints the 副本 and hands over -----------------------
    relay.cut();
    const copyA = deskA.getByRole('region', { name: '套打营业执照副本' });
    await enterSerial(copyA, 'B5107000101');
    await printSheet(copyA, '营业执照副本', printer.printer);
    await handOver(deskA);
    await syncNow(deskA);

    // Window 02 asks again: HQ cannot be reached; the chief is warned, a wrong password is refused.
    await deskB.getByRole('button', { name: '重新申请发证权' }).click();
    const approval = deskB.getByRole('form', { name: '首席代表批准离线发证' });
    await expect(approval).toContainText('其他窗口可能已经为同一办件发出执照');
    await approval.getByLabel('首席代表登录名').fill(chiefRepresentative.loginName);
    await approval.getByLabel('首席代表密码').fill('Wrong#2026desk');
    await approval.getByRole('button', { name: '首席代表批准离线发证' }).click();
    await expect(approval).toContainText('首席代表登录名或密码不正确');
    await expect(deskB.getByRole('region', { name: '套打营业执照正本' })).toHaveCount(0);
    await scrollToTop(deskB);
    await shotB('double-issuance-02-desk-b-offline-warning', { fullPage: false });
    await partShot(approval, 'double-issuance-02b-desk-b-wrong-chief-password');
    await approval.getByLabel('首席代表密码').fill(chiefRepresentative.password);
    await approval.getByRole('button', { name: '首席代表批准离线发证' }).click();
    await expect(deskB.getByRole('note').filter({ hasText: `首席代表${chiefRepresentative.displayName}已于` })).toBeVisible();
    await printBoth(deskB, { original: 'A5107000201', copy: 'B5107000201' }, printer.printer);
    await handOver(deskB);

    // --- The network is back: HQ keeps window 01's issuance and flags window 02's ----------------------
    relay.restore();
    await syncNow(deskB);
    await syncNow(deskB);
    const alerts = await hq.operator.alerts();
    expect(alerts).toEqual([expect.objectContaining({ kind: 'issuanceConflict', caseId, deskCode: '02', resolved: false })]);
    expect((await hq.operator.ops(deskAId)).filter((op) => op.status !== 'applied')).toEqual([]);
    const conflicted = (await hq.operator.ops(deskBId)).filter((op) => op.status === 'conflict').map((op) => op.entity);
    expect(conflicted).toEqual(expect.arrayContaining(['licenceSheetEvent', 'handover']));
    expect((await hq.operator.getCase(caseId)).case.issuanceConflict).toMatchObject({ deskCode: '02' });

    // Both windows show the mark; window 01 (still on the case it issued) has nothing to do about it.
    await syncNow(deskA);
    const markA = deskA.getByRole('alert', { name: /^重复发证/ });
    await expect(markA).toContainText('窗口 02');
    await expect(markA).not.toContainText('本窗口就是后发证的窗口');
    await scrollToTop(deskA);
    await shotA('double-issuance-03-desk-a-case-marked', { fullPage: false });
    await deskA.getByRole('button', { name: '返回出证列表' }).click();
    const flaggedA = deskA.getByRole('table', { name: '重复发证办件' }).getByRole('row', { name: new RegExp(caseNumber) });
    await expect(flaggedA).toContainText('重复发证');
    await expect(flaggedA).toContainText('02');
    await expect(deskA.getByRole('region', { name: '待收回作废的执照（重复发证）' })).toHaveCount(0);
    await shotA('double-issuance-03b-desk-a-queue-marked', { fullPage: false });

    // Window 02's chief sees the task, and 日结 refuses with HQ's reason pointing to it.
    await signOut(deskB);
    await signIn(deskB, chiefRepresentative, 'chief');
    await goToSection(deskB, 'issuance');
    const task = deskB.getByRole('region', { name: '待收回作废的执照（重复发证）' });
    const sheets = task.getByRole('table', { name: `待作废执照 ${caseNumber}` });
    await expect(sheets.getByRole('row')).toHaveCount(3);
    await expect(sheets).toContainText('A5107000201');
    await expect(sheets).toContainText('B5107000201');
    await expect(deskB.getByRole('table', { name: '重复发证办件' })).toContainText(caseNumber);
    await scrollToTop(deskB);
    await shotB('double-issuance-04-desk-b-task', { fullPage: false });

    await goToSection(deskB, 'day-close');
    const reconcile = deskB.getByRole('region', { name: '推送并对账' });
    await reconcile.getByRole('button', { name: '推送并对账' }).click();
    const mismatch = reconcile.getByRole('alert').filter({ hasText: '对账不一致' });
    await expect(mismatch).toContainText('重复发证');
    await expect(mismatch).toContainText('待收回作废的执照（重复发证）');
    await expect(deskB.getByRole('region', { name: '首席代表签字' })).toHaveCount(0);
    await scrollToTop(deskB);
    await shotB('double-issuance-05-desk-b-day-close-refused', { fullPage: false });
    await partShot(reconcile, 'double-issuance-05b-desk-b-reconcile-refused');

    // The chief voids both sheets from the task on 日结.
    const dayTask = deskB.getByRole('region', { name: '待收回作废的执照（重复发证）' });
    for (const number of await dayTask.getByRole('table', { name: `待作废执照 ${caseNumber}` }).locator('tbody tr td:nth-child(2)').allTextContents()) {
      await voidFromTask(deskB, dayTask, number);
    }
    await syncNow(deskB);
    await syncNow(deskB);
    await expect(deskB.getByRole('region', { name: '待收回作废的执照（重复发证）' })).toHaveCount(0);
    expect(await hq.operator.alerts()).toEqual([expect.objectContaining({ caseId, deskCode: '02', resolved: true })]);

    await reconcile.getByRole('button', { name: '推送并对账' }).click();
    await expect(reconcile.getByRole('status')).toContainText('与市级系统对账一致');
    await partShot(reconcile, 'double-issuance-06-desk-b-reconciled');

    // The mark is gone at both windows.
    await goToSection(deskB, 'issuance');
    await expect(deskB.getByRole('table', { name: '重复发证办件' })).toHaveCount(0);
    await syncNow(deskA);
    await goToSection(deskA, 'issuance');
    await expect(deskA.getByRole('table', { name: '重复发证办件' })).toHaveCount(0);
    await scrollToTop(deskA);
    await shotA('double-issuance-07-desk-a-cleared', { fullPage: false });
    // Window 02's two sheets are voided, and its stock still balances.
    const stockB = deskB.getByRole('region', { name: '空白证书库存' }).getByRole('table', { name: '空白证书库存' });
    await expect(deskB.getByTestId('stock-original')).toContainText('相符');
    await expect(deskB.getByTestId('stock-copy')).toContainText('相符');
    await partShot(stockB, 'double-issuance-07b-desk-b-stock');
  } finally {
    await relay.stop();
  }
});
