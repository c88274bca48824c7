import { defineConfig } from 'vitest/config';

// Unit and integration tests: pure core, background logic with fakes, server on loopback.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
