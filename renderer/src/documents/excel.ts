import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded when a workbook is first made rather than with the screens: its browser build is large
 * and carries a setImmediate polyfill and lodash's global lookup (`Function(...)`), which the CSP's
 * script-src 'self' would refuse if they ever ran. In its own chunk (`assets/exceljs*.js`) it stays out of
 * the first bundle, and the Electronegativity scan can accept that finding there and nowhere else.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
