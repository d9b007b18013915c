import type { Locator, Page } from '@playwright/test';
import { residentId, uscc } from '../fixtures/identities';
import { licenceData } from '../hq/support/fixtures';
import type { HqHarness } from '../hq/support/harness';
import { pdfInfo, waitForPrintedPdf } from './harness/cups';
import { takeInAndAccept } from './harness/counterCase';
import { countRecords, readRecord } from './harness/deskDb';
import { fillAgency, setDefaultPrinters, statusBar } from './harness/deskSettings';
import { closeDay, enrolDesk, openOutbox, syncNow, syncState } from './harness/hqDesk';
import { enterSerial, printSheet, receiveBlankPaper } from './harness/printing';
import { addAccount, chiefRepresentative, expect, goToSection, partShot, renderPrintedPage, signIn, signOut, test, type TestAccount } from './fixtures';

/**
 * Two desks of hall MY (two browser contexts, so two IndexedDBs and two main
 * processes) and the reference HQ. Desk 01 takes a 企业开办 case in and accepts it while HQ is down; HQ
 * comes back and the case arrives exactly once; HQ's back office approves it with a USCC; desk 02, the
 * issuing window (统一出件), pulls it, prints 正本 and 副本 on its own stock serials through CUPS and hands
 * them over; both desks close the day and reconcile with HQ.
 */

// Desk 01 is furnished (codes MY-01, 文书抬头 for 窗口 1号) and enrolled by the fixture, its clerk 张三 signed in.
test.use({ deskSetup: { role: 'clerk', furnished: true, enrolled: true } });

/** Desk 02's issuing clerk (desk 01 has the harness's 张三). */
const issuingClerk: TestAccount = { loginName: 'wangwu', displayName: '王五', password: 'Chuchu#2026desk' };

/**
 * As desk 02's admin in 设置: enrols it as MY-02, its 文书抬头, licences on the cups-pdf queue by default,
 * its issuing clerk's account; signs the admin out. Returns the desk id on HQ.
 */
async function setUpIssuingDesk(page: Page, hq: HqHarness, printer: string): Promise<string> {
  const deskId = await enrolDesk(page, hq, { hallCode: 'MY', deskCode: '02' });
  await fillAgency(page, { 窗口名称: '统一出件窗口 2号' });
  await setDefaultPrinters(page, printer, ['营业执照正本', '营业执照副本']);
  await addAccount(page, issuingClerk, 'clerk');
  await signOut(page);
  return deskId;
}

/** Enters a serial the chief took into stock, which the panel confirms. */
async function enterStockSerial(panel: Locator, serial: string): Promise<void> {
  await enterSerial(panel, serial);
  await expect(panel.getByRole('status').first()).toHaveText(`编号 ${serial} 在库，可以套打`);
}

/** Today in the hall (China Standard Time), `YYYY-MM-DD`: HQ's decision and the day close use the real clock. */
function hallToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Every op of the desk on HQ once, numbered 1…n with nothing missing, and as many as the desk wrote. */
async function expectDeliveredOnce(hq: HqHarness, page: Page, deskId: string): Promise<void> {
  const held = await hq.operator.ops(deskId);
  expect(new Set(held.map((op) => op.opId)).size).toBe(held.length);
  expect(held.map((op) => op.seq)).toEqual(held.map((_, index) => index + 1));
  expect(held.length).toBe(await countRecords(page, 'outbox'));
  expect(held.filter((op) => op.status !== 'applied')).toEqual([]);
}

test('desk 01 accepts a case while HQ is down, HQ approves it, desk 02 prints and hands the licence over, and both desks close the day', async ({
  page: deskA,
  counterDesk,
  hq,
  printer,
  openDesk,
  shot: shotA,
}) => {
  test.setTimeout(480_000);
  const deskAId = counterDesk.enrolment!.deskId;
  const { page: deskB, shot: shotB } = await openDesk({ role: 'admin', section: 'settings' });

  // --- Desk 02 is set up and enrolled while HQ runs ----------------------------------------------------
  const deskBId = await setUpIssuingDesk(deskB, hq, printer.printer);
  expect(new Set([deskAId, deskBId]).size).toBe(2);

  // --- HQ goes down; desk 01 takes the case in and accepts it ------------------------------------------
  const hqPort = Number(new URL(hq.url).port);
  await hq.stop();
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
  expect(await countRecords(deskA, 'outbox')).toBeGreaterThan(0);

  // --- HQ comes back on the same address; the case arrives once ---------------------------------------
  await hq.start({ port: hqPort });
  await syncNow(deskA);
  // A second pass (the loop's own, or the clerk asking again) sends nothing twice.
  await syncNow(deskA);
  await expectDeliveredOnce(hq, deskA, deskAId);
  const onHq = (await hq.operator.listCases({ hallCode: 'MY' })).cases;
  expect(onHq.map((row) => [row.caseNumber, row.status.code, row.originDeskId])).toEqual([[caseNumber, 'accepted', deskAId]]);
  const caseId = onHq[0]!.id;

  // --- Desk 02 pulls the accepted case: on an enrolled desk the chief is offered no in-hall approval --
  await signIn(deskB, chiefRepresentative, 'chief');
  await syncNow(deskB);
  expect(await readRecord(deskB, 'cases', caseId)).toMatchObject({ statusCode: 'accepted', deskCode: '01' });
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

  await receiveBlankPaper(deskB, [
    ['original', 'A5107000021', 'A5107000030'],
    ['copy', 'B5107000021', 'B5107000030'],
  ]);
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
  await enterStockSerial(original, 'A5107000021');
  await expect(original.getByRole('combobox', { name: '打印机' })).toHaveValue(printer.printer);
  const originalJob = await printSheet(original, '营业执照正本', printer.printer);
  const copy = deskB.getByRole('region', { name: '套打营业执照副本' });
  await enterStockSerial(copy, 'B5107000021');
  const copyJob = await printSheet(copy, '营业执照副本', printer.printer);
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
    await renderPrintedPage(printed, name);
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
  await expectDeliveredOnce(hq, deskB, deskBId);

  await goToSection(deskA, 'day-close');
  const totalsA = deskA.getByRole('region', { name: '当日汇总' });
  await expect(totalsA.getByLabel('出件办结', { exact: true })).toHaveText('0 件');
  await expect(totalsA.getByLabel('证照交付', { exact: true })).toHaveText('0 件');
  await expect(totalsA.getByRole('table', { name: '当日登记办件（按事项）' })).toContainText('有限责任公司设立登记');
  await expect(deskA.getByRole('region', { name: '已作出决定但未打印的文书' })).toContainText(`${caseNumber}\u3000受理通知书`);
  // Desk 01 accepted while HQ was down and never printed the notices: the chief signs with a reason for each.
  await closeDay(deskA, chiefRepresentative, printer.printer, '申请人已离开，受理通知书改为邮寄送达');
  await deskA.evaluate(() => window.scrollTo(0, 0));
  await shotA('two-desks-07-desk-a-closed', { fullPage: false });
  await partShot(totalsA, 'two-desks-07b-desk-a-totals');
  await expectDeliveredOnce(hq, deskA, deskAId);

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
