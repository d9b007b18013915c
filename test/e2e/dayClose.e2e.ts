import type { Page } from '@playwright/test';
import { enrolmentCode, HqHarness } from '../hq/support/harness';
import { ensureCupsPdfPrinter, pdfInfo, waitForPrintedPdf, type CupsPdfPrinter } from './harness/cups';
import { addAccount, chiefRepresentative, counterClerk, expect as baseExpect, goToSection, setUpFirstAdmin, signIn, signOut, test } from './fixtures';

// A close pushes, waits for HQ and hashes audit entries and a PDF: slower than five seconds under load.
const expect = baseExpect.configure({ timeout: 20_000 });

/**
 * The end-of-day close (issue 5 point 3) against a reference HQ started here: a clerk's day of work cannot
 * be closed while HQ refuses the push (the reason is shown, the ops wait in 未完成事项); once HQ is back,
 * 推送并对账 pushes and reconciles; the clerk cannot sign with their own password, the chief can; the day
 * report is archived, previewed and printed (on a cups-pdf queue when CUPS can be started), and the day
 * shows as closed, also after a reload.
 */

let hq: HqHarness;
let printer: CupsPdfPrinter | null = null;

test.beforeAll(async () => {
  printer = await ensureCupsPdfPrinter().catch((error: unknown) => {
    console.warn(`[dayClose.e2e] printing not checked: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
});
test.beforeEach(async () => {
  hq = await new HqHarness().start();
});
test.afterEach(async () => {
  await hq.dispose();
});

const agency = {
  name: '绵阳市市场监督管理局',
  hallName: '绵阳市政务服务中心企业服务中心',
  address: '绵阳市涪城区绵兴东路81号',
  phone: '0816-2222345',
  windowName: '企业开办综合窗口 1号',
  codePrefix: '绵市监企',
  reviewBody: '绵阳市人民政府',
  court: '绵阳市涪城区人民法院',
};

/**
 * Hall and desk codes and the 文书抬头 an admin sets, written into the desk's database as counter.e2e
 * does (the settings page has no 文书抬头 section yet).
 */
async function setDeskFacts(page: Page): Promise<void> {
  await page.evaluate(
    (issuingAgency) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('yichuangtong-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ key: 'deskIdentity', value: { hallCode: 'MY', deskCode: '01' } });
          tx.objectStore('meta').put({ key: 'issuingAgency', value: issuingAgency });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    agency,
  );
}

/** As the admin: enrol with HQ and open a clerk's and a chief's account. */
async function setUpDesk(page: Page): Promise<void> {
  await setUpFirstAdmin(page, '/#/settings');
  const connection = page.getByRole('region', { name: '市级系统连接' });
  await connection.getByLabel('市级系统地址').fill(hq.url);
  await connection.getByLabel('大厅代码').fill('MY');
  await connection.getByLabel('窗口号').fill('01');
  await connection.getByLabel('登记码').fill(enrolmentCode);
  await connection.getByRole('button', { name: '注册本窗口' }).click();
  await page.getByRole('dialog', { name: '确认本窗口设定' }).getByRole('button', { name: '确认代码并注册' }).click();
  await expect(connection.getByRole('status')).toContainText('注册成功');
  await setDeskFacts(page);
  await addAccount(page, counterClerk, 'clerk');
  await addAccount(page, chiefRepresentative, 'chief');
  await signOut(page);
}

/** Takes a case in up to the checklist (a 登记中 case), which writes its ops for HQ. */
async function takeInDraft(page: Page): Promise<string> {
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
  const answer = page.getByRole('group', { name: /经营项目/ }).getByLabel('热食类食品制售', { exact: true });
  await answer.focus();
  await page.keyboard.press('Space');
  await expect(answer).toBeChecked();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: '概况' })).toBeVisible();
  return (await page.getByRole('region', { name: '概况' }).getByRole('heading').textContent())!.replace('办件 ', '').trim();
}

test('refuses the close while HQ cannot take the day’s work, then pushes, reconciles, and the chief signs and prints the day report', async ({ page, desk, shot }) => {
  void desk;
  test.setTimeout(150_000);
  await setUpDesk(page);
  await signIn(page, counterClerk, 'clerk');
  await hq.operator.setFaults({ failNext: { route: 'push', count: 100, status: 503 } });
  const caseNumber = await takeInDraft(page);

  // --- HQ refuses pushes: the close is refused with the reason; the ops wait ---------------------
  await goToSection(page, 'day-close');
  await expect(page.getByRole('heading', { level: 1, name: '日结' })).toBeVisible();
  const totals = page.getByRole('region', { name: '当日汇总' });
  await expect(totals.getByRole('table', { name: '当日办件' })).toContainText(caseNumber);
  const pending = page.getByRole('region', { name: '未完成事项' });
  await expect(pending.getByRole('region', { name: '登记中的办件' })).toContainText(caseNumber);
  const reconcile = page.getByRole('region', { name: '推送并对账' });
  await reconcile.getByRole('button', { name: '推送并对账' }).click();
  await expect(reconcile.getByRole('alert')).toContainText('业务数据未能全部推送到市级系统（');
  await expect(reconcile.getByRole('alert')).toContainText('503');
  await expect(reconcile.getByRole('alert')).toContainText('暂不能日结');
  await expect(pending.getByRole('region', { name: '未同步的业务数据' })).toContainText(/(待发送|发送中) \d+ 条/);
  await expect(page.getByRole('region', { name: '首席代表签字' })).toHaveCount(0);
  await shot('day-close-01-refused');

  // --- HQ is back: push and reconcile ---------------------------------------------------------------
  await hq.operator.clearFaults();
  await reconcile.getByRole('button', { name: '推送并对账' }).click();
  await expect(reconcile.getByRole('status')).toContainText('与市级系统对账一致');
  await expect(pending.getByRole('region', { name: '未同步的业务数据' })).toContainText('已全部同步');

  // --- A clerk cannot sign; the chief does --------------------------------------------------------
  const sign = page.getByRole('region', { name: '首席代表签字' });
  await sign.getByLabel('首席代表登录名').fill(counterClerk.loginName);
  await sign.getByLabel('密码').fill(counterClerk.password);
  await sign.getByRole('button', { name: '签字并打印日结报表' }).click();
  await expect(sign.getByRole('alert')).toHaveText('“张三”不是首席代表，不能批准此操作');
  if (printer !== null) {
    await sign.getByLabel('打印机').click();
    await page.getByRole('option', { name: printer.printer, exact: true }).click();
  }
  await sign.getByLabel('首席代表登录名').fill(chiefRepresentative.loginName);
  await sign.getByLabel('密码').fill(chiefRepresentative.password);
  await shot('day-close-02-reconciled');
  await sign.getByRole('button', { name: '签字并打印日结报表' }).click();

  const closed = page.getByRole('status').filter({ hasText: '本营业日已日结' });
  await expect(closed).toContainText('首席代表李首席');
  await expect(closed).toContainText('绵市监企日字〔2026〕第MY01-0001号');
  const report = page.getByRole('region', { name: '日结报表', exact: true });
  await expect(report.getByRole('region', { name: '日结报表打印预览' }).getByRole('img').first()).toHaveAttribute('data-drawn', 'true');
  if (printer !== null) {
    const outcome = report.getByRole('status');
    await expect(outcome).toContainText(`已打印：${printer.printer} 已完成 1 份`);
    const printed = await waitForPrintedPdf(printer.outputDir, (await outcome.getAttribute('data-job-id'))!, 20_000);
    // cups-pdf re-renders the job (text is not extractable from its output): check the paper, portrait A4.
    const info = await pdfInfo(printed);
    expect(info.pages).toBeGreaterThanOrEqual(1);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([595, 842]);
  }
  await expect(reconcile).toHaveCount(0);
  await shot('day-close-03-closed');

  // --- Still closed after a reload; cannot be closed twice --------------------------------------
  await page.reload();
  await signIn(page, counterClerk, 'clerk');
  await goToSection(page, 'day-close');
  await expect(page.getByRole('status').filter({ hasText: '本营业日已日结' })).toBeVisible();
  await expect(page.getByRole('button', { name: '推送并对账' })).toHaveCount(0);
});
