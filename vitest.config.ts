import { defineConfig } from 'vitest/config';

// One runner, three projects: pure helpers, components through Astro's Container API, and the
// built site in Chromium. The summary reporter prints the "N passed, N failed" line CI reads.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      './tests/components/vitest.config.ts',
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Builds and a browser share two cores: one file at a time keeps timings honest.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
