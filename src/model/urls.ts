/**
 * Every internal and absolute URL the site emits, and every path segment it writes, is built
 * here, so a base path (`BASE_PATH=/news`) and the site origin (`SITE_URL`) are honoured
 * everywhere at once. Routes, feeds, the sitemap, `_headers` and the search index read these;
 * nothing else concatenates paths.
 */
import { slug } from 'github-slugger';
import type { PageNumber } from './pagination';

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

/**
 * A root-relative address written in copy (`/tags/nato/`), moved under the base path so copy
 * written for a root deployment still works under `/news/`. Relative, absolute,
 * protocol-relative (`//host`) and already-based addresses come back unchanged.
 */
export function rebaseRootPath(base: string, value: string): string {
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith(base)) return value;
  return withBase(base, value);
}

/**
 * The most bytes a path segment taken from copy may have. File systems allow 255 bytes per name
 * (ext4, APFS, NTFS in UTF-16 units); a margin keeps room for what hosts and tools add.
 */
export const SEGMENT_BYTES = 200;

const utf8 = new TextEncoder();

// FNV-1a, 32 bits (http://www.isthe.com/chongo/tech/comp/fnv/): stable across builds and
// machines, and enough to tell long names apart; a clash still cannot merge two pages, because
// tags and articles that share a slug are refused by the check.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of utf8.encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * A slug that fits in one path segment: unchanged up to SEGMENT_BYTES of UTF-8, else cut at a
 * character boundary and ended with `-` and a digest of the whole slug, so it stays stable and
 * two long slugs that begin alike stay apart (an 86-character Chinese tag is 258 bytes).
 */
export function segmentSlug(slugged: string): string {
  if (utf8.encode(slugged).length <= SEGMENT_BYTES) return slugged;
  const suffix = `-${fnv1a(slugged)}`;
  let kept = '';
  let bytes = 0;
  for (const char of slugged) {
    const size = utf8.encode(char).length;
    if (bytes + size > SEGMENT_BYTES - suffix.length) break;
    kept += char;
    bytes += size;
  }
  return `${kept.replace(/-+$/, '')}${suffix}`;
}

/**
 * The one slug rule, for every address Broadsheet makes from a name (articles' and profiles' file
 * names, tags): github-slugger's slug of the text in Unicode NFC (lower case, spaces to hyphens,
 * punctuation dropped, letters of every script kept: "Zürich" typed on a Mac, decomposed, slugs
 * as typed elsewhere), fitted to one path segment (`segmentSlug`). With `symbols`, text whose slug
 * has no letter or digit gets its pictographs' code points instead ("🇺🇦" → "1f1fa-1f1e6"):
 * stable, and safe in any URL. '' when nothing is left.
 */
export function slugOf(text: string, { symbols = false }: { symbols?: boolean } = {}): string {
  const nfc = text.normalize('NFC');
  const slugged = slug(nfc);
  if (!symbols || /[\p{L}\p{N}]/u.test(slugged)) return segmentSlug(slugged);
  const pictographs = [...nfc].filter((char) => /[\p{Extended_Pictographic}\p{Regional_Indicator}\p{So}]/u.test(char));
  return segmentSlug(pictographs.map((char) => char.codePointAt(0)!.toString(16)).join('-'));
}

/** The article's URL slug: its file name without `.md`, slugged (`My Story.md` → `my-story`), wherever it sits; never longer than a path segment may be. */
export function articleSlug(file: string): string {
  return slugOf((file.split(/[\\/]/).pop() ?? '').replace(/\.md$/i, ''));
}

/** An author's page slug: the profile's file name without `.yaml`, slugged (`Jane Roe.yaml` → `jane-roe`). */
export function authorSlug(file: string): string {
  return slugOf((file.split(/[\\/]/).pop() ?? '').replace(/\.yaml$/i, ''));
}

/** Encodes each segment of a path (slugs and file names may hold any letter). */
function segments(value: string): string {
  return value.split('/').map(encodeURIComponent).join('/');
}

/** The route parameter of a listing's page (src/model/pagination.ts): none for its front, `page/n` for page n. */
export function pageParam(page: PageNumber): string | undefined {
  return page === 'front' ? undefined : `page/${page}`;
}

/** A listing's page: its front is the listing itself, page n is `<listing>page/n/`. */
function paged(listing: string, page: PageNumber): string {
  const param = pageParam(page);
  return param ? `${listing}${param}/` : listing;
}

// Each URL shape spelled once, over segments that are already encoded (or `*` for a pattern).
const shape = {
  article: (slug: string) => `/articles/${slug}/`,
  updatesJsonFeed: (slug: string) => `/articles/${slug}/updates.json`,
  updatesRss: (slug: string) => `/articles/${slug}/updates.xml`,
  tag: (slug: string) => `/tags/${slug}/`,
  tagRss: (slug: string) => `/tags/${slug}/rss.xml`,
  section: (slug: string) => `/sections/${slug}/`,
  sectionRss: (slug: string) => `/sections/${slug}/rss.xml`,
  author: (slug: string) => `/authors/${slug}/`,
  authorRss: (slug: string) => `/authors/${slug}/rss.xml`,
  type: (slug: string) => `/types/${slug}/`,
  typeRss: (slug: string) => `/types/${slug}/rss.xml`,
  series: (slug: string) => `/series/${slug}/`,
  seriesRss: (slug: string) => `/series/${slug}/rss.xml`,
  seriesAtom: (slug: string) => `/series/${slug}/atom.xml`,
  seriesJsonFeed: (slug: string) => `/series/${slug}/feed.json`,
  media: (file: string) => `/media/${file}`,
  aboutPage: (slug: string) => `/about/${slug}/`,
};

