import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

// Counter writes hash audit entries and commit several tables; under load on a 2-core machine they take
// longer than Playwright's default five seconds to show.
const expect = baseExpect.configure({ timeout: 20_000 });

/**
 * Steps the printing and issuance end-to-end tests share: the desk's identity and 文书抬头 as an admin sets
 * them, and a 企业开办 case taken in and accepted through the counter screens (as counter.e2e.ts does).
 */

/** Hall and desk codes lead case numbers and 文号; written as an admin would set them (as counter.e2e.ts does). */
export async function setDeskIdentity(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('yichuangtong-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ key: 'deskIdentity', value: { hallCode: 'MY', deskCode: '01' } });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function choose(page: Page, kind: 'radiogroup' | 'group', question: string, option: string): Promise<void> {
  const control = page.getByRole(kind, { name: new RegExp(`^${escapeRegExp(question)}`) }).getByLabel(option, { exact: true });
  await control.focus();
  await page.keyboard.press('Space');
  await expect(control).toBeChecked();
}

/** Walks the checklist from its first row: R on every item still missing, ↓ past the others. */
export async function markAllMissingReceived(page: Page, checklist: Locator): Promise<void> {
  const rows = checklist.getByRole('row').filter({ has: page.getByRole('cell') });
  const count = await rows.count();
  await rows.first().focus();
  for (let index = 0; index < count; index += 1) {
    const row = rows.nth(index);
    await expect(row).toBeFocused();
    await page.keyboard.press((await row.getAttribute('data-status')) === 'missing' ? 'r' : 'ArrowDown');
  }
}

export interface StartUpCase {
  enterprise: string;
  address: string;
  applicant: { name: string; id: string; mobile: string };
}

/**
 * As a counter clerk on 受理: takes in the 企业开办 bundle for a new company (one natural-person shareholder,
 * rented premises, no pre-approval, no invoices, 2 employees) and waits for the registered case's 概况.
 * Returns the case number shown there.
 */
export async function takeIn(page: Page, input: StartUpCase): Promise<string> {
  await expect(page.getByRole('heading', { level: 1, name: '受理' })).toBeVisible();
  // The page moves focus to its heading once shown; pick the matter box after that (counter.e2e tests Ctrl+K).
  await expect(page.getByRole('heading', { level: 1, name: '受理' })).toBeFocused();
  await page.getByLabel('事项或“一件事”').focus();
  await page.keyboard.type('qykb');
  await expect(page.getByRole('option', { name: /企业开办/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: '已选事项' })).toContainText('企业开办');
  await page.getByLabel('查找企业（名称片段或统一社会信用代码）').fill(input.enterprise);
  await expect(page.getByText('本大厅没有匹配的企业，可登记为新企业')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('企业名称（拟设立名称）')).toHaveValue(input.enterprise);
  await page.getByRole('textbox', { name: '住所（经营场所）' }).fill(input.address);
  await page.getByLabel('申请人姓名').fill(input.applicant.name);
  await page.getByLabel('申请人身份证号码').fill(input.applicant.id);
  await page.getByLabel('申请人手机号码').fill(input.applicant.mobile);
  await choose(page, 'group', '股东类型（可多选）', '自然人');
  await choose(page, 'radiogroup', '住所（经营场所）使用情况', '租赁或无偿借用他人房屋');
  await choose(page, 'radiogroup', '经营范围是否含登记前须经批准的项目（前置许可）', '否');
  await choose(page, 'radiogroup', '是否需要开具发票（数电发票开票额度）', '否');
  await page.getByLabel('本次参保职工人数').fill('2');
  await page.keyboard.press('Control+Enter');
  // The intake form's checklist preview has the same name: wait for the case itself first.
  await expect(page.getByRole('region', { name: '概况' })).toContainText(input.enterprise);
  const heading = await page.getByRole('region', { name: '概况' }).getByRole('heading').textContent();
  return heading!.replace('办件', '').trim();
}

/**
 * As a counter clerk on 受理: takes in the 企业开办 bundle for a new company (`takeIn`), marks every
 * required material received and accepts. Returns the case number shown in 概况.
 */
export async function takeInAndAccept(page: Page, input: StartUpCase): Promise<string> {
  const caseNumber = await takeIn(page, input);
  const checklist = page.getByRole('region', { name: '材料清单' });
  await expect(checklist.getByRole('table', { name: '材料清单' })).toBeVisible();
  await markAllMissingReceived(page, checklist);
  await expect(page.getByTestId('checklist-progress')).toHaveText(/^(\d+) \/ \1 必交材料已收$/);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status', { name: '已作出决定' })).toContainText('已作出决定：受理');
  return caseNumber;
}
