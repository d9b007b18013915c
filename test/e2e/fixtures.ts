import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { bindDesk, type BoundDesk } from './harness/deskBinding';
import { startRendererServer, type RendererServer } from './harness/rendererServer';

export const screenshotDir = resolve(__dirname, 'screenshots');

interface DeskFixtures {
  desk: BoundDesk;
  /**
   * Saves a screenshot as test/e2e/screenshots/<name>.png for a person to look at: the full page, or with
   * `{ fullPage: false }` what the window shows (for overlays fixed to the window, such as the lock screen).
   */
  shot: (name: string, options?: { fullPage?: boolean }) => Promise<string>;
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
  shot: async ({ page }, use) => {
    mkdirSync(screenshotDir, { recursive: true });
    await use(async (name, options = {}) => {
      const path = resolve(screenshotDir, `${name}.png`);
      await page.screenshot({ path, fullPage: options.fullPage ?? true });
      return path;
    });
  },
});

export { expect };
export * from './harness/signIn';
