import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';

/** Pictures for a person to look at: test/e2e/screenshots/<name>.png. */
export const screenshotDir = resolve(__dirname, '../screenshots');

const run = promisify(execFile);

/**
 * Saves a screenshot as test/e2e/screenshots/<name>.png: the full page, or with `{ fullPage: false }` what
 * the window shows (for overlays fixed to the window, such as the lock screen).
 */
export type Shot = (name: string, options?: { fullPage?: boolean }) => Promise<string>;

export function shooter(page: Page): Shot {
  mkdirSync(screenshotDir, { recursive: true });
  return async (name, options = {}) => {
    const path = resolve(screenshotDir, `${name}.png`);
    await page.screenshot({ path, fullPage: options.fullPage ?? true });
    return path;
  };
}

/** A screenshot of one part of a page (a full-page one would draw the fixed header and status bar across it). */
export async function partShot(part: Locator, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await part.screenshot({ path: resolve(screenshotDir, `${name}.png`) });
}

/** Scrolled, the fixed header would be drawn over the middle of a full-page picture: shots start from the top. */
export async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Renders a printed PDF's first page to PNG (60 dpi) beside the screenshots. */
export async function renderPrintedPage(pdf: string, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, resolve(screenshotDir, name)]);
}
