import { describe, expect, it } from 'vitest';
import { CALIBRATION_LIMITS, calibrateBox, calibrationSchema, type Calibration } from '../../../../../renderer/src/documents/layout/calibration';
import { licenceFieldNames, licenceLayoutSchema, licenceLayouts } from '../../../../../renderer/src/documents/layout/licenceLayout';

const { offsetMm, minScale, maxScale } = CALIBRATION_LIMITS;
/** The corners of the allowed calibration range plus the identity: a box inside for all of them is inside for any. */
const calibrations: Calibration[] = [{ dx: 0, dy: 0, scale: 1 }];
for (const dx of [-offsetMm, offsetMm]) for (const dy of [-offsetMm, offsetMm]) for (const scale of [minScale, maxScale]) calibrations.push({ dx, dy, scale });

describe.each(Object.entries(licenceLayouts))('the %s licence layout', (_copy, layout) => {
  const printable = {
    left: layout.printableMarginMm,
    top: layout.printableMarginMm,
    right: layout.paper.widthMm - layout.printableMarginMm,
    bottom: layout.paper.heightMm - layout.printableMarginMm,
  };
  const boxes = [
    ...licenceFieldNames.map((name) => ({ name, box: layout.fields[name] })),
    { name: 'qr', box: { x: layout.qr.x, y: layout.qr.y, w: layout.qr.size, h: layout.qr.size } },
  ];

  it.each(calibrations)('keeps every field and the QR code on the printable area at dx %d, dy %d, scale %d', (calibration) => {
    for (const { name, box } of boxes) {
      const placed = calibrateBox(box, calibration);
      expect({ name, left: placed.x >= printable.left, top: placed.y >= printable.top }).toEqual({ name, left: true, top: true });
      expect({ name, right: placed.x + placed.w <= printable.right, bottom: placed.y + placed.h <= printable.bottom }).toEqual({ name, right: true, bottom: true });
    }
  });

  it('has no two boxes overlapping', () => {
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlaps = a.box.x < b.box.x + b.box.w && b.box.x < a.box.x + a.box.w && a.box.y < b.box.y + b.box.h && b.box.y < a.box.y + a.box.h;
        expect({ pair: `${a.name}/${b.name}`, overlaps }).toEqual({ pair: `${a.name}/${b.name}`, overlaps: false });
      }
    }
  });
});

describe('licenceLayoutSchema', () => {
  it('refuses a field whose minimum size is larger than its size', () => {
    const broken = structuredClone(licenceLayouts.original) as Record<string, unknown> & typeof licenceLayouts.original;
    broken.fields.name = { ...broken.fields.name, minSize: 30 };
    expect(licenceLayoutSchema.safeParse(broken).success).toBe(false);
  });

  it('refuses a layout that lacks a field', () => {
    const { businessScope: _omitted, ...fields } = licenceLayouts.duplicate.fields;
    expect(licenceLayoutSchema.safeParse({ ...licenceLayouts.duplicate, fields }).success).toBe(false);
  });
});

describe('calibrationSchema', () => {
  it('refuses offsets and scales beyond what a correctly loaded printer needs', () => {
    expect(calibrationSchema.safeParse({ dx: offsetMm + 0.1, dy: 0, scale: 1 }).success).toBe(false);
    expect(calibrationSchema.safeParse({ dx: 0, dy: 0, scale: maxScale + 0.01 }).success).toBe(false);
    expect(calibrationSchema.safeParse({ dx: -offsetMm, dy: offsetMm, scale: minScale }).success).toBe(true);
  });

  it('scales about the top-left corner of the paper and then shifts', () => {
    expect(calibrateBox({ x: 100, y: 50, w: 20, h: 10 }, { dx: 1.5, dy: -2, scale: 1.01 })).toEqual({ x: 102.5, y: 48.5, w: 20.2, h: 10.1 });
  });
});
