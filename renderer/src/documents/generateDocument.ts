import { sha256Bytes, sha256Hex } from '../domain/sha256';
import type { PdfEngine } from './engine';
import { InvalidDocumentRequestError } from './errors';
import { documentRequestSchema, type DocumentKind, type DocumentRequestOf } from './schemas';
import { acceptanceNoticeTemplate } from './templates/acceptanceNotice';
import { calibrationSheetTemplate } from './templates/calibrationSheet';
import { commitmentLetterTemplate } from './templates/commitmentLetter';
import { correctionNoticeTemplate } from './templates/correctionNotice';
import { dayReportTemplate } from './templates/dayReport';
import { deferredAcceptanceNoticeTemplate } from './templates/deferredAcceptanceNotice';
import { ledgerReportTemplate } from './templates/ledgerReport';
import { licenceDuplicateTemplate, licenceOriginalTemplate } from './templates/licence';
import { receiptTemplate } from './templates/receipt';
import { recoverySheetTemplate } from './templates/recoverySheet';
import { rejectionNoticeTemplate } from './templates/rejectionNotice';
import { supplementaryReceiptTemplate } from './templates/supplementaryReceipt';
import type { DocumentWarning, Template } from './templates/template';
import { withdrawalRequestTemplate } from './templates/withdrawalRequest';

export const templates: { [K in DocumentKind]: Template<K> } = {
  receipt: receiptTemplate,
  supplementaryReceipt: supplementaryReceiptTemplate,
  acceptanceNotice: acceptanceNoticeTemplate,
  deferredAcceptanceNotice: deferredAcceptanceNoticeTemplate,
  correctionNotice: correctionNoticeTemplate,
  rejectionNotice: rejectionNoticeTemplate,
  withdrawalRequest: withdrawalRequestTemplate,
  commitmentLetter: commitmentLetterTemplate,
  calibrationSheet: calibrationSheetTemplate,
  licenceOriginal: licenceOriginalTemplate,
  licenceDuplicate: licenceDuplicateTemplate,
  dayReport: dayReportTemplate,
  recoverySheet: recoverySheetTemplate,
  ledgerReport: ledgerReportTemplate,
};

export interface GeneratedDocument {
  kind: DocumentKind;
  /** `${kind}/${template version}`, archived with the bytes. */
  templateId: string;
  bytes: Uint8Array;
  /** Lower-case hex SHA-256 of `bytes`. */
  sha256: string;
  pageCount: number;
  warnings: DocumentWarning[];
}

/** Every string in a request, joined: what the template can draw besides its own fixed wording. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('');
  if (value !== null && typeof value === 'object') return Object.values(value).map(textOf).join('');
  return '';
}

/**
 * Validates a request, draws it with its template and returns the PDF with its SHA-256. The same request
 * always yields the same bytes: metadata dates come from the request, the file ID from its content.
 * Throws InvalidDocumentRequestError for a bad request and MissingGlyphError for an unprintable character.
 */
export async function generateDocument(input: unknown, engine: PdfEngine): Promise<GeneratedDocument> {
  const parsed = documentRequestSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidDocumentRequestError(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  }
  const request = parsed.data;
  const template = templates[request.kind] as Template<DocumentKind>;
  const fileId = (await sha256Bytes(JSON.stringify(request))).slice(0, 16);
  const title = template.title(request as DocumentRequestOf<DocumentKind>);
  const builder = await engine.createBuilder({ title, subject: `${request.kind}/${template.version}`, createdAt: request.issuedAt, fileId }, textOf(request));
  const warnings = template.draw(builder, request as DocumentRequestOf<DocumentKind>);
  const bytes = await builder.finish();
  return {
    kind: request.kind,
    templateId: `${request.kind}/${template.version}`,
    bytes,
    sha256: await sha256Hex(bytes),
    pageCount: builder.pageCount,
    warnings,
  };
}
