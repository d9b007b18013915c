import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { caseFactsOf } from '../../../../../renderer/src/domain/figures/caseFacts';
import { computeFigures } from '../../../../../renderer/src/domain/figures/figures';
import { figuresWorkbook } from '../../../../../renderer/src/features/figures/figuresWorkbook';
import { clerkA, holidayCalendar, weekFixture } from '../../domain/figures/fixtures';

const range = { from: '2026-09-28', to: '2026-10-04' };

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

async function weekWorkbook(facts = weekFixture().rows.map(caseFactsOf)): Promise<ExcelJS.Workbook> {
  const figures = computeFigures(facts, { range, scope: { kind: 'hall' }, today: '2026-10-09', calendar: holidayCalendar });
  return readBack(
    await figuresWorkbook({
      hallName: '绵阳市政务服务中心企业服务中心',
      scopeLabel: '全厅',
      madeAt: '2026年10月9日 10:30',
      figures,
      matterName: (code) => ({ 'M-SLDJ': '设立登记', 'M-GZKZ': '公章刻制' })[code] ?? code,
      clerkName: (id) => (id === clerkA ? '李受理' : '其他窗口受理员'),
    }),
  );
}

describe('figuresWorkbook', () => {
  it('has one sheet per table, each with the title row (hall, range, scope, made at) and Chinese headers, frozen', async () => {
    const workbook = await weekWorkbook();
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['概览', '按日', '按事项', '按决定', '按受理员', '用时分布', '等候与办理']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getCell('A1').value).toBe('绵阳市政务服务中心企业服务中心 统计 2026年9月28日 至 2026年10月4日（全厅） 制表时间：2026年10月9日 10:30');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(14);
    }
    const byMatter = workbook.getWorksheet('按事项')!;
    expect(byMatter.getRow(2).values).toEqual([undefined, '事项编码', '事项名称', '登记件数', '已办结', '中位用时（小时）', '按时办结', '承诺时限（工作日）', '中位用时（工作日）']);
  });

  it('writes dates as date cells and counts, hours and rates as numbers', async () => {
    const workbook = await weekWorkbook();
    const byDay = workbook.getWorksheet('按日')!;
    const first = byDay.getRow(3);
    expect(first.getCell(1).value).toBeInstanceOf(Date);
    expect((first.getCell(1).value as Date).toISOString()).toBe('2026-09-28T00:00:00.000Z');
    expect(first.getCell(1).numFmt).toBe('yyyy-mm-dd');
    expect(byDay.getRow(5).values).toEqual([undefined, new Date('2026-09-30T00:00:00.000Z'), 3, '是', 1]);
    expect(byDay.getRow(6).getCell(3).value).toBe('否');

    const summary = workbook.getWorksheet('概览')!;
    expect(summary.getCell('B3').value).toBe(6);
    expect(summary.getCell('B5').value).toBe(141.5);
    expect(summary.getCell('B8').value).toBeCloseTo(1 / 3);
    expect(summary.getCell('B8').numFmt).toBe('0.0%');

    const matter = workbook.getWorksheet('按事项')!.getRow(3);
    expect(matter.values).toEqual([undefined, 'M-SLDJ', '设立登记', 6, 3, 141.5, 2, 5, 1]);
    expect(workbook.getWorksheet('按受理员')!.getRow(3).values).toEqual([undefined, '李受理', 5]);
  });

  it('writes the 叫号 waiting and service figures: summary rows in minutes and the bucket table', async () => {
    const workbook = await weekWorkbook();
    const summary = workbook.getWorksheet('概览')!;
    expect([12, 13, 14, 15].map((row) => summary.getRow(row).getCell(1).value)).toEqual([
      '取号登记件数',
      '取号到叫号中位等候（分钟）',
      '叫号后已完成件数',
      '叫号到完成中位办理（分钟）',
    ]);
    expect([12, 13, 14, 15].map((row) => summary.getRow(row).getCell(2).value)).toEqual([3, 25, 2, 31.5]);
    expect(summary.getCell('B13').numFmt).toBe('0.0');
    expect(summary.getCell('C13').value).toContain('取号到叫号');
    const queue = workbook.getWorksheet('等候与办理')!;
    expect(queue.getRow(2).values).toEqual([undefined, '用时区间', '等候件数', '办理件数']);
    expect(queue.getRow(3).values).toEqual([undefined, '5分钟内', 0, 0]);
    expect(queue.getRow(6).values).toEqual([undefined, '15–30分钟', 1, 1]);
    expect(queue.getRow(7).values).toEqual([undefined, '30–60分钟', 1, 1]);
    expect(queue.rowCount).toBe(8);
  });

  it('leaves a figure without data empty, never a zero rate', async () => {
    const workbook = await weekWorkbook([]);
    const summary = workbook.getWorksheet('概览')!;
    expect(summary.getCell('B3').value).toBe(0);
    expect(summary.getCell('B5').value).toBeNull();
    expect(summary.getCell('B8').value).toBeNull();
    expect(summary.getCell('B12').value).toBe(0);
    expect(summary.getCell('B13').value).toBeNull();
    expect(summary.getCell('B15').value).toBeNull();
    expect(workbook.getWorksheet('按事项')!.rowCount).toBe(2);
  });
});
