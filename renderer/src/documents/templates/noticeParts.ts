import { formatChineseDate } from '../../domain/chineseDate';
import { documentMessages as m } from '../messages';
import type { PdfBuilder } from '../pdf/pdfBuilder';
import type { Agency, DocumentKind, Matter } from '../schemas';
import { BODY, NoticeFlow, SEAL_BLOCK_MM } from './noticeFlow';

interface NoticeRequest {
  kind: DocumentKind;
  documentNumber: string;
  caseNumber: string;
  catalogueVersion: string;
  issuedAt: string;
  agency: Agency;
  applicantName: string;
  matters: Matter[];
}

/** Opens a notice: header with title, 文号 and the case-number QR code, then the addressee line. */
export function openNotice(builder: PdfBuilder, request: NoticeRequest, version: string, subtitle?: string): NoticeFlow {
  const flow = new NoticeFlow(builder, {
    title: m.titles[request.kind],
    ...(subtitle ? { subtitle } : {}),
    documentNumber: request.documentNumber,
    caseNumber: request.caseNumber,
    catalogueVersion: request.catalogueVersion,
    templateVersion: version,
  });
  flow.paragraph(m.common.addressee(request.applicantName), BODY);
  return flow;
}

/**
 * Closes a notice: its last paragraph kept on one page with the agency's seal block, then what the applicant
 * signs (`afterSeal`, e.g. an undertaking), then the footer with contact details on every page.
 */
export function closeNotice(flow: NoticeFlow, request: NoticeRequest, closing: string, afterSeal?: () => void): void {
  const gapMm = 4;
  flow.paragraph(closing, { ...BODY, indent: true }, { keepWithNextMm: gapMm + SEAL_BLOCK_MM });
  flow.space(gapMm);
  flow.sealBlock(request.agency.name, request.issuedAt);
  afterSeal?.();
  flow.finish(m.common.contact(request.agency.address, request.agency.phone));
}

export function matterList(matters: readonly Matter[]): string {
  return m.common.matterList(matters.map((matter) => matter.name));
}

export function submittedOn(submittedAt: string): string {
  return formatChineseDate(submittedAt);
}
