import { test as base, expect, type BrowserContextOptions, type Page } from '@playwright/test';
import { HqHarness } from '../hq/support/harness';
import { openCounterDesk, seedDesks, type DeskSetup, type OpenedDesk, type SeededDesks } from './harness/counterDesk';
import { ensureCupsPdfPrinter, type CupsPdfPrinter } from './harness/cups';
import { bindDesk, type BoundDesk } from './harness/deskBinding';
import { startRendererServer, type RendererServer } from './harness/rendererServer';
import { shooter, type Shot } from './harness/screenshots';

/**
 * The `counterDesk` fixture (auto): every test's page has `window.desk` bound to the real main-process
 * handlers. A spec that sets `test.use({ deskSetup: { role, furnished, enrolled, section, fixedTime } })`
 * starts from a desk this worker set up once through the UI (first admin 王管理, clerk 张三, chief 李首席;
 * furnished: codes MY-01, 文书抬头, default printers on the cups-pdf queue when CUPS is up), its IndexedDB
 * copied into the test's page before the app opens; `enrolled` adds a reference HQ the desk is enrolled
 * with. The desk keeps its session in memory only, so the fixture signs `role` in through the sign-in
 * screen (one password hash) or leaves the sign-in screen showing (`role: null`). Without `deskSetup` the
 * page is a brand-new desk showing the first-admin setup, for the tests about that screen.
 */

/** The test's desk: its main-process side, who is signed in, and its HQ when enrolled. */
export interface CounterDesk extends OpenedDesk {
  desk: BoundDesk;
}

/** One more counter desk: its own browser context (so its own IndexedDB) and its own main process. */
export interface DeskWindow {
  page: Page;
  desk: BoundDesk;
  shot: Shot;
}

/** The cups-pdf queue of the machine (a furnished desk's default printer), or why there is none. */
export type CupsQueue = { printer: CupsPdfPrinter; problem: null } | { printer: null; problem: string };

interface DeskFixtures {
  deskSetup: DeskSetup | null;
  counterDesk: CounterDesk;
  /** `window.desk`'s main-process side for the test's page. */
  desk: BoundDesk;
  /** The test's reference HQ: the one its desk is enrolled with, or else one started for the test. */
  hq: HqHarness;
  /** The cups-pdf queue; a test that prints fails, saying why, where CUPS cannot be set up. */
  printer: CupsPdfPrinter;
  shot: Shot;
  /**
   * Opens another desk of the hall beside the test's own `page`: a new browser context, so a separate
   * IndexedDB, with `window.desk` bound to its own handlers (its own HQ client, token store and settings,
   * as a second machine has), set up as `setup` says (not enrolled: that is done through its 设置) or
   * brand-new without. Closed when the test ends.
   */
  openDesk: (setup?: Omit<DeskSetup, 'enrolled'>) => Promise<DeskWindow>;
}

interface WorkerFixtures {
  server: RendererServer;
  cups: CupsQueue;
  /** The seeded desks, set up on first use in this worker only: specs of brand-new desks never pay for them. */
  deskSeeds: () => Promise<SeededDesks>;
}

export const test = base.extend<DeskFixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await startRendererServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  cups: [
    async ({}, use) => {
      const queue: CupsQueue = await ensureCupsPdfPrinter().then(
        (printer) => ({ printer, problem: null }),
        (error: unknown) => ({ printer: null, problem: error instanceof Error ? error.message : String(error) }),
      );
      await use(queue);
    },
    { scope: 'worker' },
  ],
  deskSeeds: [
    async ({ browser, server, cups }, use, workerInfo) => {
      const { locale, timezoneId, viewport } = workerInfo.project.use;
      let seeds: Promise<SeededDesks> | undefined;
      await use(() => (seeds ??= seedDesks(browser, { baseURL: server.origin, locale, timezoneId, viewport }, cups.printer)));
    },
    { scope: 'worker' },
  ],
  deskSetup: [null, { option: true }],
  baseURL: async ({ server }, use) => use(server.origin),
  counterDesk: [
    async ({ page, server, deskSetup, deskSeeds }, use) => {
      const desk = await bindDesk(page, server.origin);
      if (deskSetup === null) return use({ desk, account: null, enrolment: null });
      const opened = await openCounterDesk(page, desk, deskSetup, await deskSeeds());
      await use({ desk, ...opened });
      await opened.enrolment?.hq.dispose();
    },
    // The first test of a worker that asks for a seeded desk waits for the seeding, not on its own time.
    { auto: true, timeout: 120_000 },
  ],
  desk: async ({ counterDesk }, use) => use(counterDesk.desk),
  hq: async ({ counterDesk }, use) => {
    if (counterDesk.enrolment !== null) return use(counterDesk.enrolment.hq);
    const hq = await new HqHarness().start();
    await use(hq);
    await hq.dispose();
  },
  printer: async ({ cups }, use) => {
    if (cups.printer === null) throw new Error(`This test prints, and the cups-pdf queue is not ready: ${cups.problem}`);
    await use(cups.printer);
  },
  shot: async ({ page }, use) => use(shooter(page)),
  openDesk: async ({ browser, server, deskSeeds, locale, timezoneId, viewport }, use) => {
    const contexts: { close(): Promise<void> }[] = [];
    await use(async (setup) => {
      // The options the test's own context gets from the config's `use`, which a bare newContext() would not.
      const options: BrowserContextOptions = {
        baseURL: server.origin,
        viewport,
        ...(locale !== undefined && { locale }),
        ...(timezoneId !== undefined && { timezoneId }),
      };
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      const desk = await bindDesk(page, server.origin);
      if (setup !== undefined) await openCounterDesk(page, desk, setup, await deskSeeds());
      return { page, desk, shot: shooter(page) };
    });
    for (const context of contexts) await context.close();
  },
});

export { expect };
export * from './harness/signIn';
export { partShot, renderPrintedPage, screenshotDir, scrollToTop, type Shot } from './harness/screenshots';
