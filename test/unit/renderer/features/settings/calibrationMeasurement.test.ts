import { describe, expect, it } from 'vitest';
import { calibratePoint } from '../../../../../renderer/src/documents/layout/calibration';
import { calibrationMarks } from '../../../../../renderer/src/documents/templates/calibrationSheet';
import { calibrationFromMeasurement } from '../../../../../renderer/src/features/settings/calibrationMeasurement';

describe('calibrationFromMeasurement', () => {
  const marks = calibrationMarks('original');

  it('is no correction for a printer that prints exactly where it is told', () => {
    expect(calibrationFromMeasurement(marks, { ax: marks.a.x, ay: marks.a.y, distance: marks.b.x - marks.a.x })).toEqual({ dx: 0, dy: 0, scale: 1 });
  });

  it('undoes a printer that shifts and stretches, so corrected fields land on their nominal place', () => {
    // This printer draws p at p × 1.005 + (1.2, −0.8).
    const printer = (p: { x: number; y: number }) => ({ x: p.x * 1.005 + 1.2, y: p.y * 1.005 - 0.8 });
    const a = printer(marks.a);
    const b = printer(marks.b);
    const calibration = calibrationFromMeasurement(marks, { ax: a.x, ay: a.y, distance: b.x - a.x })!;
    for (const nominal of [marks.a, marks.b, { x: 300, y: 262 }]) {
      const sent = calibratePoint(nominal.x, nominal.y, calibration);
      const landed = printer(sent);
      expect(landed.x).toBeCloseTo(nominal.x, 0);
      expect(landed.y).toBeCloseTo(nominal.y, 0);
    }
  });

  it('gives nothing for a distance that is not positive or not a number', () => {
    expect(calibrationFromMeasurement(marks, { ax: 30, ay: 40, distance: 0 })).toBeNull();
    expect(calibrationFromMeasurement(marks, { ax: Number.NaN, ay: 40, distance: 360 })).toBeNull();
  });
});
