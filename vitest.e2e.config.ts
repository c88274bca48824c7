import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Debian's Chromium and (test/e2e/firefox) in Firefox ESR;
// one browser at a time on two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
