import { expect, type Locator, type Page } from '@playwright/test';
import { chiefRepresentative } from './signIn';

/** Printing as the desk's screens show it: the outcome of a print, and licences on blank paper in 出证. */

/**
 * For the steps that wait on a document: its fonts are subset in the documents worker, pdf.js draws the
 * preview, CUPS runs the job through Ghostscript. On a loaded 2-core machine that is tens of seconds.
 */
export const documentWork = { timeout: 60_000 };

/** Waits for `outcome` to say one copy printed on `printer` and returns the CUPS job id it names. */
export async function printedJob(outcome: Locator, printer: string): Promise<string> {
  await expect(outcome).toContainText(`已打印：${printer} 已完成 1 份`, documentWork);
  return /打印作业 (\S+-\d+)）/.exec((await outcome.textContent()) ?? '')![1]!;
}

export type BlankPaperBatch = readonly [kind: 'original' | 'copy', first: string, last: string];

/** In 出证 → 空白证书库存, with the chief's password typed in: takes ten-sheet batches of blank licence paper into stock. */
export async function receiveBlankPaper(page: Page, batches: readonly BlankPaperBatch[]): Promise<void> {
  const receive = page.getByRole('region', { name: '空白证书库存' }).getByRole('form', { name: '登记入库（首席代表核准）' });
  for (const [kind, first, last] of batches) {
    await receive.getByRole('combobox', { name: '种类' }).selectOption(kind);
    await receive.getByLabel('首张编号').fill(first);
    await receive.getByLabel('末张编号').fill(last);
    await receive.getByLabel('首席代表登录名').fill(chiefRepresentative.loginName);
    await receive.getByLabel('首席代表密码').fill(chiefRepresentative.password);
    await receive.getByRole('button', { name: '登记入库' }).click();
    await expect(receive.getByRole('status')).toContainText(`10 张：${first} — ${last}`);
  }
}

/** Scans or types a serial into a licence panel and checks it against stock; the panel says what it found. */
export async function enterSerial(panel: Locator, serial: string): Promise<void> {
  await panel.getByRole('textbox', { name: /空白证书编号/ }).fill(serial);
  await panel.getByRole('button', { name: '核对编号' }).click();
}

/** Prints the licence sheet in `panel` on `printer` once its preview is drawn; returns the CUPS job id. */
export async function printSheet(panel: Locator, label: string, printer: string): Promise<string> {
  await expect(panel.getByRole('region', { name: `${label}打印预览` }).locator('canvas').first()).toHaveAttribute('data-drawn', 'true', documentWork);
  await panel.getByRole('button', { name: `套打${label}` }).click();
  return printedJob(panel.getByRole('status', { name: '打印结果' }), printer);
}
