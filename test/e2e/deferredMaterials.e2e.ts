import { residentId, uscc } from '../fixtures/identities';
import { licenceData } from '../hq/support/fixtures';
import { markAllMissingReceived, takeIn } from './harness/counterCase';
import { archivedText } from './harness/deskDb';
import { fillAgency, setDefaultPrinters } from './harness/deskSettings';
import { enrolDesk, syncNow } from './harness/hqDesk';
import { documentWork, enterSerial, printedJob, printSheet, receiveBlankPaper } from './harness/printing';
import { addAccount, chiefRepresentative, expect, goToSection, partShot, signIn, signOut, test, type TestAccount } from './fixtures';

/**
 * 容缺 follow-up across two windows of hall MY and the reference HQ. Desk 01 accepts a 企业开办 case with
 * deferral on Monday 2 November 2026 (the lessor's title deed to come by Tuesday, the case's due date);
 * on Wednesday the applicant brings it to desk 02, where it is listed overdue; the clerk records the 补交
 * and prints the 补交收件凭证; HQ, which refused to approve while it was owed, approves; desk 02 prints
 * the licence and hands it over.
 */

test.use({ deskSetup: { role: 'clerk', furnished: true, enrolled: true, fixedTime: new Date('2026-11-02T09:00:00+08:00') } });

const otherWindowClerk: TestAccount = { loginName: 'zhaoliu', displayName: '赵六', password: 'Buchong#2026desk' };
const deferredName = '出租（出借）方的房屋产权证明';


