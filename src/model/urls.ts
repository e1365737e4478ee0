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

/** Encodes one path segment (a slug may hold non-Latin letters). */
function segment(value: string): string {
  return encodeURIComponent(value);
}

export const paths = {
  home: () => pathWithBase('/'),
  article: (slug: string) => pathWithBase(`/articles/${segment(slug)}/`),
  tags: () => pathWithBase('/tags/'),
  tag: (slug: string) => pathWithBase(`/tags/${segment(slug)}/`),
  rss: () => pathWithBase('/rss.xml'),
};

/** Resolves a base-aware path against the site origin: the form feeds, canonicals and sitemaps need. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}
