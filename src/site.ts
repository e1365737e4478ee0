/**
 * Site settings: the one place for facts about the publication as a whole.
 * Deployment settings (SITE_URL, BASE_PATH, CONTENT_DIR) come from the environment and are read
 * in `astro.config.mjs` and `src/content.config.ts`; everything here is editorial.
 */
import type { ArticleType } from './model/article-types';

export const SITE = {
  /** Masthead and `<title>` suffix. */
  title: 'Broadsheet',
  /** One line for search engines, feed readers and the home page. */
  description: 'News reports, read calmly: fast static pages, full-text feeds, no tracking.',
  /** The `lang` of every page and the feed's `<language>`. */
  lang: 'en',
  /** BCP 47 locale used to word dates ("18 June 2024"). */
  locale: 'en-GB',
  /**
   * The newsroom's time zone. A date-only `published: 2024-06-18` means that calendar day here,
   * whatever time zone the build machine is in.
   */
  timeZone: 'America/New_York',
  /** The card sharing previews show when a page has no picture of its own (in public/). */
  shareCard: { path: '/og-default.png', type: 'image/png', width: 1200, height: 630, alt: 'Broadsheet: news reports, read calmly' },
  /**
   * The publisher as structured data names it (src/model/about.ts `publisherNode`): its logo, a
   * picture in public/ with its size in pixels (Google wants one at least 112 px wide), and its
   * accounts elsewhere (`sameAs`: absolute addresses of the newsroom's own profiles, e.g. its
   * Wikipedia page or Mastodon account). Its policies are the pages in content/pages with a `role`.
   */
  publisher: { logo: { path: '/logo.png', width: 512, height: 512 }, sameAs: [] as readonly string[] },
  /**
   * Where readers report an error: an e-mail address. Every article then offers "Report an error",
   * a `mailto:` link with the headline as its subject and the article's address in its body; unset,
   * no article offers one. A static site has no server to take a form, so e-mail it is.
   */
  errorReportsTo: undefined as string | undefined,
  /**
   * The age notice (src/model/age.ts): a published piece at least `afterYears` whole years old by
   * the build's clock (BUILD_TIME) says "This article is more than N years old" above its headline,
   * except the kinds in `exemptTypes`, whose age is their point (an obituary).
   */
  ageNotice: { afterYears: 1, exemptTypes: ['obituary'] as readonly ArticleType[] },
  /** How many articles a listing page (home, tag, archive month) shows before paginating. */
  pageSize: 20,
  /**
   * How many search results appear at once; "More results" adds as many again. Each costs a
   * 2.5 KB download, so this, more than the index's size, sets what one query weighs.
   */
  searchBatch: 10,
  /**
   * The front page (src/model/front.ts): a piece marked `prominence: lead` leads it for this many
   * hours after publication, by the build's clock (BUILD_TIME); past that, or with none, the newest
   * piece leads. Pieces marked `top` (and older `lead`s) are top stories within the same window.
   */
  leadHours: 72,
  /** The most top stories the front shows under its lead. */
  topStories: 4,
  /** How many of a section's newest pieces its row on the front shows (those not already above). */
  sectionRow: 3,
  /** How many related articles an article page lists. */
  relatedLimit: 3,
  /** How many of the newest articles the feeds carry. */
  feedLimit: 50,
  /**
   * The most a feed may weigh: bytes of the whole file, UTF-8, before any compression. Past it, the
   * oldest items carry their standfirst and a link instead of the full text; should even that be
   * too heavy, only the newest items that fit are kept; and a build whose feed cannot hold even its
   * newest item that way stops, naming the feed (src/feeds/budget.ts). Readers and services
   * refuse or cut feeds past a size: several at 2–5 MB, FeedBurner at 512 KB (its help page,
   * "Your feed filesize is larger than 512K"); lower this for a service with a smaller limit.
   */
  feedBytes: 1024 * 1024,
  /**
   * The newsroom's sections, in masthead order. An article's `section` must name one of them (the
   * content check refuses any other, so a typo never opens a new section); each section with published
   * articles gets a front at /sections/<slug>/ and a link in the masthead. Slugs are URL segments:
   * lower case ASCII letters, digits and hyphens. Renaming a section's `name` keeps its URLs.
   */
  sections: [
    { name: 'World', slug: 'world' },
    { name: 'Politics', slug: 'politics' },
    { name: 'Business', slug: 'business' },
    { name: 'Europe', slug: 'europe' },
    { name: 'Americas', slug: 'americas' },
    { name: 'Asia', slug: 'asia' },
    { name: 'Middle East', slug: 'middle-east' },
    { name: 'Africa', slug: 'africa' },
    { name: 'Science', slug: 'science' },
    { name: 'Technology', slug: 'technology' },
    { name: 'Local', slug: 'local' },
  ],
} as const;
