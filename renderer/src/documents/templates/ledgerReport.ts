import { formatChineseDate, formatChineseDateTime, toChinaIsoDateTime } from '../../domain/chineseDate';
import type { LedgerReportRow } from '../../domain/ledger/ledgerReport';
import { documentMessages as m } from '../messages';
import { A4_LANDSCAPE, BODY, NoticeFlow, TABLE, columns } from './noticeFlow';
import type { Template } from './template';

const l = m.ledger;
const W = NoticeFlow.contentWidthOf(A4_LANDSCAPE);
/** 序号, 办件编号, 企业名称, 绿卡, 来源, 责任单位／专员, 办结时限, 剩余／逾期, 状态; the follow-up takes the rest. */
const WIDTHS = [10, 36, 42, 10, 24, 30, 20, 26, 14];
const COLUMN_WIDTHS = [...WIDTHS, W - WIDTHS.reduce((sum, width) => sum + width, 0)];
const ROWS = { ...TABLE, sizePt: 9 } as const;

/** A follow-up's time as the table shows it: 11-26 15:30 (the year is in the title). */
function shortTime(at: string): string {
  return toChinaIsoDateTime(new Date(at)).slice(5, 16).replace('T', ' ');
}

function ownerCell(row: LedgerReportRow): string {
  const parts = [row.owner, row.liaison === null ? null : l.liaison(row.liaison.name, row.liaison.phone)].filter((part) => part !== null);
  return parts.length === 0 ? l.none : parts.join(' ');
}

function cells(row: LedgerReportRow, index: number): string[] {
  const followUp = row.latestFollowUp;
  return [
    String(index + 1),
    row.caseNumber,
    row.enterpriseName,
    row.greenCard ? l.greenCard : l.notGreenCard,
    row.sourceLabel,
    ownerCell(row),
    row.dueDate,
    l.daysLeft(row.workingDaysLeft),
    row.statusLabel,
    followUp === null ? l.none : l.followUp(shortTime(followUp.at), followUp.by, followUp.text),
  ];
}

/**
 * 督办台账 printed on landscape A4: hall and range in the title, a count line, then one ruled row per item
 * whose cells wrap (a long enterprise name grows its row, never crosses its column); the header row repeats
 * on every page and the footer numbers the pages 第 n 页 共 m 页.
 */
export const ledgerReportTemplate: Template<'ledgerReport'> = {
  version: '1',
  title: () => m.titles.ledgerReport,
  draw(builder, request) {
    const flow = new NoticeFlow(builder, {
      title: m.titles.ledgerReport,
      subtitle: l.subtitle(request.hallName, formatChineseDate(request.range.from), formatChineseDate(request.range.to)),
      documentNumber: request.documentNumber,
      caseNumber: request.documentNumber,
      catalogueVersion: '',
      templateVersion: this.version,
      qrCaption: l.qrCaption,
      footerFacts: l.footer(formatChineseDateTime(request.issuedAt), request.deskTag, this.version),
      paper: A4_LANDSCAPE,
    });
    const { rows } = request;
    const overdue = rows.filter((row) => row.workingDaysLeft !== null && row.workingDaysLeft < 0).length;
    flow.paragraph(l.summary(rows.length, overdue, rows.filter((row) => row.greenCard).length), BODY);
    flow.space(2);
    if (rows.length === 0) flow.paragraph(l.empty, BODY);
    else flow.table(columns(l.columns, COLUMN_WIDTHS, [3, 6, 8]), rows.map(cells), ROWS);
    flow.finish(null);
    return [];
  },
};
