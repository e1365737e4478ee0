import type { Article } from '../model/articles';
import type { Author } from '../model/authors';
import type { DeskFront } from '../model/desks';
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

/** One tag's RSS feed. */
export function tagChannel(tag: Tag<Article>, site: URL): FeedChannel {
  return feedChannel(tag.articles, site, {
    title: `${SITE.title}: ${tag.name}`,
    description: `${SITE.title} articles tagged ${tag.name}, newest first.`,
    language: SITE.lang,
    homePath: paths.tag(tag.slug),
    feedPath: paths.tagRss(tag.slug),
    limit: SITE.feedLimit,
  });
}

/** One desk's RSS feed: the newest of its articles, as on its front. */
export function deskChannel(desk: DeskFront<Article>, site: URL): FeedChannel {
  return feedChannel(desk.articles, site, {
    title: `${SITE.title}: ${desk.name}`,
    description: `${SITE.title} articles from the ${desk.name} desk, newest first.`,
    language: SITE.lang,
    homePath: paths.section(desk.slug),
    feedPath: paths.sectionRss(desk.slug),
    limit: SITE.feedLimit,
  });
}

/** One writer's RSS feed: their newest articles, as on their page. */
export function authorChannel(author: Pick<Author, 'name' | 'slug'>, articles: readonly Article[], site: URL): FeedChannel {
  return feedChannel(articles, site, {
    title: `${SITE.title}: ${author.name}`,
    description: `${SITE.title} articles by ${author.name}, newest first.`,
    language: SITE.lang,
    homePath: paths.author(author.slug),
    feedPath: paths.authorRss(author.slug),
    limit: SITE.feedLimit,
  });
}
