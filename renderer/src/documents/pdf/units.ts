/** Layouts are written in millimetres (what a ruler on the pre-printed form reads); PDF speaks points. */
export const POINTS_PER_MM = 72 / 25.4;

export function mmToPt(mm: number): number {
  return mm * POINTS_PER_MM;
}

export function ptToMm(pt: number): number {
  return pt / POINTS_PER_MM;
}
