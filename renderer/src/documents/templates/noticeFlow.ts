import { formatChineseDate } from '../../domain/chineseDate';
import type { FontFaceName } from '../fonts/fontSource';
import { documentMessages as m } from '../messages';
import type { HorizontalAlign, PageCanvas, PdfBuilder, TextStyle } from '../pdf/pdfBuilder';
import { breakLines } from '../pdf/textFitting';
import { ptToMm } from '../pdf/units';

/** A4 portrait with the margins of GB/T 9704 official documents, slightly narrowed for tables. */
export const A4 = { widthMm: 210, heightMm: 297 } as const;
/** A4 turned for wide tables (the 督办台账). */
export const A4_LANDSCAPE = { widthMm: 297, heightMm: 210 } as const;
export interface PaperSize {
  widthMm: number;
  heightMm: number;
}
const MARGIN = { top: 20, bottom: 26, left: 24, right: 24 } as const;
const QR_SIZE_MM = 24;
/** The footer's rule sits this far above the paper's bottom edge. */
const FOOTER_RULE_FROM_BOTTOM_MM = 20;

export const BODY: ParagraphStyle = { face: 'serif', sizePt: 12, lineHeight: 1.75 };
export const TABLE: ParagraphStyle = { face: 'serif', sizePt: 10.5, lineHeight: 1.45 };
const FOOTER: TextStyle = { face: 'sans', sizePt: 8 };
const NOTE: ParagraphStyle = { face: 'serif', sizePt: 9, lineHeight: 1.5 };
/** An official seal is 42 mm across; the dashed circle shows where it goes. */
const SEAL_RADIUS_MM = 21;
/** Height of the seal block when it has no notes beside it. */
export const SEAL_BLOCK_MM = 2 * SEAL_RADIUS_MM + 6;

export interface ParagraphStyle {
  face: FontFaceName;
  sizePt: number;
  lineHeight: number;
  bold?: boolean;
  align?: HorizontalAlign;
  /** Indent the first line by two ideographic spaces, as Chinese body text is set. */
  indent?: boolean;
}

export interface Column {
  title: string;
  widthMm: number;
  align?: HorizontalAlign;
}

/** What the header and footer of every page of a notice show. */
export interface NoticeFrame {
  title: string;
  subtitle?: string;
  documentNumber: string;
  /** Printed under the QR code, which encodes it. A document of no case (the day report) gives its 文号. */
  caseNumber: string;
  catalogueVersion: string;
  /** The template's version, printed as 文书版本 第N版 (the PDF's metadata keeps the full id, e.g. receipt/2). */
  templateVersion: string;
  /** Under the QR code instead of the case-progress caption. */
  qrCaption?: string;
  /** The footer's facts line instead of case number, catalogue version and template. */
  footerFacts?: string;
  /** A4 portrait unless given (the ledger prints landscape). */
  paper?: PaperSize;
}

const CELL_PADDING_MM = 1.6;

/** Columns from titles and widths (which add up to the content width); the first (序号) and `centred` ones are centred. */
export function columns(titles: readonly string[], widthsMm: readonly number[], centred: readonly number[] = []): Column[] {
  return titles.map((title, i) => ({ title, widthMm: widthsMm[i]!, align: i === 0 || centred.includes(i) ? 'center' : 'left' }));
}

/**
 * Top-to-bottom layout for notices and receipts. Text never shrinks or gets cut here: paragraphs and table
 * rows continue on a new page (with the title marked 续 and the table header repeated), and the footer
 * numbers the pages once the count is known. That is the overflow rule for notices.
 */
export class NoticeFlow {
  readonly pages: PageCanvas[] = [];
  private y = 0;
  private readonly paper: PaperSize;

  constructor(
    private readonly builder: PdfBuilder,
    private readonly frame: NoticeFrame,
  ) {
    this.paper = frame.paper ?? A4;
    this.firstPage();
  }

  /** The text width of A4 portrait, which every notice and receipt is. */
  static readonly contentWidthMm = A4.widthMm - MARGIN.left - MARGIN.right;

  /** The text width of the paper this flow is set on. */
  static contentWidthOf(paper: PaperSize): number {
    return paper.widthMm - MARGIN.left - MARGIN.right;
  }

  private get contentWidth(): number {
    return NoticeFlow.contentWidthOf(this.paper);
  }

  private get canvas(): PageCanvas {
    return this.pages[this.pages.length - 1]!;
  }

  private get bottom(): number {
    return this.paper.heightMm - MARGIN.bottom;
  }

