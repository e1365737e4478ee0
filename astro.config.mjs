// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { contentDir } from './src/content-dir.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { staticHostHeaders } from './src/integrations/headers.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { sitemapDates } from './src/integrations/sitemap-dates.ts';
import { markdownPipeline } from './src/markdown/pipeline.ts';
import { nodeProblem } from './scripts/node-guard.mjs';

const problem = nodeProblem();
if (problem) throw new Error(problem);

/** SITE_URL: the absolute origin the site is served from. Feeds, canonicals and sitemaps need it. */
function siteUrl(value = 'https://broadsheet.example') {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL: expected an absolute address like https://news.example.com, found "${value}"`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`SITE_URL: expected http or https, found "${value}"`);
  return url.origin;
}

/** BASE_PATH: the folder the site lives in on that origin, e.g. /news. Default: the root. */
function basePath(value = '/') {
  if (!/^\/[\w\-./~%]*$/.test(value) || value.includes('//') || value.includes('..')) {
    throw new Error(`BASE_PATH: expected a path starting with / like /news, found "${value}"`);
  }
  return value.endsWith('/') ? value : `${value}/`;
}

const base = basePath(process.env.BASE_PATH || undefined);
const dates = sitemapDates();

export default defineConfig({
  site: siteUrl(process.env.SITE_URL || undefined),
  base,
  trailingSlash: 'ignore',
  // Four pages in flight at once: one renders while the others wait on their file writes (a
  // quarter of a one-at-a-time build was spent idle, bench/build.ts).
  build: { format: 'directory', concurrency: 4 },
  // 'jsx' (Astro 7's default) drops the space between a word and an inline element on the next
  // source line; true compresses HTML without changing what readers see.
  compressHTML: true,
  server: { host: '127.0.0.1' },
  devToolbar: { enabled: false },
  // Scripts ship as files, never inlined: Vite's dynamic-import helper breaks in inlined scripts
  // (the search page imports Pagefind at run time), and a strict CSP allows files from 'self'
  // without hashing each script.
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [
    contentCheck(contentDir()),
    staticHostHeaders(),
    searchIndex(),
    dates.integration,
    // lastmod comes from each article page's article:modified_time (updated, else published).
    sitemap({
      serialize: (item) => {
        const lastmod = dates.lastmod(item.url);
        return lastmod ? { ...item, lastmod } : item;
      },
    }),
  ],
  markdown: {
    // remark and rehype through Astro's unified processor; plugins chosen on measured cost.
    processor: unified(markdownPipeline({ base })),
    // Newsroom copy has no code to colour; Shiki would load a highlighter for nothing.
    syntaxHighlight: false,
  },
});
