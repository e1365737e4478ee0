// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { authorsDir, cacheFolder, contentDir, deploySettings, LOCAL_SERVER, orStop, pagesDir, publishing, updatesDir } from './src/env.ts';
import { cacheLock, contentSyncLock } from './src/integrations/cache-lock.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { imageCache, PICTURE_SERVICE } from './src/integrations/image-cache.ts';
import { staticHostHeaders } from './src/integrations/headers.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { workingCopy } from './src/integrations/working-copy.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { workerProcessor } from './src/integrations/markdown-workers.ts';
import { bodyStore } from './src/integrations/body-store.ts';
import { nodeProblem } from './scripts/node-guard.mjs';

const problem = nodeProblem();
if (problem) throw new Error(problem);

// Every setting is checked before Astro starts, so a wrong one stops with its message alone.
const { site, base } = orStop(deploySettings);
const content = orStop(contentDir);
const authors = orStop(() => authorsDir());
const pages = orStop(() => pagesDir());
const updates = orStop(() => updatesDir());
orStop(publishing);
const cache = orStop(() => cacheFolder(fileURLToPath(new URL('.', import.meta.url))));

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  cacheDir: cache,
  // Four pages in flight at once: one renders while the others wait on their file writes (a
  // quarter of a one-at-a-time build was spent idle, bench/build.ts).
  build: { format: 'directory', concurrency: 4 },
  // 'jsx' (Astro 7's default) drops the space between a word and an inline element on the next
  // source line; true compresses HTML without changing what readers see.
  compressHTML: true,
  // Astro's console output, but each page of the build on a line of its own with its own time:
  // with four pages in flight, the default logger ran several into one line.
  logger: { entrypoint: new URL('./src/integrations/build-log.ts', import.meta.url) },
  server: { ...LOCAL_SERVER },
  // A page whose cache key (what it shows: src/model/cache-keys.ts) and code are unchanged since
  // the last build is copied from node_modules/.astro/dist/ instead of rendered, so publishing one
  // article renders the pages that show it, not the archive. tests/e2e/incremental.test.ts holds
  // a warm build byte for byte to a cold one.
  experimental: { incrementalBuild: true },
  // Pictures (src/components/pictures.ts): Astro's sharp service, with stills of animations in
  // formats that cannot animate and a stop where it would publish an original under a copy's name
  // (src/integrations/picture-service.ts). AVIF at sharp's effort 3, not its default 4, takes a
  // seventh of the time for about 1.5% more bytes (measured on bench/photos.ts's photos). The
  // picture copies made with other settings or service code are dropped by imageCache()
  // (src/integrations/image-cache.ts).
  image: { service: { entrypoint: PICTURE_SERVICE, config: { avif: { effort: 3 } } } },
  devToolbar: { enabled: false },
  // Scripts ship as files, never inlined: Vite's dynamic-import helper breaks in inlined scripts
  // (the search page imports Pagefind at run time), and a strict CSP allows files from 'self'
  // without hashing each script.
  // cssTarget: Astro builds CSS for 'esnext'; naming the browsers a reader may still have makes
  // Lightning CSS lower what they lack, such as light-dark() for the dark palette (tokens.css).
  // The list is Vite's 'baseline-widely-available' default build target.
  vite: { build: { assetsInlineLimit: 0, cssTarget: ['chrome107', 'edge107', 'firefox104', 'safari16'] } },
  integrations: [
    // Builds over the working copy `npm run build` keeps beside the site (scripts/build.mjs).
    workingCopy(),
    cacheLock(),
    contentSyncLock(),
    imageCache(),
    contentCheck(content, { authors, pages, updates }),
    // Rendered bodies live beside the content store, not in it (src/integrations/body-store.ts).
    bodyStore(),
    staticHostHeaders(),
    searchIndex({ worker: new URL('./src/integrations/search-index-worker.ts', import.meta.url) }),
    // lastmod: each article's last change, from the model (src/integrations/sitemap.ts).
    sitemap(),
  ],
  markdown: {
    // remark and rehype (src/markdown/pipeline.ts, plugins chosen on measured cost), run on a
    // worker thread per core so the content layer renders every article on every core.
    processor: workerProcessor({ base, worker: new URL('./src/integrations/markdown-render-worker.ts', import.meta.url) }),
    // Newsroom copy has no code to colour; Shiki would load a highlighter for nothing.
    syntaxHighlight: false,
  },
});
