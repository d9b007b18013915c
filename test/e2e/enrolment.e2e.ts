import { referenceDeskCodes, statusBar } from './harness/deskSettings';
import { submitEnrolment, syncState } from './harness/hqDesk';
import { partShot } from './harness/screenshots';
import { expect, test } from './fixtures';

/**
 * Enrolment that cannot be borrowed, as the admin meets it in 设置 → 市级系统连接: HQ's operator issues a
 * single-use code for one hall and desk; a code of another desk, a used code and the sixth refusal within
 * 15 minutes are each refused with a Chinese reason; when the desk is enrolled again elsewhere its token is
 * revoked, sync pauses (nothing local is deleted) and a new code enrols it again.
 */

test.use({ deskSetup: { role: 'admin', section: 'settings' } });

const minutes = (n: number) => n * 60 * 1000;

test('refuses another desk\'s code and the sixth attempt, enrols with the desk\'s own code, and pauses when the desk is enrolled again elsewhere', async ({ page, hq }) => {
  test.setTimeout(180_000);
  const connection = page.getByRole('region', { name: '市级系统连接' });
  const refusal = connection.getByRole('alert');

  // --- A code HQ issued for window 02 does not enrol window 01 -----------------------------------------
  const forDesk02 = await hq.operator.issueEnrolmentCode({ hallCode: 'MY', deskCode: '02' });
  await submitEnrolment(page, hq.url, referenceDeskCodes, forDesk02.code);
  await expect(refusal).toHaveText('此登记码属于其他大厅或窗口，请核对大厅代码和窗口号，或向市级系统管理员申请本窗口的登记码。');
  await partShot(connection, 'enrolment-01-other-desk');

  // --- Four wrong codes more, then HQ stops taking attempts for MY-01 for a while ------------------------
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await submitEnrolment(page, hq.url, referenceDeskCodes, `WRONG-${attempt}`);
    await expect(refusal).toHaveText('登记码不正确，请向市级系统管理员核对。');
  }
  const own = await hq.operator.issueEnrolmentCode(referenceDeskCodes);
  await submitEnrolment(page, hq.url, referenceDeskCodes, own.code);
  await expect(refusal).toHaveText(/^本窗口注册失败次数过多，市级系统暂不受理，请 1[45] 分钟后再试。$/);
  await partShot(connection, 'enrolment-02-throttled');
  await expect(syncState(page)).toHaveText('未连接市级系统');

  // --- A quarter of an hour later (HQ's clock), the desk's own code enrols it ---------------------------
  await hq.stop();
  await hq.start({ now: () => new Date(Date.now() + minutes(16)) });
  await submitEnrolment(page, hq.url, referenceDeskCodes, own.code);
  const [desk] = await hq.operator.desks();
  await expect(connection.getByRole('status')).toHaveText(`注册成功，本窗口编号 ${desk!.deskId}。`);
  await expect(syncState(page)).toHaveText('已同步');

  // --- Another machine enrols as MY-01 with a newer code: this desk's token is revoked -------------------
  const elsewhere = await hq.operator.issueEnrolmentCode(referenceDeskCodes);
  const taken = await hq.call('POST', '/v1/desks/enrol', { json: { ...referenceDeskCodes, enrolmentCode: elsewhere.code } });
  expect(taken.status).toBe(200);
  await connection.getByRole('button', { name: '立即同步' }).click();
  await expect(syncState(page)).toHaveText('同步已暂停');
  const details = connection.getByRole('table', { name: '注册信息' });
  await expect(details.getByRole('row', { name: /同步情况/ })).toContainText('访问凭据已被撤销');
  await expect(details.getByRole('row', { name: /同步情况/ })).toContainText('请管理员向市级系统申请本窗口的新登记码');
  // Nothing local went: the enrolment is still shown, the codes still lead the form.
  await expect(details.getByRole('row', { name: /窗口编号/ })).toContainText(desk!.deskId);
  await expect(connection.getByLabel('窗口号')).toHaveValue('01');
  await partShot(details, 'enrolment-03-revoked');

  // --- The used code is refused; a new one enrols the desk again ---------------------------------------
  const enrolAgain = async (code: string) => {
    await connection.getByLabel('登记码').fill(code);
    await connection.getByRole('button', { name: '重新注册本窗口' }).click();
  };
  await enrolAgain(own.code);
  await expect(refusal).toHaveText('此登记码已使用过（每个登记码只能使用一次），请向市级系统管理员申请新的登记码。');
  await enrolAgain((await hq.operator.issueEnrolmentCode(referenceDeskCodes)).code);
  await expect(connection.getByRole('status')).toHaveText(`注册成功，本窗口编号 ${desk!.deskId}。`);
  await expect(syncState(page)).toHaveText('已同步');
  await expect(statusBar(page)).toContainText('上次同步');
});
