import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ledgerWorkbook } from '../../../../renderer/src/documents/ledgerWorkbook';
import type { LedgerReportMeta, LedgerReportRow } from '../../../../renderer/src/domain/ledger/ledgerReport';
import { demoLedgerMeta, demoLedgerRows } from '../../../tools/demoDocuments';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

const overdueGreenCard: LedgerReportRow = {
  caseNumber: 'MY01-20261112-0004',
  enterpriseName: '绵阳绿卡精密制造有限公司',
  greenCard: true,
  sourceLabel: '超期预警',
  owner: '市市场监管局登记注册科',
  liaison: { name: '陈晓燕', phone: '138 0000 5555' },
  dueDate: '2026-11-20',
  workingDaysLeft: -4,
  statusLabel: '督办中',
  latestFollowUp: { at: '2026-11-25T07:30:00Z', by: '李建国', text: '已电话督促登记注册科。' },
};

const closed: LedgerReportRow = {
  caseNumber: 'MY01-20261116-0006',
  enterpriseName: '绵阳云杉数据科技有限公司',
  greenCard: false,
  sourceLabel: '承诺核查逾期',
  owner: null,
  liaison: null,
  dueDate: '2026-11-23',
  workingDaysLeft: null,
  statusLabel: '已办结',
  latestFollowUp: null,
};

const meta: LedgerReportMeta = { hallName: '绵阳市政务服务中心', range: { from: '2026-11-13', to: '2026-11-26' }, madeAt: '2026-11-26T17:55:00+08:00' };

describe('ledgerWorkbook', () => {
  it('writes one sheet 督办台账 with a title row naming hall, range and when it was made, and the Chinese header frozen under it', async () => {
    const workbook = await readBack(await ledgerWorkbook([overdueGreenCard, closed], meta));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['督办台账']);
    const sheet = workbook.getWorksheet('督办台账')!;
    expect(sheet.getCell('A1').text).toBe('督办台账\u3000绵阳市政务服务中心\u30002026-11-13至2026-11-26\u3000制表时间：2026-11-26 17:55');
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '序号',
      '办件编号',
      '企业名称',
      '服务绿卡',
      '来源',
      '责任单位',
      '专员',
      '专员电话',
      '办结时限',
      '剩余工作日',
      '状态',
      '最新督办时间',
      '督办人',
      '最新督办记录',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    // Wide enough for what each column holds: a case number, a long enterprise name, a follow-up.
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(20);
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(36);
    expect(sheet.getColumn(14).width).toBeGreaterThanOrEqual(40);
    expect(sheet.rowCount).toBe(4);
  });

  it('writes dates as date cells in the hall’s time, working days as numbers (negative when overdue), text as text', async () => {
    const sheet = (await readBack(await ledgerWorkbook([overdueGreenCard, closed], meta))).getWorksheet('督办台账')!;
    const row = sheet.getRow(3);
    expect(row.getCell(1).value).toBe(1);
    expect(row.getCell(2).value).toBe('MY01-20261112-0004');
    expect(row.getCell(4).value).toBe('是');
    expect(row.getCell(7).value).toBe('陈晓燕');
    expect(row.getCell(8).value).toBe('138 0000 5555');
    const due = row.getCell(9);
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect((due.value as Date).toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(due.numFmt).toBe('yyyy-mm-dd');
    const days = row.getCell(10);
    expect(days.type).toBe(ExcelJS.ValueType.Number);
    expect(days.value).toBe(-4);
    // 07:30 UTC is 15:30 in the hall, and that is what the cell shows on any PC.
    const followedUp = row.getCell(12);
    expect(followedUp.type).toBe(ExcelJS.ValueType.Date);
    expect((followedUp.value as Date).toISOString()).toBe('2026-11-25T15:30:00.000Z');
    expect(followedUp.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(row.getCell(14).value).toBe('已电话督促登记注册科。');

    const closedRow = sheet.getRow(4);
    expect(closedRow.getCell(4).value).toBe('');
    expect(closedRow.getCell(6).value).toBe('');
    expect(closedRow.getCell(10).type).toBe(ExcelJS.ValueType.Null);
    expect(closedRow.getCell(12).type).toBe(ExcelJS.ValueType.Null);
    expect(closedRow.getCell(11).value).toBe('已办结');
  });

  it('writes only the title and header for an empty ledger', async () => {
    const sheet = (await readBack(await ledgerWorkbook([], meta))).getWorksheet('督办台账')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getCell('B2').value).toBe('办件编号');
  });

  it('refuses a range that ends before it starts, and a row that is not one', async () => {
    await expect(ledgerWorkbook([overdueGreenCard], { ...meta, range: { from: '2026-11-27', to: '2026-11-26' } })).rejects.toThrow('台账的起始日期不能晚于截止日期');
    await expect(ledgerWorkbook([{ ...overdueGreenCard, caseNumber: '第四号' }], meta)).rejects.toThrow('办件编号格式不正确');
    await expect(ledgerWorkbook([{ ...overdueGreenCard, dueDate: '2026-11-31' }], meta)).rejects.toThrow();
  });

  it('exports a 5,000-row ledger (the bench’s size) with every row read back', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => demoLedgerRows[i % demoLedgerRows.length]!);
    const started = performance.now();
    const bytes = await ledgerWorkbook(rows, demoLedgerMeta);
    const elapsed = performance.now() - started;
    console.info(`ledgerWorkbook: 5,000 rows in ${elapsed.toFixed(0)} ms, ${bytes.length} bytes`);
    const sheet = (await readBack(bytes)).getWorksheet('督办台账')!;
    expect(sheet.rowCount).toBe(5002);
    expect(sheet.getRow(5002).getCell(1).value).toBe(5000);
  }, 60_000);
});
