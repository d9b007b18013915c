import { formatChineseDate } from '../../domain/chineseDate';
import { documentMessages as m } from '../messages';
import { BODY } from './noticeFlow';
import { closeNotice, matterList, openNotice, submittedOn } from './noticeParts';
import type { Template } from './template';

export const acceptanceNoticeTemplate: Template<'acceptanceNotice'> = {
  version: '2',
  title: () => m.titles.acceptanceNotice,
  draw(builder, request) {
    const flow = openNotice(builder, request, this.version);
    flow.paragraph(m.acceptance.body(submittedOn(request.submittedAt), matterList(request.matters)), { ...BODY, indent: true });
    closeNotice(flow, request, m.acceptance.due(formatChineseDate(request.dueDate)));
    return [];
  },
};
