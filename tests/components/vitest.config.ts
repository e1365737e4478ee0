import { getViteConfig } from 'astro/config';

// Astro's Vite config, so `.astro` components compile exactly as they do in the build.
export default getViteConfig({
  test: {
    name: 'components',
    include: ['tests/components/**/*.test.ts'],
    environment: 'node',
    // As every project's (vitest.config.ts): all projects' files share one pool of two.
    maxWorkers: 2,
  },
});