test('a deferred material brought two working days later at another window is recorded, receipted, and lets the case be approved and issued', async ({
  page: deskA,
  hq,
  printer,
  openDesk,
  shot: shotA,
}) => {
  test.setTimeout(300_000);
  const applicant = { name: '孙丽华', id: residentId('510703', '19900204', 147), mobile: '13900006666' };
  const enterprise = '绵阳青松物流有限公司';

  // --- Desk 01, Monday: the title deed is deferred, the case accepted with deferral --------------------
  const caseNumber = await takeIn(deskA, { enterprise, address: '绵阳市涪城区临园路东段18号', applicant });
  const checklist = deskA.getByRole('region', { name: '材料清单', exact: true });
  // The deed first: the page's clock stands still, and two records of one item at the same instant would
  // leave the other window to guess which came last.
  const deed = checklist.getByRole('row', { name: new RegExp(deferredName) });
  await deed.focus();
  await deskA.keyboard.press('d');
  await expect(deed).toHaveAttribute('data-status', 'deferred');
  await markAllMissingReceived(deskA, checklist);
  await deskA.getByRole('region', { name: '窗口决定' }).getByRole('button', { name: '容缺受理' }).click();
  const deferral = deskA.getByRole('dialog', { name: '容缺受理' });
  // The catalogue gives the deed 3 working days; the case is due the next working day, which caps it.
  await expect(deferral.getByLabel(`「${deferredName}」补交期限`)).toHaveValue('2026年11月3日');
  await expect(deferral.getByLabel('申请人容缺承诺')).toHaveValue(/承诺在规定期限内补齐全部材料/);
  await shotA('deferred-01-desk-a-deferral', { fullPage: false });
  await deferral.getByRole('button', { name: '确认容缺受理' }).click();
  await expect(deskA.getByRole('status', { name: '已作出决定' })).toContainText('已作出决定：容缺受理');
  const followUpA = deskA.getByRole('region', { name: '容缺材料补交' });
  await expect(followUpA).toContainText('2026年11月3日');
  await expect(followUpA.getByRole('status')).toContainText('尚有 1 项容缺材料未补交');
  await partShot(followUpA, 'deferred-02-desk-a-owed');
  await syncNow(deskA);
  const caseId = (await hq.operator.listCases({ hallCode: 'MY' })).cases.find((row) => row.caseNumber === caseNumber)!.id;

  // HQ refuses to approve while the deed is owed.
  await expect(hq.operator.approve(caseId, licenceData())).rejects.toMatchObject({ status: 409, body: { message: expect.stringContaining(deferredName) } });

  // --- Desk 02, Wednesday: set up, enrolled, its clerk finds the case overdue -------------------------
  const { page: deskB, shot: shotB } = await openDesk({ role: 'admin', section: 'settings', fixedTime: new Date('2026-11-04T10:00:00+08:00') });
  await enrolDesk(deskB, hq, { hallCode: 'MY', deskCode: '02' });
  await fillAgency(deskB, { 窗口名称: '综合窗口 2号' });
  await setDefaultPrinters(deskB, printer.printer, ['补交收件凭证', '营业执照正本']);
  await addAccount(deskB, otherWindowClerk, 'clerk');
  await signOut(deskB);
  await signIn(deskB, otherWindowClerk, 'clerk');
  await syncNow(deskB);
  await goToSection(deskB, 'cases');
  const overdue = deskB.getByRole('table', { name: '逾期未补交的容缺材料' });
  const overdueRow = overdue.getByRole('row', { name: new RegExp(caseNumber) });
  await expect(overdueRow).toContainText(deferredName);
  await expect(overdueRow).toContainText('已逾期 1 天');
  await shotB('deferred-03-desk-b-overdue', { fullPage: false });
  await overdue.getByRole('button', { name: `打开 ${caseNumber}` }).click();

  // --- The applicant brings the deed: 补交 recorded, its receipt printed ------------------------------
  const followUp = deskB.getByRole('region', { name: '容缺材料补交' });
  await expect(followUp).toContainText('已逾期 1 天');
  await followUp.getByRole('button', { name: `登记补交 ${deferredName}` }).click();
  const supply = deskB.getByRole('dialog', { name: `登记补交：${deferredName}` });
  await expect(supply).toContainText('已超过补交期限（2026年11月3日）');
  await supply.getByLabel('页数').fill('2');
  await shotB('deferred-04-desk-b-supply', { fullPage: false });
  await supply.getByRole('button', { name: '确认补交' }).click();
  await expect(supply).toHaveCount(0);
  await expect(followUp.getByRole('status')).toContainText('容缺材料已全部补齐');
  await expect(followUp).toContainText('已于2026年11月4日补交');
  await followUp.getByRole('button', { name: '打印补交收件凭证' }).click();
  const receipt = deskB.getByRole('dialog', { name: '打印补交收件凭证' });
  await expect(receipt.getByTestId('print-preview').locator('canvas').first()).toHaveAttribute('data-drawn', 'true', documentWork);
  await shotB('deferred-05-desk-b-receipt-preview', { fullPage: false });
  await receipt.getByRole('button', { name: '打印并存档' }).click();
  await printedJob(receipt.getByRole('status', { name: '打印结果' }), printer.printer);
  await receipt.getByRole('button', { name: '关闭', exact: true }).click();
  const text = (await archivedText(deskB, 'supplementaryReceipt')).replace(/\s+/g, '');
  for (const expected of ['补交收件凭证', caseNumber, enterprise, applicant.name, '2026年11月2日容缺受理', deferredName, '2026年11月3日（逾期）', '容缺材料已全部补齐', '赵六', '综合窗口2号']) {
    expect(text).toContain(expected.replace(/\s+/g, ''));
  }
  await partShot(followUp, 'deferred-06-desk-b-all-in');
  await syncNow(deskB);

  // --- HQ approves now; desk 02 prints the licence and hands it over ---------------------------------
  const licenceUscc = uscc('510703', 'MA6D7E8F');
  await hq.operator.approve(
    caseId,
    licenceData({ uscc: licenceUscc, name: enterprise, legalRepresentative: applicant.name, establishedOn: '2026-11-04', issuedOn: '2026-11-04', address: '绵阳市涪城区临园路东段18号' }),
  );
  await signOut(deskB);
  await signIn(deskB, chiefRepresentative, 'chief');
  await goToSection(deskB, 'issuance');
  await receiveBlankPaper(deskB, [
    ['original', 'A5107000041', 'A5107000050'],
    ['copy', 'B5107000041', 'B5107000050'],
  ]);
  await syncNow(deskB);
  const queue = deskB.getByRole('table', { name: '待出证办件' });
  await queue.getByRole('button', { name: `出证 ${caseNumber}` }).click();
  const original = deskB.getByRole('region', { name: '套打营业执照正本' });
  await enterSerial(original, 'A5107000041');
  await printSheet(original, '营业执照正本', printer.printer);
  const copy = deskB.getByRole('region', { name: '套打营业执照副本' });
  await enterSerial(copy, 'B5107000041');
  await printSheet(copy, '营业执照副本', printer.printer);
  const handover = deskB.getByRole('region', { name: '交付领取' });
  await handover.getByRole('button', { name: '确认交付并办结' }).click();
  await expect(deskB.getByRole('status', { name: '已办结' })).toContainText(`领取人：${applicant.name}`);
  await deskB.evaluate(() => window.scrollTo(0, 0));
  await shotB('deferred-07-desk-b-handed-over', { fullPage: false });

  // Desk 01 learns of the 补交 and the handover from its pull, and shows them on the case.
  await syncNow(deskA);
  await goToSection(deskA, 'cases');
  await deskA.getByLabel('检索办件').fill(caseNumber);
  await deskA.getByRole('table', { name: '检索结果' }).getByRole('button', { name: `打开办件 ${caseNumber}` }).click();
  await expect(deskA.getByRole('region', { name: '概况' })).toContainText('已办结');
  await expect(deskA.getByRole('main')).toContainText('补交容缺材料');
  await shotA('deferred-08-desk-a-pulled', { fullPage: false });
});
