import type ExcelJS from 'exceljs';
import { loadExcel } from './excel';
import { toChinaCalendarDate } from '../domain/chineseDate';
import { ledgerReportMetaSchema, ledgerReportRowSchema, LEDGER_REPORT_MAX_ROWS, type LedgerReportMeta, type LedgerReportRow } from '../domain/ledger/ledgerReport';
import { z } from 'zod';
import { documentMessages as m } from './messages';

const l = m.ledger;

/** Column widths in characters (Excel's unit), in the order of `sheetColumns`. */
const COLUMN_WIDTHS = [6, 22, 40, 9, 14, 24, 10, 15, 12, 11, 10, 17, 10, 48];
const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const HEADER_ROW = 2;
/** 办结时限 and 最新督办时间 (1-based, as in `sheetColumns`). */
const DUE_COLUMN = 9;
const FOLLOW_UP_COLUMN = 12;

/**
 * Excel keeps no time zone: a cell holds the wall-clock time. Dates and instants are written as the hall
 * reads them (China Standard Time), encoded as UTC so the serial number is that wall-clock time on any PC.
 */
function hallDate(isoDate: string): Date {
  const { year, month, day } = toChinaCalendarDate(isoDate);
  return new Date(Date.UTC(year, month - 1, day));
}

function hallDateTime(instant: string): Date {
  const shifted = new Date(Date.parse(instant) + 8 * 60 * 60 * 1000);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate(), shifted.getUTCHours(), shifted.getUTCMinutes()));
}

function wallClock(instant: string): string {
  return hallDateTime(instant).toISOString().slice(0, 16).replace('T', ' ');
}

const rowsSchema = z.array(ledgerReportRowSchema).max(LEDGER_REPORT_MAX_ROWS);

/**
 * 督办台账 as an `.xlsx` for the city: one sheet 督办台账, a title row (hall, range, when it was made), the
 * Chinese header frozen under it, one row per item with dates as date cells and 剩余工作日 as a number
 * (negative: overdue), so the file sorts and filters as the city's staff expect. Reads no storage.
 */
export async function ledgerWorkbook(rows: readonly LedgerReportRow[], meta: LedgerReportMeta): Promise<Uint8Array> {
  const items = rowsSchema.parse(rows);
  const { hallName, range, madeAt } = ledgerReportMetaSchema.parse(meta);
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = '一窗通';
  // The file says when the ledger was made, not when it was written out.
  workbook.created = hallDateTime(madeAt);
  workbook.modified = hallDateTime(madeAt);

  const sheet = workbook.addWorksheet(l.sheetName, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }] });
  // Styles set on the columns are taken by every cell added below (cheaper than one style per cell).
  const wrapTop: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };
  sheet.columns = COLUMN_WIDTHS.map((width, i) => ({
    width,
    style: { alignment: wrapTop, ...(i === DUE_COLUMN - 1 ? { numFmt: DATE_FORMAT } : i === FOLLOW_UP_COLUMN - 1 ? { numFmt: DATE_TIME_FORMAT } : {}) },
  }));

  const title = sheet.getRow(1);
  title.getCell(1).value = l.sheetTitle(hallName, range.from, range.to, wallClock(madeAt));
  title.getCell(1).font = { bold: true, size: 14 };
  title.height = 24;
  sheet.mergeCells(1, 1, 1, COLUMN_WIDTHS.length);

  const header = sheet.getRow(HEADER_ROW);
  header.values = [...l.sheetColumns];
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  items.forEach((item, index) => {
    const followUp = item.latestFollowUp;
    sheet.addRow([
      index + 1,
      item.caseNumber,
      item.enterpriseName,
      item.greenCard ? l.greenCard : l.notGreenCard,
      item.sourceLabel,
      item.owner ?? '',
      item.liaison?.name ?? '',
      item.liaison?.phone ?? '',
      hallDate(item.dueDate),
      item.workingDaysLeft,
      item.statusLabel,
      followUp === null ? null : hallDateTime(followUp.at),
      followUp?.by ?? '',
      followUp?.text ?? '',
    ]);
  });
  // Filters on the header, as the city's staff sort and filter the ledger.
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: COLUMN_WIDTHS.length } };

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
