import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import { documentMessages as m } from '../messages';
import { BODY, NoticeFlow, TABLE, columns } from './noticeFlow';
import type { Template } from './template';

const r = m.receipt;
const W = NoticeFlow.contentWidthMm;
const FACT_WIDTHS = [22, W / 2 - 22, 22, W / 2 - 22];
const MATTER_WIDTHS = [12, 72, 56, W - 140];
const MATERIAL_WIDTHS = [12, 102, 26, 11, W - 151];

/** 收件凭证: proof of what the window received, before any decision on acceptance. */
export const receiptTemplate: Template<'receipt'> = {
  version: '2',
  title: () => m.titles.receipt,
  draw(builder, request) {
    const flow = new NoticeFlow(builder, {
      title: m.titles.receipt,
      documentNumber: request.documentNumber,
      caseNumber: request.caseNumber,
      catalogueVersion: request.catalogueVersion,
      templateVersion: this.version,
    });
    const longestPromise = Math.max(...request.matters.map((matter) => matter.promisedDays));
    flow.table(
      FACT_WIDTHS.map((widthMm, i) => ({ title: '', widthMm, align: i % 2 === 0 ? 'center' : 'left' }) as const),
      [
        [r.fields.caseNumber, request.caseNumber, r.fields.receivedAt, formatChineseDateTime(request.issuedAt)],
        [r.fields.enterprise, request.enterpriseName, r.fields.window, request.window],
        [r.fields.applicant, request.applicant.name, r.fields.phone, request.applicant.phone],
        [r.fields.clerk, request.clerkName, r.fields.dueDate, r.dueDate(formatChineseDate(request.dueDate), longestPromise)],
      ],
      TABLE,
      { header: false },
    );
    flow.space(5);
    flow.paragraph(r.mattersHeading, { ...BODY, bold: true });
    flow.space(1);
    flow.table(
      columns(r.matterColumns, MATTER_WIDTHS),
      request.matters.map((matter, i) => [String(i + 1), matter.name, matter.department, r.promisedDays(matter.promisedDays)]),
    );
    flow.space(5);
    flow.paragraph(r.materialsHeading, { ...BODY, bold: true });
    flow.space(1);
    flow.table(
      columns(r.materialColumns, MATERIAL_WIDTHS, [3, 4]),
      request.materials.map((material, i) => [String(i + 1), material.name, material.form, String(material.copies), material.pages ? String(material.pages) : '—']),
    );
    flow.space(4);
    flow.sealBlock(request.agency.hallName, request.issuedAt, { sealLabel: r.seal, notes: r.notes });
    flow.finish(m.common.contact(request.agency.address, request.agency.phone));
    return [];
  },
};
