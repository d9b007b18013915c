import type { PdfBuilder } from '../pdf/pdfBuilder';
import type { DocumentKind, DocumentRequestOf } from '../schemas';

/** Something the clerk must know about a document that was still produced (e.g. a field cut to fit its box). */
export interface DocumentWarning {
  kind: 'truncated';
  field: string;
  message: string;
  /** The full text that did not fit, for the attachment sheet. */
  fullText: string;
}

export interface Template<K extends DocumentKind> {
  /** Stored with every archived document; bump when the printed result changes. */
  version: string;
  title(request: DocumentRequestOf<K>): string;
  draw(builder: PdfBuilder, request: DocumentRequestOf<K>): DocumentWarning[];
}
