import { ARTICLE_TYPES, type ArticleType } from '../model/article-types';
import { compareNewestFirst, type Article } from '../model/articles';
import type { Series } from '../model/series';
import type { Author } from '../model/authors';
import type { SectionFront } from '../model/sections';
import type { Tag } from '../model/tags';
import { paths } from '../model/urls';
import { SITE } from '../site';
import type { LoggedCorrection } from '../model/corrections';
import { correctionFeedItem, feedChannel, updateFeedItem, xmlText, type FeedChannel } from './items';
import type { Coverage } from '../model/live';
import { absoluteUrl } from '../model/urls';

/** The whole site's feed, served at `feedPath` (one per format). */
export function siteChannel(articles: readonly Article[], site: URL, feedPath: string): FeedChannel {
  return feedChannel(articles, site, {
    title: SITE.title,
    description: SITE.description,
    language: SITE.lang,
    homePath: paths.home(),
    feedPath,
    limit: SITE.feedLimit,
  });
}

/** The title of a listing's feed (a tag, a section, an author, by its name): in the feed, and on the link to it. */
export function listingFeedTitle(name: string): string {
  return `${SITE.title}: ${name}`;
}

/** A listing's RSS feed (a tag, a section, an author): the newest of its articles, as the listing shows them. */
function listingChannel(articles: readonly Article[], site: URL, name: string, description: string, homePath: string, feedPath: string): FeedChannel {
  return feedChannel(articles, site, { title: listingFeedTitle(name), description, language: SITE.lang, homePath, feedPath, limit: SITE.feedLimit });
}

/** One tag's RSS feed. */
export function tagChannel(tag: Tag<Article>, site: URL): FeedChannel {
  return listingChannel(tag.articles, site, tag.name, `${SITE.title} articles tagged ${tag.name}, newest first.`, paths.tag(tag.slug), paths.tagRss(tag.slug));
}

/** One section's RSS feed: the newest of its articles, as on its front. */
export function sectionChannel(section: SectionFront<Article>, site: URL): FeedChannel {
  return listingChannel(section.articles, site, section.name, `${SITE.title} articles from the ${section.name} section, newest first.`, paths.section(section.slug), paths.sectionRss(section.slug));
}

/** One author's RSS feed: their newest articles, as on their page. */
export function authorChannel(author: Pick<Author, 'name' | 'slug'>, articles: readonly Article[], site: URL): FeedChannel {
  return listingChannel(articles, site, author.name, `${SITE.title} articles by ${author.name}, newest first.`, paths.author(author.slug), paths.authorRss(author.slug));
}

/** One kind of piece's RSS feed (not news): the newest pieces of that kind, as on its listing. */
export function typeChannel(type: ArticleType, articles: readonly Article[], site: URL): FeedChannel {
  const { heading } = ARTICLE_TYPES[type];
  return listingChannel(articles, site, heading, `${SITE.title}: ${heading}, newest first.`, paths.type(type), paths.typeRss(type));
}

/**
 * What a series' feeds carry, and so their routes' props: its name, slug and newest SITE.feedLimit
 * pieces, newest first, as feed readers expect, though its page lists them in reading order.
 */
export function seriesFeedContent(series: Series<Article>): Series<Article> {
  return { name: series.name, slug: series.slug, articles: series.articles.toSorted(compareNewestFirst).slice(0, SITE.feedLimit) };
}

/** A series' feed, "Follow this story" (`feedPath`: its RSS, Atom or JSON Feed address), from `seriesFeedContent`. */
export function seriesChannel(series: Series<Article>, site: URL, feedPath: string): FeedChannel {
  return listingChannel(series.articles, site, series.name, `Every piece of ${series.name} from ${SITE.title}, newest first.`, paths.series(series.slug), feedPath);
}

/**
 * What the corrections log's feeds carry, and so their routes' props: its newest SITE.feedLimit
 * notes (src/model/corrections.ts `correctionsLog`, newest first).
 */
export function correctionsFeedContent(log: readonly LoggedCorrection[]): LoggedCorrection[] {
  return log.slice(0, SITE.feedLimit);
}

/** The corrections log's feed (`feedPath`: its RSS, Atom or JSON Feed address): one entry per correction or clarification, newest first. */
export function correctionsChannel(log: readonly LoggedCorrection[], site: URL, feedPath: string): FeedChannel {
  const items = log.map((entry) => correctionFeedItem(entry, site));
  return {
    title: xmlText(listingFeedTitle('Corrections and clarifications')),
    description: xmlText(`Every correction and clarification to ${SITE.title}'s articles, newest first.`),
    language: SITE.lang,
    homeUrl: absoluteUrl(paths.corrections(), site),
    feedUrl: absoluteUrl(feedPath, site),
    items,
    // Never the clock: the newest note's date, so rebuilds are byte-identical.
    updated: items[0]?.published,
  };
}

/**
 * A live story's updates as a feed (src/model/live.ts): the newest SITE.feedLimit updates published
 * by the build's clock, newest first, as its page lists them (`updateFeedItem`): what an open
 * page's script needs, at the weight of any other feed; titled with the story's
 * headline, linked to its page, and `expired` once coverage has ended. The story must have
 * coverage (`Article.coverage`).
 */
export function updatesChannel(story: UpdatesFeedContent, site: URL, feedPath: string): FeedChannel {
  const items = story.coverage.updates.slice(0, SITE.feedLimit).map((update) => updateFeedItem(update, story, site));
  return {
    title: xmlText(updatesFeedTitle(story.title)),
    description: xmlText(story.standfirst),
    language: story.language.tag,
    homeUrl: absoluteUrl(paths.article(story.slug), site),
    feedUrl: absoluteUrl(feedPath, site),
    items,
    updated: items[0]?.published ?? story.published.instant,
    expired: !story.coverage.live,
  };
}

/** The title of a live story's update feeds, in the feeds and on the links to them. */
export function updatesFeedTitle(headline: string): string {
  return `${headline}: live updates`;
}

/** What a live story's update feeds show of it, and so their routes' props: the fields `updatesChannel` reads. */
export type UpdatesFeedContent = Pick<Article, 'slug' | 'title' | 'standfirst' | 'language' | 'published' | 'type'> & { coverage: Coverage };

/** The update feeds' props for a story with coverage: only what they show, so an edit to its body leaves them alone. */
export function updatesFeedContent(story: Article & { coverage: Coverage }): UpdatesFeedContent {
  const { slug, title, standfirst, language, published, type, coverage } = story;
  return { slug, title, standfirst, language, published, type, coverage };
}
