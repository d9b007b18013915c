import QRCode from 'qrcode';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFPage, PDFRef } from 'pdf-lib';
import type { DrawingFaceName, FontFaceName } from '../fonts/fontSource';
import type { LoadedFont } from '../fonts/loadedFont';
import { MissingGlyphError } from '../errors';
import { embedCidFont } from './fontEmbedding';
import { registerStream } from './streams';
import { fitText, type FitOptions, type FittedText } from './textFitting';
import { mmToPt, ptToMm } from './units';

export interface TextStyle {
  face: FontFaceName;
  sizePt: number;
  /** Faux bold (fill + thin stroke): the engine carries one weight per face to keep documents fast. */
  bold?: boolean;
}

export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'middle';

export interface StrokeStyle {
  widthPt?: number;
  /** Dash and gap lengths in mm. */
  dashMm?: [number, number];
  /** Grey level 0 (black) … 1 (white). */
  grey?: number;
}

export interface BoxMm {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextBoxOptions extends Omit<FitOptions, 'widthMm' | 'heightMm'> {
  face: FontFaceName;
  align: HorizontalAlign;
  valign: VerticalAlign;
}

/** Fixed facts written into the document information dictionary; no clock, no randomness. */
export interface DocumentInfo {
  title: string;
  subject: string;
  /** ISO instant: becomes CreationDate and ModDate, so the same request gives the same bytes. */
  createdAt: string;
  /** 16 bytes identifying the document content (the /ID entry). */
  fileId: Uint8Array;
}

export interface FontSet {
  fonts: Record<FontFaceName, LoadedFont>;
  /** Opened only for a document holding characters neither face has; null otherwise. */
  fallback: LoadedFont | null;
}

const PRODUCER = 'yichuangtong documents (pdf-lib, HarfBuzz subset)';
const CREATOR = '一窗通';

/** Numbers in content streams: two decimals, no trailing zeros, never "-0". */
function n(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Characters that the PDF draws nothing for but the layout still measures. */
const INVISIBLE = /^[\n\r\t]$/;

interface FontUse {
  font: LoadedFont;
  ref: PDFRef;
  resourceName: PDFName;
  cidByCodePoint: Map<number, number>;
  codePoints: number[];
}

/** One page's drawing surface in millimetres measured from the top-left corner of the paper. */
export class PageCanvas {
  private readonly ops: string[] = [];
  private readonly fontsOnPage = new Set<FontUse>();

  constructor(
    private readonly builder: PdfBuilder,
    readonly page: PDFPage,
    readonly widthMm: number,
    readonly heightMm: number,
  ) {}

  private x(mm: number): string {
    return n(mmToPt(mm));
  }

  private y(mm: number): string {
    return n(mmToPt(this.heightMm - mm));
  }

  private stroke(style: StrokeStyle): string {
    const dash = style.dashMm ? `[${n(mmToPt(style.dashMm[0]))} ${n(mmToPt(style.dashMm[1]))}] 0 d` : '[] 0 d';
    return `${n(style.widthPt ?? 0.5)} w ${dash} ${n(style.grey ?? 0)} G`;
  }

  /** One line of text with its baseline at `baselineMm`, starting at `xMm` (no wrapping). */
  text(text: string, xMm: number, baselineMm: number, style: TextStyle): void {
    let cursor = xMm;
    this.ops.push('q 0 g');
    if (style.bold) this.ops.push(`2 Tr ${n(style.sizePt * 0.035)} w 0 G`);
    for (const run of this.builder.runs(text, style.face)) {
      const width = this.builder.runWidth(run, style.sizePt);
      if (run.use) {
        if (!this.fontsOnPage.has(run.use)) {
          this.page.node.setFontDictionary(run.use.resourceName, run.use.ref);
          this.fontsOnPage.add(run.use);
        }
        const cids = run.codePoints.map((codePoint) => this.builder.cid(run.use!, codePoint).toString(16).padStart(4, '0')).join('');
        this.ops.push(`BT /${run.use.resourceName.asString().slice(1)} ${n(style.sizePt)} Tf ${this.x(cursor)} ${this.y(baselineMm)} Td <${cids}> Tj ET`);
      }
      cursor += width;
    }
    this.ops.push('Q');
  }

  /** Text at one size with its anchor at `xMm` per `align` (no wrapping). */
  alignedText(text: string, xMm: number, baselineMm: number, style: TextStyle, align: HorizontalAlign): void {
    const width = this.builder.measure(text, style.face, style.sizePt);
    const start = align === 'left' ? xMm : align === 'center' ? xMm - width / 2 : xMm - width;
    this.text(text, start, baselineMm, style);
  }

  /** Wraps and shrinks `text` into `box`; returns what was set, including whether it had to be cut. */
  textBox(text: string, box: BoxMm, options: TextBoxOptions): FittedText {
    const measure = (value: string, sizePt: number) => this.builder.measure(value, options.face, sizePt);
    const fitted = fitText(text, { ...options, widthMm: box.w, heightMm: box.h }, measure);
    this.drawLines(fitted, box, options);
    return fitted;
  }

  /** Draws lines already fitted (e.g. by a flow layout) inside `box`. */
  drawLines(fitted: FittedText, box: BoxMm, options: { face: FontFaceName; align: HorizontalAlign; valign: VerticalAlign; bold?: boolean }): void {
    const emMm = ptToMm(fitted.sizePt);
    const top = options.valign === 'middle' ? box.y + (box.h - fitted.heightMm) / 2 : box.y;
    // Ideographs sit in an em box from 0.88 em above the baseline to 0.12 em below it.
    let baseline = top + emMm * 0.88;
    const anchor = options.align === 'left' ? box.x : options.align === 'center' ? box.x + box.w / 2 : box.x + box.w;
    const style: TextStyle = { face: options.face, sizePt: fitted.sizePt, bold: options.bold ?? false };
    for (const line of fitted.lines) {
      this.alignedText(line, anchor, baseline, style, options.align);
      baseline += fitted.lineHeightMm;
    }
  }

  line(x1: number, y1: number, x2: number, y2: number, style: StrokeStyle = {}): void {
    this.ops.push(`q ${this.stroke(style)} ${this.x(x1)} ${this.y(y1)} m ${this.x(x2)} ${this.y(y2)} l S Q`);
  }

  rect(box: BoxMm, style: StrokeStyle & { fillGrey?: number } = {}): void {
    const path = `${this.x(box.x)} ${this.y(box.y + box.h)} ${n(mmToPt(box.w))} ${n(mmToPt(box.h))} re`;
    if (style.fillGrey !== undefined) this.ops.push(`q ${n(style.fillGrey)} g ${path} f Q`);
    else this.ops.push(`q ${this.stroke(style)} ${path} S Q`);
  }

  circle(cxMm: number, cyMm: number, rMm: number, style: StrokeStyle = {}): void {
    const k = 0.5523 * rMm; // Bézier handle length for a quarter circle
    const p = (dx: number, dy: number) => `${this.x(cxMm + dx)} ${this.y(cyMm + dy)}`;
    this.ops.push(
      `q ${this.stroke(style)} ${p(rMm, 0)} m ` +
        `${p(rMm, k)} ${p(k, rMm)} ${p(0, rMm)} c ${p(-k, rMm)} ${p(-rMm, k)} ${p(-rMm, 0)} c ` +
        `${p(-rMm, -k)} ${p(-k, -rMm)} ${p(0, -rMm)} c ${p(k, -rMm)} ${p(rMm, -k)} ${p(rMm, 0)} c S Q`,
    );
  }

  /**
   * A QR code drawn as filled rectangles (one per run of dark modules in a row): vector, sharp at any
   * printer resolution, and deterministic. `sizeMm` includes the four-module quiet zone.
   */
  qr(text: string, xMm: number, yMm: number, sizeMm: number): void {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const count = modules.size;
    const moduleMm = sizeMm / (count + 8);
    const rects: string[] = [];
    for (let row = 0; row < count; row += 1) {
      let col = 0;
      while (col < count) {
        if (!modules.get(row, col)) {
          col += 1;
          continue;
        }
        const start = col;
        while (col < count && modules.get(row, col)) col += 1;
        const left = xMm + (start + 4) * moduleMm;
        const top = yMm + (row + 4) * moduleMm;
        rects.push(`${this.x(left)} ${this.y(top + moduleMm)} ${n(mmToPt((col - start) * moduleMm))} ${n(mmToPt(moduleMm))} re`);
      }
    }
    this.ops.push(`q 0 g ${rects.join(' ')} f Q`);
  }

  content(): string {
    return this.ops.join('\n');
  }
}

interface Run {
  use: FontUse | null;
  codePoints: number[];
  text: string;
}

/**
 * Builds one PDF: pages are drawn immediately with per-document CIDs; `finish` subsets each face used,
 * embeds it, and serialises with fixed metadata so equal input gives equal bytes.
 */
export class PdfBuilder {
  private readonly pages: PageCanvas[] = [];
  private readonly uses = new Map<DrawingFaceName, FontUse>();
  private readonly missing = new Set<string>();

  private constructor(
    private readonly doc: PDFDocument,
    private readonly fontSet: FontSet,
    private readonly info: DocumentInfo,
  ) {}

  static async create(fontSet: FontSet, info: DocumentInfo): Promise<PdfBuilder> {
    return new PdfBuilder(await PDFDocument.create({ updateMetadata: false }), fontSet, info);
  }

  addPage(widthMm: number, heightMm: number): PageCanvas {
    const page = this.doc.addPage([mmToPt(widthMm), mmToPt(heightMm)]);
    const canvas = new PageCanvas(this, page, widthMm, heightMm);
    this.pages.push(canvas);
    return canvas;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  /**
   * The face that draws `codePoint`, character by character: the preferred one, else the other, else the
   * fallback, else none (recorded as missing).
   */
  private faceFor(codePoint: number, preferred: FontFaceName): LoadedFont | null {
    const { fonts, fallback } = this.fontSet;
    if (fonts[preferred].has(codePoint)) return fonts[preferred];
    const other = fonts[preferred === 'serif' ? 'sans' : 'serif'];
    if (other.has(codePoint)) return other;
    return fallback?.has(codePoint) ? fallback : null;
  }

  private use(font: LoadedFont): FontUse {
    let use = this.uses.get(font.face);
    if (!use) {
      use = {
        font,
        ref: this.doc.context.nextRef(),
        resourceName: PDFName.of(`F${this.uses.size + 1}`),
        cidByCodePoint: new Map(),
        codePoints: [],
      };
      this.uses.set(font.face, use);
    }
    return use;
  }

  /** Splits text into runs of one font each; characters no font has are recorded and drawn as nothing. */
  runs(text: string, preferred: FontFaceName): Run[] {
    const runs: Run[] = [];
    for (const char of text) {
      if (INVISIBLE.test(char)) continue;
      const codePoint = char.codePointAt(0)!;
      const font = this.faceFor(codePoint, preferred);
      if (!font) this.missing.add(char);
      const use = font ? this.use(font) : null;
      const last = runs[runs.length - 1];
      if (last && last.use === use) {
        last.codePoints.push(codePoint);
        last.text += char;
      } else {
        runs.push({ use, codePoints: [codePoint], text: char });
      }
    }
    return runs;
  }

  runWidth(run: Run, sizePt: number): number {
    // A character no font has is measured as one em so the layout around it stays stable until the refusal.
    const thousandths = run.codePoints.reduce((sum, codePoint) => sum + (run.use ? run.use.font.advance(codePoint) : 1000), 0);
    return ptToMm((thousandths / 1000) * sizePt);
  }

  measure(text: string, preferred: FontFaceName, sizePt: number): number {
    let width = 0;
    for (const char of text) {
      if (INVISIBLE.test(char)) continue;
      const font = this.faceFor(char.codePointAt(0)!, preferred);
      width += font ? font.advance(char.codePointAt(0)!) : 1000;
    }
    return ptToMm((width / 1000) * sizePt);
  }

  cid(use: FontUse, codePoint: number): number {
    let cid = use.cidByCodePoint.get(codePoint);
    if (cid === undefined) {
      use.codePoints.push(codePoint);
      cid = use.codePoints.length;
      use.cidByCodePoint.set(codePoint, cid);
    }
    return cid;
  }

  async finish(): Promise<Uint8Array> {
    if (this.missing.size > 0) throw new MissingGlyphError([...this.missing]);
    const { context } = this.doc;
    for (const canvas of this.pages) {
      canvas.page.node.set(PDFName.of('Contents'), registerStream(context, canvas.content()));
    }
    for (const use of this.uses.values()) {
      if (use.codePoints.length === 0) continue;
      const { bytes, glyphIds } = use.font.subset(use.codePoints);
      embedCidFont(context, use.ref, {
        subsetTag: subsetTag(use.font.face, use.codePoints),
        metrics: use.font.metrics,
        subsetBytes: bytes,
        codePoints: use.codePoints,
        glyphIds: use.codePoints.map((codePoint) => glyphIds.get(codePoint) ?? 0),
        widths: use.codePoints.map((codePoint) => use.font.advance(codePoint)),
      });
    }
    const created = new Date(this.info.createdAt);
    this.doc.setTitle(this.info.title, { showInWindowTitleBar: true });
    this.doc.setSubject(this.info.subject);
    this.doc.setProducer(PRODUCER);
    this.doc.setCreator(CREATOR);
    this.doc.setCreationDate(created);
    this.doc.setModificationDate(created);
    const id = PDFHexString.of([...this.info.fileId].map((byte) => byte.toString(16).padStart(2, '0')).join(''));
    context.trailerInfo.ID = PDFArray.withContext(context);
    (context.trailerInfo.ID as PDFArray).push(id);
    (context.trailerInfo.ID as PDFArray).push(id);
    return this.doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  }
}

const faceNumbers: Record<DrawingFaceName, number> = { serif: 1, sans: 2, fallback: 3 };

/** Six letters derived from the face and the characters, so the same document always gets the same name. */
function subsetTag(face: DrawingFaceName, codePoints: readonly number[]): string {
  let hash = 0x811c9dc5;
  for (const value of [faceNumbers[face], ...codePoints]) {
    hash ^= value;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let tag = '';
  for (let i = 0; i < 6; i += 1) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26);
  }
  return tag;
}
