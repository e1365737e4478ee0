/**
 * The sitemap (sitemaps.org): /sitemap-index.xml listing /sitemap-0.xml, … , every page the build
 * wrote but the 404, each article with its last change as `lastmod`, written by the `sitemap`
 * library as @astrojs/sitemap 3.7 writes it (the same files, names, order and namespaces).
 *
 * Why not @astrojs/sitemap itself: it sorts the addresses with
 * `a.localeCompare(b, 'en', { numeric: true })`, and V8 makes an ICU collator for every call with
 * options, so sorting 13,000 addresses took 0.95 s of every build at 10,000 articles (4.5 s at
 * 50,000), warm or cold; one `Intl.Collator` sorts them in 45 ms, in the same order.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SitemapAndIndexStream, SitemapStream, type SitemapItemLoose } from 'sitemap';
import { handover } from '../astro-internals.ts';
import { absoluteUrl, routes, withBase } from '../model/urls.ts';

// The catalogue hands over each article page's last change (src/astro-internals.ts `handover`):
// the sitemap's dates come from the model; nothing reads a built page.
const dates = handover<ReadonlyMap<string, string>>('sitemap-lastmod', 'sitemap dates');

/** Called by the catalogue: each article page's path (with the base) and its last change (W3C date-time). */
export function shareLastModified(byPath: ReadonlyMap<string, string>): void {
  dates.give(byPath);
}

/** How many addresses one sitemap file holds (@astrojs/sitemap's `entryLimit` default; sitemaps.org allows 50,000). */
export const SITEMAP_LIMIT = 45_000;

/** Pages a sitemap leaves out: the error pages (@astrojs/sitemap's `STATUS_CODE_PAGES`). */
const ERROR_PAGES = new Set(['404', '500']);

/**
 * The sitemap's entries: the absolute address of every page in `pathnames` (Astro's build:done
 * `pages`, relative to the base, `''` for the home page) but the error pages, without repeats, in
 * @astrojs/sitemap's order (English, numbers by value), each with its `lastmod` from `lastmod`
 * (by path with the base) when it has one. `base` is the site's base path, `site` its origin.
 */
export function sitemapEntries(
  pathnames: readonly string[],
  { site, base, lastmod }: { site: URL; base: string; lastmod: ReadonlyMap<string, string> },
): SitemapItemLoose[] {
  const urls = new Set<string>();
  for (const pathname of pathnames) if (!ERROR_PAGES.has(pathname.replace(/^\/+|\/$/g, ''))) urls.add(absoluteUrl(withBase(base, pathname), site));
  const collator = new Intl.Collator('en', { numeric: true });
  return [...urls].sort(collator.compare).map((url) => {
    // By the encoded path, as the catalogue writes it (`paths.article`), whatever form Astro gave.
    const changed = lastmod.get(new URL(url).pathname);
    return changed ? { url, lastmod: changed } : { url };
  });
}

/** The latest `lastmod` of some entries, as an ISO date-time; undefined when none has one. */
function latest(entries: readonly SitemapItemLoose[]): string | undefined {
  let newest: number | undefined;
  for (const { lastmod } of entries) {
    const time = Date.parse(String(lastmod));
    if (!Number.isNaN(time) && (newest === undefined || time > newest)) newest = time;
  }
  return newest === undefined ? undefined : new Date(newest).toISOString();
}

/** Writes the sitemap index and its sitemaps (SITEMAP_LIMIT entries each) into `dir`, named as routes.sitemap() says, their addresses under `base` on `site`. */
async function writeSitemaps(entries: readonly SitemapItemLoose[], dir: string, { site, base }: { site: URL; base: string }): Promise<void> {
  await mkdir(dir, { recursive: true });
  const index = routes.sitemap().slice(1);
  const stem = index.replace(/-index\.xml$/, '');
  const files = new SitemapAndIndexStream({
    limit: SITEMAP_LIMIT,
    getSitemapStream: (i) => {
      const sitemap = new SitemapStream({ hostname: absoluteUrl(withBase(base, ''), site), xmlns: { news: true, xhtml: true, image: true, video: true } });
      const name = `${stem}-${i}.xml`;
      const written = sitemap.pipe(createWriteStream(`${dir}${name}`));
      const url = absoluteUrl(withBase(base, name), site);
      const lastmod = latest(entries.slice(i * SITEMAP_LIMIT, (i + 1) * SITEMAP_LIMIT));
      return [lastmod ? { url, lastmod } : { url }, sitemap, written];
    },
  });
  await pipeline(Readable.from(entries), files, createWriteStream(`${dir}${index}`));
}

/** The sitemap integration: writes the sitemaps after the build (`sitemapEntries`, `writeSitemaps`). Throws without a `site`. */
export function sitemap(): AstroIntegration {
  let site: URL;
  let base: string;
  return {
    name: 'broadsheet:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('sitemap: the site needs its address (`site` in astro.config.mjs, from SITE_URL)');
        site = new URL(config.site);
        base = config.base;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const entries = sitemapEntries(
          pages.map((page) => page.pathname),
          { site, base, lastmod: dates.take() },
        );
        await writeSitemaps(entries, fileURLToPath(dir), { site, base });
        logger.info(`${entries.length} addresses in ${routes.sitemap()}`);
      },
    },
  };
}
