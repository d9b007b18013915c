import { formatChineseDate } from '../../domain/chineseDate';
import { documentMessages as m } from '../messages';
import { BODY, NoticeFlow, columns } from './noticeFlow';
import { closeNotice, matterList, openNotice, submittedOn } from './noticeParts';
import type { Template } from './template';

const WIDTHS = [12, 44, 66, NoticeFlow.contentWidthMm - 122];

export const deferredAcceptanceNoticeTemplate: Template<'deferredAcceptanceNotice'> = {
  version: '2',
  title: () => m.titles.deferredAcceptanceNotice,
  draw(builder, request) {
    const flow = openNotice(builder, request, this.version);
    flow.paragraph(m.deferred.body(submittedOn(request.submittedAt), matterList(request.matters)), { ...BODY, indent: true });
    flow.space(2);
    flow.paragraph(m.deferred.itemsHeading, { ...BODY, bold: true });
    flow.space(1);
    flow.table(
      columns(m.deferred.columns, WIDTHS),
      request.deferredItems.map((item, i) => [String(i + 1), item.material, item.requirement, formatChineseDate(item.deadline)]),
    );
    flow.space(3);
    closeNotice(flow, request, m.deferred.due(formatChineseDate(request.dueDate)), () => {
      flow.rule();
      flow.paragraph(m.deferred.undertakingHeading, { ...BODY, bold: true, align: 'center' });
      flow.space(1);
      flow.paragraph(request.undertaking, { ...BODY, indent: true });
      flow.signatureLine();
    });
    return [];
  },
};
