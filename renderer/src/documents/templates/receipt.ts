import { documentMessages as m } from '../messages';
import { BODY, NoticeFlow, columns } from './noticeFlow';
import { openReceipt, owedMaterials, receiptFacts } from './receiptParts';
import type { Template } from './template';

const r = m.receipt;
const W = NoticeFlow.contentWidthMm;
const MATTER_WIDTHS = [12, 72, 56, W - 140];
const MATERIAL_WIDTHS = [12, 102, 26, 11, W - 151];

/** 收件凭证: proof of what the window received, before any decision on acceptance, and what 容缺 left owed. */
export const receiptTemplate: Template<'receipt'> = {
  version: '3',
  title: () => m.titles.receipt,
  draw(builder, request) {
    const flow = openReceipt(builder, request, m.titles.receipt, this.version);
    receiptFacts(flow, request);
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
    if (request.deferred.length > 0) flow.space(5);
    owedMaterials(flow, r.deferredHeading, r.deferredColumns, request.deferred);
    flow.space(4);
    flow.sealBlock(request.agency.hallName, request.issuedAt, { sealLabel: r.seal, notes: r.notes });
    flow.finish(m.common.contact(request.agency.address, request.agency.phone));
    return [];
  },
};
