import type { Article } from '../model/articles';
import type { Author } from '../model/authors';
import type { SectionFront } from '../model/sections';
import type { Tag } from '../model/tags';
import { paths } from '../model/urls';
import { SITE } from '../site';
import { feedChannel, type FeedChannel } from './items';

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
