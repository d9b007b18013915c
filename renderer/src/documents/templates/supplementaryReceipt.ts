import { businessDateOf, formatChineseDate } from '../../domain/chineseDate';
import { documentMessages as m } from '../messages';
import { BODY, NoticeFlow, columns } from './noticeFlow';
import { openReceipt, owedMaterials, receiptFacts } from './receiptParts';
import type { Template } from './template';

const s = m.supplementary;
const W = NoticeFlow.contentWidthMm;
const MATERIAL_WIDTHS = [12, 66, 24, 11, 11, W - 124];

/**
 * 补交收件凭证: the deferred (容缺) materials the applicant brought after a 容缺 acceptance, each with its
 * deadline (marked when brought late), and those still owed — or that none is, so the case goes on.
 */
export const supplementaryReceiptTemplate: Template<'supplementaryReceipt'> = {
  version: '2',
  title: () => m.titles.supplementaryReceipt,
  draw(builder, request) {
    const flow = openReceipt(builder, request, m.titles.supplementaryReceipt, this.version);
    receiptFacts(flow, request);
    flow.space(5);
    flow.paragraph(s.intro(formatChineseDate(businessDateOf(request.acceptedAt))), { ...BODY, indent: true });
    flow.space(1);
    flow.table(
      columns(s.materialColumns, MATERIAL_WIDTHS, [3, 4]),
      request.materials.map((material, i) => [
        String(i + 1),
        material.name,
        material.form,
        String(material.copies),
        material.pages ? String(material.pages) : '—',
        formatChineseDate(material.deadline) + (material.late ? s.late : ''),
      ]),
    );
    flow.space(4);
    if (request.outstanding.length === 0) flow.paragraph(s.allIn, { ...BODY, bold: true });
    owedMaterials(flow, s.outstandingHeading, s.outstandingColumns, request.outstanding);
    flow.space(4);
    flow.sealBlock(request.agency.hallName, request.issuedAt, { sealLabel: m.receipt.seal, notes: s.notes });
    flow.finish(m.common.contact(request.agency.address, request.agency.phone));
    return [];
  },
};
