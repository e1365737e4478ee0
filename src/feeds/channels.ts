import type { Article } from '../model/articles';
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
