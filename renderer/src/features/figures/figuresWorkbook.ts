import type ExcelJS from 'exceljs';
import { loadExcel } from '../../documents/excel';
import { figuresMessages } from '../../domain/figures/messages';
import { decisionKinds, type HallFigures } from '../../domain/figures/figures';
import { figuresScreenMessages as m } from './messages';

/** What the export writes beside the figures: the title row's hall, scope and time, and names for codes and ids. */
export interface FiguresExport {
  hallName: string;
  scopeLabel: string;
  /** When the workbook is made, as the title row shows it (e.g. 2026年10月9日 10:30). */
  madeAt: string;
  figures: HallFigures;
  matterName: (code: string) => string;
  clerkName: (id: string) => string;
}

interface Column {
  header: string;
  width: number;
  /** Excel number format of the column's cells, if not general. */
  numFmt?: string;
}

const DATE = 'yyyy-mm-dd';
const PERCENT = '0.0%';
const HOURS = '0.00';
const MINUTES = '0.0';

/** A business date as an Excel date cell (midnight UTC, so no zone moves it to another day). */
function dateCell(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date));
}

/**
 * One table on its own sheet: the title row (hall, range, scope, when made) merged across the columns, the
 * header row under it, frozen with the title so they stay while scrolling, then the rows.
 */
function addTable(workbook: ExcelJS.Workbook, name: string, title: string, columns: readonly Column[], rows: readonly (readonly unknown[])[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = columns.map((column) => ({ width: column.width, ...(column.numFmt === undefined ? {} : { style: { numFmt: column.numFmt } }) }));
  sheet.getRow(1).getCell(1).value = title;
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, Math.max(columns.length, 1));
  const header = sheet.getRow(2);
  columns.forEach((column, index) => {
    header.getCell(index + 1).value = column.header;
  });
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EAF6' } };
  for (const values of rows) sheet.addRow([...values]);
}

/** The figures' tables as an .xlsx workbook's bytes. */
export async function figuresWorkbook(input: FiguresExport): Promise<Uint8Array> {
  const { figures } = input;
  const c = m.columns;
  const s = m.export.summary;
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = input.hallName;
  const title = m.export.title(input.hallName, input.scopeLabel, m.range.shown(figures.range.from, figures.range.to), input.madeAt);
  const how = figuresMessages.how;

  addTable(workbook, m.export.sheets.summary, title, [{ header: c.metric, width: 30 }, { header: c.value, width: 14 }, { header: c.how, width: 90 }], [
    [s.cases, figures.cases, how.cohort],
    [s.completed, figures.elapsed.completed, how.elapsed],
    [s.medianHours, figures.elapsed.medianHours, how.elapsed],
    [s.withinReference, figures.elapsed.withinReference, how.elapsed],
    [s.withinPromise, figures.elapsed.withinPromise, how.withinPromise],
    [s.oneVisitRate, figures.oneVisit.rate, how.oneVisit],
    [s.deferralRate, figures.deferral.rate, how.deferral],
    [s.everOverdue, figures.overdue.everOverdue, how.overdue],
    [s.openOverdue, figures.overdue.openOverdue, how.overdue],
    [s.ticketed, figures.queue.ticketed, how.queue],
    [s.medianWaitingMinutes, figures.queue.medianWaitingMinutes, how.queue],
    [s.served, figures.queue.served, how.queue],
    [s.medianServiceMinutes, figures.queue.medianServiceMinutes, how.queue],
  ]);
  // Rates and hours keep their number formats in the value column, row by row.
  const summary = workbook.getWorksheet(m.export.sheets.summary)!;
  summary.getCell('B5').numFmt = HOURS;
  summary.getCell('B8').numFmt = PERCENT;
  summary.getCell('B9').numFmt = PERCENT;
  summary.getCell('B13').numFmt = MINUTES;
  summary.getCell('B15').numFmt = MINUTES;

  const trend = new Map(figures.overdue.trend.map((entry) => [entry.day, entry.overdue]));
  addTable(
    workbook,
    m.export.sheets.byDay,
    title,
    [{ header: c.day, width: 14, numFmt: DATE }, { header: c.cases, width: 12 }, { header: c.working, width: 12 }, { header: c.overdue, width: 16 }],
    figures.byDay.map((entry) => [dateCell(entry.day), entry.count, entry.working === null ? c.unknown : entry.working ? c.yes : c.no, trend.get(entry.day) ?? null]),
  );

  const elapsed = new Map(figures.elapsed.byMatter.map((entry) => [entry.matterCode, entry]));
  addTable(
    workbook,
    m.export.sheets.byMatter,
    title,
    [
      { header: c.matterCode, width: 18 },
      { header: c.matterName, width: 30 },
      { header: c.cases, width: 10 },
      { header: c.completed, width: 10 },
      { header: c.medianHours, width: 16, numFmt: HOURS },
      { header: c.withinPromise, width: 10 },
      { header: c.promisedDays, width: 18 },
      { header: c.usedDays, width: 18 },
    ],
    figures.byMatter.map(({ matterCode, count }) => {
      const done = elapsed.get(matterCode);
      return [matterCode, input.matterName(matterCode), count, done?.completed ?? 0, done?.medianHours ?? null, done?.withinPromise ?? 0, done?.promisedWorkingDays ?? null, done?.medianWorkingDaysUsed ?? null];
    }),
  );

  addTable(
    workbook,
    m.export.sheets.byDecision,
    title,
    [{ header: c.decision, width: 20 }, { header: c.count, width: 10 }],
    decisionKinds.map((kind) => [figuresMessages.decisionLabels[kind], figures.byDecision[kind]]),
  );

  addTable(
    workbook,
    m.export.sheets.byClerk,
    title,
    [{ header: c.clerk, width: 30 }, { header: c.count, width: 10 }],
    figures.byClerk.map((entry) => [input.clerkName(entry.clerkId), entry.count]),
  );

  addTable(
    workbook,
    m.export.sheets.elapsed,
    title,
    [{ header: c.bucket, width: 16 }, { header: c.count, width: 10 }],
    figuresMessages.elapsedBucketLabels.map((label, index) => [label, figures.elapsed.buckets[index] ?? 0]),
  );

  addTable(
    workbook,
    m.export.sheets.queue,
    title,
    [{ header: c.bucket, width: 16 }, { header: c.waitingCount, width: 12 }, { header: c.serviceCount, width: 12 }],
    figuresMessages.queueBucketLabels.map((label, index) => [label, figures.queue.waitingBuckets[index] ?? 0, figures.queue.serviceBuckets[index] ?? 0]),
  );

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
