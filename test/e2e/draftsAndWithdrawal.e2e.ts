import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { counterClerk, expect, goToSection, renderPrintedPage, scrollToTop, signIn, test } from './fixtures';
import { acceptWithEverythingReceived, choose, fillParty, registerNewEnterprise, takeIn } from './harness/counterCase';
import { waitForPrintedPdf } from './harness/cups';
import { bindDesk } from './harness/deskBinding';
import { keptBlob, openedRow } from './harness/deskDb';
import { syncNow } from './harness/hqDesk';
import { documentWork, printedJob } from './harness/printing';
import { shooter } from './harness/screenshots';

/**
 * A half-typed intake survives the page going away (a crash, the window closed): the clerk who comes back
 * is offered it, restores it and takes the case in. And 撤回 walked through the case page: the printed
 * 撤回申请 signed at the counter, the confirmation listing what the withdrawal affects, the case 已撤回 on
 * its timeline and at HQ.
 */

test.describe('an intake draft', () => {
  test.use({ deskSetup: { role: 'clerk', furnished: true } });

  test('is offered back after the page was closed mid-typing, restored and taken in', async ({ page, server }) => {
    await page.getByLabel('事项或“一件事”').focus();
    await page.keyboard.type('qykb');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: '已选事项' })).toContainText('企业开办');
    await registerNewEnterprise(page, '绵阳青禾草稿科技有限公司');
    await page.getByLabel('申请人姓名').fill('赵草稿');
    await page.getByLabel('申请人身份证号码').fill('5107031990');
    await expect(page.getByTestId('intake-draft-status')).toContainText('草稿已自动保存');

    // The window goes away mid-typing; the same profile (its IndexedDB) opens again.
    const context = page.context();
    await page.close();
    const again = await context.newPage();
    await bindDesk(again, server.origin);
    await again.goto('/#/intake');
    await signIn(again, counterClerk, 'clerk');
    const offer = again.getByRole('dialog', { name: '发现未提交的登记草稿' });
    await expect(offer).toBeVisible();
    await expect(offer).toContainText('赵草稿');
    await expect(offer).toContainText('绵阳青禾草稿科技有限公司');
    await shooter(again)('drafts-offered');
    await offer.getByRole('button', { name: '恢复草稿' }).click();
    await expect(offer).toBeHidden();

    await expect(again.getByLabel('企业名称（拟设立名称）')).toHaveValue('绵阳青禾草稿科技有限公司');
    await expect(again.getByLabel('申请人身份证号码')).toHaveValue('5107031990');
    await fillParty(again, '申请人', { name: '赵草稿', id: '510703199003071233', mobile: '13800001234' });
    await again.getByRole('textbox', { name: '住所（经营场所）' }).fill('绵阳市涪城区科创园1号');
    await choose(again, 'group', '股东类型（可多选）', '自然人');
    await choose(again, 'radiogroup', '住所（经营场所）使用情况', '租赁或无偿借用他人房屋');
    await choose(again, 'radiogroup', '经营范围是否含登记前须经批准的项目（前置许可）', '否');
    await choose(again, 'radiogroup', '是否需要开具发票（数电发票开票额度）', '否');
    await again.getByLabel('本次参保职工人数').fill('2');
    await again.keyboard.press('Control+Enter');
    await expect(again.getByRole('region', { name: '概况' })).toContainText('绵阳青禾草稿科技有限公司');
    await shooter(again)('drafts-taken-in');

    // Taken in, the draft is gone: the next time 受理 opens, nothing is offered.
    await again.reload();
    await signIn(again, counterClerk, 'clerk');
    await expect(again.getByLabel('事项或“一件事”')).toBeVisible();
    await expect(again.getByRole('dialog', { name: '发现未提交的登记草稿' })).toHaveCount(0);
  });
});

