import { formatChineseDate } from '../../domain/chineseDate';
import { calibratePoint, type Calibration } from '../layout/calibration';
import { licenceLayouts } from '../layout/licenceLayout';
import { documentMessages as m } from '../messages';
import type { PageCanvas } from '../pdf/pdfBuilder';
import type { Template } from './template';

const c = m.calibration;
/** Rulers start this far in from the edges: inside every printer's reach. */
const RULER_INSET_MM = 12;
const CROSS_ARM_MM = 6;
const CROSS_INSET_MM = 30;

/** Draws in nominal paper coordinates, placed where the calibration sends them. */
class CalibratedPen {
  constructor(
    private readonly canvas: PageCanvas,
    private readonly calibration: Calibration,
  ) {}

  private p(x: number, y: number) {
    return calibratePoint(x, y, this.calibration);
  }

  line(x1: number, y1: number, x2: number, y2: number, widthPt = 0.3): void {
    const a = this.p(x1, y1);
    const b = this.p(x2, y2);
    this.canvas.line(a.x, a.y, b.x, b.y, { widthPt });
  }

  label(text: string, x: number, y: number, sizePt: number, align: 'left' | 'center' | 'right' = 'left'): void {
    const at = this.p(x, y);
    this.canvas.alignedText(text, at.x, at.y, { face: 'sans', sizePt: sizePt * this.calibration.scale }, align);
  }

  cross(name: string, x: number, y: number): void {
    this.line(x - CROSS_ARM_MM, y, x + CROSS_ARM_MM, y, 0.25);
    this.line(x, y - CROSS_ARM_MM, x, y + CROSS_ARM_MM, 0.25);
    const centre = this.p(x, y);
    this.canvas.circle(centre.x, centre.y, 2 * this.calibration.scale, { widthPt: 0.25 });
    this.label(c.crossLabel(name, x, y), x + 2.5, y - 2.5, 7);
  }
}

/**
 * Where crosses A (top left) and B (top right) are on the sheet of a licence paper, in nominal mm: the chief
 * measures them on the printed sheet to work out the calibration (see the printed instructions).
 */
export function calibrationMarks(paper: 'original' | 'duplicate'): { a: { x: number; y: number }; b: { x: number; y: number } } {
  const { widthMm } = licenceLayouts[paper].paper;
  const top = CROSS_INSET_MM + 10;
  return { a: { x: CROSS_INSET_MM, y: top }, b: { x: widthMm - CROSS_INSET_MM, y: top } };
}

/** Millimetre rulers along the top and left edges: 1 mm ticks, longer at 5, numbered every 10. */
function rulers(pen: CalibratedPen, widthMm: number, heightMm: number): void {
  const tick = (mm: number) => (mm % 10 === 0 ? 5 : mm % 5 === 0 ? 3 : 1.5);
  const y0 = RULER_INSET_MM;
  pen.line(RULER_INSET_MM, y0, widthMm - RULER_INSET_MM, y0);
  for (let x = RULER_INSET_MM; x <= widthMm - RULER_INSET_MM; x += 1) {
    pen.line(x, y0, x, y0 + tick(x), 0.2);
    if (x % 10 === 0 && x > RULER_INSET_MM) pen.label(String(x), x, y0 + 8, 5.5, 'center');
  }
  const x0 = RULER_INSET_MM;
  pen.line(x0, RULER_INSET_MM, x0, heightMm - RULER_INSET_MM);
  for (let y = RULER_INSET_MM; y <= heightMm - RULER_INSET_MM; y += 1) {
    pen.line(x0, y, x0 + tick(y), y, 0.2);
    if (y % 10 === 0 && y > RULER_INSET_MM + 10) pen.label(String(y), x0 + 6, y + 0.8, 5.5);
  }
  pen.label(c.rulerUnit, x0 + 6, y0 + 14, 5.5);
}

/**
 * 套打校准页: rulers and crosshairs at known millimetre positions on the licence paper size, so the chief can
 * measure the printer's offset and scale (instructions printed on the sheet). Printed with a calibration,
 * every mark moves the way licence fields would, which lets the chief check a saved calibration.
 */
export const calibrationSheetTemplate: Template<'calibrationSheet'> = {
  version: '1',
  title: (request) => `${m.titles.calibrationSheet} ${request.printerName}`,
  draw(builder, request) {
    const { widthMm, heightMm } = licenceLayouts[request.paper].paper;
    const canvas = builder.addPage(widthMm, heightMm);
    const pen = new CalibratedPen(canvas, request.calibration);
    rulers(pen, widthMm, heightMm);
    const marks = calibrationMarks(request.paper);
    const top = marks.a.y;
    const bottom = heightMm - CROSS_INSET_MM;
    const left = marks.a.x;
    const right = marks.b.x;
    pen.cross('A', left, top);
    pen.cross('B', right, top);
    pen.cross('C', left, bottom);
    pen.cross('D', right, bottom);

    // Instructions are information, not marks to measure: they are placed without calibration.
    const textLeft = left + 15;
    let y = top + 16;
    const line = (text: string, sizePt: number, gapMm: number) => {
      canvas.text(text, textLeft, y, { face: 'sans', sizePt, bold: sizePt > 12 });
      y += gapMm;
    };
    line(m.titles.calibrationSheet, 16, 9);
    line(c.paper[request.paper], 10, 5.5);
    line(c.printer(request.printerName), 10, 5.5);
    line(c.printedAt(formatChineseDate(request.issuedAt)), 10, 5.5);
    const { dx, dy, scale } = request.calibration;
    line(c.applied(dx, dy, scale), 10, 8);
    line(c.distanceNote(right - left), 10, 8);
    for (const instruction of c.instructions) {
      const used = canvas.textBox(instruction, { x: textLeft, y: y - 3.5, w: Math.min(widthMm - 2 * textLeft, 250), h: 20 }, {
        face: 'sans', maxSizePt: 9, minSizePt: 9, lineHeight: 1.4, align: 'left', valign: 'top', overflowMarker: m.common.overflowMarker,
      });
      y += used.heightMm + 3;
    }
    return [];
  },
};
