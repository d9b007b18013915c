import type { Page } from '@playwright/test';
import { residentId } from '../fixtures/identities';
import { queueCallResponseSchema } from '../../renderer/src/protocol/queue';
import type { CaseRow } from '../../renderer/src/data/records';
import { caseNumberShown, choose, fillParty, registerNewEnterprise } from './harness/counterCase';
import { readRecord } from './harness/deskDb';
import { syncNow } from './harness/hqDesk';
import { expect, partShot, test } from './fixtures';

/**
 * 叫号 at window 01 of hall MY with the reference HQ: the hall's ticket machine (the operator API) issues
 * an A and a V ticket; the clerk calls (F3) and gets the green-card ticket first although the A ticket is
 * older, skips it (过号: back of its line, not dropped), then calls again at the same moment as window 02
 * (HQ's desk API) and the two windows get different tickets; the clerk recalls (重呼), takes the case in on
 * the called ticket and presses 完成: the case carries the ticket with its issued, called and finished times.
 * With HQ down, 叫号 says so and the clerk types the number from the applicant's slip.
 */

// Desk 01 is furnished (codes MY-01) and enrolled by the fixture, its clerk 张三 signed in on 受理.
test.use({ deskSetup: { role: 'clerk', furnished: true, enrolled: true } });

const queuePanel = (page: Page) => page.getByRole('region', { name: '叫号' });

/** Takes the 企业开办 bundle in for a new company, the ticket already in 排队号. */
async function takeInOnTicket(page: Page, enterprise: string): Promise<string> {
  await page.getByLabel('事项或“一件事”').focus();
  await page.keyboard.type('qykb');
  await expect(page.getByRole('option', { name: /企业开办/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await registerNewEnterprise(page, enterprise);
  await page.getByRole('textbox', { name: '住所（经营场所）' }).fill('绵阳市涪城区临园路东段8号');
  await fillParty(page, '申请人', { name: '陈立群', id: residentId('510703', '19850317', 211), mobile: '13900005555' });
  await choose(page, 'group', '股东类型（可多选）', '自然人');
  await choose(page, 'radiogroup', '住所（经营场所）使用情况', '租赁或无偿借用他人房屋');
  await choose(page, 'radiogroup', '经营范围是否含登记前须经批准的项目（前置许可）', '否');
  await choose(page, 'radiogroup', '是否需要开具发票（数电发票开票额度）', '否');
  await page.getByLabel('本次参保职工人数').fill('1');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: '概况' })).toContainText(enterprise);
  return caseNumberShown(page);
}

