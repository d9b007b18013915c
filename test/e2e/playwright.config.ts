import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../../test-results',
  // Every test has its own browser context, HQ and (per worker) renderer server; the shared cups-pdf queue
  // tells jobs apart by number. So tests run on two workers, one per core.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  // Counter writes hash audit entries and commit several tables, enrolment and pushes go through the main
  // process to HQ: on a loaded 2-core machine they take longer than the default five seconds to show.
  expect: { timeout: 20_000 },
  reporter: [['list']],
  // Files run in alphabetical order; the two-desk scenario, by far the longest, goes first so that the
  // two workers finish together instead of one waiting idle while the other runs it last.
  projects: [
    { name: 'two desks', testMatch: 'twoDesks.e2e.ts' },
    { name: 'desk', testIgnore: 'twoDesks.e2e.ts' },
  ],
  use: {
    browserName: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    // A failed test keeps its trace with DOM snapshots; the screencast (frames encoded all along) would cost
    // about a third of the suite's CPU on this 2-core machine, so it is not recorded.
    trace: { mode: 'retain-on-failure', screenshots: false },
  },
});
