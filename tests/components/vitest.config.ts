import { getViteConfig } from 'astro/config';

// Astro's Vite config, so `.astro` components compile exactly as they do in the build.
export default getViteConfig({
  test: {
    name: 'components',
    include: ['tests/components/**/*.test.ts'],
    environment: 'node',
  },
});