test('the clerk calls V first, skips, calls beside window 02 without sharing a ticket, recalls, takes the case in on the ticket and finishes it', async ({
  page,
  hq,
  shot,
}) => {
  test.setTimeout(180_000);
  const panel = queuePanel(page);
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('queue-current')).toHaveText('当前没有叫到的号');

  // --- The ticket machine: an A ticket, then a green-card one -----------------------------------------
  const a1 = await hq.operator.takeQueueTicket({ hallCode: 'MY', line: 'A' });
  const v1 = await hq.operator.takeQueueTicket({ hallCode: 'MY', line: 'V' });
  expect([a1.number, v1.number]).toEqual(['A001', 'V001']);

  // --- F3 calls the green-card ticket first; its number fills 排队号 -----------------------------------
  await page.keyboard.press('F3');
  await expect(panel.getByTestId('queue-current')).toHaveText('V001');
  await expect(panel.getByRole('status')).toHaveText('已叫 V001 号，已填入“排队号”');
  await expect(page.getByLabel('排队号')).toHaveValue('V001');
  await shot('queue-01-called-v-first', { fullPage: false });

  // --- 过号: back of its line, not dropped -------------------------------------------------------------
  await panel.getByRole('button', { name: '过号' }).click();
  await expect(panel.getByRole('status')).toHaveText('V001 号已过号，排到本队列末尾');
  await expect(panel.getByTestId('queue-current')).toHaveText('当前没有叫到的号');
  await expect(page.getByLabel('排队号')).toHaveValue('');

  // --- Window 01 (the clerk) and window 02 call at the same moment: two different tickets ----------------
  const desk02 = await hq.enrol('MY', '02');
  const [, answer02] = await Promise.all([
    page.keyboard.press('F3'),
    hq.call('POST', '/v1/queue/call', { token: desk02.token, json: { lines: ['A', 'B'] } }),
  ]);
  expect(answer02.status).toBe(200);
  const ticket02 = queueCallResponseSchema.parse(answer02.body).ticket;
  await expect(panel.getByTestId('queue-current')).toHaveText(/^(A001|V001)$/);
  const ticket01 = (await panel.getByTestId('queue-current').textContent())!;
  expect(new Set([ticket01, ticket02.number])).toEqual(new Set(['A001', 'V001']));
  expect(ticket02.deskCode).toBe('02');

  // --- 重呼: the board shows the call again --------------------------------------------------------------
  await panel.getByRole('button', { name: '重呼' }).click();
  await expect(panel.getByRole('status')).toHaveText(`已重呼 ${ticket01} 号`);
  const board = await hq.call('GET', '/v1/queue/board', { token: desk02.token });
  expect((board.body as { calls: Array<{ number: string; deskCode: string }> }).calls[0]).toMatchObject({ number: ticket01, deskCode: '01' });

  // --- The case is taken in on the called ticket, then 完成 ---------------------------------------------
  await expect(page.getByLabel('排队号')).toHaveValue(ticket01);
  const caseNumber = await takeInOnTicket(page, '绵阳青枫叫号测试科技有限公司');
  await expect(page.getByRole('region', { name: '概况' })).toContainText(ticket01);
  await expect(panel.getByTestId('queue-current')).toHaveText(ticket01);
  await expect(page.getByTestId('queue-times')).toHaveText(/^等候 \d+ 分钟 · 办理中$/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await partShot(panel, 'queue-02-panel-with-case');
  await shot('queue-03-case-taken-in-on-ticket', { fullPage: false });
  await panel.getByRole('button', { name: '完成' }).click();
  await expect(panel.getByRole('status')).toHaveText(`${ticket01} 号办理完成`);
  await expect(panel.getByTestId('queue-current')).toHaveText('当前没有叫到的号');
  await expect(page.getByTestId('queue-times')).toHaveText(/^等候 \d+ 分钟 · 办理 \d+ 分钟$/);
  await shot('queue-04-finished', { fullPage: false });

  // --- The case carries the ticket and its times; it reached HQ -----------------------------------------
  await syncNow(page);
  const onHq = (await hq.operator.listCases({ hallCode: 'MY' })).cases.find((row) => row.caseNumber === caseNumber);
  expect(onHq).toBeDefined();
  const row = await readRecord<CaseRow>(page, 'cases', onHq!.id);
  expect(row?.queueTicket).toBe(ticket01);
  const service = row?.queueService;
  const issued = ticket01 === a1.number ? a1 : v1;
  expect(service).toMatchObject({ ticketId: issued.ticketId, issuedAt: issued.issuedAt, calledAt: expect.any(String), finishedAt: expect.any(String) });
  expect(Date.parse(service!.issuedAt)).toBeLessThanOrEqual(Date.parse(service!.calledAt));
  expect(Date.parse(service!.calledAt)).toBeLessThanOrEqual(Date.parse(service!.finishedAt!));

  // --- HQ unreachable: the panel says so, and the clerk types the number from the slip -----------------
  await hq.stop();
  await page.keyboard.press('F2');
  await expect(page.getByLabel('排队号')).toHaveValue('');
  await page.keyboard.press('F3');
  await expect(panel.getByRole('alert')).toContainText('叫号系统暂不可用');
  await expect(panel.getByRole('alert')).toContainText('请按申请人取号单在“排队号”栏手工填写号码');
  await expect(panel.getByTestId('queue-current')).toHaveText('当前没有叫到的号');
  await page.getByLabel('排队号').fill('A031');
  await expect(page.getByLabel('排队号')).toHaveValue('A031');
  await shot('queue-05-offline-typed', { fullPage: false });
});