  private firstPage(): void {
    const canvas = this.builder.addPage(this.paper.widthMm, this.paper.heightMm);
    this.pages.push(canvas);
    const qrX = this.paper.widthMm - MARGIN.right - QR_SIZE_MM;
    canvas.qr(this.frame.caseNumber, qrX, MARGIN.top - 8, QR_SIZE_MM);
    canvas.alignedText(this.frame.caseNumber, qrX + QR_SIZE_MM / 2, MARGIN.top - 8 + QR_SIZE_MM + 1.5, { face: 'sans', sizePt: 7 }, 'center');
    canvas.alignedText(this.frame.qrCaption ?? m.common.qrCaption, qrX + QR_SIZE_MM / 2, MARGIN.top - 8 + QR_SIZE_MM + 4.5, { face: 'sans', sizePt: 6.5 }, 'center');
    const centre = this.paper.widthMm / 2;
    canvas.alignedText(this.frame.title, centre, MARGIN.top + 16, { face: 'serif', sizePt: 22, bold: true }, 'center');
    let y = MARGIN.top + 16;
    if (this.frame.subtitle) {
      y += 8;
      canvas.alignedText(this.frame.subtitle, centre, y, { face: 'serif', sizePt: 14 }, 'center');
    }
    y += 9;
    canvas.alignedText(this.frame.documentNumber, centre, y, { face: 'serif', sizePt: 12 }, 'center');
    y += 4;
    canvas.line(MARGIN.left, y, this.paper.widthMm - MARGIN.right, y, { widthPt: 1 });
    this.y = y + 6;
  }

  private continuationPage(): void {
    const canvas = this.builder.addPage(this.paper.widthMm, this.paper.heightMm);
    this.pages.push(canvas);
    const y = MARGIN.top + 4;
    canvas.text(`${this.frame.title}${m.common.continued}`, MARGIN.left, y, { face: 'serif', sizePt: 10.5 });
    canvas.alignedText(this.frame.documentNumber, this.paper.widthMm - MARGIN.right, y, { face: 'serif', sizePt: 10.5 }, 'right');
    canvas.line(MARGIN.left, y + 2.5, this.paper.widthMm - MARGIN.right, y + 2.5, { widthPt: 0.5 });
    this.y = y + 8;
  }

  /** Starts a new page unless `heightMm` still fits on this one; returns whether it broke. */
  ensure(heightMm: number): boolean {
    if (this.y + heightMm <= this.bottom + 1e-9) return false;
    this.continuationPage();
    return true;
  }

  space(mm: number): void {
    this.y += mm;
  }

  private measure = (face: FontFaceName) => (text: string, sizePt: number) => this.builder.measure(text, face, sizePt);

  /**
   * Body text, wrapped to the content width and continued on the next page when needed. `keepWithNextMm`
   * moves the whole paragraph to a new page unless it and that much more fit here — so the seal never
   * stands on a page without text (GB/T 9704 forbids a 此页无正文 page).
   */
  paragraph(text: string, style: ParagraphStyle, options: { keepWithNextMm?: number } = {}): void {
    const content = style.indent ? `\u3000\u3000${text}` : text;
    const lineHeightMm = ptToMm(style.sizePt * style.lineHeight);
    const em = ptToMm(style.sizePt);
    const lines = breakLines(content, this.contentWidth, style.sizePt, this.measure(style.face));
    if (options.keepWithNextMm !== undefined) this.ensure(lines.length * lineHeightMm + options.keepWithNextMm);
    const align = style.align ?? 'left';
    const anchor = align === 'left' ? MARGIN.left : align === 'center' ? MARGIN.left + this.contentWidth / 2 : this.paper.widthMm - MARGIN.right;
    const textStyle: TextStyle = { face: style.face, sizePt: style.sizePt, bold: style.bold ?? false };
    for (const line of lines) {
      this.ensure(em);
      this.canvas.alignedText(line, anchor, this.y + em * 0.88, textStyle, align);
      this.y += lineHeightMm;
    }
  }

