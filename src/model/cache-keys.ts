import { createHash } from 'node:crypto';
import type { Article, Card } from './articles';
import type { Author } from './authors';
import type { Page } from './pagination';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`, Astro ≥ 7.2): a page
 * whose key and code are unchanged since the last build is copied, not rendered
 * (astro/src/core/build/incremental.ts `canSkip`). A key must therefore cover exactly what the page
 * shows: too little and a page goes stale, too much and it is rendered for nothing. Code, CSS and
 * the Astro config (site, base, Markdown settings) are Astro's side of the check; build settings
 * outside the config (BUILD_TIME, SHOW_DRAFTS) reach pages only through the articles a build
 * selects, which the keys cover. tests/e2e/incremental.test.ts holds a warm build to a cold one.
 */

/** SHA-256 (base64url, 43 characters) of `parts` as JSON. Dates become ISO 8601 strings in UTC. */
export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

const articleKeys = new WeakMap<Article, string>();
const cardKeys = new WeakMap<Card, string>();

/**
 * Everything an article page shows of its own article, body included: a correction to any field
 * changes it. Computed once per article object per build.
 */
export function articleKey(article: Article): string {
  let key = articleKeys.get(article);
  if (key === undefined) articleKeys.set(article, (key = cacheKey(article)));
  return key;
}

/**
 * What a listing, a related list or the article pager shows of an article (`cardOf`): a
 * correction to its body leaves the pages that list it alone.
 */
export function cardKey(card: Card): string {
  let key = cardKeys.get(card);
  if (key === undefined) cardKeys.set(card, (key = cacheKey(cardOf(card))));
  return key;
}

/** The fields of an article that cards show, and no others (src/components/StoryCard.astro). */
export function cardOf(article: Card): Card {
  const { slug, title, standfirst, section, published, language, file, leadImage } = article;
  return { slug, title, standfirst, section, published, language, file, leadImage };
}

/**
 * An article page: the article itself, the cards of its related articles and of its older and
 * newer neighbours (the pager shows their headlines), and the masthead (`Catalogue.mastheadKey`).
 */
export function articlePageKey(article: Article, related: readonly Card[], older: Card | undefined, newer: Card | undefined, masthead: string): string {
  return cacheKey('article', masthead, articleKey(article), related.map(cardKey), older && cardKey(older), newer && cardKey(newer));
}

/**
 * One page of a listing (home, tag, desk, writer, archive month): `heading` is what names the
 * listing (a tag's display name and slug, a month, a writer's profile) and the masthead
 * (`Catalogue.mastheadKey`), then the page's place in the listing and its cards.
 */
export function listingPageKey(heading: readonly unknown[], page: Page<Card>): string {
  return cacheKey('listing', heading, page.number, page.total, page.items.map(cardKey));
}

/** A feed of whole articles (a tag's RSS feed): its name and every article it carries, bodies included. */
export function feedKey(heading: readonly unknown[], articles: readonly Article[]): string {
  return cacheKey('feed', heading, articles.map(articleKey));
}

/**
 * The news sitemap (src/model/news-sitemap.ts): each listed article's address, headline, language
 * and publication instant, in order.
 */
export function newsSitemapKey(articles: readonly Pick<Article, 'slug' | 'title' | 'language' | 'published'>[]): string {
  return cacheKey('news-sitemap', articles.map(({ slug, title, language, published }) => [slug, title, language.tag, published.instant]));
}

/**
 * What a writer's page shows of their profile: every field, the portrait by its file's digest.
 * The portrait's own metadata is never read here: Astro counts any read of it as a use of the
 * original file and then publishes the original too (astro/src/assets/utils/proxy.ts).
 */
export function authorKey(author: Author): string {
  const { image, ...profile } = author;
  return cacheKey('author', profile, image && { alt: image.alt, credit: image.credit, digest: image.digest });
}
