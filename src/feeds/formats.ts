import { paths, routes } from '../model/urls.ts';

/** A feed format: its name for readers and the media type hosts must send it with. */
export interface FeedFormat {
  /** What people call it: "RSS", "Atom", "JSON Feed". */
  name: string;
  /** The IANA media type (RSS: RSS Advisory Board; Atom: RFC 4287 §7; JSON Feed 1.1 spec). */
  type: string;
}

/** The formats Broadsheet serialises one feed model into. */
export const FEED_FORMATS = {
  rss: { name: 'RSS', type: 'application/rss+xml' },
  atom: { name: 'Atom', type: 'application/atom+xml' },
  json: { name: 'JSON Feed', type: 'application/feed+json' },
} as const satisfies Record<string, FeedFormat>;

/** The `Content-Type` header for a format: its media type in UTF-8. */
export function contentType(format: FeedFormat): string {
  return `${format.type}; charset=utf-8`;
}

/**
 * The whole site's feeds: same items, three formats, each at its site-relative route. Read by
 * the feed routes, every page's discovery links, the feeds page and `_headers`.
 */
export const SITE_FEEDS = [
  { format: FEED_FORMATS.rss, route: routes.rss() },
  { format: FEED_FORMATS.atom, route: routes.atom() },
  { format: FEED_FORMATS.json, route: routes.jsonFeed() },
] as const;

/** A series' feeds, "Follow this story": the same items in each format, by their paths under the base. */
export function seriesFeeds(slug: string): { format: FeedFormat; path: string }[] {
  return [
    { format: FEED_FORMATS.rss, path: paths.seriesRss(slug) },
    { format: FEED_FORMATS.atom, path: paths.seriesAtom(slug) },
    { format: FEED_FORMATS.json, path: paths.seriesJsonFeed(slug) },
  ];
}

/**
 * A live story's update feeds (src/model/live.ts), by their paths under the base: what its page
 * advertises (`<link rel="alternate">`) and links, and what its script polls (the JSON Feed).
 */
export function updatesFeeds(slug: string): { format: FeedFormat; path: string }[] {
  return [
    { format: FEED_FORMATS.rss, path: paths.updatesRss(slug) },
    { format: FEED_FORMATS.json, path: paths.updatesJsonFeed(slug) },
  ];
}

/**
 * The corrections log's feeds (/corrections/): the same entries in each format, each at its
 * site-relative route. Read by the feed routes, the log's discovery links, the feeds page and `_headers`.
 */
export const CORRECTIONS_FEEDS = [
  { format: FEED_FORMATS.rss, route: routes.correctionsRss() },
  { format: FEED_FORMATS.atom, route: routes.correctionsAtom() },
  { format: FEED_FORMATS.json, route: routes.correctionsJsonFeed() },
] as const;
