import { labelsOf, type Article } from '../model/articles';
import { pageKey } from '../model/cache-keys';
import { formatDate } from '../model/dates';
import type { SearchShard } from '../model/search-shards';
import { routes } from '../model/urls';
import { SITE } from '../site';

/**
 * One published article as search indexes it: the copy by name from `Article`, and what a
 * result shows beside its headline, worded as the site words it.
 */
export interface SearchDocument extends Pick<Article, 'title' | 'standfirst' | 'html'> {
  /** Its address without the base path (`/articles/x/`): the search page adds the base. */
  url: string;
  /** The article's BCP 47 language: how its words are told apart. */
  language: string;
  /** The labels above its headline (`labelsOf`: the section first), joined by " · ". */
  labels: string;
  /** Its publication date for `<time datetime>` (src/model/dates.ts `ArticleDate.datetime`). */
  datetime: string;
  /** The same date as the site words it (src/model/dates.ts `formatDate`): "18 June 2024". */
  date: string;
  /** The search shard it belongs to (src/model/search-shards.ts). */
  shard: string;
  /**
   * The digest of what the document holds (every field above but the shard; src/model/cache-keys.ts
   * `pageKey`), so only a change search shows re-indexes its shard: a live story's new update, which
   * changes the article but not its document, does not. A change to how it is made changes the
   * build's code digest, which every shard is kept under.
   */
  digest: string;
}

/** What the catalogue hands the search index: the published articles, newest first, and the shards' names. */
export interface SearchDocuments {
  documents: readonly SearchDocument[];
  /** Newest first; the search page merges these folders under /pagefind/. */
  shards: readonly string[];
}

/** The search documents of the published archive's shards (src/model/search-shards.ts), newest first. */
export function searchDocuments(shards: readonly SearchShard<Article>[]): SearchDocuments {
  return {
    shards: shards.map((shard) => shard.name),
    documents: shards.flatMap((shard) =>
      shard.articles.map((article) => {
        const shown = {
          url: routes.article(article.slug),
          title: article.title,
          standfirst: article.standfirst,
          html: article.html,
          language: article.language.tag,
          labels: labelsOf(article)
            .map((label) => label.text)
            .join(' · '),
          datetime: article.published.datetime,
          date: formatDate(article.published, SITE.locale, SITE.timeZone),
        };
        return { ...shown, shard: shard.name, digest: pageKey(shown) };
      }),
    ),
  };
}
