import { open } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { withBase } from '../model/urls';

// The article page's own metadata is the one source of its last change: the sitemap reads it
// from the built page rather than computing the date a second time.
const MODIFIED = /<meta property="article:modified_time" content="([^"]+)">/;

/** Pulls `article:modified_time` out of a built page, or undefined when it has none. */
export function modifiedTime(html: string): string | undefined {
  return MODIFIED.exec(html)?.[1];
}

// The meta tag sits in the head, well inside a page's first 16 KB; reading only that much keeps
// the pass over 10,000 pages short.
const HEAD_BYTES = 16_384;

async function readHead(file: URL): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Collects each built page's last change after the build, for `@astrojs/sitemap`'s `serialize`
 * to use as `lastmod`. Must come before the sitemap integration, whose hook runs after this one.
 */
export function sitemapDates(): { integration: AstroIntegration; lastmod: (url: string) => string | undefined } {
  const dates = new Map<string, string>();
  let site = '';
  let base = '/';
  const integration: AstroIntegration = {
    name: 'broadsheet:sitemap-dates',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
        base = config.base;
      },
      'astro:build:done': async ({ dir, pages }) => {
        for (const { pathname } of pages) {
          if (!pathname.startsWith('articles/')) continue;
          const html = await readHead(new URL(`${pathname}index.html`, dir));
          const modified = modifiedTime(html);
          if (modified) dates.set(new URL(withBase(base, pathname), site).href, modified);
        }
      },
    },
  };
  return { integration, lastmod: (url) => dates.get(url) };
}
