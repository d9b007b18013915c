import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { bindDesk, type BoundDesk } from './harness/deskBinding';
import { startRendererServer, type RendererServer } from './harness/rendererServer';

export const screenshotDir = resolve(__dirname, 'screenshots');

/**
 * Saves a screenshot as test/e2e/screenshots/<name>.png for a person to look at: the full page, or with
 * `{ fullPage: false }` what the window shows (for overlays fixed to the window, such as the lock screen).
 */
export type Shot = (name: string, options?: { fullPage?: boolean }) => Promise<string>;

function shooter(page: Page): Shot {
  mkdirSync(screenshotDir, { recursive: true });
  return async (name, options = {}) => {
    const path = resolve(screenshotDir, `${name}.png`);
    await page.screenshot({ path, fullPage: options.fullPage ?? true });
    return path;
  };
}

/** One more counter desk: its own browser context (so its own IndexedDB) and its own main process. */
export interface DeskWindow {
  page: Page;
  desk: BoundDesk;
  shot: Shot;
}

interface DeskFixtures {
  desk: BoundDesk;
  shot: Shot;
  /**
   * Opens another desk of the hall beside the test's own `page`: a new browser context, so a separate
   * IndexedDB, with `window.desk` bound to its own handlers (its own HQ client, token store and settings,
   * as a second machine has). Closed when the test ends.
   */
  openDesk: () => Promise<DeskWindow>;
}

export const test = base.extend<DeskFixtures, { server: RendererServer }>({
  server: [
    async ({}, use) => {
      const server = await startRendererServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => use(server.origin),
  desk: async ({ page, server }, use) => use(await bindDesk(page, server.origin)),
  shot: async ({ page }, use) => use(shooter(page)),
  openDesk: async ({ browser, server, locale, timezoneId, viewport }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      // The options the test's own context gets from the config's `use`, which a bare newContext() would not.
      const context = await browser.newContext({
        baseURL: server.origin,
        viewport,
        ...(locale !== undefined && { locale }),
        ...(timezoneId !== undefined && { timezoneId }),
      });
      contexts.push(context);
      const page = await context.newPage();
      return { page, desk: await bindDesk(page, server.origin), shot: shooter(page) };
    });
    for (const context of contexts) await context.close();
  },
});

export { expect };
export * from './harness/signIn';
