import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { residentId, uscc } from '../fixtures/identities';
import { licenceData } from '../hq/support/fixtures';
import { HqHarness } from '../hq/support/harness';
import { ensureCupsPdfPrinter, pdfInfo, waitForPrintedPdf, type CupsPdfPrinter } from './harness/cups';
import { fillAgency, takeInAndAccept } from './harness/counterCase';
import { closeDay, enrolDesk, openOutbox, statusBar, syncNow, syncState } from './harness/hqDesk';
import {
  addAccount,
  chiefRepresentative,
  counterClerk,
  expect as baseExpect,
  goToSection,
  screenshotDir,
  setUpFirstAdmin,
  signIn,
  signOut,
  test,
  type TestAccount,
} from './fixtures';

const expect = baseExpect.configure({ timeout: 20_000 });
const run = promisify(execFile);

/**
 * Issue 5, first "done when": two desks of hall MY (two browser contexts, so two IndexedDBs and two main
 * processes) and the reference HQ. Desk 01 takes a 企业开办 case in and accepts it while HQ is down; HQ
 * comes back and the case arrives exactly once; HQ's back office approves it with a USCC; desk 02, the
 * issuing window (统一出件), pulls it, prints 正本 and 副本 on its own stock serials through CUPS and hands
 * them over; both desks close the day and reconcile with HQ.
 */

let hq: HqHarness;
let printer: CupsPdfPrinter;
test.beforeAll(async () => {
  printer = await ensureCupsPdfPrinter();
});
test.beforeEach(async () => {
  hq = await new HqHarness().start();
});
test.afterEach(async () => {
  await hq.dispose();
});

/** Desk 02's issuing clerk (desk 01 has the harness's 张三). */
const issuingClerk: TestAccount = { loginName: 'wangwu', displayName: '王五', password: 'Chuchu#2026desk' };

/** As a fresh desk's first admin: enrol, 文书抬头, accounts; signs the admin out. Returns the desk id on HQ. */
async function setUpDesk(page: Page, deskCode: string, windowName: string, clerk: TestAccount): Promise<string> {
  await setUpFirstAdmin(page, '/#/settings');
  const deskId = await enrolDesk(page, hq.url, { hallCode: 'MY', deskCode });
  await fillAgency(page, { 窗口名称: windowName });
  await addAccount(page, clerk, 'clerk');
  await addAccount(page, chiefRepresentative, 'chief');
  return deskId;
}

/** As the admin in 设置: the licence kinds print on the cups-pdf queue by default. */
async function licencePrintersOn(page: Page, queue: string): Promise<void> {
  const defaults = page.getByRole('region', { name: '默认打印机与纸张' });
  for (const kind of ['营业执照正本', '营业执照副本']) {
    await defaults.getByRole('combobox', { name: `${kind}打印机`, exact: true }).selectOption(queue);
    await defaults.getByRole('button', { name: `保存${kind}`, exact: true }).click();
    await expect(defaults.getByRole('status')).toHaveText(`已保存“${kind}”的默认打印机`);
  }
}

async function enterSerial(panel: Locator, serial: string): Promise<void> {
  await panel.getByRole('textbox', { name: /空白证书编号/ }).fill(serial);
  await panel.getByRole('button', { name: '核对编号' }).click();
  await expect(panel.getByRole('status').first()).toHaveText(`编号 ${serial} 在库，可以套打`);
}

/** Prints the sheet in `panel` once its preview is drawn; returns the CUPS job id. */
async function printSheet(panel: Locator, label: string): Promise<string> {
  await expect(panel.getByRole('region', { name: `${label}打印预览` }).locator('canvas').first()).toHaveAttribute('data-drawn', 'true');
  await panel.getByRole('button', { name: `套打${label}` }).click();
  const outcome = panel.getByRole('status', { name: '打印结果' });
  await expect(outcome).toContainText(`已打印：${printer.printer} 已完成 1 份`);
  return /打印作业 (\S+-\d+)）/.exec((await outcome.textContent()) ?? '')![1]!;
}

/** A screenshot of one part of a page (a full-page one would draw the fixed header and status bar across it). */
async function partShot(part: Locator, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await part.screenshot({ path: resolve(screenshotDir, `${name}.png`) });
}

