import { documentMessages as m } from '../messages';
import { BODY, NoticeFlow, columns } from './noticeFlow';
import { closeNotice, matterList, openNotice, submittedOn } from './noticeParts';
import type { Template } from './template';

const WIDTHS = [12, 42, 62, NoticeFlow.contentWidthMm - 116];

/** 补正材料通知书 / 一次性告知书: every missing or defective item with what is required and why, all at once. */
export const correctionNoticeTemplate: Template<'correctionNotice'> = {
  version: '2',
  title: () => m.titles.correctionNotice,
  draw(builder, request) {
    const flow = openNotice(builder, request, this.version, m.correctionSubtitle);
    flow.paragraph(m.correction.body(submittedOn(request.submittedAt), matterList(request.matters)), { ...BODY, indent: true });
    flow.space(2);
    flow.table(
      columns(m.correction.columns, WIDTHS),
      request.items.map((item, i) => [String(i + 1), item.material, item.requirement, item.legalBasis]),
    );
    flow.space(3);
    closeNotice(flow, request, m.correction.closing, () => flow.signatureLine());
    return [];
  },
};
