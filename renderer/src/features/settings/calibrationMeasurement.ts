import type { Calibration } from '../../documents/layout/calibration';

/** What the chief measures on a calibration sheet printed without correction, in mm. */
export interface CalibrationMeasurement {
  /** Centre of cross A from the paper's left edge. */
  ax: number;
  /** Centre of cross A from the paper's top edge. */
  ay: number;
  /** Horizontal distance between the centres of crosses A and B. */
  distance: number;
}

export interface CalibrationMarks {
  a: { x: number; y: number };
  b: { x: number; y: number };
}

/**
 * The correction that puts what this printer prints where the layout says. The printer draws a nominal
 * point p at p·s + o; printed with the correction p' = p·scale + d, it lands on p exactly when
 * scale = 1/s = nominal distance ÷ measured distance and d = nominal − measured × scale (as the sheet's
 * printed instructions say). Offsets are kept to 0.1 mm and the scale to 4 decimals, as finely as a
 * ruler reads. Null for a measurement that cannot be one (a distance that is not positive).
 */
export function calibrationFromMeasurement(marks: CalibrationMarks, measured: CalibrationMeasurement): Calibration | null {
  const values = [measured.ax, measured.ay, measured.distance];
  if (values.some((value) => !Number.isFinite(value)) || measured.distance <= 0) return null;
  const scale = (marks.b.x - marks.a.x) / measured.distance;
  const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places || 0;
  return { dx: round(marks.a.x - measured.ax * scale, 1), dy: round(marks.a.y - measured.ay * scale, 1), scale: round(scale, 4) };
}
