import { businessTermText } from '../../domain/cases/businessTerm';
import { formatChineseDate } from '../../domain/chineseDate';
import { toChineseCapitalAmount } from '../../domain/money';
import { calibrateBox, type Calibration } from '../layout/calibration';
import { copyMarkText, type LicenceCopyMark } from '../../domain/cases/licenceCopies';
import { licenceFieldNames, licenceLayouts, type FieldBox, type LicenceCopy, type LicenceFieldName } from '../layout/licenceLayout';
import { documentMessages as m } from '../messages';
import type { PageCanvas, PdfBuilder } from '../pdf/pdfBuilder';
import type { LicenceData } from '../schemas';
import type { DocumentWarning, Template } from './template';

/** The printed value of each field: amounts in Chinese capitals, dates as 2026年11月28日, 营业期限 as 长期 or from 至 until. */
export function licenceFieldValues(licence: LicenceData): Record<LicenceFieldName, string> {
  return {
    uscc: licence.uscc,
    name: licence.name,
    type: licence.type,
    legalRepresentative: licence.legalRepresentative,
    registeredCapital: toChineseCapitalAmount(licence.registeredCapitalFen),
    establishedOn: formatChineseDate(licence.establishedOn),
    businessTerm: businessTermText(licence.businessTerm, licence.establishedOn),
    address: licence.address,
    businessScope: licence.businessScope,
    issuedOn: formatChineseDate(licence.issuedOn),
  };
}

/**
 * Prints only the fields and the QR code onto pre-printed, serial-numbered licence paper, each in its
 * layout box shifted and scaled by the printer's calibration. Font sizes scale with the boxes, so a
 * calibrated print is the nominal print moved, not re-flowed. A field that overflows even at its minimum
 * size is cut with （详见附页） and reported, since the box on the paper cannot grow.
 */
function drawLicence(builder: PdfBuilder, copy: LicenceCopy, licence: LicenceData, calibration: Calibration, mark?: LicenceCopyMark): DocumentWarning[] {
  const layout = licenceLayouts[copy];
  const canvas = builder.addPage(layout.paper.widthMm, layout.paper.heightMm);
  const values = licenceFieldValues(licence);
  const warnings: DocumentWarning[] = [];
  for (const field of licenceFieldNames) {
    const fitted = drawInBox(canvas, values[field], layout.fields[field], calibration);
    if (fitted.truncated) {
      const label = m.licenceFields[field];
      warnings.push({ kind: 'truncated', field, message: m.warnings.truncated(label), fullText: values[field] });
    }
  }
  const qr = calibrateBox({ x: layout.qr.x, y: layout.qr.y, w: layout.qr.size, h: layout.qr.size }, calibration);
  canvas.qr(licence.qrText, qr.x, qr.y, qr.w);
  // 副本 2/3 in the duplicate's free corner, so each sheet of a set says which one it is.
  if (mark !== undefined && layout.copyMark !== undefined) drawInBox(canvas, copyMarkText(mark), layout.copyMark, calibration);
  return warnings;
}

/** Text in one layout box, shifted and scaled by the printer's calibration. */
function drawInBox(canvas: PageCanvas, text: string, box: FieldBox, calibration: Calibration) {
  return canvas.textBox(text, calibrateBox(box, calibration), {
    face: box.font,
    maxSizePt: box.size * calibration.scale,
    minSizePt: box.minSize * calibration.scale,
    lineHeight: box.lineHeight,
    align: box.align,
    valign: box.valign,
    overflowMarker: m.common.overflowMarker,
  });
}

export const licenceOriginalTemplate: Template<'licenceOriginal'> = {
  version: licenceLayouts.original.version,
  title: (request) => `${m.titles.licenceOriginal} ${request.licence.name}`,
  draw: (builder, request) => drawLicence(builder, 'original', request.licence, request.calibration),
};

export const licenceDuplicateTemplate: Template<'licenceDuplicate'> = {
  version: licenceLayouts.duplicate.version,
  title: (request) => `${m.titles.licenceDuplicate}${request.copy === undefined ? '' : ` ${copyMarkText(request.copy)}`} ${request.licence.name}`,
  draw: (builder, request) => drawLicence(builder, 'duplicate', request.licence, request.calibration, request.copy),
};