/** Today in the hall (China Standard Time), `YYYY-MM-DD`: HQ's decision and the day close use the real clock. */
function hallToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The number of ops in a desk's outbox, read straight from its IndexedDB. */
function outboxCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('yichuangtong-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('outbox').objectStore('outbox').count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

/** A case row as the desk stores it, read straight from its IndexedDB (undefined when it has none). */
function storedCase(page: Page, caseId: string): Promise<{ statusCode: string; deskCode: string } | undefined> {
  return page.evaluate(
    (id) =>
      new Promise<{ statusCode: string; deskCode: string } | undefined>((resolve, reject) => {
        const open = indexedDB.open('yichuangtong-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('cases').objectStore('cases').get(id);
          read.onsuccess = () => {
            open.result.close();
            resolve(read.result as { statusCode: string; deskCode: string } | undefined);
          };
          read.onerror = () => reject(read.error);
        };
      }),
    caseId,
  );
}

/** Every op of the desk on HQ once, numbered 1…n with nothing missing, and as many as the desk wrote. */
async function expectDeliveredOnce(page: Page, deskId: string): Promise<void> {
  const held = await hq.operator.ops(deskId);
  expect(new Set(held.map((op) => op.opId)).size).toBe(held.length);
  expect(held.map((op) => op.seq)).toEqual(held.map((_, index) => index + 1));
  expect(held.length).toBe(await outboxCount(page));
  expect(held.filter((op) => op.status !== 'applied')).toEqual([]);
}

test('desk 01 accepts a case while HQ is down, HQ approves it, desk 02 prints and hands the licence over, and both desks close the day', async ({
  page: deskA,
  desk,
  openDesk,
  shot: shotA,
}) => {
  void desk;
  test.setTimeout(480_000);
  const { page: deskB, shot: shotB } = await openDesk();

  // --- Both desks are set up and enrolled while HQ runs ------------------------------------------------
  const deskAId = await setUpDesk(deskA, '01', '企业开办综合窗口 1号', counterClerk);
  const deskBId = await setUpDesk(deskB, '02', '统一出件窗口 2号', issuingClerk);
  await licencePrintersOn(deskB, printer.printer);
  expect(new Set([deskAId, deskBId]).size).toBe(2);
  await signOut(deskA);
  await signOut(deskB);

  // --- HQ goes down; desk 01 takes the case in and accepts it ------------------------------------------
  const hqPort = Number(new URL(hq.url).port);
  await hq.stop();
  await signIn(deskA, counterClerk, 'clerk');
  await goToSection(deskA, 'intake');
  const applicant = { name: '赵云峰', id: residentId('510703', '19880612', 135), mobile: '13900007777' };
  const enterprise = '绵阳云杉数据科技有限公司';
  const caseNumber = await takeInAndAccept(deskA, { enterprise, address: '绵阳市涪城区科创园区创业大道3号', applicant });
  expect(caseNumber).toMatch(/^MY01-\d{8}-\d{4}$/);
  await expect(syncState(deskA)).toHaveText('同步出错');
  await expect(statusBar(deskA)).toContainText(/待发送 \d+ 条/);
  const outboxA = await openOutbox(deskA);
  await expect(outboxA.getByRole('table', { name: '同步数据列表' }).getByRole('row', { name: new RegExp(`${caseNumber} 新建`) })).toContainText('待发送');
  await shotA('two-desks-01-desk-a-offline', { fullPage: false });
  await deskA.keyboard.press('Escape');
  expect(await outboxCount(deskA)).toBeGreaterThan(0);

  // --- HQ comes back on the same address; the case arrives once ---------------------------------------
  await hq.start({ port: hqPort });
  await syncNow(deskA);
  // A second pass (the loop's own, or the clerk asking again) sends nothing twice.
  await syncNow(deskA);
  await expectDeliveredOnce(deskA, deskAId);
  const onHq = (await hq.operator.listCases({ hallCode: 'MY' })).cases;
  expect(onHq.map((row) => [row.caseNumber, row.status.code, row.originDeskId])).toEqual([[caseNumber, 'accepted', deskAId]]);
  const caseId = onHq[0]!.id;

  // --- Desk 02 pulls the accepted case: on an enrolled desk the chief is offered no in-hall approval --
  await signIn(deskB, chiefRepresentative, 'chief');
  await syncNow(deskB);
  expect(await storedCase(deskB, caseId)).toMatchObject({ statusCode: 'accepted', deskCode: '01' });
  await goToSection(deskB, 'issuance');
  await expect(deskB.getByRole('heading', { level: 1, name: '出证' })).toBeVisible();
  await expect(deskB.getByRole('note', { name: '审批由市级系统作出' })).toContainText('审批结果由市级系统作出');
  await expect(deskB.getByRole('region', { name: /待审批办件/ })).toHaveCount(0);
  await expect(deskB.getByRole('button', { name: /记录准予（厅内）/ })).toHaveCount(0);
  await expect(deskB.getByRole('region', { name: '待出证办件' })).toContainText('目前没有待出证的办件');
  await shotB('two-desks-02-desk-b-approvals-from-hq', { fullPage: false });

  // --- HQ's back office approves it with a USCC; desk 02's chief receives blank licence paper ----------
  const licenceUscc = uscc('510703', 'MA6C2D4E');
  await hq.operator.approve(
    caseId,
    licenceData({
      uscc: licenceUscc,
      name: enterprise,
      type: '有限责任公司（自然人投资或控股）',
      legalRepresentative: applicant.name,
      registeredCapitalFen: 500_000_000,
      businessScope: '一般项目：软件开发；数据处理和存储支持服务；信息技术咨询服务。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
      address: '绵阳市涪城区科创园区创业大道3号',
      registrationAuthority: '绵阳市市场监督管理局',
      establishedOn: hallToday(),
    }),
  );

  const receive = deskB.getByRole('region', { name: '空白证书库存' }).getByRole('form', { name: '登记入库（首席代表核准）' });
  for (const [kind, first, last] of [
    ['original', 'A5107000021', 'A5107000030'],
    ['copy', 'B5107000021', 'B5107000030'],
  ] as const) {
    await receive.getByRole('combobox', { name: '种类' }).selectOption(kind);
    await receive.getByLabel('首张编号').fill(first);
    await receive.getByLabel('末张编号').fill(last);
    await receive.getByLabel('首席代表登录名').fill(chiefRepresentative.loginName);
    await receive.getByLabel('首席代表密码').fill(chiefRepresentative.password);
    await receive.getByRole('button', { name: '登记入库' }).click();
    await expect(receive.getByRole('status')).toContainText(`10 张：${first} — ${last}`);
  }
  await signOut(deskB);

  // --- Desk 02's clerk pulls the approved case and prints 正本 and 副本 -----------------------------------
  await signIn(deskB, issuingClerk, 'clerk');
  await syncNow(deskB);
  await goToSection(deskB, 'issuance');
  const queue = deskB.getByRole('table', { name: '待出证办件' });
  await expect(queue.getByRole('row', { name: new RegExp(caseNumber) })).toContainText(enterprise);
  await shotB('two-desks-03-desk-b-queue', { fullPage: false });
  await queue.getByRole('button', { name: `出证 ${caseNumber}` }).click();
  await expect(deskB.getByRole('heading', { name: `出证：${caseNumber}` })).toBeVisible();
  await expect(deskB.getByRole('region', { name: '营业执照登记信息' })).toContainText(licenceUscc);

  const original = deskB.getByRole('region', { name: '套打营业执照正本' });
  await enterSerial(original, 'A5107000021');
  await expect(original.getByRole('combobox', { name: '打印机' })).toHaveValue(printer.printer);
  const originalJob = await printSheet(original, '营业执照正本');
  const copy = deskB.getByRole('region', { name: '套打营业执照副本' });
  await enterSerial(copy, 'B5107000021');
  const copyJob = await printSheet(copy, '营业执照副本');
  await partShot(original, 'two-desks-04-desk-b-original-printed');
  await partShot(copy, 'two-desks-04b-desk-b-copy-printed');
  await partShot(deskB.getByRole('region', { name: '本办件的文书' }), 'two-desks-04c-desk-b-documents');

  // --- Handover to the applicant ------------------------------------------------------------------------
  const handover = deskB.getByRole('region', { name: '交付领取' });
  await expect(handover.getByLabel('领取人姓名')).toHaveValue(applicant.name);
  await handover.getByRole('button', { name: '确认交付并办结' }).click();
  await expect(deskB.getByRole('status', { name: '已办结' })).toContainText(`领取人：${applicant.name}`);
  await expect(deskB.getByTestId('elapsed-from-intake')).toHaveText(/^全程用时 \d+(小时)?\d*分$/);
  await deskB.evaluate(() => window.scrollTo(0, 0));
  await shotB('two-desks-05-desk-b-handed-over', { fullPage: false });

  for (const [job, name, size] of [
    // CUPS lays the landscape 正本 onto A3 media as fed (portrait), turned a quarter: same size, no scaling.
    [originalJob, 'two-desks-printed-original', [842, 1191]],
    [copyJob, 'two-desks-printed-copy', [595, 842]],
  ] as const) {
    const printed = await waitForPrintedPdf(printer.outputDir, job);
    const info = await pdfInfo(printed);
    expect(info.pages).toBe(1);
    expect([Math.round(info.width), Math.round(info.height)].sort((a, b) => a - b)).toEqual(size);
    await run('pdftoppm', ['-png', '-r', '60', '-singlefile', printed, resolve(screenshotDir, name)]);
  }

  // --- Both desks close the day and reconcile with HQ ---------------------------------------------------
  // Each window reports its own part of the case: 02 the handover, 01 the intake and its acceptance's documents.
  await goToSection(deskB, 'day-close');
  const totalsB = deskB.getByRole('region', { name: '当日汇总' });
  await expect(totalsB.getByLabel('出件办结', { exact: true })).toHaveText('1 件');
  await expect(totalsB.getByLabel('证照交付', { exact: true })).toHaveText('1 件');
  await expect(totalsB).toContainText('A5107000021、B5107000021');
  await expect(totalsB.getByRole('table', { name: '当日登记办件（按事项）' })).toHaveCount(0);
  await expect(deskB.getByRole('region', { name: '已作出决定但未打印的文书' })).toContainText('无');
  await closeDay(deskB, chiefRepresentative, printer.printer);
  await deskB.evaluate(() => window.scrollTo(0, 0));
  await shotB('two-desks-06-desk-b-closed', { fullPage: false });
  await partShot(totalsB, 'two-desks-06b-desk-b-totals');
  await expectDeliveredOnce(deskB, deskBId);

  await goToSection(deskA, 'day-close');
  const totalsA = deskA.getByRole('region', { name: '当日汇总' });
  await expect(totalsA.getByLabel('出件办结', { exact: true })).toHaveText('0 件');
  await expect(totalsA.getByLabel('证照交付', { exact: true })).toHaveText('0 件');
  await expect(totalsA.getByRole('table', { name: '当日登记办件（按事项）' })).toContainText('有限责任公司设立登记');
  await expect(deskA.getByRole('region', { name: '已作出决定但未打印的文书' })).toContainText(`${caseNumber}\u3000受理通知书`);
  await closeDay(deskA, chiefRepresentative, printer.printer);
  await deskA.evaluate(() => window.scrollTo(0, 0));
  await shotA('two-desks-07-desk-a-closed', { fullPage: false });
  await partShot(totalsA, 'two-desks-07b-desk-a-totals');
  await expectDeliveredOnce(deskA, deskAId);

  // HQ holds the case completed, and desk 01 learns so from its pull.
  const done = await hq.operator.getCase(caseId);
  expect(done.case).toMatchObject({ status: { code: 'completed' }, licence: { uscc: licenceUscc }, hqCaseNumber: expect.stringMatching(/^HQ-MY-\d{4}-\d{6}$/) });
  expect(done.events.filter((event) => event.entity === 'handover')).toHaveLength(1);
  await syncNow(deskA);
  await goToSection(deskA, 'cases');
  await deskA.getByLabel('检索办件').fill(caseNumber);
  await expect(deskA.getByRole('table', { name: '检索结果' }).getByRole('row', { name: new RegExp(caseNumber) })).toContainText('已办结');
  await shotA('two-desks-08-desk-a-sees-completed', { fullPage: false });
});
