import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/hq/**/*.test.ts'],
    environment: 'node',
    // The page's data key, as the main process hands it over at start.
    setupFiles: ['test/unit/support/unlockTestDeskKeys.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
