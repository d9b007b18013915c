import ExcelJS from 'exceljs';
import type { CaseRow } from '../../renderer/src/data/records';
import type { CaseEvent } from '../../renderer/src/domain/cases/caseEvents';
import type { CaseState } from '../../renderer/src/domain/cases/caseState';
import type { CaseStatus } from '../../renderer/src/domain/cases/caseStatus';
import type { MatterCode } from '../../renderer/src/domain/catalogue/schema';
import { caseFactsOf, encodeCaseFacts } from '../../renderer/src/domain/figures/caseFacts';
import { caseRow } from '../unit/renderer/data/caseRowFixture';
import { openCounterDesk } from './harness/counterDesk';
import type { DeskDbSnapshot } from './harness/deskDb';
import { expect, test } from './fixtures';

/**
 * 统计 for a seeded week: the week of Monday 23 to Sunday 29 November 2026, the desk's clock on Friday 27th.
 * The cases are stored as the data layer stores them — each row with its facts line in `caseFacts`, made by
 * `caseFactsOf`, as the case write's middleware makes it — and the chief opens the figures with Alt+8.
 */

const today = new Date('2026-11-27T16:00:00+08:00');
const matters = ['510700-0001', '510700-0002', '510700-0003', '510700-0006'] as MatterCode[];
const collector = { name: '王小明', idNumber: '510703198503121234' };

const at = (day: number, minutes: number) => {
  const hours = String(Math.floor(minutes / 60)).padStart(2, '0');
  return `2026-11-${String(day).padStart(2, '0')}T${hours}:${String(minutes % 60).padStart(2, '0')}:00.000+08:00`;
};

type Draft = Omit<CaseEvent, 'seq' | 'clerkId'>;

/** A case of the week, by its pattern: what happened to it, on which days, as the state machine would have it. */
function weekCase(serial: number, day: number, clerkId: string, deskCode: string): CaseRow {
  const start = 9 * 60 + (serial % 7) * 35;
  const opened = at(day, start);
  const events: Draft[] = [{ type: 'opened', at: opened } as Draft];
  const acceptedAt = at(day, start + 12);
  const due = (days: number) => `2026-11-${String(Math.min(day + days, 30)).padStart(2, '0')}`;
  let status: CaseStatus;
  let visits = 1;
  const pattern = serial % 7;
  const accept = (dueDate: string): Draft => ({ type: 'accepted', at: acceptedAt, visit: 1, dueDate, documents: [] }) as Draft;
  if (pattern <= 1) {
    // Handed over the same visit: 1.3 h or 2.6 h after intake.
    const completedAt = at(day, start + (pattern === 0 ? 78 : 156));
    events.push(accept(due(3)), { type: 'approved', at: at(day, start + 40), note: null } as Draft, { type: 'completed', at: completedAt, collector } as Draft);
    status = { code: 'completed', acceptance: { acceptedAt, dueDate: due(3), deferral: null }, decidedAt: at(day, start + 40), completedAt, collector };
  } else if (pattern === 2 && day < 27) {
    // Collected the next day: a second visit.
    const completedAt = at(day + 1, 10 * 60);
    events.push(accept(due(3)), { type: 'approved', at: at(day, 16 * 60), note: null } as Draft, { type: 'completed', at: completedAt, collector } as Draft);
    status = { code: 'completed', acceptance: { acceptedAt, dueDate: due(3), deferral: null }, decidedAt: at(day, 16 * 60), completedAt, collector };
  } else if (pattern === 3) {
    // 一次性告知, not back yet.
    events.push({ type: 'correctionNoticeIssued', at: acceptedAt, visit: 1, items: [{ materialKey: 'charter', name: '公司章程', problem: null }], documents: [] } as Draft);
    status = { code: 'awaitingCorrection', noticeIssuedAt: acceptedAt };
  } else if (pattern === 4) {
    // 容缺受理 of one material, brought in the next day when the week allows.
    const material = { materialKey: 'lease', name: '租赁合同', deadline: due(2) };
    const deferral = { undertaking: '承诺两个工作日内补交', materials: [material] };
    events.push({ type: 'acceptedWithDeferral', at: acceptedAt, visit: 1, dueDate: due(3), undertaking: deferral.undertaking, deferredMaterials: [material], documents: [] } as Draft);
    if (day < 27) events.push({ type: 'deferredMaterialsReceived', at: at(day + 1, 9 * 60), materials: [{ ...material, late: false }], documents: [] } as Draft);
    status = { code: 'acceptedWithDeferral', acceptance: { acceptedAt, dueDate: due(3), deferral } };
  } else if (pattern === 5) {
    // Accepted with a one-day promise, still under review: overdue from the day after next.
    events.push(accept(due(1)), { type: 'reviewStarted', at: at(day, start + 30) } as Draft);
    status = { code: 'underReview', acceptance: { acceptedAt, dueDate: due(1), deferral: null }, reviewStartedAt: at(day, start + 30) };
  } else {
    events.push({ type: 'refused', at: acceptedAt, visit: 1, reason: '不属于本机关职权范围', documents: [] } as Draft);
    status = { code: 'refused', refusedAt: acceptedAt, reason: '不属于本机关职权范围' };
    visits = 1;
  }
  const state: CaseState = { promisedWorkingDays: 3, visits, status, timeline: events.map((event, index) => ({ ...event, seq: index + 1, clerkId }) as CaseEvent) };
  const serialText = String(serial).padStart(4, '0');
  return caseRow({
    id: `01800000-0000-7000-8000-20000000${serialText}` as CaseRow['id'],
    caseNumber: `MY${deskCode}-202611${String(day).padStart(2, '0')}-${serialText}` as CaseRow['caseNumber'],
    deskCode,
    clerkId: clerkId as CaseRow['clerkId'],
    matterCodes: [matters[serial % matters.length]!, ...(serial % 3 === 0 ? [matters[(serial + 1) % matters.length]!] : [])],
    state,
    statusCode: status.code,
    dueDate: 'acceptance' in status && status.code !== 'completed' ? status.acceptance.dueDate : '',
    createdAt: opened,
    updatedAt: opened,
  });
}

