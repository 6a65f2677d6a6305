import { defineConfig } from 'vitest/config';

// Browser journeys: one server (demo district, test clock) for the whole run, Chromium from Debian.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
