import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Intake at the counter as the end-to-end tests drive it, on 受理: the form's questions, the checklist, the
 * decision; and whole cases taken in that way (企业开办 for a new company, 食品经营许可 for a restaurant).
 */

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Picks an answer of a question by its option label, from the keyboard. A question still unanswered
 * carries a 待回答 mark in its label, so the group is found by how its label starts.
 */
export async function choose(page: Page, kind: 'radiogroup' | 'group', question: string, option: string): Promise<void> {
  const control = page.getByRole(kind, { name: new RegExp(`^${escapeRegExp(question)}`) }).getByLabel(option, { exact: true });
  await control.focus();
  await page.keyboard.press('Space');
  await expect(control).toBeChecked();
}

/** Looks the enterprise up first; when the hall does not know it, Enter takes 登记新企业 with what was typed. */
export async function registerNewEnterprise(page: Page, typed: string): Promise<void> {
  await page.getByLabel('查找企业（名称片段或统一社会信用代码）').fill(typed);
  await expect(page.getByText('本大厅没有匹配的企业，可登记为新企业')).toBeVisible();
  await page.keyboard.press('Enter');
}

export interface Person {
  name: string;
  id: string;
  mobile: string;
}

export async function fillParty(page: Page, who: '申请人' | '代理人', person: Person): Promise<void> {
  await page.getByLabel(`${who}姓名`).fill(person.name);
  await page.getByLabel(`${who}身份证号码`).fill(person.id);
  await page.getByLabel(`${who}手机号码`).fill(person.mobile);
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

/** The number of the case open on the page, from its 概况 heading (「办件 MY01-…」). */
export async function caseNumberShown(page: Page): Promise<string> {
  const heading = await page.getByRole('region', { name: '概况' }).getByRole('heading').textContent();
  return heading!.replace('办件', '').trim();
}

/** Picks the matter (or 一件事) by its pinyin initials in the matter box, once 受理 has its focus. */
export async function pickMatter(page: Page, initials: string, matter: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: '受理' })).toBeVisible();
  // The page moves focus to its heading once shown; pick the matter box after that (counter.e2e tests Ctrl+K).
  await expect(page.getByRole('heading', { level: 1, name: '受理' })).toBeFocused();
  await page.getByLabel('事项或“一件事”').focus();
  await page.keyboard.type(initials);
  await expect(page.getByRole('option', { name: new RegExp(matter) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: '已选事项' })).toContainText(matter);
}

export interface StartUpCase {
  enterprise: string;
  /** The enterprise's 统一社会信用代码, typed after its name (e.g. one on the green-card list). */
  uscc?: string;
  address: string;
  applicant: Person;
  /** An agent acting for the applicant, with the authorisation's wording. */
  agent?: Person & { authorisation: string };
}

/**
 * As a counter clerk on 受理: takes in the 企业开办 bundle for a new company (one natural-person shareholder,
 * rented premises, no pre-approval, no invoices, 2 employees) and waits for the registered case's 概况.
 * Returns the case number shown there.
 */
export async function takeIn(page: Page, input: StartUpCase): Promise<string> {
  await pickMatter(page, 'qykb', '企业开办');
  await registerNewEnterprise(page, input.enterprise);
  await expect(page.getByLabel('企业名称（拟设立名称）')).toHaveValue(input.enterprise);
  if (input.uscc !== undefined) await page.getByLabel('统一社会信用代码').fill(input.uscc);
  await page.getByRole('textbox', { name: '住所（经营场所）' }).fill(input.address);
  await fillParty(page, '申请人', input.applicant);
  if (input.agent !== undefined) {
    await page.getByRole('switch', { name: '委托代理人办理' }).focus();
    await page.keyboard.press('Space');
    await fillParty(page, '代理人', input.agent);
    await page.getByLabel('授权委托说明').fill(input.agent.authorisation);
  }
  await choose(page, 'group', '股东类型（可多选）', '自然人');
  await choose(page, 'radiogroup', '住所（经营场所）使用情况', '租赁或无偿借用他人房屋');
  await choose(page, 'radiogroup', '经营范围是否含登记前须经批准的项目（前置许可）', '否');
  await choose(page, 'radiogroup', '是否需要开具发票（数电发票开票额度）', '否');
  await page.getByLabel('本次参保职工人数').fill('2');
  await page.keyboard.press('Control+Enter');
  // The intake form's checklist preview has the same name: wait for the case itself first.
  await expect(page.getByRole('region', { name: '概况' })).toContainText(input.enterprise);
  return caseNumberShown(page);
}

/** On a registered case: marks every required material received from the keyboard and accepts. */
export async function acceptWithEverythingReceived(page: Page): Promise<void> {
  const checklist = page.getByRole('region', { name: '材料清单', exact: true });
  await expect(checklist.getByRole('table', { name: '材料清单' })).toBeVisible();
  await markAllMissingReceived(page, checklist);
  await expect(page.getByTestId('checklist-progress')).toHaveText(/^(\d+) \/ \1 必交材料已收$/);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status', { name: '已作出决定' })).toContainText('已作出决定：受理');
}

/**
 * As a counter clerk on 受理: takes in the 企业开办 bundle for a new company (`takeIn`), marks every
 * required material received and accepts. Returns the case number shown in 概况.
 */
export async function takeInAndAccept(page: Page, input: StartUpCase): Promise<string> {
  const caseNumber = await takeIn(page, input);
  await acceptWithEverythingReceived(page);
  return caseNumber;
}

/**
 * As a counter clerk on 受理: fills a 食品经营许可 for 绵阳味道餐饮管理有限公司 (a hot-food kitchen, queue
 * number A031) up to saving it; `lookup` is what the clerk searches before registering the enterprise.
 */
export async function fillFoodPermit(page: Page, lookup = '91510700MA62QH3T4P'): Promise<void> {
  await pickMatter(page, 'spjy', '食品经营许可');
  await page.getByLabel('排队号').fill('A031');
  await page.getByLabel('查找企业（名称片段或统一社会信用代码）').fill(lookup);
  await page.getByRole('button', { name: '登记新企业' }).click();
  await page.getByLabel('企业名称（拟设立名称）').fill('绵阳味道餐饮管理有限公司');
  await fillParty(page, '申请人', { name: '王芳', id: '11010519491231002X', mobile: '13900002222' });
  await choose(page, 'group', '经营项目（可多选）', '热食类食品制售');
}

/** Registers the case `fillFoodPermit` fills, up to its checklist, which writes its ops for HQ. Returns the case number. */
export async function takeInFoodPermit(page: Page): Promise<string> {
  await fillFoodPermit(page);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: '概况' })).toContainText('绵阳味道餐饮管理有限公司');
  return caseNumberShown(page);
}