/** The furnished desk's snapshot with the week's cases and their facts lines added. */
function withWeek(snapshot: DeskDbSnapshot): DeskDbSnapshot {
  const clerks = snapshot.stores.find((store) => store.name === 'clerks')!.rows.map((row) => row.value as { id: string; displayName: string });
  const zhang = clerks.find((account) => account.displayName === '张三')!.id;
  const chief = clerks.find((account) => account.displayName === '李首席')!.id;
  const otherWindow = '0190b000-0000-7000-8000-0000000000ff';
  const perDay: Record<number, number> = { 23: 6, 24: 9, 25: 5, 26: 10, 27: 7 };
  const cases: CaseRow[] = [];
  let serial = 0;
  for (const [day, count] of Object.entries(perDay)) {
    for (let i = 0; i < count; i += 1) {
      serial += 1;
      const taker = serial % 5 === 0 ? { clerk: otherWindow, desk: '02' } : { clerk: serial % 3 === 0 ? chief : zhang, desk: '01' };
      cases.push(weekCase(serial, Number(day), taker.clerk, taker.desk));
    }
  }
  const added: Record<string, unknown[]> = {
    cases,
    caseFacts: cases.map((row) => ({ line: encodeCaseFacts(caseFactsOf(row)), caseId: row.id })),
  };
  return { ...snapshot, stores: snapshot.stores.map((store) => ({ ...store, rows: [...store.rows, ...(added[store.name] ?? []).map((value) => ({ key: null, value }))] })) };
}

test('统计 shows the seeded week as charts, each with how it is computed, narrows to one window, and exports the tables', async ({ page, desk, deskSeeds, shot }) => {
  test.setTimeout(120_000);
  const seeds = await deskSeeds();
  await page.clock.setFixedTime(today);
  await openCounterDesk(page, desk, { role: 'chief', furnished: true, fixedTime: today }, { ...seeds, furnished: withWeek(seeds.furnished) });

  await page.keyboard.press('Alt+8');
  await expect(page.getByRole('heading', { name: '统计', level: 1 })).toBeVisible();
  const summary = page.getByTestId('figures-summary');
  await expect(summary).toContainText('登记件数');
  await expect(summary).toContainText('37');
  await expect(page.getByText('2026年11月23日 至 2026年11月29日')).toBeVisible();
  for (const figure of ['figure-by-day', 'figure-elapsed', 'figure-matter-elapsed', 'figure-visits', 'figure-by-matter', 'figure-by-decision', 'figure-by-clerk', 'figure-overdue-trend']) {
    const card = page.getByTestId(figure);
    await expect(card.locator('.recharts-surface').first()).toBeVisible();
    await expect(card).not.toContainText('暂无数据');
  }
  await expect(page.getByTestId('figure-elapsed')).toContainText('1.86 小时');
  await expect(page.getByTestId('figure-by-clerk')).toContainText('张三');
  await page.waitForTimeout(600);
  await shot('figures-01-week-hall');

  // 导出 Excel: the file the desk hands over opens with the figures' sheets, the title row and typed cells.
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const savedPath = /保存到 (\S+\.xlsx)/.exec((await page.getByText('统计表已保存到').textContent()) ?? '')?.[1];
  expect(savedPath).toMatch(/统计_2026-11-23_2026-11-29\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(savedPath!);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['概览', '按日', '按事项', '按决定', '按受理员', '用时分布', '等候与办理']);
  expect(String(workbook.getWorksheet('概览')!.getCell('A1').value)).toContain('2026年11月23日 至 2026年11月29日（全厅）');
  expect(workbook.getWorksheet('概览')!.getCell('B3').value).toBe(37);
  expect(workbook.getWorksheet('按日')!.getCell('A3').value).toEqual(new Date('2026-11-23T00:00:00.000Z'));

  // One window: 02's cases only.
  await page.getByRole('combobox', { name: '统计对象' }).click();
  await page.getByRole('option', { name: '02 号窗口' }).click();
  await expect(summary).toContainText('7');
  await expect(page.getByTestId('figure-by-clerk')).not.toContainText('张三');

  // A day with nothing taken in says so.
  await page.locator('.mantine-SegmentedControl-label', { hasText: /^日$/ }).click();
  await page.getByLabel('日期').fill('2026-11-29');
  await expect(page.getByTestId('figure-by-day')).toContainText('暂无数据');
  await expect(page.getByTestId('figure-elapsed')).toContainText('暂无数据');
  await shot('figures-02-empty-day');
});
