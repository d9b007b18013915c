import { expect, type Page } from '@playwright/test';

/** What the admin sets up in 设置 before the counter works: the desk's codes, 文书抬头 and default printers. */

export interface DeskCodes {
  hallCode: string;
  deskCode: string;
}

/** The hall and desk every single-desk test works at; they lead case numbers and 文号 (MY01-…). */
export const referenceDeskCodes: DeskCodes = { hallCode: 'MY', deskCode: '01' };

export const statusBar = (page: Page) => page.getByRole('contentinfo', { name: '状态栏' });

/** As the admin in 设置 → 本窗口: sets the hall and desk codes, which the status bar then shows. */
export async function setDeskCodes(page: Page, codes: DeskCodes): Promise<void> {
  const section = page.getByRole('region', { name: '本窗口' });
  await section.getByLabel('大厅代码').fill(codes.hallCode);
  await section.getByLabel('窗口号').fill(codes.deskCode);
  await section.getByRole('button', { name: '保存' }).click();
  await page.getByRole('dialog', { name: '确认本窗口设定' }).getByRole('button', { name: '确认保存，不再更改' }).click();
  await expect(statusBar(page)).toContainText(`窗口：${codes.hallCode}-${codes.deskCode}`);
}

export const agencyFields: Record<string, string> = {
  机关名称: '绵阳市市场监督管理局',
  大厅名称: '绵阳市政务服务中心企业服务中心',
  办理地点: '绵阳市涪城区绵兴东路81号',
  咨询电话: '0816-2222345',
  窗口名称: '企业开办综合窗口 1号',
  机关代字: '绵市监企',
  行政复议机关: '绵阳市人民政府',
  管辖人民法院: '绵阳市涪城区人民法院',
};

/** As the admin, in 设置: fills in and saves 文书抬头 (`overrides` by label, e.g. another desk's 窗口名称). */
export async function fillAgency(page: Page, overrides: Record<string, string> = {}): Promise<void> {
  const header = page.getByRole('region', { name: '文书抬头' });
  for (const [label, value] of Object.entries({ ...agencyFields, ...overrides })) await header.getByLabel(label, { exact: true }).fill(value);
  await header.getByRole('button', { name: '保存' }).click();
  await expect(header.getByRole('status')).toHaveText('已保存');
}

/** The documents the counter tests print, by their names in 默认打印机与纸张. */
export const printedKinds = ['收件凭证', '受理通知书', '营业执照正本', '营业执照副本'] as const;

/** As the admin in 设置 → 默认打印机与纸张: `kinds` print on `printer` unless the clerk picks another. */
export async function setDefaultPrinters(page: Page, printer: string, kinds: readonly string[] = printedKinds): Promise<void> {
  const defaults = page.getByRole('region', { name: '默认打印机与纸张' });
  for (const kind of kinds) {
    await defaults.getByRole('combobox', { name: `${kind}打印机`, exact: true }).selectOption(printer);
    await defaults.getByRole('button', { name: `保存${kind}`, exact: true }).click();
    await expect(defaults.getByRole('status')).toHaveText(`已保存“${kind}”的默认打印机`);
  }
}
