import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import { documentMessages as m } from '../messages';
import type { DocumentRequestOf } from '../schemas';
import { BODY, NoticeFlow, TABLE, columns } from './noticeFlow';

/** What the 收件凭证 and the 补交收件凭证 share: the facts of who brought what to which window, and what is owed. */

const r = m.receipt;
const W = NoticeFlow.contentWidthMm;
const FACT_WIDTHS = [22, W / 2 - 22, 22, W / 2 - 22];
const OWED_WIDTHS = [12, W - 62, 50];

type ReceiptRequest = DocumentRequestOf<'receipt'> | DocumentRequestOf<'supplementaryReceipt'>;

/** The receipt's frame: title, 文号, case number and its QR code, and the footer's template version. */
export function openReceipt(builder: ConstructorParameters<typeof NoticeFlow>[0], request: ReceiptRequest, title: string, templateVersion: string): NoticeFlow {
  return new NoticeFlow(builder, {
    title,
    documentNumber: request.documentNumber,
    caseNumber: request.caseNumber,
    catalogueVersion: request.catalogueVersion,
    templateVersion,
  });
}

/**
 * The facts table: case, time, enterprise, window, the applicant (申请人) and, when an agent brought the
 * application, the agent (代理人) on a line of their own, the clerk and the promised date, and for a
 * green-card enterprise its 专员 with their phone.
 */
export function receiptFacts(flow: NoticeFlow, request: ReceiptRequest): void {
  const longestPromise = Math.max(...request.matters.map((matter) => matter.promisedDays));
  flow.table(
    FACT_WIDTHS.map((widthMm, i) => ({ title: '', widthMm, align: i % 2 === 0 ? 'center' : 'left' }) as const),
    [
      [r.fields.caseNumber, request.caseNumber, r.fields.receivedAt, formatChineseDateTime(request.issuedAt)],
      [r.fields.enterprise, request.enterpriseName, r.fields.window, request.window],
      [r.fields.applicant, request.applicant.name, r.fields.phone, request.applicant.phone],
      ...(request.agent === null ? [] : [[r.fields.agent, request.agent.name, r.fields.phone, request.agent.phone]]),
      [r.fields.clerk, request.clerkName, r.fields.dueDate, r.dueDate(formatChineseDate(request.dueDate), longestPromise)],
      ...(request.greenCardLiaison === null ? [] : [[r.fields.liaison, request.greenCardLiaison.name, r.fields.phone, request.greenCardLiaison.phone]]),
    ],
    TABLE,
    { header: false },
  );
}

/** A heading and the 容缺 materials still owed, each with its deadline; nothing when none is owed. */
export function owedMaterials(flow: NoticeFlow, heading: string, titles: readonly string[], owed: readonly { name: string; deadline: string }[]): void {
  if (owed.length === 0) return;
  flow.paragraph(heading, { ...BODY, bold: true });
  flow.space(1);
  flow.table(
    columns(titles, OWED_WIDTHS, [2]),
    owed.map((material, i) => [String(i + 1), material.name, formatChineseDate(material.deadline)]),
  );
}
