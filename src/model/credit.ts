import { SITE } from '../site';
import type { Article } from './articles';

const names = new Intl.ListFormat(SITE.locale, { style: 'long', type: 'conjunction' });

/**
 * Who an article is credited to: its writers when the copy names them, else the publication.
 * One wording for the page's credit line, the feeds' creator and structured data.
 */
export function creditOf(article: Pick<Article, 'byline' | 'source'>): string | undefined {
  if (article.byline.length > 0) return joinNames(article.byline);
  return article.source?.name;
}

/** The credited names one by one: the writers, or else the publication. Feeds list each. */
export function creditNames(article: Pick<Article, 'byline' | 'source'>): string[] {
  if (article.byline.length > 0) return [...article.byline];
  return article.source ? [article.source.name] : [];
}

/** Joins names for display: "A", "A and B", "A, B and C". */
export function joinNames(list: readonly string[]): string {
  return names.format(list);
}