  /** A ruled table whose rows grow to fit their text; the header row repeats on each new page. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], style: ParagraphStyle = TABLE, options: { header?: boolean } = {}): void {
    const header = options.header ?? true;
    const lineHeightMm = ptToMm(style.sizePt * style.lineHeight);
    const em = ptToMm(style.sizePt);
    const layoutRow = (cells: readonly string[]) => {
      const lines = columns.map((column, i) => breakLines(cells[i] ?? '', column.widthMm - 2 * CELL_PADDING_MM, style.sizePt, this.measure(style.face)));
      const height = Math.max(...lines.map((cell) => em + (cell.length - 1) * lineHeightMm)) + 2 * CELL_PADDING_MM;
      return { lines, height };
    };
    const drawRow = (row: ReturnType<typeof layoutRow>, shaded: boolean) => {
      let x = MARGIN.left;
      columns.forEach((column, i) => {
        const box = { x, y: this.y, w: column.widthMm, h: row.height };
        if (shaded) this.canvas.rect(box, { fillGrey: 0.92 });
        this.canvas.rect(box, { widthPt: 0.5 });
        const align = column.align ?? 'left';
        const anchor = align === 'left' ? x + CELL_PADDING_MM : align === 'center' ? x + column.widthMm / 2 : x + column.widthMm - CELL_PADDING_MM;
        let baseline = this.y + CELL_PADDING_MM + em * 0.88;
        for (const line of row.lines[i]!) {
          this.canvas.alignedText(line, anchor, baseline, { face: style.face, sizePt: style.sizePt, bold: shaded }, align);
          baseline += lineHeightMm;
        }
        x += column.widthMm;
      });
      this.y += row.height;
    };
    const headerRow = header ? layoutRow(columns.map((column) => column.title)) : null;
    const laidOut = rows.map(layoutRow);
    if (headerRow) {
      this.ensure(headerRow.height + (laidOut[0]?.height ?? 0));
      drawRow(headerRow, true);
    }
    for (const row of laidOut) {
      if (this.ensure(row.height) && headerRow) drawRow(headerRow, true);
      drawRow(row, false);
    }
  }

  /**
   * Agency name and date at the right with the dashed circle where the official seal goes; `notes` are set
   * in small type to the left of the seal so short documents keep to one page.
   */
  sealBlock(agencyName: string, issuedAt: string, options: { sealLabel?: string; notes?: readonly string[] } = {}): void {
    const right = this.paper.widthMm - MARGIN.right - 8;
    const date = formatChineseDate(issuedAt);
    const style: TextStyle = { face: 'serif', sizePt: 12 };
    const centreX = right - Math.max(this.builder.measure(agencyName, style.face, style.sizePt), this.builder.measure(date, style.face, style.sizePt)) / 2;
    const notesWidth = centreX - SEAL_RADIUS_MM - 6 - MARGIN.left;
    const notesLines = (options.notes ?? []).map((note) => breakLines(note, notesWidth, NOTE.sizePt, this.measure(NOTE.face)));
    const noteLineMm = ptToMm(NOTE.sizePt * NOTE.lineHeight);
    const notesHeight = notesLines.reduce((sum, lines) => sum + lines.length * noteLineMm + 1.5, 0);
    const height = Math.max(SEAL_BLOCK_MM, notesHeight);
    this.ensure(height);
    const top = this.y;
    const nameBaseline = top + SEAL_RADIUS_MM + 1;
    this.canvas.alignedText(agencyName, right, nameBaseline, style, 'right');
    this.canvas.alignedText(date, right, nameBaseline + 8, style, 'right');
    this.canvas.circle(centreX, nameBaseline + 2, SEAL_RADIUS_MM, { widthPt: 0.6, dashMm: [1.5, 1.2], grey: 0.55 });
    this.canvas.alignedText(options.sealLabel ?? m.common.sealHere, centreX, nameBaseline - 12, { face: 'sans', sizePt: 8 }, 'center');
    let baseline = top + ptToMm(NOTE.sizePt) * 0.88;
    for (const lines of notesLines) {
      for (const line of lines) {
        this.canvas.text(line, MARGIN.left, baseline, { face: NOTE.face, sizePt: NOTE.sizePt });
        baseline += noteLineMm;
      }
      baseline += 1.5;
    }
    this.y += height;
  }

  /** A dashed separator between the agency's part and the applicant's part of a notice. */
  rule(): void {
    this.ensure(8);
    this.y += 3;
    this.canvas.line(MARGIN.left, this.y, this.paper.widthMm - MARGIN.right, this.y, { widthPt: 0.5, dashMm: [2, 1.5], grey: 0.4 });
    this.y += 5;
  }

  /** 申请人（签字或盖章）：____ 日期：____, or another signer's label. */
  signatureLine(label: string = m.common.signature): void {
    const em = ptToMm(BODY.sizePt);
    this.ensure(em + 10);
    this.y += 6;
    const baseline = this.y + em * 0.88;
    const style: TextStyle = { face: BODY.face, sizePt: BODY.sizePt };
    this.canvas.text(label, MARGIN.left, baseline, style);
    const lineStart = MARGIN.left + this.builder.measure(label, BODY.face, BODY.sizePt);
    this.canvas.line(lineStart, baseline + 1, lineStart + 45, baseline + 1, { widthPt: 0.5 });
    this.canvas.alignedText(m.common.signatureDate, this.paper.widthMm - MARGIN.right, baseline, style, 'right');
    this.y += em + 4;
  }

  /** Footer on every page, drawn last so it can say 第 n 页 共 N 页. */
  finish(contact: string | null): void {
    const count = this.pages.length;
    const footerRule = this.paper.heightMm - FOOTER_RULE_FROM_BOTTOM_MM;
    this.pages.forEach((canvas, i) => {
      canvas.line(MARGIN.left, footerRule, this.paper.widthMm - MARGIN.right, footerRule, { widthPt: 0.4, grey: 0.4 });
      let baseline = footerRule + 4;
      if (contact) {
        canvas.text(contact, MARGIN.left, baseline, FOOTER);
        baseline += 4;
      }
      const facts =
        this.frame.footerFacts ??
        `${m.common.caseNumber} ${this.frame.caseNumber}\u3000${m.common.catalogueVersion} ${this.frame.catalogueVersion}\u3000${m.common.templateVersion(this.frame.templateVersion)}`;
      canvas.text(facts, MARGIN.left, baseline, FOOTER);
      canvas.alignedText(m.common.page(i + 1, count), this.paper.widthMm - MARGIN.right, baseline, FOOTER, 'right');
    });
  }
}
