import { handover } from '../astro-internals.ts';

/**
 * `lastmod` for @astrojs/sitemap, from the model: the catalogue hands over each article page's
 * last change (src/astro-internals.ts `handover`), and the sitemap's `serialize` reads it. Nothing
 * reads a built page.
 */
const dates = handover<ReadonlyMap<string, string>>('sitemap-lastmod', 'sitemap dates');

/** Called by the catalogue: each page's path (with the base) and its last change (W3C date-time). */
export function shareLastModified(byPath: ReadonlyMap<string, string>): void {
  dates.give(byPath);
}

/**
 * The last change of the page at an absolute URL, or undefined for pages without one (listings).
 * Throws when the catalogue handed over no dates.
 */
export function lastModified(url: string): string | undefined {
  return dates.take().get(new URL(url).pathname);
}
