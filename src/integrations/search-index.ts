import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { ARTICLE_PAGES_GLOB } from '../model/urls.ts';

const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Builds the Pagefind index into dist/pagefind/ after the pages are written. Only article pages
 * mark content with data-pagefind-body, so listings and chrome are never indexed.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'broadsheet:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { index, errors } = await createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        // Only article pages carry data-pagefind-body; skipping the rest saves parsing thousands of listings.
        const added = await index.addDirectory({ path: fileURLToPath(dir), glob: ARTICLE_PAGES_GLOB });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        // Pagefind also writes its ready-made UIs; the search page has its own, so they would only
        // be dead weight in dist/.
        for (const file of UNUSED) await rm(new URL(`pagefind/${file}`, dir), { force: true });
        logger.info(`indexed ${added.page_count} ${added.page_count === 1 ? 'page' : 'pages'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        await close();
      },
    },
  };
}
