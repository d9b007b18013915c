import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import { documentMessages as m } from '../messages';
import { BODY, NoticeFlow, SEAL_BLOCK_MM, TABLE, columns } from './noticeFlow';
import type { Template } from './template';

const r = m.dayReport;
const W = NoticeFlow.contentWidthMm;
const SUMMARY_WIDTHS = [W / 4, W / 4, W / 4, W / 4];
const STATUS_WIDTHS = [14, W - 14 - 30, 30];
const MATTER_WIDTHS = [14, 44, W - 14 - 44 - 24, 24];
const CASE_WIDTHS = [12, 40, 44, W - 12 - 40 - 44 - 22 - 14, 22, 14];
const UNPRINTED_WIDTHS = [12, 40, 30, W - 12 - 40 - 30];
const HEADING = { ...BODY, bold: true } as const;
const SIGNATURE_SECTION_MM = 5 + 8 + 2 * 8.5 + 4 + SEAL_BLOCK_MM;

/**
 * 日结报表: the desk's business day as HQ reconciled it — totals, licence paper by serial, every case the
 * day touched — signed by the chief representative. Long lists continue on further pages (NoticeFlow).
 */
export const dayReportTemplate: Template<'dayReport'> = {
  version: '2',
  title: () => m.titles.dayReport,
  draw(builder, request) {
    const date = formatChineseDate(request.businessDate);
    const flow = new NoticeFlow(builder, {
      title: m.titles.dayReport,
      subtitle: r.subtitle(request.window, date),
      documentNumber: request.documentNumber,
      caseNumber: request.documentNumber,
      catalogueVersion: '',
      templateVersion: this.version,
      qrCaption: r.qrCaption,
      footerFacts: r.footer(request.businessDate, request.deskTag, this.version),
    });
    const { figures } = request;
    const heading = (text: string) => {
      flow.space(4);
      flow.paragraph(text, HEADING, { keepWithNextMm: 12 });
      flow.space(1);
    };

    heading(r.reconciliationHeading);
    flow.paragraph(r.reconciled(formatChineseDateTime(request.reconciliation.reconciledAt), request.reconciliation.lastSeq, figures.ops), { ...BODY, indent: true });
    // HQ keeps the heads the desk reported: the printed one lets anyone compare the log with HQ's copy.
    // A report archived before heads were printed has none and reads as it did.
    if (request.auditHead !== null) flow.paragraph(r.auditHead(request.auditHead.seq, request.auditHead.hash.slice(0, 16)), { ...BODY, indent: true });

    heading(r.summaryHeading);
    const s = r.summary;
    flow.table(
      SUMMARY_WIDTHS.map((widthMm, i) => ({ title: '', widthMm, align: i % 2 === 0 ? 'center' : 'left' }) as const),
      [
        [s.completed, r.pieces(figures.completedCases), s.handovers, r.pieces(figures.handovers)],
        [
          s.average,
          figures.averageIntakeToHandoverMinutes === null ? r.none : r.minutes(figures.averageIntakeToHandoverMinutes),
          s.oneVisit,
          figures.oneVisitShare === null ? r.none : r.percent(figures.oneVisitShare),
        ],
        [s.printed, r.copies(figures.documents.printed), s.reprinted, r.copies(figures.documents.reprinted)],
        [s.voided, r.copies(figures.documents.voided), s.ops, r.records(figures.ops)],
      ],
      TABLE,
      { header: false },
    );

    heading(r.statusHeading);
    if (request.casesByStatus.length === 0) flow.paragraph(r.noCases, BODY);
    else flow.table(columns(r.statusColumns, STATUS_WIDTHS, [2]), request.casesByStatus.map((line, i) => [String(i + 1), line.label, r.pieces(line.count)]));

    heading(r.matterHeading);
    if (request.casesByMatter.length === 0) flow.paragraph(r.noCases, BODY);
    else flow.table(columns(r.matterColumns, MATTER_WIDTHS, [3]), request.casesByMatter.map((line, i) => [String(i + 1), line.code, line.name, r.pieces(line.count)]));

    heading(r.sheetsHeading);
    const { used, voided } = request.licenceSheets;
    if (used.length === 0 && voided.length === 0) flow.paragraph(r.noSheets, BODY);
    if (used.length > 0) flow.paragraph(r.sheetsUsed(used.length, used.join('、')), BODY);
    if (voided.length > 0) flow.paragraph(r.sheetsVoided(voided.length, voided.join('、')), BODY);

    heading(r.casesHeading);
    if (request.cases.length === 0) flow.paragraph(r.noCases, BODY);
    else {
      flow.table(
        columns(r.caseColumns, CASE_WIDTHS, [5]),
        request.cases.map((line, i) => [String(i + 1), line.caseNumber, line.enterpriseName, line.matters, line.status, r.visits(line.visits)]),
        { ...TABLE, sizePt: 9 },
      );
    }

    // Only a day with unprinted documents has this section (the chief's reasons); others read as before.
    if (request.unprinted.length > 0) {
      heading(r.unprintedHeading);
      flow.table(
        columns(r.unprintedColumns, UNPRINTED_WIDTHS, []),
        request.unprinted.map((line, i) => [String(i + 1), line.caseNumber, line.document, line.reason]),
        { ...TABLE, sizePt: 9 },
      );
    }

    // The signature section (heading, two lines, seal) stays on one page.
    flow.ensure(SIGNATURE_SECTION_MM);
    heading(r.signatureHeading(request.unprinted.length > 0 ? '八' : '七'));
    flow.paragraph(r.preparedBy(request.preparedBy), BODY);
    flow.paragraph(r.signedBy(request.signature.name, formatChineseDateTime(request.signature.signedAt)), BODY);
    flow.space(4);
    flow.sealBlock(request.agency.hallName, request.issuedAt, { sealLabel: r.seal });
    flow.finish(m.common.contact(request.agency.address, request.agency.phone));
    return [];
  },
};
