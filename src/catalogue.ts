import { getCollection } from 'astro:content';
import { checkRendered } from './checks/rendered';
import { publishing } from './env';
import { shareSearchDocuments } from './integrations/search-index';
import { shareLastModified } from './integrations/sitemap-dates';
import { archiveOf, selectArticles, tagsOf, withCanonicalTagNames, type Article, type ArchiveYear } from './model/articles';
import { articleKey } from './model/cache-keys';
import { formatDate } from './model/dates';
import { modifiedTime } from './model/metadata';
import { newsArticles } from './model/news-sitemap';
import { searchShards } from './model/search-shards';
import type { Tag } from './model/tags';
import { paths, routes } from './model/urls';
import { SITE } from './site';

/** Everything the build publishes, modelled once: articles newest first, tags, the archive. */
export interface Catalogue {
  articles: Article[];
  tags: Tag<Article>[];
  archive: ArchiveYear[];
  /** The search shards' names, newest first (src/model/search-shards.ts). */
  searchShards: string[];
  /** What the news sitemap lists (src/model/news-sitemap.ts); robots.txt names it only when this is not empty. */
  news: Article[];
}

let catalogue: Promise<Catalogue> | undefined;

/**
 * Loads, checks, filters and sorts the collection once per build. Every page and feed reads from
 * here, so whole-collection work (sorting, tag maps) is never repeated per page. This is the one
 * place the content layer, the environment and the model meet; the model itself stays pure.
 */
export function loadCatalogue(): Promise<Catalogue> {
  catalogue ??= getCollection('articles').then((entries) => {
    const settings = publishing();
    const selected = selectArticles(checkRendered(entries), settings);
    const tags = tagsOf(selected);
    // Names settle before anything is keyed (src/model/cache-keys.ts remembers an article's key).
    const articles = withCanonicalTagNames(selected, tags);
    shareLastModified(new Map(articles.map((article) => [paths.article(article.slug), modifiedTime(article)])));
    const archive = archiveOf(articles);
    // Preview builds show drafts and scheduled pieces, but never let search find them.
    const published = articles.filter((article) => article.status === 'published');
    const shards = searchShards(published.length === articles.length ? archive : archiveOf(published));
    const shardNames = shards.map((shard) => shard.name);
    shareSearchDocuments({
      shards: shardNames,
      documents: shards.flatMap((shard) =>
        shard.articles.map((article) => ({
          url: routes.article(article.slug),
          title: article.title,
          standfirst: article.standfirst,
          html: article.html,
          language: article.language.tag,
          section: article.section,
          datetime: article.published.datetime,
          date: formatDate(article.published, SITE.locale, SITE.timeZone),
          shard: shard.name,
          digest: articleKey(article),
        })),
      ),
    });
    return { articles, tags, archive, searchShards: shardNames, news: newsArticles(articles, settings.now) };
  });
  return catalogue;
}