test.describe('撤回', () => {
  test.use({ deskSetup: { role: 'clerk', furnished: true, enrolled: true } });

  test('withdraws an accepted case on the printed 撤回申请 signed at the counter', async ({ page, printer, hq, shot }) => {
    test.setTimeout(240_000);
    const caseNumber = await takeIn(page, {
      enterprise: '绵阳撤回示例科技有限公司',
      address: '绵阳市涪城区长虹大道中段18号',
      applicant: { name: '钱撤回', id: '510703199003071233', mobile: '13800001234' },
    });
    await acceptWithEverythingReceived(page);

    // Days later the applicant asks to withdraw: the clerk opens the case from 办件.
    await goToSection(page, 'cases');
    await page.getByLabel('检索办件').fill(caseNumber);
    await page.getByRole('table', { name: '检索结果' }).getByRole('button', { name: `打开办件 ${caseNumber}` }).click();
    await expect(page.getByRole('region', { name: '概况' })).toContainText(caseNumber);

    const panel = page.getByRole('region', { name: '撤回申请' });
    await panel.getByRole('button', { name: '撤回…' }).click();
    const dialog = page.getByRole('dialog', { name: `撤回申请 · 办件 ${caseNumber}` });
    await dialog.getByLabel('撤回原因（可不填，填写后印在撤回申请上）').fill('股东会决定暂缓设立');
    await expect(dialog.getByRole('button', { name: '下一步' })).toBeDisabled();
    await dialog.getByRole('combobox', { name: '打印机' }).selectOption(printer.printer);
    await dialog.getByRole('button', { name: '打印撤回申请' }).click();
    const job = await printedJob(dialog.getByRole('status', { name: '撤回申请打印结果' }), printer.printer);

    // The printed page (CUPS re-renders it, so its text is checked on the bytes the desk keeps, below).
    await renderPrintedPage(await waitForPrintedPdf(printer.outputDir, job, documentWork.timeout), 'withdrawal-request-printed');

    await dialog.getByLabel('申请人已在打印的撤回申请上签字').check();
    await shot('withdrawal-request-step');
    await dialog.getByRole('button', { name: '下一步' }).click();
    const confirm = dialog.getByRole('alertdialog', { name: '确认撤回' });
    await expect(confirm.getByTestId('withdrawal-effects')).toContainText('承诺办结日期');
    await expect(confirm).toContainText('打印的撤回申请，申请人当场签字');
    await shot('withdrawal-confirm');
    await confirm.getByRole('button', { name: '确认撤回' }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByRole('region', { name: '概况' })).toContainText('已撤回');
    // The acceptance and its documents are history now: no longer offered for printing.
    await expect(page.getByRole('status', { name: '已作出决定' })).toHaveCount(0);
    await expect(panel).toHaveCount(0);
    const timeline = page.getByRole('region', { name: '办理过程' });
    await expect(timeline).toContainText('撤回申请');
    await expect(timeline).toContainText('书面申请：打印的撤回申请，申请人当场签字');
    await scrollToTop(page);
    await shot('withdrawal-done');

    // The desk keeps the form exactly as printed, named by the withdrawal: its text says what the applicant signed.
    const kept = await keptBlob(page, await withdrawalFormSha256(page, caseNumber));
    const path = join(mkdtempSync(join(tmpdir(), 'withdrawal-')), 'withdrawal-request.pdf');
    writeFileSync(path, kept);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/ +/g, ' ');
    for (const expected of ['撤回申请', caseNumber, '绵阳撤回示例科技有限公司', '钱撤回', '股东会决定暂缓设立', '申请人（签字或盖章）', '经办人：张三']) {
      expect(text, expected).toContain(expected);
    }

    // HQ takes the withdrawal and keeps the signed form's bytes.
    await syncNow(page);
    const atHq = (await hq.operator.listCases()).cases.find((row) => row.caseNumber === caseNumber);
    expect(atHq?.status).toMatchObject({ code: 'withdrawn', from: 'accepted', reason: '股东会决定暂缓设立' });
  });
});

/** The SHA-256 of the written request the case's withdrawal names, read from the desk's IndexedDB. */
async function withdrawalFormSha256(page: Page, caseNumber: string): Promise<string> {
  const found = await page.evaluate(
    (number) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('yichuangtong-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('cases').objectStore('cases').index('caseNumber').get(number);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    caseNumber,
  );
  // The row rests sealed: its timeline is read as the app reads it.
  const row = found as { id: string; state: { timeline: { type: string; request?: { sha256: string } }[] } };
  const timeline = (await openedRow(page, 'cases', row, row.id)).state.timeline;
  return timeline.find((event) => event.type === 'withdrawn')?.request?.sha256 ?? '';
}
