import { z } from 'zod';
import type { BoxMm } from '../pdf/pdfBuilder';

/**
 * A printer's correction, set by the chief from the printed calibration sheet: every position on the
 * paper is scaled about the paper's top-left corner and then shifted, `p' = p × scale + (dx, dy)`.
 * The bounds are what a working printer can be off by; anything larger means the paper is loaded wrong,
 * and the layout test proves every licence field stays on the printable area inside these bounds.
 */
export const CALIBRATION_LIMITS = { offsetMm: 5, minScale: 0.98, maxScale: 1.02 } as const;

export const calibrationSchema = z.object({
  dx: z.number().min(-CALIBRATION_LIMITS.offsetMm).max(CALIBRATION_LIMITS.offsetMm),
  dy: z.number().min(-CALIBRATION_LIMITS.offsetMm).max(CALIBRATION_LIMITS.offsetMm),
  scale: z.number().min(CALIBRATION_LIMITS.minScale).max(CALIBRATION_LIMITS.maxScale),
});
export type Calibration = z.infer<typeof calibrationSchema>;

export const identityCalibration: Calibration = { dx: 0, dy: 0, scale: 1 };

export function calibratePoint(xMm: number, yMm: number, calibration: Calibration): { x: number; y: number } {
  return { x: xMm * calibration.scale + calibration.dx, y: yMm * calibration.scale + calibration.dy };
}

export function calibrateBox(box: BoxMm, calibration: Calibration): BoxMm {
  const { x, y } = calibratePoint(box.x, box.y, calibration);
  return { x, y, w: box.w * calibration.scale, h: box.h * calibration.scale };
}
