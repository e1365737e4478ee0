/**
 * `lastmod` for @astrojs/sitemap, from the model. Astro renders pages in the build's own process
 * (its default prerenderer imports the page bundle: astro/src/core/build/default-prerenderer.ts),
 * so the catalogue, loaded while rendering, hands each article page's last change to the
 * sitemap's `serialize` through one process-wide slot; the sitemap runs in `astro:build:done`,
 * after every page is rendered. Nothing reads a built page.
 */
const SLOT = Symbol.for('broadsheet.sitemap-lastmod');

type Slot = { [SLOT]?: ReadonlyMap<string, string> };

/** Called by the catalogue: each page's path (with the base) and its last change (W3C date-time). */
export function shareLastModified(dates: ReadonlyMap<string, string>): void {
  (globalThis as Slot)[SLOT] = dates;
}

/**
 * The last change of the page at an absolute URL, or undefined for pages without one (listings).
 * Throws when called before the catalogue shared its dates: a sitemap without them would be wrong
 * silently.
 */
export function lastModified(url: string): string | undefined {
  const dates = (globalThis as Slot)[SLOT];
  if (!dates) throw new Error('sitemap: the catalogue shared no dates; was the sitemap written outside `astro build`?');
  return dates.get(new URL(url).pathname);
}
