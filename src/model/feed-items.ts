import { absolutizeHtml } from '../markdown/absolute-urls';
import type { Article } from './articles';
import { creditOf } from './credit';
import { absoluteUrl, paths } from './urls';

/** One feed entry, format-neutral: RSS (and later Atom and JSON Feed) serialise this. */
export interface FeedItem {
  /** The canonical article URL: also the stable id. */
  url: string;
  title: string;
  /** Plain text summary: the standfirst. */
  summary: string;
  /** The article as HTML with every address absolute: the standfirst, then the body. */
  contentHtml: string;
  published: Date;
  updated: Date | undefined;
  categories: string[];
  credit: string | undefined;
}

/** The newest `limit` articles as feed entries. Articles must already be newest first. */
export function feedItems(articles: readonly Article[], site: URL | string, limit: number): FeedItem[] {
  return articles.slice(0, limit).map((article) => {
    const url = absoluteUrl(paths.article(article.slug), site);
    return {
      url,
      title: article.title,
      summary: article.standfirst,
      // The standfirst is the article's first paragraph; a feed reader shows only the content.
      contentHtml: absolutizeHtml(article.html, url, { text: article.standfirst, className: 'standfirst' }),
      published: article.published.instant,
      updated: article.updated?.instant,
      categories: article.tags.map((tag) => tag.name),
      credit: creditOf(article),
    };
  });
}
