import { isPaid } from './article-types';
import type { Article } from './articles';
import { isoWithOffset } from './dates';

/**
 * Google News sitemaps list only recent articles: "articles that were published in the last two
 * days", and at most 1,000 of them per sitemap (Google Search Central, "Build a Google News
 * sitemap": developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
 */
export const NEWS_WINDOW_HOURS = 48;
/** The most `<url>` entries one news sitemap may hold (same source). */
export const NEWS_SITEMAP_LIMIT = 1000;

const HOUR = 3_600_000;

/**
 * The articles the news sitemap lists: published (no drafts, nothing scheduled, even in preview
 * builds), journalism (no paid content: Google News's content policies, "Ads and sponsored
 * content", keep it out of news results), at an instant no later than `now` and no more than NEWS_WINDOW_HOURS before it (an
 * article exactly 48 h old is still in), newest first, at most NEWS_SITEMAP_LIMIT. A date-only
 * article counts from midnight of its day in the newsroom's zone, the instant it carries.
 * `articles` must be newest first, as `selectArticles` returns them; `now` is the build's clock
 * (BUILD_TIME). robots.txt and the sitemap both read this, so they never disagree on whether
 * there is a news sitemap at all.
 */
export function newsArticles<T extends Pick<Article, 'published' | 'status' | 'type'>>(articles: readonly T[], now: Date, limit = NEWS_SITEMAP_LIMIT): T[] {
  const end = now.getTime();
  const start = end - NEWS_WINDOW_HOURS * HOUR;
  return articles
    .filter((article) => {
      const at = article.published.instant.getTime();
      return article.status === 'published' && !isPaid(article.type) && at >= start && at <= end;
    })
    .slice(0, limit);
}

/**
 * A BCP 47 tag (`en`, `pt-BR`, `zh-Hant`) as Google's `<news:language>` wants it: an ISO 639
 * code of two or three letters, lower case, except Chinese, which is `zh-cn` (Simplified) or
 * `zh-tw` (Traditional). Chinese counts as Traditional when its script is Hant or, with no script
 * given, its region is Taiwan, Hong Kong or Macao; otherwise Simplified. Throws for a tag whose
 * language is not two or three letters (the content check accepts only tags a browser knows,
 * whose languages are).
 */
export function newsLanguage(tag: string): string {
  const locale = new Intl.Locale(tag);
  const language = locale.language.toLowerCase();
  if (!/^[a-z]{2,3}$/.test(language)) throw new Error(`news sitemap: "${tag}" has no two- or three-letter ISO 639 language code`);
  if (language !== 'zh') return language;
  const traditional = locale.script ? locale.script === 'Hant' : ['TW', 'HK', 'MO'].includes(locale.region ?? '');
  return traditional ? 'zh-tw' : 'zh-cn';
}

/** One `<url>` of the news sitemap, in the shape the `sitemap` package writes (its `SitemapItemLoose`). */
export interface NewsEntry {
  /** The article's absolute canonical address. */
  url: string;
  news: {
    publication: { name: string; language: string };
    /** W3C date-time with the newsroom's offset: `2024-06-18T09:30:00-04:00`. */
    publication_date: string;
    title: string;
  };
}

/**
 * The news sitemap entry of an article: `address` is its absolute canonical URL, `publication`
 * the publication's name as Google News shows it (SITE.title), `timeZone` the newsroom's.
 */
export function newsEntry(article: Pick<Article, 'title' | 'published' | 'language'>, address: string, publication: string, timeZone: string): NewsEntry {
  return {
    url: address,
    news: {
      publication: { name: publication, language: newsLanguage(article.language.tag) },
      publication_date: isoWithOffset(article.published, timeZone),
      title: article.title,
    },
  };
}

