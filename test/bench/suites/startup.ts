import { bindDesk } from '../../e2e/harness/deskBinding';
import { startRendererServer } from '../../e2e/harness/rendererServer';
import { launchChromium } from '../browser';
import { anchorOf, summarise } from '../stats';
import type { BenchSuite } from '../types';

const runs = 9;

/**
 * Cold start: a fresh browser context (empty cache and storage) per run, timed from navigation start to
 * the app's `desk-interactive` mark (first render done, handlers bound). Anchor: the same server's
 * smallest page reaching its load event, the floor for this machine.
 */
export const startupSuite: BenchSuite = {
  name: 'startup',
  async run() {
    const server = await startRendererServer();
    const browser = await launchChromium();
    try {
      const app: number[] = [];
      const blank: number[] = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await bindDesk(page, server.origin);
        await page.goto(`${server.origin}/`);
        await page.waitForFunction(() => document.documentElement.dataset['deskReady'] === 'true');
        app.push(await page.evaluate(() => performance.getEntriesByName('desk-interactive')[0]!.startTime));
        await context.close();

        const anchorContext = await browser.newContext();
        const anchorPage = await anchorContext.newPage();
        await anchorPage.goto('data:text/html,<!doctype html><title>anchor</title><p>一窗通</p>');
        blank.push(await anchorPage.evaluate(() => performance.getEntriesByType('navigation')[0]!.duration));
        await anchorContext.close();
      }
      return [
        {
          suite: 'startup',
          name: 'cold start to interactive (empty database)',
          unit: 'ms',
          ...summarise(app),
          ...anchorOf(app, 'empty page to load event', blank),
          target: { stat: 'median', max: 1500 },
        },
      ];
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
