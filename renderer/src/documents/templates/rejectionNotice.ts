import { documentMessages as m } from '../messages';
import { BODY, NoticeFlow, columns } from './noticeFlow';
import { closeNotice, matterList, openNotice, submittedOn } from './noticeParts';
import type { Template } from './template';

const WIDTHS = [12, 90, NoticeFlow.contentWidthMm - 102];

/** 不予受理通知书: the reasons with their legal basis, and the applicant's rights of appeal. */
export const rejectionNoticeTemplate: Template<'rejectionNotice'> = {
  version: '2',
  title: () => m.titles.rejectionNotice,
  draw(builder, request) {
    const flow = openNotice(builder, request, this.version);
    flow.paragraph(m.rejection.body(submittedOn(request.submittedAt), matterList(request.matters)), { ...BODY, indent: true });
    flow.space(2);
    flow.table(
      columns(m.rejection.columns, WIDTHS),
      request.reasons.map((reason, i) => [String(i + 1), reason.reason, reason.legalBasis]),
    );
    flow.space(3);
    closeNotice(flow, request, m.rejection.appeal(request.appeal.reviewBody, request.appeal.court), () => flow.signatureLine());
    return [];
  },
};
