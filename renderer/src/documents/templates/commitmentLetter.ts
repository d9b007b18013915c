import { formatChineseDate } from '../../domain/chineseDate';
import { documentMessages as m } from '../messages';
import { BODY, NoticeFlow, columns } from './noticeFlow';
import { closeNotice, matterList, openNotice } from './noticeParts';
import type { Template } from './template';

const WIDTHS = [12, 52, NoticeFlow.contentWidthMm - 64];
const APPLICANT_PART_MM = 40;

/**
 * 告知承诺书: the hall's part (which materials a commitment replaces, the 核查 and the consequences of a
 * false commitment) under its seal, then the applicant's statement and signature, and the clerk who took it.
 */
export const commitmentLetterTemplate: Template<'commitmentLetter'> = {
  version: '1',
  title: () => m.titles.commitmentLetter,
  draw(builder, request) {
    const t = m.commitment;
    const flow = openNotice(builder, request, this.version);
    flow.paragraph(t.notice(matterList(request.matters)), { ...BODY, indent: true });
    flow.space(2);
    flow.paragraph(t.itemsHeading, { ...BODY, bold: true });
    flow.space(1);
    flow.table(
      columns(t.columns, WIDTHS),
      request.items.map((item, i) => [String(i + 1), item.material, item.statement]),
    );
    flow.space(3);
    const due = request.check.dueDate === null ? null : formatChineseDate(request.check.dueDate);
    flow.paragraph(t.check(request.check.days, due), { ...BODY, indent: true });
    flow.paragraph(t.consequences, { ...BODY, indent: true });
    closeNotice(flow, request, t.closing, () => {
      // The applicant's statement, signature and the clerk stay together on one page.
      flow.ensure(APPLICANT_PART_MM);
      flow.rule();
      flow.paragraph(t.applicantHeading, { ...BODY, bold: true, align: 'center' });
      flow.space(1);
      flow.paragraph(t.applicantStatement, { ...BODY, indent: true });
      flow.signatureLine();
      flow.paragraph(t.clerk(request.clerkName), BODY);
    });
    return [];
  },
};
