import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/support/sequencer.ts';

// Two files at a time, from every project (Vitest's default on two cores is one): a build, a
// browser or a long unit test rarely keeps both cores busy, and the e2e files share what they can
// (tests/support/build.ts sharedBuild) and write only to folders of their own. Each project
// names it, as projects do not inherit the root's test options.
const maxWorkers = 2;

// One runner, three projects: pure helpers, components through Astro's Container API, and the
// built site in Chromium. The summary reporter prints the "N passed, N failed" line CI reads.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        // Pure helpers, whose files share their workers' modules (isolate: false): a third less
        // processor time for the project, as each file no longer loads the helpers afresh.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', maxWorkers, isolate: false },
      },
      './tests/components/vitest.config.ts',
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          maxWorkers,
          // A test may run several builds (news-sitemap's clock: five) while another file builds
          // beside it: room to finish on a loaded machine. A timeout is no assertion.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
