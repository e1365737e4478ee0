/**
 * Every internal and absolute URL the site emits is built here, so a base path (`BASE_PATH=/news`)
 * and the site origin (`SITE_URL`) are honoured everywhere at once. Routes never concatenate paths.
 */

/** Joins a site-relative path to a base path: `withBase('/news/', 'tags/nato/')` → `/news/tags/nato/`. */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  const tail = path.replace(/^\/+/, '');
  return `${head.startsWith('/') ? head : `/${head}`}${tail}`;
}

/** A site-relative path under the configured base (`import.meta.env.BASE_URL`). */
export function pathWithBase(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/** Encodes each segment of a path (slugs and file names may hold any letter). */
function segments(value: string): string {
  return value.split('/').map(encodeURIComponent).join('/');
}

/** A listing's page: page 1 is the listing itself, page n is `<listing>page/n/`. */
function paged(listing: string, page: number): string {
  return page <= 1 ? listing : `${listing}page/${page}/`;
}

export const paths = {
  home: (page = 1) => pathWithBase(paged('/', page)),
  article: (slug: string) => pathWithBase(`/articles/${segments(slug)}/`),
  tags: () => pathWithBase('/tags/'),
  tag: (slug: string, page = 1) => pathWithBase(paged(`/tags/${segments(slug)}/`, page)),
  archive: () => pathWithBase('/archive/'),
  archiveYear: (year: string) => pathWithBase(`/archive/${year}/`),
  archiveMonth: (year: string, month: string, page = 1) => pathWithBase(paged(`/archive/${year}/${month}/`, page)),
  feeds: () => pathWithBase('/feeds/'),
  search: () => pathWithBase('/search/'),
  rss: () => pathWithBase('/rss.xml'),
  atom: () => pathWithBase('/atom.xml'),
  jsonFeed: () => pathWithBase('/feed.json'),
  tagRss: (slug: string) => pathWithBase(`/tags/${segments(slug)}/rss.xml`),
  /** Pagefind's script, written with its index by the search-index integration. */
  pagefind: () => pathWithBase('/pagefind/pagefind.js'),
  /** Written by @astrojs/sitemap. */
  sitemap: () => pathWithBase('/sitemap-index.xml'),
  /** An article's published picture: `/media/<slug>/<file>`. */
  media: (slug: string, name: string) => pathWithBase(`/media/${segments(slug)}/${segments(name)}`),
};

/** Resolves a base-aware path against the site origin: the form feeds, canonicals and sitemaps need. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}
