import { SITE } from '../site';
import type { Article } from './articles';

const names = new Intl.ListFormat(SITE.locale, { style: 'long', type: 'conjunction' });

/**
 * Who an article is credited to, one name each: its authors when the copy names them, else the
 * publication. Feeds (dc:creator, Atom author, JSON Feed authors) and JSON-LD list these; the
 * page's credit line (Byline) shows the same people.
 */
export function creditNames(article: Pick<Article, 'byline' | 'source'>): string[] {
  if (article.byline.length > 0) return article.byline.map((person) => person.name);
  return article.source ? [article.source.name] : [];
}

/** Joins names for display: "A", "A and B", "A, B and C". */
export function joinNames(list: readonly string[]): string {
  return names.format(list);
}

/**
 * `joinNames` in pieces, so a page can link each name: `{ index }` for the name at that position
 * of `list`, `{ text }` for the words between ("A, B and C" → A, ", ", B, " and ", C).
 */
export function joinNameParts(list: readonly string[]): ({ index: number } | { text: string })[] {
  let next = 0;
  return names.formatToParts(list).map((part) => (part.type === 'element' ? { index: next++ } : { text: part.value }));
}
