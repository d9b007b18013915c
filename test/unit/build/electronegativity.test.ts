import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Electronegativity ships CommonJS without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runElectronegativity = require('@doyensec/electronegativity') as (options: Record<string, unknown>, forCli: boolean) => Promise<{
  errors: unknown[];
  issues: { id: string; file: string; manualReview: boolean; location: { line: number } }[];
}>;

/**
 * Findings that ask for a manual review, reviewed and accepted, with why. A finding that is not
 * manual-review (e.g. "no CSP", "weak CSP") or is not listed here fails the suite.
 */
const reviewed: Record<string, string> = {
  // shell.openExternal runs only in the openExternal handler after isAllowedExternalUrl (https, allow-listed hosts).
  OPEN_EXTERNAL_JS_CHECK: 'allow-listed https URLs only (electron/main/security/externalUrls.ts)',
  // "script-src 'self' can be problematic if you host JSONP, Angular or user uploads": app:// serves only the
  // built bundle; scans are shown from blob: URLs, which script-src does not allow.
  CSP_GLOBAL_CHECK: "script-src 'self' serves only our own built files",
};

/**
 * Findings accepted in one third-party chunk only, with why. exceljs's browser build (loaded on export,
 * documents/excel.ts) holds lodash's `Function('return this')` fallback, reached only where neither `global`
 * nor `self` exists, and a setImmediate polyfill that compiles string callbacks, which we never pass.
 */
const reviewedInFile: Record<string, RegExp> = {
  DANGEROUS_FUNCTIONS_JS_CHECK: /[\\/]assets[\\/]exceljs[\w.-]*\.js$/,
};
const acceptedInFile = (issue: { id: string; file: string }) => reviewedInFile[issue.id]?.test(issue.file) === true;

describe('electronegativity scan of the built app', () => {
  it('finds nothing beyond the reviewed findings', async () => {
    const result = await runElectronegativity(
      {
        input: resolve(__dirname, '../../../out'),
        isRelative: true,
        customScan: [],
        // Offline checks only: this one downloads Electron's release list.
        excludeFromScan: ['availablesecurityfixesglobalcheck'],
        electronVersionOverride: '45.0.0',
        parserPlugins: [],
      },
      false,
    );
    // pdf.js (the preview's renderer, third-party code in the sandboxed page) uses class private fields,
    // which Electronegativity's AST walker cannot read; every other file must be scanned.
    const unscanned = (result.errors as { file: string }[]).map((e) => e.file).filter((file) => !/[\\/]assets[\\/]pdf-[\w-]+\.js$/.test(file));
    expect(unscanned).toEqual([]);
    const unreviewed = result.issues.filter((issue) => !(issue.manualReview && (issue.id in reviewed || acceptedInFile(issue))));
    expect(unreviewed.map((i) => `${i.id} ${i.file}:${i.location.line}`)).toEqual([]);
  }, 120_000);
});
