import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { residentId } from '../fixtures/identities';
import { acceptWithEverythingReceived, takeIn } from './harness/counterCase';
import { archivedPdfs } from './harness/deskDb';
import { documentWork, printedJob } from './harness/printing';
import { expect, renderPrintedPage, scrollToTop, test } from './fixtures';

/**
 * A legal name with a character beyond the everyday fonts: 𠮷 (U+20BB7, CJK Extension B) in the enterprise's
 * and the applicant's names is taken in, the case is accepted, and its 受理通知书 prints with 𠮷 drawn from the
 * fallback font (花园明朝B, embedded as a subset). A character no font has (𱍐, Extension H) is refused in
 * the intake form as it is typed, naming the character and what to do.
 */

const run = promisify(execFile);
const takenInAt = new Date('2026-11-02T09:00:00+08:00');
const enterprise = '绵阳𠮷祥科技有限公司';
const applicant = { name: '𠮷田明远', id: residentId('510703', '19870519', 131), mobile: '13800002468' };

// The furnished desk prints 受理通知书 on the cups-pdf queue by default.
test.use({ deskSetup: { role: 'clerk', furnished: true, fixedTime: takenInAt } });

test('takes in and accepts a case whose names hold 𠮷, prints its acceptance notice with 𠮷 in the fallback font, and refuses a character no font has as it is typed', async ({
  page,
  printer: queue,
  shot,
}, testInfo) => {
  test.setTimeout(300_000);
  const caseNumber = await takeIn(page, { enterprise, address: '绵阳市涪城区科创园区创业大道8号', applicant });
  const summary = page.getByRole('region', { name: '概况' });
  await expect(summary).toContainText(enterprise);
  await expect(summary).toContainText(applicant.name);

  // --- 修改受理信息: the same form refuses 𱍐 (Extension H), which no font has, naming it --------------------
  await page.keyboard.press('F4');
  const correction = page.getByRole('dialog', { name: `修改受理信息 · 办件 ${caseNumber}` });
  const name = correction.getByLabel('申请人姓名');
  await name.fill('𱍐田明远');
  const refusal = correction.getByText('“𱍐”（U+31350）文书字库中没有，通知书和执照都打印不出来。请先核对是否录错；确为证件上的用字的，请联系系统管理员补充字库后再办理。');
  await expect(refusal).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await refusal.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await shot('rareCharacter-01-unprintable-refused', { fullPage: false });
  await name.fill(applicant.name);
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Escape');
  await expect(correction).toBeHidden();

  // --- 受理, then the 受理通知书 addressed to 𠮷田明远 -------------------------------------------------------
  await acceptWithEverythingReceived(page);
  const decision = page.getByRole('status', { name: '已作出决定' });
  await decision.getByRole('button', { name: '打印受理通知书' }).click();
  const notice = page.getByRole('dialog', { name: '打印受理通知书' });
  await expect(notice.getByTestId('print-preview').locator('canvas').first()).toHaveAttribute('data-drawn', 'true', documentWork);
  await shot('rareCharacter-02-notice-preview', { fullPage: false });
  await notice.getByRole('button', { name: '打印并存档' }).click();
  await printedJob(notice.getByRole('status', { name: '打印结果' }), queue.printer);
  await notice.getByRole('button', { name: '关闭', exact: true }).click();

  // The archived bytes (what was printed): 𠮷 extracts as text, drawn from the fallback embedded as a subset.
  const pdfPath = testInfo.outputPath('acceptance-notice.pdf');
  const archived = await archivedPdfs(page, 'acceptanceNotice');
  expect(archived).toHaveLength(1);
  await writeFile(pdfPath, archived[0]!);
  const { stdout: text } = await run('pdftotext', ['-layout', pdfPath, '-']);
  expect(text.replace(/\s+/g, '')).toContain(`${applicant.name}（拟设立的${enterprise}）：`);
  const { stdout: fonts } = await run('pdffonts', [pdfPath]);
  expect(fonts).toMatch(/^[A-Z]{6}\+HanaMinB\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/m);
  await renderPrintedPage(pdfPath, 'rareCharacter-03-archived-notice');
  await scrollToTop(page);
  await shot('rareCharacter-04-decided', { fullPage: false });
});
