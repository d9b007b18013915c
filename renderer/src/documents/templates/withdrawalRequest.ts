import { formatChineseDate } from '../../domain/chineseDate';
import { documentMessages as m } from '../messages';
import { BODY, NoticeFlow, TABLE, columns } from './noticeFlow';
import type { Template } from './template';

const w = m.withdrawal;
const W = NoticeFlow.contentWidthMm;
const FACT_WIDTHS = [24, W / 2 - 24, 28, W / 2 - 28];
const MATTER_WIDTHS = [12, 100, W - 112];

/**
 * 撤回申请: printed at the counter with what the case is, for the applicant (and agent) to sign there. The
 * reason is printed when the applicant gave one, else left for them to write in.
 */
export const withdrawalRequestTemplate: Template<'withdrawalRequest'> = {
  version: '1',
  title: () => m.titles.withdrawalRequest,
  draw(builder, request) {
    const flow = new NoticeFlow(builder, {
      title: m.titles.withdrawalRequest,
      documentNumber: w.byApplicant,
      caseNumber: request.caseNumber,
      catalogueVersion: request.catalogueVersion,
      templateVersion: this.version,
    });
    flow.paragraph(m.common.addressee(request.agency.name), BODY);
    const f = w.fields;
    const rows: string[][] = [
      [f.caseNumber, request.caseNumber, f.submittedAt, formatChineseDate(request.submittedAt)],
      [f.enterprise, request.enterpriseName, f.uscc, request.uscc ?? w.none],
      [f.applicant, request.applicant.name, f.idDocument, request.applicant.idDocument],
    ];
    if (request.agent !== null) rows.push([f.agent, request.agent.name, f.idDocument, request.agent.idDocument]);
    rows.push([f.status, request.status, f.acceptedAt, request.acceptedAt === null ? w.notAccepted : formatChineseDate(request.acceptedAt)]);
    flow.table(
      FACT_WIDTHS.map((widthMm, i) => ({ title: '', widthMm, align: i % 2 === 0 ? 'center' : 'left' }) as const),
      rows,
      TABLE,
      { header: false },
    );
    flow.space(5);
    flow.paragraph(w.mattersHeading, { ...BODY, bold: true });
    flow.space(1);
    flow.table(
      columns(w.matterColumns, MATTER_WIDTHS),
      request.matters.map((matter, i) => [String(i + 1), matter.name, matter.department]),
    );
    flow.space(5);
    flow.paragraph(w.reasonHeading, { ...BODY, bold: true });
    if (request.reason !== null) flow.paragraph(request.reason, { ...BODY, indent: true });
    else {
      flow.paragraph(w.blankReason, BODY);
      flow.space(12);
    }
    flow.space(3);
    flow.paragraph(w.statementHeading, { ...BODY, bold: true });
    flow.paragraph(w.statement(request.agency.name), { ...BODY, indent: true });
    flow.signatureLine();
    if (request.agent !== null) flow.signatureLine(w.agentSignature);
    flow.space(4);
    flow.paragraph(w.counter(request.window, request.clerkName), TABLE);
    flow.finish(m.common.contact(request.agency.address, request.agency.phone));
    return [];
  },
};
