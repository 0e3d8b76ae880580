import { defineConfig } from 'vitest/config';

/** The Firefox end-to-end suite: one Firefox, one file, in order (`npm test` runs it). */
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    globalSetup: ['tests/firefox/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 45_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 7_000 } },
  },
});