/**
 * Site-relative paths without the base: what build hooks and `_headers` rules start from (they
 * add the base themselves). Pages use `paths`, which adds it.
 */
export const routes = {
  home: (page: PageNumber = 'front') => paged('/', page),
  article: (slug: string) => shape.article(segments(slug)),
  /** A live story's updates as a JSON Feed, newest first (src/model/live.ts): what the page's script polls. */
  updatesJsonFeed: (slug: string) => shape.updatesJsonFeed(segments(slug)),
  /** A live story's updates as RSS, newest first. */
  updatesRss: (slug: string) => shape.updatesRss(segments(slug)),
  tags: () => '/tags/',
  tag: (slug: string, page: PageNumber = 'front') => paged(shape.tag(segments(slug)), page),
  archive: () => '/archive/',
  archiveYear: (year: string) => `/archive/${year}/`,
  archiveMonth: (year: string, month: string, page: PageNumber = 'front') => paged(`/archive/${year}/${month}/`, page),
  feeds: () => '/feeds/',
  search: () => '/search/',
  rss: () => '/rss.xml',
  atom: () => '/atom.xml',
  jsonFeed: () => '/feed.json',
  tagRss: (slug: string) => shape.tagRss(segments(slug)),
  /** The sections with articles, with counts. */
  sections: () => '/sections/',
  /** A section's front (src/site.ts `sections`), paginated like a tag. */
  section: (slug: string, page: PageNumber = 'front') => paged(shape.section(segments(slug)), page),
  sectionRss: (slug: string) => shape.sectionRss(segments(slug)),
  /** An author's page: profile and articles, paginated. */
  author: (slug: string, page: PageNumber = 'front') => paged(shape.author(segments(slug)), page),
  authorRss: (slug: string) => shape.authorRss(segments(slug)),
  /** What each kind of piece means, with a link to each kind's listing (src/model/article-types.ts). */
  types: () => '/types/',
  /** The pieces of one kind (not news), paginated like a section's front. */
  type: (slug: string, page: PageNumber = 'front') => paged(shape.type(segments(slug)), page),
  typeRss: (slug: string) => shape.typeRss(segments(slug)),
  /** Every series, with how many pieces each has. */
  seriesIndex: () => '/series/',
  /** A series' pieces in reading order (src/model/series.ts), paginated like a section's front: its latest parts at its address, page 1 its first ones. */
  series: (slug: string, page: PageNumber = 'front') => paged(shape.series(segments(slug)), page),
  seriesRss: (slug: string) => shape.seriesRss(segments(slug)),
  seriesAtom: (slug: string) => shape.seriesAtom(segments(slug)),
  seriesJsonFeed: (slug: string) => shape.seriesJsonFeed(segments(slug)),
  /** The publication's own pages (src/model/about.ts): what it is and the standards it keeps, listed. */
  about: () => '/about/',
  /** One of those pages: `content/pages/<slug>.md`. */
  aboutPage: (slug: string) => shape.aboutPage(segments(slug)),
  /** Every correction and clarification across the site, newest first (src/model/corrections.ts), paginated like a tag. */
  corrections: (page: PageNumber = 'front') => paged('/corrections/', page),
  correctionsRss: () => '/corrections/rss.xml',
  correctionsAtom: () => '/corrections/atom.xml',
  correctionsJsonFeed: () => '/corrections/feed.json',
  /** Written by src/integrations/sitemap.ts. */
  sitemap: () => '/sitemap-index.xml',
  /** The Google News sitemap: written only when some article is recent (src/model/news-sitemap.ts). */
  newsSitemap: () => '/news-sitemap.xml',
  /** An article's published picture: `/media/<slug>/<file>`. */
  media: (slug: string, name: string) => shape.media(segments(mediaParam(slug, name))),
  /** Hashed build assets (scripts, styles, optimised pictures). */
  assets: () => '/_astro/',
  /** Pagefind's script, above the search shards' folders. */
  pagefind: () => '/pagefind/pagefind.js',
  /** One search shard's index (src/model/search-shards.ts), merged by the search page. */
  searchShard: (name: string) => `/pagefind/${name}/`,
  /** The search directory: which shards hold which words (src/search/words.ts). */
  searchDirectory: () => '/pagefind/directory/',
};

/** `routes` under the configured base: every link a page writes. */
export const paths = Object.fromEntries(
  Object.entries(routes).map(([name, route]) => [name, (...args: unknown[]) => pathWithBase((route as (...a: unknown[]) => string)(...args))]),
) as typeof routes;

/** Path patterns for `_headers` rules (`*` matches anything). */
export const routePatterns = {
  assets: `${routes.assets()}*`,
  media: shape.media('*'),
  tagRss: shape.tagRss('*'),
  sectionRss: shape.sectionRss('*'),
  authorRss: shape.authorRss('*'),
  typeRss: shape.typeRss('*'),
  seriesRss: shape.seriesRss('*'),
  seriesAtom: shape.seriesAtom('*'),
  seriesJsonFeed: shape.seriesJsonFeed('*'),
  updatesJsonFeed: shape.updatesJsonFeed('*'),
  updatesRss: shape.updatesRss('*'),
  /** The sitemap index and the sitemaps it lists (src/integrations/sitemap.ts): sitemap-index.xml, sitemap-0.xml, … */
  sitemaps: '/sitemap-*.xml',
};

/** The `[...file]` parameter of the media route: `<slug>/<file name>`. */
export function mediaParam(slug: string, name: string): string {
  return `${slug}/${name}`;
}

/** Resolves a base-aware path against the site origin: the form feeds, canonicals and sitemaps need. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/** What the Markdown pipeline's link plugin does with root-relative addresses: nothing at the root. */
export function rebaserFor(base: string): ((address: string) => string) | undefined {
  return base === '/' ? undefined : (address) => rebaseRootPath(base, address);
}
